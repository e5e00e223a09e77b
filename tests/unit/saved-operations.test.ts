import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadSavedOperations } from "../../src/ide/operations";

describe("the IDE's saved operations", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("names each by its operation, sends an anonymous one without a name, and leaves out a file that does not parse", () => {
    dir = mkdtempSync(join(tmpdir(), "saved-ops-"));
    writeFileSync(join(dir, "a-totals.graphql"), "# Totals of one department.\nquery Totals($code: String!) { department(code: $code) { code } }\n");
    writeFileSync(join(dir, "b-anonymous.graphql"), "{ departments(first: 1) { totalCount } }\n");
    writeFileSync(join(dir, "c-broken.graphql"), "query Broken { department(\n");
    const said = vi.spyOn(console, "error").mockImplementation(() => {});
    const ops = loadSavedOperations(dir);
    expect(ops.map((o) => [o.name, o.operationName, o.description])).toEqual([
      ["Totals", "Totals", "Totals of one department."],
      ["b-anonymous", null, ""],
    ]);
    expect(JSON.parse(ops[0]!.variables)).toEqual({ code: "007" });
    expect(said).toHaveBeenCalledOnce();
    expect(String(said.mock.calls[0]![0])).toMatch(/c-broken\.graphql is left out/);
  });
});
