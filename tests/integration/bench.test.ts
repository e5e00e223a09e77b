import { describe, expect, it } from "vitest";
import { markdown, runBench } from "../../bench/harness";
import { ANALYSES } from "../../bench/analyses";
import { mysqlAvailable } from "../helpers/databases";
import { MYSQL_URL } from "../helpers/mysql-url";

// The benchmark's --quick mode, so it never rots: every saved analysis must give the same
// answer through GraphQL as through its hand-written SQL. Timing is reported, not asserted.
describe.skipIf(!mysqlAvailable)("[mysql] npm run bench -- --quick", () => {
  it("runs every saved analysis both ways with the same answers", async () => {
    const result = await runBench({ mysqlUrl: MYSQL_URL, departments: 3, years: 2, seed: 1, iterations: 2, warmup: 0 });
    console.log(markdown(result));
    expect(result.analyses.map((a) => a.name)).toEqual(ANALYSES.map((a) => a.name));
    for (const a of result.analyses) {
      expect(a.agree, a.name).toBe(true);
      expect(a.graphql.statements, a.name).toBeLessThanOrEqual(4);
    }
    expect(result.data.budgets).toBe(6);
  });
});
