import type { DataSource } from "typeorm";

/**
 * Every table an import writes to, from the entities the data source maps: "nothing written"
 * means none of these counts changed. The audit log is left out: a refused import is recorded.
 */
function importTables(ds: DataSource): string[] {
  return ds.entityMetadatas.map((m) => m.tableName).filter((t) => t !== "audit_event").sort();
}

export async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of importTables(ds)) out[t] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return out;
}
