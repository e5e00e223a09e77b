import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATABASE_KINDS, type TestDatabase, freshDatabase } from "../helpers/databases";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(__dirname, "..", "fixtures", "disclosures");

function cli(db: TestDatabase, args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.config.url }, encoding: "utf8", timeout: 120_000 });
}

describe.each(DATABASE_KINDS)("[%s] the command line's import --publish, publish and withdraw", (kind) => {
  it("imports drafts, publishes and withdraws them, and says when there is nothing to do", async () => {
    const db = freshDatabase(kind);
    const ds = await db.open();
    const state = async (code: string) =>
      (await ds.query("SELECT b.version, b.status, b.is_current, b.is_public FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? ORDER BY b.version", [code])).map(
        (r: Record<string, unknown>) => `v${r.version} ${r.status}${Number(r.is_current) ? " current" : ""}${Number(r.is_public) ? " public" : ""}`,
      );
    try {
      expect(cli(db, ["import", join(FIXTURES, "007-2022.txt")]).status).toBe(0);
      expect(await state("007")).toEqual(["v1 DRAFT current"]);
      const published = cli(db, ["import", "--publish", join(FIXTURES, "002-2023.txt")]);
      expect(published.status, published.stderr).toBe(0);
      expect(await state("002")).toEqual(["v1 PUBLISHED current public"]);

      const p = cli(db, ["publish", "007", "2022"]);
      expect([p.status, p.stdout.trim()]).toEqual([0, "published 007 2022 BUDGET version 1"]);
      expect(await state("007")).toEqual(["v1 PUBLISHED current public"]);
      const again = cli(db, ["publish", "007", "2022", "--stage", "BUDGET"]);
      expect([again.status, again.stderr.trim()]).toEqual([1, "nothing to publish: version 1 of 007 2022 BUDGET is already the published one"]);

      const w = cli(db, ["withdraw", "007", "2022"]);
      expect([w.status, w.stdout.trim()]).toEqual([0, "withdrew 007 2022 BUDGET: no version of it is public now"]);
      expect(await state("007")).toEqual(["v1 WITHDRAWN current"]);
      const none = cli(db, ["withdraw", "007", "2022"]);
      expect([none.status, none.stderr.trim()]).toEqual([1, "nothing to withdraw: no version of 007 2022 BUDGET is public"]);
      const missing = cli(db, ["publish", "007", "2022", "--stage", "FINAL"]);
      expect([missing.status, missing.stderr.trim()]).toEqual([1, "nothing to publish: department 007 has no 2022 FINAL budget"]);

      for (const args of [["publish"], ["publish", "007"], ["withdraw", "007", "22"], ["publish", "007", "2022", "--stage", "DRAFT"], ["withdraw", "007", "2022", "--now"]]) {
        const bad = cli(db, args);
        expect(bad.status, args.join(" ")).toBe(2);
        expect(bad.stderr).toContain("usage:");
      }
      // Bytes imported before are not written again; --publish publishes their version.
      const reimport = cli(db, ["import", "--publish", join(FIXTURES, "007-2022.txt")]);
      expect(reimport.status, reimport.stderr).toBe(0);
      expect(reimport.stdout).toContain("already imported");
      expect(reimport.stdout).toContain("  published 007 2022 BUDGET version 1\n");
      expect(await state("007")).toEqual(["v1 PUBLISHED current public"]);
      const audit = await ds.query("SELECT action, target, outcome FROM audit_event WHERE action IN ('PUBLISH', 'WITHDRAW') ORDER BY id");
      expect(audit).toEqual([
        { action: "PUBLISH", target: "007/2022/BUDGET/v1", outcome: "OK" },
        { action: "PUBLISH", target: "007/2022/BUDGET/v1", outcome: "NOOP" },
        { action: "WITHDRAW", target: "007/2022/BUDGET/v1", outcome: "OK" },
        { action: "WITHDRAW", target: "007/2022/BUDGET/v1", outcome: "NOOP" },
        { action: "PUBLISH", target: "007/2022/FINAL", outcome: "REJECTED" },
        { action: "PUBLISH", target: "007/2022/BUDGET/v1", outcome: "OK" },
      ]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  }, 240_000);
});
