import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("starting with a database that is down", () => {
  it("exits non-zero with one line naming the URL, without the password", () => {
    const r = spawnSync("npx", ["tsx", "src/index.ts"], {
      env: { ...process.env, DATABASE_URL: "mysql://app:s3cret@127.0.0.1:1/budget", PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cannot open database mysql:\/\/app:\*\*\*@127\.0\.0\.1:1\/budget: ECONNREFUSED/);
    expect(r.stderr).not.toContain("s3cret");
  });
});
