export type DatabaseKind = "mysql" | "mariadb" | "sqlite";

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** The URL as given, for messages only after `redactUrl`. */
  url: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** SQLite file path, or ":memory:". */
  path?: string;
}

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  /** Load the sample disclosure into an empty database at start. */
  loadSample: boolean;
  /** Milliseconds a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
}

export const DEFAULT_DATABASE_URL = "sqlite:./data/budget.sqlite";

export class ConfigError extends Error {}

/** `mysql://user:pass@host:3306/db`, `mariadb://…`, or `sqlite:<path>`. */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\//, "");
    if (!path) throw new ConfigError(`DATABASE_URL ${url}: sqlite needs a file path, e.g. sqlite:./data/budget.sqlite`);
    return { kind: "sqlite", url, path };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: ${redactUrl(url)}`);
  }
  const kind = parsed.protocol.replace(/:$/, "");
  if (kind !== "mysql" && kind !== "mariadb") {
    throw new ConfigError(`DATABASE_URL scheme "${kind}" is not supported: use mysql://, mariadb:// or sqlite:`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new ConfigError(`DATABASE_URL ${redactUrl(url)} names no database (…/budget)`);
  return {
    kind,
    url,
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || "root"),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, "$1:***@");
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, byDefault: number): number {
  const raw = env[name]?.trim();
  if (!raw) return byDefault;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = env.PORT ? Number(env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    database: parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    loadSample: env.LOAD_SAMPLE !== "0",
    shutdownGraceMs: wholeNumber(env, "SHUTDOWN_GRACE_MS", 10_000),
  };
}
