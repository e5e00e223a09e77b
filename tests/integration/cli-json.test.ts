import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../helpers/databases";

/**
 * Every command answers a script in JSON when asked (`--json`), and refuses options it does not
 * know with exit 2 before touching anything. import, validate, publish, withdraw, token, tables
 * and export-table are covered beside their features; these are the rest.
 */
const ROOT = join(__dirname, "..", "..");
const CLI_TIMEOUT = 180_000;

describe("CLI: --json and unknown options for generate, migrate and export", () => {
  const db = freshDatabase("sqlite");
  let dir: string;
  const cli = (...args: string[]) => spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.config.url }, encoding: "utf8", timeout: CLI_TIMEOUT });

  beforeAll(async () => {
    await (await db.open()).destroy();
    dir = mkdtempSync(join(tmpdir(), "cli-json-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it("generate --json describes the bundles it wrote", () => {
    const out = join(dir, "zone");
    const run = cli("generate", "--departments", "2", "--years", "2", "--seed", "5", "--out", out, "--json");
    expect(run.status, run.stderr).toBe(0);
    const said = JSON.parse(run.stdout);
    expect(said).toEqual({ bundles: 4, departments: 2, years: 2, seed: 5, out });
    expect(readdirSync(out).filter((f) => f.endsWith(".bundle.json"))).toHaveLength(said.bundles);
  }, CLI_TIMEOUT);

  it("migrate --json says the schema is current, and migrate refuses anything else", () => {
    const run = cli("migrate", "--json");
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ status: "up to date" });
    const bad = cli("migrate", "--force");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('migrate takes no arguments but --json, not "--force"');
  }, CLI_TIMEOUT);

  it("export refuses an option it does not know, and writes nothing", () => {
    const out = join(dir, "never.json");
    const run = cli("export", "007", "2023", out, "--colour");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option --colour");
    expect(readdirSync(dir)).not.toContain("never.json");
  }, CLI_TIMEOUT);
});
