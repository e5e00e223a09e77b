import { describe, expect, it } from "vitest";
import { stageArgument } from "../../src/cli/args";
import { parse } from "../../src/cli/publish";

describe("command-line arguments", () => {
  it("takes a stage in any case and refuses what names none", () => {
    expect(["final", "Final", " FINAL "].map(stageArgument)).toEqual(["FINAL", "FINAL", "FINAL"]);
    expect(stageArgument("adjusted")).toBe("ADJUSTED");
    expect([undefined, "", "finale", "决算"].map(stageArgument)).toEqual([null, null, null, null]);
  });

  it("reads publish/withdraw arguments: the stage in any case, --json, and refuses unknown options", () => {
    expect(parse(["007", "2023", "--stage", "final", "--json"])).toEqual({ departmentCode: "007", year: 2023, stage: "FINAL", json: true });
    expect(parse(["007", "2023"])).toEqual({ departmentCode: "007", year: 2023, stage: "BUDGET", json: false });
    expect(parse(["007", "2023", "--stage", "soon"])).toMatch(/--stage takes one of BUDGET, ADJUSTED, FINAL/);
    expect(parse(["007", "2023", "--force"])).toBe("unknown option --force");
    expect(parse(["007", "23"])).toBe("23 is not a year");
  });
});
