/**
 * Writes a 决算 bundle (stage FINAL) out as a 部门决算公开 in the text form the importer reads: the
 * national template's nine tables (收入支出决算总表 … 国有资本经营预算财政拨款支出决算表) and a
 * narrative stating the bundle's claims, phrased so that narrative.ts reads each back as the same
 * claim. Called through renderDisclosure, which checks the bundle first.
 *
 * A figure the source printed (publishedFigures) is printed again where it stood; the rest come
 * from the facts: what was spent by 项 and column, the year-begin budget beside it, the “三公”
 * 预算数 and 决算数. The 基本支出决算表's items exist only as printed figures (a 决算 pairs no
 * 政府预算经济分类 code with them), so they come from there. Sums are exact, on the decimal text.
 */
import type { Bundle, BundleAmount, BundleClaim, FundingSourceCode } from "../ingest/bundle/bundle.types";
import { codeListFor } from "../ingest/code-lists";
import { TABLE_TITLES, type TableKind } from "../ingest/disclosure/document";
import { TableWriter, chineseNumber, isZero, paragraph, printAmount, pushOverview, sumAmounts } from "./disclosure-text";

/** The 决算's tables in the template's order. */
export const FINAL_TABLE_ORDER: TableKind[] = [
  "FINAL_OVERVIEW",
  "FINAL_INCOME",
  "FINAL_EXPENDITURE",
  "FINAL_FISCAL_OVERVIEW",
  "FINAL_GENERAL_EXPENDITURE",
  "FINAL_BASIC_ECONOMIC",
  "FINAL_THREE_PUBLIC",
  "FINAL_GOV_FUND",
  "FINAL_STATE_CAPITAL",
];

type SubjectLine = Bundle["subjectLines"][number];

const FISCAL: FundingSourceCode[] = ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"];

/** 支出决算表's spending columns and the fact lines each holds. */
const SPENDING: [string, (l: SubjectLine) => boolean][] = [
  ["基本支出", (l) => l.kind === "BASIC" || l.kind === "PERSONNEL" || l.kind === "PUBLIC"],
  ["项目支出", (l) => l.kind === "PROJECT"],
  ["上缴上级支出", (l) => l.category === "REMITTANCE"],
  ["经营支出", (l) => l.category === "BUSINESS"],
  ["对附属单位补助支出", (l) => l.category === "SUBSIDIARY"],
];

/** The overview's income rows: label, and the income lines it holds. */
const INCOME_ROWS: [string, (l: Bundle["incomeLines"][number]) => boolean][] = [
  ["一般公共预算财政拨款收入", (l) => l.source === "GENERAL_PUBLIC_BUDGET"],
  ["政府性基金预算财政拨款收入", (l) => l.source === "GOVERNMENT_FUND"],
  ["国有资本经营预算财政拨款收入", (l) => l.source === "STATE_CAPITAL"],
  ["上级补助收入", (l) => l.label.includes("上级补助")],
  ["事业收入", (l) => l.label.includes("事业收入")],
  ["经营收入", (l) => l.label.includes("经营收入")],
  ["附属单位上缴收入", (l) => l.label.includes("附属单位")],
  ["其他收入", (l) => l.source === "OTHER" || l.source === "UNIT_FUNDS" || l.source === "SPECIAL_ACCOUNT"],
];

export function renderFinal(bundle: Bundle): string {
  return new FinalRenderer(bundle).render();
}

class FinalRenderer {
  private readonly b: Bundle;
  private readonly unitWord: string;
  private readonly short: string;
  private readonly year: number;
  private readonly codeList;

  constructor(bundle: Bundle) {
    this.b = bundle;
    this.unitWord = bundle.amountUnit === "YUAN" ? "元" : "万元";
    this.short = bundle.department.shortName;
    this.year = bundle.year;
    this.codeList = codeListFor(bundle.year);
  }

  // ---- figures ------------------------------------------------------------------------------

  private printed(table: TableKind, row: string, column: string): BundleAmount | null {
    return (this.b.publishedFigures ?? []).find((f) => f.tableKind === table && f.rowLabel === row && f.columnLabel === column)?.amount ?? null;
  }

  private sum(lines: { amount: BundleAmount }[]): BundleAmount | null {
    return sumAmounts(lines.map((l) => l.amount));
  }

  private claim(topic: string): BundleClaim | undefined {
    return (this.b.claims ?? []).find((c) => c.topic === topic);
  }

  private money(a: BundleAmount | null | undefined): string {
    return `${a ?? "0"}${this.unitWord}`;
  }

  /** 类, 款 and 项 rows of `codes` (项 codes), in code order: [code, name]. */
  private subjectTree(codes: string[]): [string, string][] {
    const items = [...new Set(codes)].sort();
    const names = new Map(this.b.subjectLines.map((l) => [l.subject, l.subjectName]));
    const rows: [string, string][] = [];
    for (const code of items) {
      for (const head of [code.slice(0, 3), code.slice(0, 5)]) {
        if (!rows.some(([c]) => c === head)) rows.push([head, this.codeList.functional[head] ?? this.printedName(head) ?? ""]);
      }
      rows.push([code, names.get(code) ?? this.printedName(code) ?? this.codeList.functional[code] ?? ""]);
    }
    return rows;
  }

  /** The name a subject table printed for a code ("20801 人力资源和社会保障管理事务"). */
  private printedName(code: string): string | undefined {
    const f = (this.b.publishedFigures ?? []).find((p) => p.rowLabel.startsWith(`${code} `));
    return f?.rowLabel.slice(code.length + 1);
  }

  private codeCells(code: string): [string, string, string] {
    return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
  }

  // ---- document -----------------------------------------------------------------------------

  render(): string {
    const y = this.year;
    const out: string[] = [];
    const para = (...lines: string[]) => out.push(...lines.map(paragraph).filter((l) => l !== ""), "");
    const tables: [TableKind, string[]][] = [
      ["FINAL_OVERVIEW", this.overviewTable()],
      ["FINAL_INCOME", this.incomeTable()],
      ["FINAL_EXPENDITURE", this.expenditureTable()],
      ["FINAL_FISCAL_OVERVIEW", this.fiscalTable()],
      ["FINAL_GENERAL_EXPENDITURE", this.generalTable()],
      ["FINAL_BASIC_ECONOMIC", this.basicTable()],
      ["FINAL_THREE_PUBLIC", this.threePublicTable()],
      ["FINAL_GOV_FUND", this.fundTable("GOVERNMENT_FUND", "政府性基金预算财政拨款", true)],
      ["FINAL_STATE_CAPITAL", this.fundTable("STATE_CAPITAL", "国有资本经营预算财政拨款", false)],
    ];

    out.push(`# ${y} 年度${this.short}部门决算公开`, "", "## 目录", "");
    out.push(`### 第一部分 ${this.short}概况`, `### 第二部分 ${y} 年度${this.short}部门决算情况说明`, "### 第三部分 名词解释", `### 第四部分 ${y} 年度${this.short}部门决算表`, "");
    tables.forEach(([kind], i) => out.push(`#### ${chineseNumber(i + 1)}、${TABLE_TITLES[kind]}`));
    out.push("");

    out.push(`## 第一部分 ${this.short}概况`, "");
    pushOverview(out, para, this.b, this.divisions());

    out.push(`## 第二部分 ${y} 年度${this.short}部门决算情况说明`, "");
    const sections: [string, string[]][] = [
      ["收入支出决算总体情况说明", this.totalsSection()],
      ["收入决算情况说明", this.incomeSection()],
      ["支出决算情况说明", this.expenditureSection()],
      ["财政拨款收入支出决算总体情况说明", this.fiscalSection()],
      ["一般公共预算财政拨款支出决算情况说明", []],
      ["一般公共预算财政拨款基本支出决算情况说明", this.basicSection()],
      ["一般公共预算财政拨款“三公”经费支出决算情况说明", this.threePublicSection()],
      ["政府性基金预算财政拨款支出决算情况说明", this.fundSection("GOVERNMENT_FUND", "政府性基金预算财政拨款")],
      ["国有资本经营预算财政拨款支出决算情况说明", this.fundSection("STATE_CAPITAL", "国有资本经营预算财政拨款")],
    ];
    sections.forEach(([heading, lines], i) => {
      out.push(`### ${chineseNumber(i + 1)}、${heading}`, "");
      if (i === 4) {
        out.push("#### （一）一般公共预算财政拨款支出决算总体情况", "");
        para(...this.executionTotal());
        out.push("#### （二）一般公共预算财政拨款支出决算具体情况", "");
        para(...this.executionItems());
      } else para(...lines);
    });
    const operating = this.operatingSection();
    if (operating.length) {
      out.push(`### ${chineseNumber(sections.length + 1)}、其他重要事项情况说明`, "", "#### （一）机关运行经费支出情况", "");
      para(...operating);
    }

    out.push("## 第三部分 名词解释", "");
    para(
      "一、财政拨款收入：本级财政当年拨付的资金。",
      "二、年初结转和结余：以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
      "三、基本支出：为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
      "四、项目支出：在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    );

    out.push(`## 第四部分 ${y} 年度${this.short}部门决算表`, "");
    for (const [kind, rows] of tables) {
      out.push(`## ${y}年度${TABLE_TITLES[kind]}`, "", `部门名称：${this.b.department.name}`, `单位：${this.unitWord}`, "", ...rows, "");
    }
    return `${out.join("\n").replace(/\n{3,}/g, "\n\n").replace(/\n+$/, "")}\n`;
  }

  /** The units, with the 单位编码 the importer identifies a 决算's department by. */
  private divisions(): string[] {
    const text = (this.b.texts ?? []).filter((t) => t.kind === "DIVISIONS").sort((a, b) => a.position - b.position);
    const units = this.b.department.units;
    const listed = units.length
      ? units.map((u) => `${u.name}（单位编码${u.code}，${u.isSelf ? "本级" : "所属单位"}）`).join("、")
      : `${this.b.department.name}（部门编码${this.b.department.code}）`;
    const own = text.flatMap((t) => t.body.split(/\n+/));
    if (own.some((l) => /单位编码|部门编码/.test(l))) return own;
    return [...own, `${this.short}部门决算由${Math.max(1, units.length)}个预算单位的决算组成：${listed}。`];
  }

  // ---- narrative ----------------------------------------------------------------------------

  private opening(): string {
    return `${this.short}${this.year}年度`;
  }

  /** "收入总计X万元，支出总计Y万元": each claim of `topics` that the bundle has, with its words. */
  private amounts(topics: [string, string][]): string[] {
    return topics.flatMap(([topic, words]) => {
      const c = this.claim(topic);
      return c?.amount !== undefined && c.amount !== null ? [`${words}${this.money(c.amount)}`] : [];
    });
  }

  private totalsSection(): string[] {
    const first = this.amounts([["INCOME_TOTAL", "收入总计"], ["EXPENDITURE_TOTAL", "支出总计"]]);
    const second = this.amounts([["CARRIED_IN", "年初结转和结余"], ["CARRIED_OUT", "年末结转和结余"]]);
    if (!first.length && !second.length) return [];
    return [`${this.opening()}${[first.join("，"), second.join("，")].filter(Boolean).join("。")}。`];
  }

  private share(topic: string, words: string): string | null {
    const c = this.claim(topic);
    if (!c?.amount) return null;
    return c.sharePercent ? `${words}${this.money(c.amount)}，占${c.sharePercent}%` : `${words}${this.money(c.amount)}`;
  }

  private leadAndParts(lead: [string, string], parts: string[]): string[] {
    const head = this.amounts([lead]);
    const rest = parts.filter(Boolean);
    if (!head.length && !rest.length) return [];
    return [`${this.opening()}${head.join("")}${rest.length ? `${head.length ? "，其中：" : ""}${rest.join("；")}` : ""}。`];
  }

  private incomeSection(): string[] {
    return this.leadAndParts(["INCOME_THIS_YEAR", "本年收入合计"], [this.share("INCOME_GENERAL_BUDGET", "一般公共预算财政拨款收入") ?? ""]);
  }

  private expenditureSection(): string[] {
    return this.leadAndParts(["EXPENDITURE_THIS_YEAR", "本年支出合计"], [this.share("BASIC_SHARE", "基本支出") ?? "", this.share("PROJECT_SHARE", "项目支出") ?? ""]);
  }

  private fiscalSection(): string[] {
    const parts = this.amounts([["FISCAL_INCOME_TOTAL", "财政拨款收入总计"], ["FISCAL_EXPENDITURE_TOTAL", "财政拨款支出总计"]]);
    return parts.length ? [`${this.opening()}${parts.join("，")}。`] : [];
  }

  /** "年初预算为B，支出决算为A，完成年初预算的P%", and why the two differ. */
  private execution(c: BundleClaim): string {
    let s = `年初预算为${this.money(c.budgeted)}，支出决算为${this.money(c.amount)}`;
    if (c.completionPercent) s += `，完成年初预算的${c.completionPercent}%`;
    const gap = compare(c.amount ?? "0", c.budgeted ?? "0");
    if (c.budgeted !== undefined && gap === 0) s += "，决算数与年初预算数持平";
    else if (c.reason) s += `，决算数${gap < 0 ? "小于" : "大于"}年初预算数的主要原因是${c.reason}`;
    return `${s}。`;
  }

  private executionTotal(): string[] {
    const c = this.claim("EXECUTION_TOTAL");
    return c ? [`${this.opening()}一般公共预算财政拨款支出${this.execution(c)}`] : [];
  }

  private executionItems(): string[] {
    return (this.b.claims ?? [])
      .filter((c) => c.topic === "EXECUTION")
      .map((c, i) => {
        const code = c.subject ?? "";
        const cls = this.codeList.functional[code.slice(0, 3)] ?? this.printedName(code.slice(0, 3)) ?? "";
        const section = this.codeList.functional[code.slice(0, 5)] ?? this.printedName(code.slice(0, 5)) ?? "";
        const path = code ? `${cls}（类）${section}（款）` : "";
        return `${i + 1}. ${path}${c.label ?? ""}（项）。${this.execution(c)}`;
      });
  }

  private basicSection(): string[] {
    const parts = this.amounts([["PERSONNEL_TOTAL", "人员经费"], ["PUBLIC_TOTAL", "公用经费"]]);
    return this.leadAndParts(["BASIC_TOTAL", "一般公共预算财政拨款基本支出"], parts).map((l) => l.replace(/；/g, "，"));
  }

  private threePublicSection(): string[] {
    const total = this.claim("THREE_PUBLIC_TOTAL");
    const items = this.amounts([["THREE_PUBLIC_OVERSEAS", "因公出国（境）费支出决算为"], ["THREE_PUBLIC_RECEPTION", "公务接待费支出决算为"], ["THREE_PUBLIC_VEHICLES", "公务用车购置及运行费支出决算为"]]);
    if (!total && !items.length) return [];
    const head = total ? `${this.opening()}“三公”经费财政拨款支出预算为${this.money(total.budgeted)}，支出决算为${this.money(total.amount)}。` : this.opening();
    return [`${head}${items.length ? `其中：${items.join("；")}。` : ""}`];
  }

  private fundSection(source: FundingSourceCode, words: string): string[] {
    const total = this.sum(this.b.subjectLines.filter((l) => l.fundingSource === source));
    if (total === null || isZero(total)) return [`${this.opening()}没有使用${words}安排的支出。`];
    return [`${this.opening()}使用${words}安排的支出见附表，合计${printAmount(total)}${this.unitWord}。`];
  }

  private operatingSection(): string[] {
    const total = this.b.operatingFunds?.total ?? this.claim("OPERATING_FUNDS_TOTAL")?.amount;
    return total ? [`${this.opening()}机关运行经费支出${this.money(total)}。`] : [];
  }

  // ---- 收入支出决算总表 ---------------------------------------------------------------------------

  private overviewTable(): string[] {
    const t = new TableWriter(6);
    const pub = (row: string, column: string) => this.printed("FINAL_OVERVIEW", row, column);
    const income = this.b.incomeLines.filter((l) => l.source !== "PRIOR_YEAR_CARRYOVER");
    const carriedIn = this.sum(this.b.incomeLines.filter((l) => l.source === "PRIOR_YEAR_CARRYOVER"));
    const left = INCOME_ROWS.map(([label, test], i): [string, string, string] => {
      const own = income.filter(test);
      return [`${chineseNumber(i + 1)}、${label}`, String(i + 1), printAmount(pub(label, "收入金额") ?? this.sum(own))];
    });
    const right = this.classRows("FINAL_OVERVIEW", "支出金额");
    t.row("收入", "", "", "支出", "", "");
    t.row("项目", "行次", "金额", "项目", "行次", "金额");
    for (let i = 0; i < Math.max(left.length, right.length); i++) t.row(...(left[i] ?? ["", "", ""]), ...(right[i] ?? ["", "", ""]));
    const s = this.b.stated;
    const spent = this.sum(this.b.subjectLines);
    t.row("本年收入合计", "11", printAmount(pub("本年收入合计", "收入金额") ?? this.sum(income)), "本年支出合计", "61", printAmount(pub("本年支出合计", "支出金额") ?? spent));
    t.row("年初结转和结余", "12", printAmount(pub("年初结转和结余", "收入金额") ?? carriedIn), "年末结转和结余", "62", printAmount(pub("年末结转和结余", "支出金额")));
    t.row("总计", "13", printAmount(pub("总计", "收入金额") ?? s.incomeTotal ?? this.sum(this.b.incomeLines)), "总计", "63", printAmount(pub("总计", "支出金额") ?? s.expenditureTotal ?? spent));
    return t.lines;
  }

  /** The 类 rows a 决算 overview prints: every class it printed, else every class spent on; [label, amount]. */
  private classRows(table: TableKind, column: string): [string, string, string][] {
    const printed = (this.b.publishedFigures ?? []).filter((f) => f.tableKind === table && f.columnLabel === column && /支出$/.test(f.rowLabel) && !/合计|总计/.test(f.rowLabel));
    const spentOn = [...new Set(this.b.subjectLines.map((l) => l.subject.slice(0, 3)))].sort();
    const classes = Object.entries(this.codeList.functional).filter(([code]) => code.length === 3 && (spentOn.includes(code) || printed.some((f) => f.rowLabel === this.codeList.functional[code])));
    return classes.map(([code, name]) => {
      const amount = printed.find((f) => f.rowLabel === name)?.amount ?? this.sum(this.b.subjectLines.filter((l) => l.subject.startsWith(code)));
      // 行次 31 is the first class (201), as the template numbers them.
      return [`${chineseNumber(Number(code) - 200)}、${name}`, String(Number(code) - 170), printAmount(amount)];
    });
  }

  // ---- 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表 ---------------------------------------------

  /**
   * A table by 科目: header rows, 合计, then 类, 款 and 项 rows. `cell` gives a column's figure
   * for a set of 项 lines; a figure the table printed for that row and column wins.
   */
  private subjectTable(table: TableKind, head: string[][], columns: string[], codes: string[], cell: (column: string, subjects: string[] | null) => BundleAmount | null): string[] {
    const t = new TableWriter(4 + columns.length);
    for (const h of head) t.row(...h);
    const value = (label: string, column: string, subjects: string[] | null) => printAmount(this.printed(table, label, column) ?? cell(column, subjects));
    t.row("", "", "", "合计", ...columns.map((c) => value("合计", c, null)));
    for (const [code, name] of this.subjectTree(codes)) {
      const items = codes.filter((c) => c.startsWith(code));
      t.row(...this.codeCells(code), name, ...columns.map((c) => value(`${code} ${name}`, c, items)));
    }
    return t.lines;
  }

  private spentOn(test: (l: SubjectLine) => boolean = () => true): string[] {
    return this.b.subjectLines.filter(test).map((l) => l.subject);
  }

  private rowTotal(subjects: string[] | null): BundleAmount | null {
    if (subjects === null) return this.b.stated.expenditureTotal ?? this.sum(this.b.subjectLines);
    const printed = (this.b.subjectRowTotals ?? []).filter((r) => subjects.includes(r.subject));
    if (subjects.length === 1 && printed.length === 1) return printed[0]!.amount;
    return this.sum(this.b.subjectLines.filter((l) => subjects.includes(l.subject)));
  }

  private incomeTable(): string[] {
    const columns = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
    const lines = (subjects: string[] | null) => this.b.subjectLines.filter((l) => subjects === null || subjects.includes(l.subject));
    return this.subjectTable(
      "FINAL_INCOME",
      [["项目", "", "", "", ...columns], ["科目编码", "", "", "科目名称"], ["类", "款", "项", ""]],
      columns,
      this.spentOn(),
      (column, subjects) => {
        if (column === "本年收入合计") return this.rowTotal(subjects);
        if (column === "财政拨款收入") return this.sum(lines(subjects).filter((l) => FISCAL.includes(l.fundingSource)));
        if (column === "其他收入") return this.sum(lines(subjects).filter((l) => !FISCAL.includes(l.fundingSource)));
        return null;
      },
    );
  }

  private expenditureTable(): string[] {
    const columns = ["本年支出合计", ...SPENDING.map(([c]) => c)];
    const s = this.b.stated;
    return this.subjectTable(
      "FINAL_EXPENDITURE",
      [["项目", "", "", "", ...columns], ["科目编码", "", "", "科目名称"], ["类", "款", "项", ""]],
      columns,
      this.spentOn(),
      (column, subjects) => {
        if (column === "本年支出合计") return this.rowTotal(subjects);
        if (subjects === null && column === "基本支出" && s.basicExpenditure) return s.basicExpenditure;
        if (subjects === null && column === "项目支出" && s.projectExpenditure) return s.projectExpenditure;
        const test = SPENDING.find(([c]) => c === column)![1];
        return this.sum(this.b.subjectLines.filter((l) => (subjects === null || subjects.includes(l.subject)) && test(l)));
      },
    );
  }

  private generalTable(): string[] {
    const columns = ["年初预算数", "合计", "基本支出", "项目支出"];
    const general = this.b.subjectLines.filter((l) => l.fundingSource === "GENERAL_PUBLIC_BUDGET");
    const yearBegin = this.b.yearBegin ?? [];
    const of = (subjects: string[] | null) => general.filter((l) => subjects === null || subjects.includes(l.subject));
    return this.subjectTable(
      "FINAL_GENERAL_EXPENDITURE",
      [["项目", "", "", "", "年初预算数", "本年支出", "", ""], ["科目编码", "", "", "科目名称", "", "合计", "基本支出", "项目支出"], ["类", "款", "项", "", "", "", "", ""]],
      columns,
      [...general.map((l) => l.subject), ...yearBegin.map((l) => l.subject)],
      (column, subjects) => {
        if (column === "年初预算数") return subjects === null ? (this.b.yearBeginTotal ?? this.sum(yearBegin)) : this.sum(yearBegin.filter((l) => subjects.includes(l.subject)));
        if (column === "合计") return this.sum(of(subjects));
        return this.sum(of(subjects).filter(SPENDING.find(([c]) => c === column)![1]));
      },
    );
  }

  // ---- 财政拨款收入支出决算总表 -------------------------------------------------------------------

  private fiscalTable(): string[] {
    const t = new TableWriter(9);
    const table: TableKind = "FINAL_FISCAL_OVERVIEW";
    const pub = (row: string, column: string) => this.printed(table, row, column);
    const incomeOf = (src: FundingSourceCode) => this.sum(this.b.incomeLines.filter((l) => l.source === src));
    const spent = (src: FundingSourceCode | null, code = "") => this.sum(this.b.subjectLines.filter((l) => l.subject.startsWith(code) && (src === null ? FISCAL.includes(l.fundingSource) : l.fundingSource === src)));
    const columns: [FundingSourceCode, string][] = [["GENERAL_PUBLIC_BUDGET", "一般公共预算财政拨款"], ["GOVERNMENT_FUND", "政府性基金预算财政拨款"], ["STATE_CAPITAL", "国有资本经营预算财政拨款"]];
    const right = (label: string, code: string) => [printAmount(pub(label, "支出金额") ?? spent(null, code)), ...columns.map(([src, column]) => printAmount(pub(label, column) ?? spent(src, code)))];
    const left: [string, string, string][] = [
      ["一、一般公共预算财政拨款", "1", printAmount(pub("一般公共预算财政拨款", "收入金额") ?? incomeOf("GENERAL_PUBLIC_BUDGET"))],
      ["二、政府性基金预算财政拨款", "2", printAmount(pub("政府性基金预算财政拨款", "收入金额") ?? incomeOf("GOVERNMENT_FUND"))],
      ["三、国有资本经营预算财政拨款", "3", printAmount(pub("国有资本经营预算财政拨款", "收入金额") ?? incomeOf("STATE_CAPITAL"))],
    ];
    const classes = Object.entries(this.codeList.functional).filter(([code]) => code.length === 3 && this.b.subjectLines.some((l) => l.subject.startsWith(code) && FISCAL.includes(l.fundingSource)));
    const rightRows = classes.map(([code, name]) => [`${chineseNumber(Number(code) - 200)}、${name}`, String(Number(code) - 170), ...right(name, code)]);
    t.row("收入", "", "", "支出", "", "", "", "", "");
    t.row("项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款");
    for (let i = 0; i < Math.max(left.length, rightRows.length); i++) t.row(...(left[i] ?? ["", "", ""]), ...(rightRows[i] ?? ["", "", "", "", "", ""]));
    const fiscalIncome = this.sum(this.b.incomeLines.filter((l) => FISCAL.includes(l.source)));
    t.row("本年收入合计", "11", printAmount(pub("本年收入合计", "收入金额") ?? fiscalIncome), "本年支出合计", "61", ...right("本年支出合计", ""));
    t.row("年初财政拨款结转和结余", "12", printAmount(pub("年初财政拨款结转和结余", "收入金额")), "年末财政拨款结转和结余", "62", printAmount(pub("年末财政拨款结转和结余", "支出金额")), "", "", "");
    t.row("总计", "13", printAmount(pub("总计", "收入金额") ?? fiscalIncome), "总计", "63", ...right("总计", ""));
    return t.lines;
  }

  // ---- 一般公共预算财政拨款基本支出决算表 ----------------------------------------------------------

  private basicTable(): string[] {
    const t = new TableWriter(6);
    const figures = (this.b.publishedFigures ?? []).filter((f) => f.tableKind === "FINAL_BASIC_ECONOMIC" && /^\d{5} /.test(f.rowLabel));
    const half = (column: string) => figures.filter((f) => f.columnLabel === column).map((f): [string, string, string] => [f.rowLabel.slice(0, 5), f.rowLabel.slice(6), printAmount(f.amount)]);
    const personnel = half("人员经费");
    const publicFunds = half("公用经费");
    t.row("人员经费", "", "", "公用经费", "", "");
    t.row("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数");
    for (let i = 0; i < Math.max(personnel.length, publicFunds.length); i++) t.row(...(personnel[i] ?? ["", "", ""]), ...(publicFunds[i] ?? ["", "", ""]));
    const s = this.b.stated;
    const total = (label: string, stated: BundleAmount | undefined) => printAmount(this.printed("FINAL_BASIC_ECONOMIC", label, "决算数") ?? stated);
    t.row("人员经费合计", "", total("人员经费合计", s.personnelExpenditure), "公用经费合计", "", total("公用经费合计", s.publicExpenditure));
    return t.lines;
  }

  // ---- “三公”经费支出决算表 --------------------------------------------------------------------

  private threePublicTable(): string[] {
    const t = new TableWriter(12);
    const head = ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"];
    const sub = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""];
    t.row("预算数", "", "", "", "", "", "决算数", "", "", "", "", "");
    t.row(...head, ...head);
    t.row(...sub, ...sub);
    const values = (v: Bundle["threePublic"]) => (v ? [v.total, v.overseasTravel, v.vehicles, v.vehiclePurchase, v.vehicleOperation, v.reception] : []).map(printAmount);
    const budgeted = values(this.b.threePublicBudgeted);
    const spent = values(this.b.threePublic);
    if (budgeted.length || spent.length) t.row(...(budgeted.length ? budgeted : ["", "", "", "", "", ""]), ...spent);
    return t.lines;
  }

  // ---- 政府性基金 / 国有资本经营预算财政拨款 ---------------------------------------------------------

  private fundTable(source: FundingSourceCode, words: string, withBalances: boolean): string[] {
    const columns = withBalances ? ["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"] : ["合计", "基本支出", "项目支出"];
    const t = new TableWriter(4 + columns.length);
    if (withBalances) {
      t.row("项目", "", "", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余");
      t.row("科目编码", "", "", "科目名称", "", "", "小计", "基本支出", "项目支出", "");
    } else {
      t.row("项目", "", "", "", "本年支出", "", "");
      t.row("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出");
    }
    const lines = this.b.subjectLines.filter((l) => l.fundingSource === source);
    if (!lines.length) {
      t.note(`注：${this.short}${this.year}年度没有使用${words}安排的支出，故本表为空表。`);
      return t.lines;
    }
    const codes = lines.map((l) => l.subject);
    const cells = (subjects: string[]) => {
      const ls = lines.filter((l) => subjects.includes(l.subject));
      const spent = [this.sum(ls), this.sum(ls.filter(SPENDING[0]![1])), this.sum(ls.filter(SPENDING[1]![1]))].map(printAmount);
      return withBalances ? ["", "", ...spent, ""] : spent;
    };
    t.row("", "", "", "合计", ...cells(codes));
    for (const [code, name] of this.subjectTree(codes)) t.row(...this.codeCells(code), name, ...cells(codes.filter((c) => c.startsWith(code))));
    return t.lines;
  }
}

/** -1, 0 or 1 as decimal text a is below, equal to or above b (exact). */
function compare(a: BundleAmount, b: BundleAmount): number {
  const d = sumAmounts([a, b.startsWith("-") ? b.slice(1) : `-${b}`])!;
  return isZero(d) ? 0 : d.startsWith("-") ? -1 : 1;
}
