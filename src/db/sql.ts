import type { DataSource, EntityManager } from "typeorm";

export type Row = Record<string, unknown>;

/** Thin helper over the data source: portable `?` placeholders, rows as plain objects. */
export class Sql {
  /** "mysql", "mariadb" or "better-sqlite3": the few statements that differ ask. */
  readonly dialect: string;

  constructor(private readonly ds: DataSource | EntityManager) {
    this.dialect = String(("options" in ds ? ds.options : ds.connection.options).type);
  }

  all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.ds.query(sql, params) as Promise<T[]>;
  }

  async one<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * A page's rows and its count. When the caller already knows the count will be read, both
   * statements start together (each on its own pooled connection); otherwise the count waits
   * until asked for.
   */
  async pageAndCount(q: { page: string; count: string; params: unknown[]; pageParams: unknown[]; counted?: boolean }): Promise<{ rows: Row[]; count: () => Promise<number> }> {
    const countNow = () => this.one(q.count, q.params).then((r) => toInt(r?.n));
    const [rows, total] = await Promise.all([this.all(q.page, [...q.params, ...q.pageParams]), q.counted ? countNow() : undefined]);
    // toConnection keeps the count once asked for; nothing to remember here.
    return { rows, count: total === undefined ? countNow : async () => total };
  }
}

/**
 * The same page for each of many parents, in one statement: ROW_NUMBER() numbers each parent's
 * rows, so every parent gets its own first N (one row more, for hasNextPage). `parents` lists
 * the keys asked for; each gets its rows, in order, or none.
 */
export async function pagePerParent<K extends number, V>(
  sql: Sql,
  q: { parents: readonly K[]; select: string; from: string; params: unknown[]; parent: string; order: string; page: { offset: number; limit: number }; map: (r: Row) => V },
): Promise<Map<K, V[]>> {
  const result = new Map<K, V[]>(q.parents.map((k) => [k, []]));
  if (!q.parents.length) return result;
  const rows = await sql.all(
    `SELECT * FROM (
       SELECT ${q.select}, ${q.parent} AS parent_key, ROW_NUMBER() OVER (PARTITION BY ${q.parent} ORDER BY ${q.order}) AS rn
         ${q.from}
     ) x WHERE x.rn > ? AND x.rn <= ? ORDER BY x.parent_key, x.rn`,
    [...q.params, q.page.offset, q.page.offset + q.page.limit + 1],
  );
  for (const r of rows) result.get(Number(r.parent_key) as K)?.push(q.map(r));
  return result;
}

/** "?, ?, ?" for an IN list; never empty (callers skip the query for no keys). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/** COUNT(*) comes back as a string on MySQL and a number on SQLite. */
export function toInt(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Groups rows by a key, keeping order, for loaders that answer many keys with one query. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** A WHERE clause built from optional filters: each condition with its bound values, in order. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  constructor(sql: string[] = [], params: unknown[] = []) {
    this.parts.push(...sql);
    this.params.push(...params);
  }

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** `expr IN (…)`, skipped when no values are given. */
  in(expr: string, values: readonly unknown[] | undefined | null): this {
    return values?.length ? this.add(`${expr} IN (${placeholders(values.length)})`, ...values) : this;
  }

  /** `expr = ?`, skipped when the value is absent. */
  eq(expr: string, value: unknown): this {
    return value === undefined || value === null ? this : this.add(`${expr} = ?`, value);
  }

  /** `expr LIKE '%text%'`; "!" escapes on both MySQL and SQLite (a backslash literal differs between them). */
  contains(expr: string, text: string | undefined | null): this {
    return text ? this.add(`${expr} LIKE ? ESCAPE '!'`, `%${text.replace(/[!%_]/g, (c) => "!" + c)}%`) : this;
  }

  get sql(): string {
    return this.parts.join(" AND ");
  }
}
