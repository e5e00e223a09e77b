import { type AmountKey, type CatalogEntry, CodeCatalog, pickName } from "../classification/code-catalog";
import type { Viewer } from "../../common/viewer";
import type { Sql } from "../../db/sql";
import { SubjectCode, SubjectLevel } from "./subject-code.type";

export class SubjectCodeService {
  private readonly catalog: CodeCatalog;

  constructor(sql: Sql, viewer: Viewer) {
    this.catalog = new CodeCatalog(sql, viewer, {
      codeTable: "subject_code",
      nameTable: "subject_code_name",
      nameJoin: "",
      codeFilter: "",
      // Rows' printed totals (合计), not their cells: a question about subjects adds what each row printed.
      factTable: "subject_row_total",
      factColumn: "subject_code",
    });
  }

  byCodes(codes: readonly string[]): Promise<CatalogEntry[]> {
    return this.catalog.byCodes(codes);
  }

  childrenOf(codes: readonly string[]): Promise<CatalogEntry[]> {
    return this.catalog.childrenOf(codes);
  }

  /** All codes of a level, optionally under one parent. */
  async list(level: SubjectLevel | null, parentCode: string | null): Promise<CatalogEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (level) (where.push("c.level = ?"), params.push(level));
    if (parentCode) (where.push("c.parent_code = ?"), params.push(parentCode));
    return this.catalog.entries(where.join(" AND ") || "1=1", params);
  }

  expenditure(keys: readonly AmountKey[]): Promise<bigint[]> {
    return this.catalog.amounts(keys);
  }
}

/** A catalog entry as the API's SubjectCode, named for a year; `year` is the year its name is from. */
export function toSubjectCode(e: CatalogEntry, asOf: number | null): SubjectCode {
  const picked = pickName(e.names, asOf);
  return { code: e.code, level: e.level as SubjectLevel, parentCode: e.parentCode, name: picked.name, year: picked.year, asOf };
}
