import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** The audit log is append-only: no code path may change or remove a row of it. */
const ROOT = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const CHANGES = [
  /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|REPLACE\s+INTO|DROP\s+TABLE)\s+[`"]?audit_event\b/i,
  /\.(update|delete|remove|softDelete|save|upsert|clear|increment|decrement)\(\s*AuditEventEntity\b/,
  /getRepository\(\s*AuditEventEntity\s*\)\s*\.(update|delete|remove|softDelete|save|upsert|clear|increment|decrement)\(/,
];

describe("the audit log", () => {
  it("is only ever inserted into by the application's code", () => {
    const files = sourceFiles(join(ROOT, "src"));
    expect(files.some((f) => /AuditEventEntity/.test(readFileSync(f, "utf8")))).toBe(true);
    const offences = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => CHANGES.some((re) => re.test(line)))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
  });

  it("would catch an update or a delete written either way", () => {
    for (const line of ["await m.query(\"DELETE FROM audit_event WHERE id = ?\")", "UPDATE `audit_event` SET", "m.update(AuditEventEntity, {}, {})", "ds.getRepository(AuditEventEntity).delete({})"]) {
      expect(CHANGES.some((re) => re.test(line)), line).toBe(true);
    }
    expect(CHANGES.some((re) => re.test("await m.insert(AuditEventEntity, {"))).toBe(false);
  });
});
