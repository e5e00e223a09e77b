import { ConfigError } from "../config";

/**
 * Every hard limit the server applies to a request, in one place. Each is read from an
 * environment variable at start-up (LIMITS below, which the README's "Limits" table follows);
 * tests pass their own values to createServer.
 */
export interface Limits {
  /** Characters of query text a request may carry; checked before the text is parsed. */
  maxQueryBytes: number;
  /** Lexical tokens the parser reads before it gives up (graphql-js `maxTokens`). */
  maxTokens: number;
  /** Fields nested inside one another, fragments followed, introspection included. */
  maxDepth: number;
  /** Aliases in one operation, counted over all its selections. */
  maxAliases: number;
  /** Times one field may be asked for under different aliases in one selection set. */
  maxAliasesPerField: number;
  /** The most a request may cost (src/common/complexity.ts prices it). */
  maxCost: number;
  /** Characters in any one string argument (importDisclosure's file content excepted). */
  maxStringLength: number;
  /** Values in any one list argument. */
  maxListValues: number;
  /** Seconds one database statement may run before the database stops it (MySQL, MariaDB). */
  statementTimeoutSeconds: number;
  /** Milliseconds SQLite waits for another process's write lock (the server's thread waits with it). */
  sqliteBusyTimeoutMs: number;
  /** Milliseconds a query may take before it is answered REQUEST_TIMEOUT. */
  requestDeadlineMs: number;
  /** The same for a request holding a mutation (an import reads a whole file). */
  mutationDeadlineMs: number;
  /** Cost points a client address may spend per minute without a token; 0 turns the limit off. */
  rateLimitPerAddress: number;
  /** Cost points one API token may spend per minute; 0 turns the limit off. */
  rateLimitPerToken: number;
  /** Schema introspection for callers without a token. */
  publicIntrospection: boolean;
  /** "Did you mean …?" suggestions in errors for callers without a token. */
  publicSuggestions: boolean;
}

interface LimitSpec {
  key: keyof Limits;
  env: string;
  /** The default, or for switches a function of NODE_ENV. */
  byDefault: number | ((production: boolean) => boolean);
}

/** The environment variable and default of each limit (the README table lists the same). */
export const LIMITS: readonly LimitSpec[] = [
  { key: "maxQueryBytes", env: "MAX_QUERY_BYTES", byDefault: 100_000 },
  { key: "maxTokens", env: "MAX_QUERY_TOKENS", byDefault: 10_000 },
  { key: "maxDepth", env: "MAX_QUERY_DEPTH", byDefault: 20 },
  { key: "maxAliases", env: "MAX_ALIASES", byDefault: 200 },
  { key: "maxAliasesPerField", env: "MAX_ALIASES_PER_FIELD", byDefault: 30 },
  { key: "maxCost", env: "MAX_QUERY_COST", byDefault: 250_000 },
  { key: "maxStringLength", env: "MAX_STRING_ARGUMENT", byDefault: 255 },
  { key: "maxListValues", env: "MAX_LIST_ARGUMENT", byDefault: 1_000 },
  { key: "statementTimeoutSeconds", env: "DB_STATEMENT_TIMEOUT_SECONDS", byDefault: 20 },
  { key: "sqliteBusyTimeoutMs", env: "SQLITE_BUSY_TIMEOUT_MS", byDefault: 5_000 },
  { key: "requestDeadlineMs", env: "REQUEST_DEADLINE_MS", byDefault: 25_000 },
  { key: "mutationDeadlineMs", env: "MUTATION_DEADLINE_MS", byDefault: 300_000 },
  { key: "rateLimitPerAddress", env: "RATE_LIMIT_ADDRESS_PER_MINUTE", byDefault: 5_000_000 },
  { key: "rateLimitPerToken", env: "RATE_LIMIT_TOKEN_PER_MINUTE", byDefault: 20_000_000 },
  { key: "publicIntrospection", env: "PUBLIC_INTROSPECTION", byDefault: (production) => !production },
  { key: "publicSuggestions", env: "PUBLIC_SUGGESTIONS", byDefault: (production) => !production },
];

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const production = env.NODE_ENV === "production";
  const out: Record<string, number | boolean> = {};
  for (const spec of LIMITS) {
    const raw = env[spec.env]?.trim();
    if (typeof spec.byDefault === "function") {
      if (!raw) out[spec.key] = spec.byDefault(production);
      else if (/^(1|true|on|yes)$/i.test(raw)) out[spec.key] = true;
      else if (/^(0|false|off|no)$/i.test(raw)) out[spec.key] = false;
      else throw new ConfigError(`${spec.env} must be on or off (1/0, true/false), got "${raw}"`);
      continue;
    }
    if (!raw) {
      out[spec.key] = spec.byDefault;
      continue;
    }
    const n = Number(raw.replace(/_/g, ""));
    if (!Number.isSafeInteger(n) || n < 0) throw new ConfigError(`${spec.env} must be a whole number ≥ 0, got "${raw}"`);
    out[spec.key] = n;
  }
  return out as unknown as Limits;
}

/** The limits with nothing set in the environment (development). */
export const DEFAULT_LIMITS: Limits = limitsFromEnv({});
