import { userInfo } from "node:os";
import { loadConfig } from "../config";
import { openPlatformDatabase } from "../platform";
import { type ApiTokenRow, DEFAULT_EXPIRY_DAYS, TOKEN_ROLES, TokenService } from "../modules/access/token.service";

export const TOKEN_USAGE = `usage: npm run budget -- token <command>

  token create --role DEPARTMENT|FINANCE|ADMIN [--department CODE] [--expires-days N] [--name TEXT]
                       make a token; it is printed once, alone on the last line, and stored
                       only as a hash (a DEPARTMENT token needs --department, an existing
                       department's code; --expires-days defaults to ${DEFAULT_EXPIRY_DAYS})
  token list           the tokens, newest first: id, role, department, name, created, expires,
                       last used, revoked (never the token itself)
  token revoke ID      refuse the token from now on

--json (any command) prints one JSON document instead: the token made (with its secret), the
tokens listed, or the token revoked; a refusal as { "problem": … } on standard error.
Exit status: 0 done, 1 refused (the message says why), 2 bad usage.`;

const VALUE_OPTIONS = ["--role", "--department", "--expires-days", "--name"] as const;

/** `--name value` pairs, or the first problem with them. */
function parseOptions(args: string[]): { options: Map<string, string>; positional: string[] } | string {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(a)) return `unknown option ${a}`;
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) return `${a} needs a value`;
    if (options.has(a)) return `${a} given twice`;
    options.set(a, value);
    i++;
  }
  return { options, positional };
}

const time = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

/** Columns a terminal gives the text: two for each CJK (wide) character. */
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);

function printTable(rows: ApiTokenRow[]): void {
  const header = ["id", "role", "department", "name", "created", "expires", "last used", "revoked"];
  const lines = rows.map((t) => [String(t.id), t.role, t.departmentCode ?? "-", t.name, time(t.createdAt), time(t.expiresAt), time(t.lastUsedAt), time(t.revokedAt)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => width(l[i]!))));
  for (const l of [header, ...lines]) console.log(l.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join("  ").trimEnd());
}

function printJson(document: object): number {
  console.log(JSON.stringify(document, null, 2));
  return 0;
}

function refused(message: string, json: boolean): number {
  console.error(json ? JSON.stringify({ problem: message }) : message);
  return 1;
}

function usage(problem?: string): number {
  if (problem) console.error(`${problem}\n`);
  console.error(TOKEN_USAGE);
  return 2;
}

/** `npm run budget -- token …`: the administrator's tools, for whoever holds the database. */
export async function runToken(argv: string[]): Promise<number> {
  const [command, ...given] = argv;
  const json = given.includes("--json");
  const rest = given.filter((a) => a !== "--json");
  const parsed = parseOptions(rest);
  if (typeof parsed === "string") return usage(parsed);
  const { options, positional } = parsed;
  let run: (tokens: TokenService) => Promise<number>;
  if (command === "create" && !positional.length) {
    const role = options.get("--role");
    if (!role) return usage("token create needs --role");
    if (!(TOKEN_ROLES as readonly string[]).includes(role)) return usage(`--role must be one of ${TOKEN_ROLES.join(", ")}, got "${role}"`);
    const daysText = options.get("--expires-days");
    if (daysText !== undefined && !/^\d+$/.test(daysText)) return usage(`--expires-days must be a whole number of days, got "${daysText}"`);
    run = async (tokens) => {
      const made = await tokens.create({ role, departmentCode: options.get("--department"), expiresInDays: daysText === undefined ? undefined : Number(daysText), name: options.get("--name") });
      if ("problem" in made) return refused(made.problem.message, json);
      const t = made.token;
      if (json) return printJson({ token: t, secret: made.secret });
      console.log(`token ${t.id} made: ${t.role}${t.departmentCode ? ` for department ${t.departmentCode}` : ""}, "${t.name}", expires ${time(t.expiresAt)} UTC`);
      console.log("it is shown only now (the database keeps a hash); send it as `Authorization: Bearer <token>`:");
      console.log(made.secret);
      return 0;
    };
  } else if (command === "list" && !positional.length && !options.size) {
    run = async (tokens) => {
      const { rows } = await tokens.page({}, { offset: 0, limit: 1_000_000 });
      if (json) return printJson({ tokens: rows });
      if (rows.length) printTable(rows);
      else console.log("no tokens yet: make one with `npm run budget -- token create --role …`");
      return 0;
    };
  } else if (command === "revoke" && positional.length === 1 && !options.size) {
    if (!/^\d+$/.test(positional[0]!)) return usage(`token revoke takes a token's id (a number, as token list shows), got "${positional[0]}"`);
    const id = Number(positional[0]);
    run = async (tokens) => {
      const revoked = await tokens.revoke(id);
      if ("problem" in revoked) return refused(revoked.problem.message, json);
      if (json) return printJson({ token: revoked.token });
      console.log(`token ${id} is revoked (since ${time(revoked.token.revokedAt)} UTC)`);
      return 0;
    };
  } else {
    return usage(command && !["create", "list", "revoke"].includes(command) ? `unknown token command "${command}"` : undefined);
  }
  const ds = await openPlatformDatabase(loadConfig().database);
  try {
    return await run(new TokenService(ds, { actor: `cli:${process.env.USER ?? userInfo().username}` }));
  } finally {
    await ds.destroy();
  }
}
