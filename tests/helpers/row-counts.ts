import type { DataSource } from "typeorm";

/** Every table an import writes to: "nothing written" means none of these counts changed. */
const TABLES = [
  "department", "budget_unit", "department_budget", "subject_line", "economic_line", "income_line", "project", "project_line", "project_alias",
  "performance_indicator", "narrative_claim", "discrepancy", "published_figure", "document_table", "document_text", "source_document",
  "subject_code", "subject_code_name", "economic_code", "economic_code_name", "three_public_expense", "operating_funds", "operating_fund_item",
  "procurement", "asset_holding", "fiscal_year",
];

export async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return out;
}
