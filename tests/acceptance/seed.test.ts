import { spawnSync } from "node:child_process";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { SEED_FILE, seedAvailable, seedText } from "../helpers/seed";
import { TestServer } from "../helpers/server";

const QUERY = `{
  department(code: "007") {
    code name shortName regionCode units { code name isSelf }
    budget(year: 2023) {
      incomeTotal expenditureTotal basicExpenditure projectExpenditure personnelExpenditure publicExpenditure
      publishedFigures { table row column line amount }
      subjectLines { sourceRef amount subjectCode { code name } kind category }
      economicLines { sourceRef amount deptEconomicCode { code name } govEconomicCode { code name } kind }
      incomeLines { sourceRef amount label }
      projects(first: 100) { totalCount nodes { code name amount lines { amount } aliases { code name source } indicators { name target category comparator value unit } } }
      indicators { level1 level2 name target explanation }
      narrativeClaims { topic section label amount change ratePercent sharePercent reason }
      operatingFunds { total change reason items { name amount } }
      threePublicExpenses { total overseasTravel vehicles vehiclePurchase vehicleOperation reception }
      procurement { total goods works services }
      assets { kind name count }
      texts { kind title body }
      documentTables { kind title listed present rowCount }
      discrepancies { ruleId severity message location stated computed statedText computedText valueKind }
    }
  }
}`;

/** "8,562.6" → "8562.6"; "450.0" → "450": the API's Decimal form of a printed figure. */
function decimal(printed: string): string {
  const [w, f = ""] = printed.replace(/,/g, "").split(".");
  const frac = f.replace(/0+$/, "");
  return frac ? `${w}.${frac}` : w!;
}

// Tables print amounts with decimals (74.0); bare integers in tables are codes (208, 01, 007).
const AMOUNT_CELL = /^-?\d{1,3}(,\d{3})*\.\d+$|^-?\d+\.\d+$/;

describe.skipIf(!seedAvailable).each(DATABASE_KINDS)("[%s] the seed disclosure, imported by the CLI, through the API", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  let budget: any;
  let department: any;
  const text = seedAvailable ? seedText() : "";
  const lines = text.split("\n");
  const firstTable = lines.findIndex((l) => /^##\s*\d{4}年部门收支总体情况表/.test(l)) + 1;

  beforeAll(async () => {
    const ds = await db.open();
    const r = spawnSync("npx", ["tsx", "src/cli/main.ts", "import", "--publish", SEED_FILE!], { env: { ...process.env, DATABASE_URL: db.config.url }, encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
    console.log(`[${kind}] ${r.stdout.trim()}`);
    server = await TestServer.start(ds);
    department = (await server.query<any, unknown>(QUERY)).department;
    budget = department.budget;
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it("identifies the department, its unit and the totals it published", () => {
    expect(department).toMatchObject({ code: "007", name: "郑州高新技术产业开发区管委会人力资源局", shortName: "人力资源局", regionCode: "410191" });
    expect(department.units).toEqual([{ code: "007001", name: "郑州高新技术产业开发区管委会人力资源局", isSelf: true }]);
    expect(budget).toMatchObject({ incomeTotal: "8562.6", expenditureTotal: "8562.6", basicExpenditure: "4550.7", projectExpenditure: "4011.9", personnelExpenditure: "4461.4", publicExpenditure: "89.3" });
  });

  it("returns every figure of every table row, traced to its line", () => {
    const byLine = new Map<number, Set<string>>();
    const put = (line: number | null | undefined, amount: string) => {
      if (!line) return;
      if (!byLine.has(line)) byLine.set(line, new Set());
      byLine.get(line)!.add(amount);
    };
    const lineOfRef = (ref: string) => Number(/:(\d+) /.exec(ref)?.[1]);
    for (const f of budget.publishedFigures) put(f.line, f.amount);
    for (const l of [...budget.subjectLines, ...budget.economicLines, ...budget.incomeLines]) put(lineOfRef(l.sourceRef), l.amount);
    let checked = 0;
    const missing: string[] = [];
    lines.forEach((l, i) => {
      if (i + 1 < firstTable || !l.includes("\t")) return;
      for (const cell of l.split("\t").map((c) => c.trim())) {
        if (!AMOUNT_CELL.test(cell)) continue;
        checked++;
        if (!byLine.get(i + 1)?.has(decimal(cell))) missing.push(`line ${i + 1}: ${cell}`);
      }
    });
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });

  it("returns every amount and percentage the narrative states", () => {
    const values = new Set<string>();
    for (const c of budget.narrativeClaims) for (const v of [c.amount, c.change, c.ratePercent, c.sharePercent]) if (v !== null) values.add(v.replace(/^-/, ""));
    for (const i of budget.operatingFunds.items) values.add(i.amount);
    for (const v of [budget.operatingFunds.total, budget.operatingFunds.change, ...Object.values(budget.threePublicExpenses), ...Object.values(budget.procurement)]) if (v) values.add(String(v));
    // Thresholds inside asset names ("单位价值50万元以上通用设备") come back as part of the name.
    for (const a of budget.assets) for (const m of a.name.matchAll(/\d+/g)) values.add(m[0]);
    const missing: string[] = [];
    let checked = 0;
    lines.slice(0, firstTable - 1).forEach((l, i) => {
      if (/名词解释/.test(l)) return;
      for (const m of l.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万元|%)/g)) {
        checked++;
        if (!values.has(decimal(m[1]!))) missing.push(`line ${i + 1}: ${m[0]}`);
      }
    });
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(40);
    const counts = lines.slice(0, firstTable - 1).join("").match(/(\d+)(辆|台)/g) ?? [];
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(budget.assets.map((a: any) => String(a.count))).toContain(c.replace(/\D/g, ""));
  });

  it("returns every indicator, target and explanation the performance tables print", () => {
    const known = JSON.stringify([budget.indicators, budget.projects.nodes.map((p: any) => [p.indicators, p.aliases]), budget.texts, budget.discrepancies, budget.publishedFigures]);
    const missing: string[] = [];
    const perfStart = lines.findIndex((l, i) => i >= firstTable && /整体绩效目标表/.test(l) && l.startsWith("#"));
    expect(perfStart).toBeGreaterThan(firstTable);
    let checked = 0;
    lines.slice(perfStart).forEach((l, i) => {
      if (l.startsWith("#") || /^\(\d{4}年度\)$/.test(l.trim())) return;
      for (const cell of l.split("\t").map((c) => c.replace(/<\/?p>/g, "").trim())) {
        if (!cell || AMOUNT_CELL.test(cell) || /^(一级指标|二级指标|三级指标|指标值|指标值说明|成本指标|产出指标|效益指标|满意度指标|绩效目标|任务名称|主要内容)$/.test(cell)) continue;
        if (/^\d+$/.test(cell) || /^部门|^项目|^单位|^资金|^政府预算资金|^财政专户|^年度|^预算情况|^\(\d\)|^\d、/.test(cell)) continue;
        const probe = cell.length > 40 ? cell.slice(0, 40) : cell;
        checked++;
        if (!known.includes(JSON.stringify(probe).slice(1, -1))) missing.push(`line ${perfStart + i + 1}: ${probe}`);
      }
    });
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    expect(budget.projects.totalCount).toBe(18);
    expect(budget.projects.nodes.reduce((n: number, p: any) => n + p.indicators.length, 0)).toBe(92);
  });

  it("reports the seed's inconsistencies, each with the right severity", () => {
    const found = (ruleId: string) => budget.discrepancies.filter((d: any) => d.ruleId === ruleId);
    const one = (ruleId: string, severity: string, stated: string | null, computed: string | null) =>
      expect(found(ruleId), ruleId).toContainEqual(expect.objectContaining(severity === "ROUNDING" || severity === "MATERIAL" ? { severity, stated, computed } : { severity, statedText: stated, computedText: computed }));
    // Rounding: rows kept in 元 and printed to 0.1 万元 no longer add up to their printed totals.
    one("PROJECT_LINES_SUM", "ROUNDING", "4011.9", "4012");
    one("ROW_BASIC_EQUALS_PARTS", "ROUNDING", "4550.7", "4550.8");
    one("COLUMN_SUM_EQUALS_TOTAL", "ROUNDING", "8562.6", "8562.7");
    one("BASIC_PERSONNEL_MATCHES_EXPENDITURE", "ROUNDING", "4461.4", "4461.5");
    one("ECONOMIC_CLASS_MATCHES_EXPENDITURE", "ROUNDING", "4458", "4457.9");
    one("CLASS_TOTAL_EQUALS_SUBJECT_ROWS", "ROUNDING", "8562.6", "8562.7");
    one("LISTING_ROWS_SUM", "ROUNDING", "4011.9", "4012");
    // Naming: one thing, several names or codes.
    one("DEPARTMENT_NAME_VARIES", "NAMING", "人力资源和社会保障局", "人力资源局");
    one("SUBJECT_NAME_VARIES", "NAMING", "劳动人事争议仲裁调解", "劳动人事争议调解仲裁");
    one("PROJECT_NAME_VARIES", "NAMING", "干部档案室建设及档案数字化工作经费", "干部信息管理系统建设及数字化档案经费");
    one("OPERATING_ITEM_NAME_VARIES", "NAMING", "日常维修费", "维修(护)费");
    one("OPERATING_ITEM_NAME_VARIES", "NAMING", "其他交通费", "其他交通费用");
    expect(found("PROJECT_CODE_VARIES")).toHaveLength(18);
    expect(found("PROJECT_INDICATORS_VARY").map((d: any) => d.message).join()).toContain("退役安置支出");
    // Structure: the document's layout against the standard one.
    expect(found("TABLE_MISSING").map((d: any) => d.message).sort()).toEqual(
      ["部门收入总体情况表", "支出经济分类汇总表", "政府性基金预算支出情况表", "国有资本经营预算支出情况表"].map((t) => `目录列有“${t}”，正文中没有这张表`).sort(),
    );
    expect(found("TABLE_EMPTY")).toHaveLength(1);
    expect(found("TABLE_EMPTY")[0].message).toContain("三公");
    one("PROJECT_CODE_FORMAT", "STRUCTURE", "4101912300000000009630", null);
    for (const rule of ["ROW_CELLS_SHIFTED", "LISTING_REPEATED", "ASSET_LISTED_TWICE", "TABLE_WITHOUT_UNIT"]) expect(found(rule), rule).toHaveLength(1);
    // Nothing the seed prints is off by more than rounding.
    expect(budget.discrepancies.filter((d: any) => d.severity === "MATERIAL")).toEqual([]);
    for (const d of budget.discrepancies) expect(d.location.startsWith(basename(SEED_FILE!)), d.location).toBe(true);
  });

  it("records the tables as listed, present and empty", () => {
    expect(budget.documentTables).toHaveLength(13);
    expect(budget.documentTables.filter((t: any) => t.present)).toHaveLength(9);
    expect(budget.documentTables.find((t: any) => t.kind === "THREE_PUBLIC")).toMatchObject({ present: true, rowCount: 0 });
  });
});
