/**
 * What src/common/sync-args.ts buys: one large answer (every department's lines, projects and
 * indicators, an `amount(unit)` on each row) executed in-process against the schema as served and
 * against the same schema built without it, alternately, on the bench's zone.
 */
import { type GraphQLSchema, execute, parse } from "graphql";
import { buildSchema } from "type-graphql";
import type { DataSource } from "typeorm";
import { isDeepStrictEqual } from "node:util";
import { PUBLIC_VIEWER } from "../src/common/viewer";
import { createContext } from "../src/context";
import { getSchema, resolvers } from "../src/schema";

export interface SyncArgsResult {
  /** Rows with an amount in the answer. */
  amounts: number;
  withMs: number;
  withoutMs: number;
  agree: boolean;
}

const LARGE_ANSWER = parse(`query LargeAnswer($year: Int!) {
  departments(first: 100) { nodes { code budget(year: $year) {
    subjectLines { amount(unit: YUAN) subjectCode { code } }
    economicLines { amount }
    projects(first: 100) { nodes { amount lines { amount } indicators { name target } } }
  } } }
}`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function measureSyncArgs(ds: DataSource, year: number, o: { iterations: number; warmup: number }): Promise<SyncArgsResult> {
  const served = await getSchema();
  const plain: GraphQLSchema = await buildSchema({ resolvers: [...resolvers], validate: false });
  const run = async (schema: GraphQLSchema) => {
    const r = await execute({ schema, document: LARGE_ANSWER, variableValues: { year }, contextValue: createContext(ds, PUBLIC_VIEWER) });
    if (r.errors?.length) throw new Error(`large answer: ${r.errors[0]!.message}`);
    return r.data;
  };
  const first = await run(served);
  const agree = isDeepStrictEqual(first, await run(plain));
  const amounts = (JSON.stringify(first).match(/"amount"/g) ?? []).length;
  for (let i = 0; i < o.warmup; i++) await Promise.all([run(served), run(plain)]);
  const w: number[] = [];
  const wo: number[] = [];
  for (let i = 0; i < o.iterations; i++) {
    let t = performance.now();
    await run(served);
    w.push(performance.now() - t);
    t = performance.now();
    await run(plain);
    wo.push(performance.now() - t);
  }
  return { amounts, withMs: median(w), withoutMs: median(wo), agree };
}

export function syncArgsMarkdown(r: SyncArgsResult): string {
  return (
    `Plain arguments resolved synchronously (src/common/sync-args.ts), one in-process answer with ${r.amounts} amounts: ` +
    `${r.withMs.toFixed(1)} ms with, ${r.withoutMs.toFixed(1)} ms without (${((1 - r.withMs / r.withoutMs) * 100).toFixed(0)}% less)${r.agree ? "" : "  (ANSWERS DIFFER)"}.`
  );
}
