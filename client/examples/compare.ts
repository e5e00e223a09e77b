// Prints every department's budget of one year side by side: the published expenditure total,
// basic and project expenditure, and the change against the year before where that year's
// document is imported. Uses only the saved operation DepartmentComparison, through the client.
//
//   npx tsx client/examples/compare.ts --url http://127.0.0.1:4000/graphql --year 2023 [--token T]
//
// Amounts are 万元, as the API gives them (exact decimal strings, printed as they come).
import { parseArgs } from "node:util";
import { createClient, DepartmentComparisonDocument, type DepartmentComparisonQuery, GraphQLRequestError } from "../index";

type Department = DepartmentComparisonQuery["departments"]["nodes"][number];

const HEADER = ["部门编码", "部门", "阶段", "版本", "支出总计", "基本支出", "项目支出", "上年", "上年支出总计", "增减额", "增减率(%)"];

function row(d: Department): string[] {
  const b = d.budget!;
  const y = b.yearOnYear;
  const known = y.previousTotal !== null;
  return [d.code, d.shortName, b.stage, String(b.version), b.expenditureTotal, b.basicExpenditure, b.projectExpenditure, String(y.previousYear), y.previousTotal ?? "—", known ? (y.computedChange ?? "—") : "—", known ? (y.computedRate ?? "—") : "—"];
}

/** Columns a terminal shows: a CJK character takes two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  // Text left, figures right; two spaces between columns.
  const numeric = (i: number) => i >= 3;
  return rows
    .map((r) => r.map((cell, i) => (numeric(i) ? " ".repeat(widths[i]! - width(cell)) + cell : cell + " ".repeat(widths[i]! - width(cell)))).join("  ").trimEnd())
    .join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { url: { type: "string", default: "http://127.0.0.1:4000/graphql" }, year: { type: "string" }, token: { type: "string" } },
  });
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year)) {
    console.error("usage: compare.ts --url URL --year YEAR [--token TOKEN]");
    return 2;
  }
  const client = createClient({ url: values.url!, token: values.token ?? process.env.BUDGET_TOKEN });
  const departments: Department[] = [];
  let after: string | null = null;
  do {
    const page: DepartmentComparisonQuery = await client.request(DepartmentComparisonDocument, { year, after });
    departments.push(...page.departments.nodes);
    after = page.departments.pageInfo.hasNextPage ? page.departments.pageInfo.endCursor : null;
  } while (after);
  const withBudget = departments.filter((d) => d.budget);
  console.log(`${year} 部门支出对比 (万元): ${withBudget.length} of ${departments.length} departments have a budget of the year`);
  if (withBudget.length) console.log(table([HEADER, ...withBudget.map(row)]));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof GraphQLRequestError) console.error(`the server refused the request: HTTP ${err.status}, codes ${err.codes.join(", ") || "none"}: ${err.message}`);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
