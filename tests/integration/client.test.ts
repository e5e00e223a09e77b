import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, DepartmentComparisonDocument, type DepartmentComparisonQuery, DepartmentsDocument, GraphQLRequestError } from "../../client";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { createServer } from "../../src/server";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { percentOf, sampleBundle, sumWan } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures", "disclosures");
const fixtureBundle = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.bundle.json`), "utf8")) as Bundle;
const run = promisify(execFile);

/** a − b for decimal strings of 万元, exactly (test-side arithmetic), in the API's form ("-180.8", "12"). */
function minus(a: string, b: string): string {
  const units = (v: string) => {
    const [w, f = ""] = v.replace(/^-/, "").split(".");
    const n = BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, "0"));
    return v.startsWith("-") ? -n : n;
  };
  const d = units(a) - units(b);
  const abs = d < 0n ? -d : d;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${d < 0n ? "-" : ""}${abs / 1_000_000n}${frac ? `.${frac}` : ""}`;
}
const decimals = (v: string) => v.split(".")[1]?.length ?? 0;

describe.each(DATABASE_KINDS)("[%s] the typed client against the real server", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: TestServer;
  // What the documents print: the sample (007, 2023), its 2022 predecessor, and 002's 2023.
  const hr23 = sampleBundle();
  const hr22 = fixtureBundle("007-2022");
  const fin23 = fixtureBundle("002-2023");

  beforeAll(async () => {
    ds = await db.open();
    for (const file of [SAMPLE_FILE, join(FIXTURES, "007-2022.txt"), join(FIXTURES, "002-2023.txt")]) {
      const outcome = await importDocument(ds, file.split("/").pop()!, readFileSync(file), { actor: "test", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    }
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  /** Every page of the comparison, one department a page, so the client's paging is exercised. */
  async function allDepartments(year: number): Promise<DepartmentComparisonQuery["departments"]["nodes"]> {
    const client = createClient({ url: server.url });
    const out: DepartmentComparisonQuery["departments"]["nodes"] = [];
    let after: string | null = null;
    do {
      const page: DepartmentComparisonQuery = await client.request(DepartmentComparisonDocument, { year, first: 1, after });
      out.push(...page.departments.nodes);
      after = page.departments.pageInfo.hasNextPage ? page.departments.pageInfo.endCursor : null;
    } while (after);
    return out;
  }

  it("answers the saved comparison with the totals the documents publish, and the change against the year before", async () => {
    const nodes = await allDepartments(2023);
    const codes = (await ds.query("SELECT code FROM department ORDER BY code")).map((r: { code: string }) => r.code);
    expect(nodes.map((n) => n.code)).toEqual(codes);
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    for (const b of [hr23, fin23]) {
      const got = byCode.get(b.department.code)!.budget!;
      expect(got.expenditureTotal).toBe(sumWan([b.stated.expenditureTotal!]));
      expect(got.basicExpenditure).toBe(sumWan([b.stated.basicExpenditure!]));
      expect(got.projectExpenditure).toBe(sumWan([b.stated.projectExpenditure!]));
      expect(got.yearOnYear.previousYear).toBe(2022);
    }
    const hr = byCode.get("007")!.budget!.yearOnYear;
    expect(hr.previousTotal).toBe(sumWan([hr22.stated.expenditureTotal!]));
    const change = minus(hr23.stated.expenditureTotal!, hr22.stated.expenditureTotal!);
    expect(hr.computedChange).toBe(change);
    expect(hr.computedRate).toBe(percentOf(change, hr22.stated.expenditureTotal!, decimals(hr.computedRate!)));
    // 002 has no 2022 document: no previous figures.
    expect(byCode.get("002")!.budget!.yearOnYear).toMatchObject({ previousTotal: null, computedChange: null, computedRate: null });
    // A year with no document: every department listed, none with a budget.
    expect((await allDepartments(2019)).every((n) => n.budget === null)).toBe(true);
  });

  it("runs a document without variables, and sends the token as a bearer", async () => {
    const anonymous = await createClient({ url: server.url }).request(DepartmentsDocument);
    const count = (await ds.query("SELECT COUNT(*) AS n FROM department"))[0].n;
    expect(anonymous.departments.totalCount).toBe(Number(count));
    const err = await createClient({ url: server.url, token: "not-a-token" })
      .request(DepartmentsDocument)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).status).toBe(401);
    expect((err as GraphQLRequestError).codes).toEqual(["UNAUTHENTICATED"]);
  });

  it("throws a typed error with the codes and HTTP status of a refusal", async () => {
    const client = createClient({ url: server.url });
    // Not what the types allow: what a caller typing the variables by hand could still send.
    const err = await client.request(DepartmentComparisonDocument, { year: "2023" } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).status).toBe(400);
    expect((err as GraphQLRequestError).codes).toEqual(["BAD_USER_INPUT"]);
    expect((err as GraphQLRequestError).requestId).toMatch(/\S/);
  });

  it("says RATE_LIMITED with 429 and the wait the server asks for", async () => {
    const limited = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: 1, rateLimitPerToken: 0 } });
    try {
      const client = createClient({ url: `${limited.url.replace(/\/$/, "")}/graphql` });
      const errors: GraphQLRequestError[] = [];
      for (let i = 0; i < 3; i++) await client.request(DepartmentsDocument).catch((e: GraphQLRequestError) => errors.push(e));
      expect(errors.length).toBeGreaterThan(0);
      const e = errors[0]!;
      expect(e).toBeInstanceOf(GraphQLRequestError);
      expect(e.status).toBe(429);
      expect(e.codes).toEqual(["RATE_LIMITED"]);
      expect(e.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });

  it("prints the comparison table from the example script with the published figures", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", join(ROOT, "client", "examples", "compare.ts"), "--url", server.url, "--year", "2023"], {
      cwd: ROOT,
      timeout: 60_000,
    });
    const lines = stdout.trimEnd().split("\n");
    const count = Number((await ds.query("SELECT COUNT(*) AS n FROM department"))[0].n);
    expect(lines[0]).toBe(`2023 部门支出对比 (万元): 2 of ${count} departments have a budget of the year`);
    const cells = lines.slice(1).map((l) => l.trim().split(/\s{2,}/));
    expect(cells[0]).toEqual(["部门编码", "部门", "阶段", "版本", "支出总计", "基本支出", "项目支出", "上年", "上年支出总计", "增减额", "增减率(%)"]);
    const byCode = new Map(cells.slice(1).map((c) => [c[0], c]));
    const stated = (b: Bundle) => [b.stated.expenditureTotal!, b.stated.basicExpenditure!, b.stated.projectExpenditure!].map((v) => sumWan([v]));
    const hr = byCode.get("007")!;
    expect(hr.slice(1, 4)).toEqual([hr23.department.shortName, "BUDGET", "1"]);
    expect(hr.slice(4, 7)).toEqual(stated(hr23));
    const change = minus(hr23.stated.expenditureTotal!, hr22.stated.expenditureTotal!);
    expect(hr.slice(7, 10)).toEqual(["2022", sumWan([hr22.stated.expenditureTotal!]), change]);
    expect(hr[10]).toBe(percentOf(change, hr22.stated.expenditureTotal!, decimals(hr[10]!)));
    const fin = byCode.get("002")!;
    expect(fin.slice(4)).toEqual([...stated(fin23), "2022", "—", "—", "—"]);
  });
});
