import { type PrintedUnit, UNIT_WORD, coarsest } from "../../common/money";
import { moneyFinding } from "../checks";
import { codeListFor } from "../code-lists";
import type { BudgetModel, DiscrepancyDraft } from "../model";
import { type DisclosureDoc, TABLE_TITLES, type TableKind } from "./document";
import type { DisclosureParts } from "./read-disclosure";
import { FISCAL_COLUMNS, type FiscalRow, type Printed, type SubjectRow, type SubjectTable } from "./tables";

type Fen = bigint | null | undefined;
const sum = (xs: Fen[]) => xs.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
const present = (xs: Fen[]) => xs.filter((x) => x !== null && x !== undefined).length;
/** Rounding terms of a sum of printed parts: one part alone is the same figure printed twice, which rounding cannot make differ. */
const partTerms = (xs: Fen[]) => (present(xs) > 1 ? present(xs) : 0);

/**
 * The checks only the document can answer: its tables against each other, its narrative
 * against its tables, the names it prints for one thing, and its layout.
 */
export function documentChecks(p: DisclosureParts, model: BudgetModel): DiscrepancyDraft[] {
  const c = new DocumentChecker(p, model);
  c.layout();
  c.overviewTable();
  c.fiscalTable();
  c.subjectTables();
  c.classTotals();
  c.fiscalAgainstOverview();
  c.basicTable();
  c.projects();
  c.projectTableRows();
  c.listingRows();
  c.performanceBudget();
  c.narrative();
  return c.out;
}

class DocumentChecker {
  readonly out: DiscrepancyDraft[] = [];
  private readonly file: string;

  constructor(
    private readonly p: DisclosureParts,
    private readonly model: BudgetModel,
  ) {
    this.file = p.doc.fileName;
  }

  private at(kind: TableKind, line: number | null | undefined, row?: string): string {
    return `${this.place(line)} ${TABLE_TITLES[kind]}${row ? ` ${row}` : ""}`;
  }

  private place(line: number | null | undefined): string {
    return this.p.doc.place(line ?? null);
  }

  /** A money check between figures of the given tables (or the narrative): rounding is that of the coarsest unit among them. */
  private money(ruleId: string, what: string, location: string, stated: Fen, computed: Fen, terms: number, printedIn: (TableKind | "NARRATIVE")[]): void {
    const f = moneyFinding(coarsest(...printedIn.map((k) => this.unitOf(k))), ruleId, what, location, stated, computed, terms);
    if (f) this.out.push(f);
  }

  /** The unit a table printed its figures in (the document's where it printed none); the narrative's is that of its figures. */
  private unitOf(kind: TableKind | "NARRATIVE"): PrintedUnit {
    if (kind === "NARRATIVE") return coarsest(this.p.unit, ...this.model.claims.map((c) => c.unit));
    return this.p.doc.tables.find((t) => t.kind === kind)?.unit ?? this.p.unit;
  }

  private text(ruleId: string, severity: DiscrepancyDraft["severity"], message: string, location: string, stated: string | null = null, computed: string | null = null): void {
    this.out.push({ ruleId, severity, message, location, valueKind: "TEXT", stated, computed });
  }

  /** The subject table's 合计 row, which several checks hold other tables against. */
  private get expenditureTotals() {
    return this.p.expenditure?.total?.values;
  }

  /** layout: tables listed, present, empty, without a unit */
  layout(): void {
    this.out.push(...layoutChecks(this.p.doc, this.model, this.p.unit));
  }

  /** 收支总表 on its own: the totals of each side, the part of 一般公共预算 that is 财政拨款 */
  overviewTable(): void {
    const o = this.p.overview;
    if (!o) return;
    if (o.incomeThisYear && o.incomeTotal) {
      this.money("OVERVIEW_THIS_YEAR_EQUALS_TOTAL", "本年收入合计 + 上年结转 = 收入总计", this.at("OVERVIEW", o.incomeTotal.line), o.incomeTotal.fen, o.incomeThisYear.fen + sum(o.income.filter((l) => l.source === "PRIOR_YEAR_CARRYOVER").map((l) => l.fen)), 0, ["OVERVIEW"]);
    }
    if (o.expenditureTotal && o.expenditureThisYear) {
      const parts = [o.expenditureThisYear.fen, o.expenditureCarryover?.fen];
      this.money("OVERVIEW_EXPENDITURE_THIS_YEAR_PLUS_CARRYOVER", "本年支出合计 + 年终结转结余 = 支出总计", this.at("OVERVIEW", o.expenditureTotal.line, "支出总计"), o.expenditureTotal.fen, sum(parts), partTerms(parts), ["OVERVIEW"]);
    }
    const g = o.grant;
    if (g?.of && g.fen > g.of.fen) this.money("GRANT_WITHIN_GENERAL_BUDGET", `其中：财政拨款 ≤ ${g.of.label}`, this.at("OVERVIEW", g.line, "其中：财政拨款"), g.fen, g.of.fen, 0, ["OVERVIEW"]);
  }

  /** 财政拨款收支总表 on its own: its two totals, each income block, each expenditure row and column, and its 其中：财政拨款 */
  fiscalTable(): void {
    const f = this.p.fiscal;
    if (!f) return;
    this.money("FISCAL_EXPENDITURE_EQUALS_INCOME", "财政拨款支出合计 = 收入合计", this.at("FISCAL_OVERVIEW", f.expenditureTotal?.line), f.expenditureTotal?.fen, f.incomeTotal?.fen, 0, ["FISCAL_OVERVIEW"]);
    for (const [name, b] of [["本年收入", f.thisYear], ["上年结转", f.carryover]] as const) {
      if (!b.head || !b.parts.length) continue;
      const parts = b.parts.map((x) => x.fen);
      this.money("FISCAL_INCOME_BLOCK_PARTS", `${name} = ${b.parts.map((x) => x.label).join(" + ")}`, this.at("FISCAL_OVERVIEW", b.head.line, name), b.head.fen, sum(parts), partTerms(parts), ["FISCAL_OVERVIEW"]);
    }
    if (f.incomeTotal && f.thisYear.head) {
      const parts = [f.thisYear.head.fen, f.carryover.head?.fen];
      this.money("FISCAL_INCOME_TOTAL_PARTS", "收入合计 = 本年收入 + 上年结转", this.at("FISCAL_OVERVIEW", f.incomeTotal.line, "收入合计"), f.incomeTotal.fen, sum(parts), partTerms(parts), ["FISCAL_OVERVIEW"]);
    }
    const g = f.grant;
    if (g?.of && g.fen > g.of.fen) this.money("GRANT_WITHIN_GENERAL_BUDGET", `其中：财政拨款 ≤ ${g.of.label}`, this.at("FISCAL_OVERVIEW", g.line, "其中：财政拨款"), g.fen, g.of.fen, 0, ["FISCAL_OVERVIEW"]);

    const { thisYear, classes, carryover, total } = f.spending;
    for (const r of [thisYear, ...classes, carryover, total].filter((x): x is FiscalRow => x !== null)) {
      const parts = [r.values.一般公共预算小计, r.values.政府性基金, r.values.国有资本经营预算];
      if (present(parts)) this.money("FISCAL_ROW_TOTAL_EQUALS_PARTS", `${r.label}: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算`, this.at("FISCAL_OVERVIEW", r.line, r.label), r.values.合计, sum(parts), partTerms(parts), ["FISCAL_OVERVIEW"]);
    }
    if (total && thisYear) {
      for (const col of FISCAL_COLUMNS) {
        const parts = [thisYear.values[col], carryover?.values[col]];
        if (total.values[col] === undefined && !present(parts)) continue;
        this.money("FISCAL_EXPENDITURE_TOTAL_PARTS", `${col}列: 支出合计 = 本年支出 + 年终结转结余`, this.at("FISCAL_OVERVIEW", total.line, `支出合计 ${col}`), total.values[col] ?? 0n, sum(parts), partTerms(parts), ["FISCAL_OVERVIEW"]);
      }
    }
    this.fiscalGrantColumn();
  }

  /**
   * 其中：财政拨款 of the expenditure side: never more than the 一般公共预算小计 it is part of. Where
   * this year's 一般公共预算 is all 财政拨款, each 类's is too; otherwise what is not 财政拨款 adds up,
   * over the 类, to 本年支出's.
   */
  private fiscalGrantColumn(): void {
    const { thisYear, classes, carryover, total } = this.p.fiscal!.spending;
    const within = (r: FiscalRow) => {
      const [part, whole] = [r.values["其中：财政拨款"], r.values.一般公共预算小计 ?? 0n];
      if (part !== undefined && part > whole) this.money("GRANT_WITHIN_GENERAL_BUDGET", `${r.label}: 其中：财政拨款 ≤ 一般公共预算小计`, this.at("FISCAL_OVERVIEW", r.line, `${r.label} 其中：财政拨款`), part, whole, 0, ["FISCAL_OVERVIEW"]);
    };
    for (const r of [thisYear, carryover, total]) if (r) within(r);
    const all = thisYear?.values.一般公共预算小计;
    const grant = thisYear?.values["其中：财政拨款"];
    if (!thisYear || all === undefined || grant === undefined || grant > all) return;
    if (all === grant) {
      for (const r of classes) {
        this.money("FISCAL_GRANT_EQUALS_GENERAL_BUDGET", `${r.label}: 其中：财政拨款 = 一般公共预算小计（本年支出的一般公共预算全部为财政拨款）`, this.at("FISCAL_OVERVIEW", r.line, `${r.label} 其中：财政拨款`), r.values["其中：财政拨款"], r.values.一般公共预算小计 ?? 0n, 0, ["FISCAL_OVERVIEW"]);
      }
      return;
    }
    for (const r of classes) within(r);
    const printed = classes.flatMap((r) => [r.values.一般公共预算小计, r.values["其中：财政拨款"]]);
    const rest = sum(classes.map((r) => (r.values.一般公共预算小计 ?? 0n) - (r.values["其中：财政拨款"] ?? 0n)));
    // The stated side is itself two printed figures (小计 − 其中), hence one term more.
    this.money("FISCAL_NON_GRANT_SUM", "一般公共预算中财政拨款以外的部分（小计 − 其中：财政拨款）: 各类之和 = 本年支出", this.at("FISCAL_OVERVIEW", thisYear.line, "本年支出 其中：财政拨款"), all - grant, rest, present(printed) + 1, ["FISCAL_OVERVIEW"]);
  }

  /** subject tables: each row, each column, and the two tables against each other */
  subjectTables(): void {
    const subjectTable = (kind: "EXPENDITURE" | "GENERAL_EXPENDITURE", t: SubjectTable | null) => {
      if (!t) return;
      for (const r of [t.total, ...t.units, ...t.rows].filter((x): x is SubjectRow => x !== null)) {
        const v = r.values;
        const label = r.code ? `${r.code} ${r.name}` : r.name;
        if (v.基本支出小计 !== undefined || v.项目支出小计 !== undefined) {
          this.money("ROW_TOTAL_EQUALS_PARTS", `${label}: 合计 = 基本支出 + 项目支出`, this.at(kind, r.line, label), v.合计, sum([v.基本支出小计, v.项目支出小计]), present([v.基本支出小计, v.项目支出小计]), [kind]);
        }
        const basicParts = [v.工资福利支出, v.对个人和家庭的补助, v.商品和服务支出, v.资本性支出];
        if (present(basicParts)) this.money("ROW_BASIC_EQUALS_PARTS", `${label}: 基本支出 = 工资福利 + 对个人和家庭的补助 + 商品和服务 + 资本性`, this.at(kind, r.line, label), v.基本支出小计, sum(basicParts), present(basicParts), [kind]);
        const projectParts = [v.其他运转类, v.特定目标类];
        if (present(projectParts)) this.money("ROW_PROJECT_EQUALS_PARTS", `${label}: 项目支出 = 其他运转类 + 特定目标类`, this.at(kind, r.line, label), v.项目支出小计, sum(projectParts), present(projectParts), [kind]);
      }
      if (t.total) {
        const columns = ["合计", "基本支出小计", "工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出", "项目支出小计", "其他运转类", "特定目标类"] as const;
        for (const col of columns) {
          const values = t.rows.map((r) => r.values[col]);
          if (!present(values) && t.total.values[col] === undefined) continue;
          this.money("COLUMN_SUM_EQUALS_TOTAL", `${col}列各行之和 = 合计行`, this.at(kind, t.total.line, `合计行 ${col}`), t.total.values[col], sum(values), present(values), [kind]);
        }
        for (const u of t.units) {
          for (const col of columns) this.money("UNIT_ROW_EQUALS_TOTAL", `${u.unitCode} 行 = 合计行 (${col})`, this.at(kind, u.line, u.name), u.values[col], t.total.values[col], 0, [kind]);
        }
      }
      const shifted = t.rows.concat(t.total ? [t.total] : [], t.units).filter((r) => r.shifted).sort((a, b) => a.line - b.line);
      if (shifted.length) {
        this.text("ROW_CELLS_SHIFTED", "STRUCTURE", `${shifted.length} 行的单元格少于标准表样（空列被略去、数字左移），已按数值关系而非列位置读取：${shifted.map((r) => this.p.doc.lineLabel(r.line)).join("、")}`, this.at(kind, shifted[0]!.line));
      }
    };
    subjectTable("EXPENDITURE", this.p.expenditure);
    subjectTable("GENERAL_EXPENDITURE", this.p.general);
    if (this.p.expenditure && this.p.general) {
      for (const g of this.p.general.rows) {
        const e = this.p.expenditure.rows.find((r) => r.code === g.code);
        if (!e) {
          this.text("GENERAL_ROW_NOT_IN_EXPENDITURE", "STRUCTURE", `${g.code} ${g.name} 见于一般公共预算支出表，不见于部门支出总体情况表`, this.at("GENERAL_EXPENDITURE", g.line));
          continue;
        }
        if (e.name !== g.name) this.text("SUBJECT_NAME_VARIES", "NAMING", `科目 ${g.code} 名称不一致：“${e.name}”与“${g.name}”`, this.at("GENERAL_EXPENDITURE", g.line), g.name, e.name);
        // 财政拨款 can only be part of the whole: more than the whole is material.
        for (const col of ["合计", "基本支出小计", "项目支出小计"] as const) {
          const gv = g.values[col];
          const ev = e.values[col];
          if (gv !== undefined && ev !== undefined && gv > ev) this.money("GENERAL_WITHIN_OVERALL", `${g.code} 一般公共预算${col} ≤ 部门支出${col}`, this.at("GENERAL_EXPENDITURE", g.line, g.code ?? ""), gv, ev, 0, ["GENERAL_EXPENDITURE", "EXPENDITURE"]);
        }
      }
    }
  }

  /** The 类 code a 总表 row's label names ("社会保障和就业" → 208), by the year's code list. */
  private classOf(label: string): string | null {
    const list = codeListFor(this.p.doc.year);
    return Object.entries(list.functional).find(([code, name]) => code.length === 3 && (name === label || name.startsWith(label) || label.startsWith(name.replace(/支出$/, ""))))?.[0] ?? null;
  }

  /** 收支总表 and 财政拨款收支总表 against the subject table, by 类 */
  classTotals(): void {
    // 收支总表 shows all money; 财政拨款收支总表 only 财政拨款, whose rows are the 一般公共预算支出表's.
    const rowsOf = (kind: "OVERVIEW" | "FISCAL_OVERVIEW", cls: string) =>
      ((kind === "FISCAL_OVERVIEW" && this.p.general ? this.p.general.rows : this.p.expenditure?.rows) ?? []).filter((r) => r.code!.startsWith(cls));
    const fiscalClasses = this.p.general ? (this.p.fiscal?.generalClasses ?? []) : (this.p.fiscal?.classes ?? []);
    for (const [kind, classes] of [["OVERVIEW", this.p.overview?.classes ?? []], ["FISCAL_OVERVIEW", fiscalClasses]] as const) {
      for (const c of classes) {
        const cls = this.classOf(c.label);
        if (!cls) {
          this.text("CLASS_UNKNOWN", "STRUCTURE", `“${c.label}”不是${this.p.doc.year}年功能分类的类名称`, this.at(kind, c.line));
          continue;
        }
        const rows = rowsOf(kind, cls);
        const source = kind === "FISCAL_OVERVIEW" && this.p.general ? "一般公共预算支出表" : "支出总表";
        this.money("CLASS_TOTAL_EQUALS_SUBJECT_ROWS", `${cls} ${c.label}: 总表数 = ${source}该类各行合计之和`, this.at(kind, c.line, c.label), c.fen, sum(rows.map((r) => r.values.合计)), rows.length, [kind, kind === "FISCAL_OVERVIEW" && this.p.general ? "GENERAL_EXPENDITURE" : "EXPENDITURE"]);
      }
    }
  }

  /**
   * 财政拨款收支总表 against 收支总表: its 收入合计, the one 其中：财政拨款 both print, and each 类 — the same figure
   * where all the department's money is 财政拨款 (收入总计 = 财政拨款收入合计), else at most the 收支总表's.
   */
  fiscalAgainstOverview(): void {
    const o = this.p.overview;
    const f = this.p.fiscal;
    if (!o || !f) return;
    this.money("FISCAL_INCOME_EQUALS_OVERVIEW", "财政拨款收入合计 = 收支总表一般公共预算等财政拨款收入", this.at("FISCAL_OVERVIEW", f.incomeTotal?.line), f.incomeTotal?.fen, sum(o.income.filter((l) => ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"].includes(l.source)).map((l) => l.fen)), 0, ["FISCAL_OVERVIEW", "OVERVIEW"]);
    if (o.grant && f.grant) this.money("GRANT_MATCHES_OVERVIEW", `财政拨款收支总表 其中：财政拨款 = 收支总表 其中：财政拨款（${this.p.doc.lineLabel(o.grant.line)}）`, this.at("FISCAL_OVERVIEW", f.grant.line, "其中：财政拨款"), f.grant.fen, o.grant.fen, 0, ["FISCAL_OVERVIEW", "OVERVIEW"]);
    if (!o.classes.length || !f.classes.length) return;
    const allFiscal = o.incomeTotal !== null && f.incomeTotal !== null && o.incomeTotal.fen === f.incomeTotal.fen;
    const byCode = (xs: Printed[]) => {
      const m = new Map<string, Printed>();
      for (const x of xs) {
        const code = this.classOf(x.label);
        if (code && !m.has(code)) m.set(code, x);
      }
      return m;
    };
    const [overview, fiscal] = [byCode(o.classes), byCode(f.classes)];
    for (const code of [...new Set([...fiscal.keys(), ...overview.keys()])].sort()) {
      const [fc, oc] = [fiscal.get(code), overview.get(code)];
      const [stated, computed] = [fc?.fen ?? 0n, oc?.fen ?? 0n];
      const label = fc?.label ?? oc!.label;
      const where = fc ? this.at("FISCAL_OVERVIEW", fc.line, label) : this.at("OVERVIEW", oc!.line, label);
      const other = oc ? `收支总表（${this.p.doc.lineLabel(oc.line)}）` : "收支总表（未列该类）";
      if (allFiscal) this.money("FISCAL_CLASS_MATCHES_OVERVIEW", `${code} ${label}: 财政拨款收支总表合计 = ${other}，收入全部为财政拨款`, where, stated, computed, 0, ["FISCAL_OVERVIEW", "OVERVIEW"]);
      else if (stated > computed) this.money("FISCAL_CLASS_WITHIN_OVERVIEW", `${code} ${label}: 财政拨款收支总表合计 ≤ ${other}`, where, stated, computed, 0, ["FISCAL_OVERVIEW", "OVERVIEW"]);
    }
  }

  /** the basic-expenditure table against the subject table */
  basicTable(): void {
    const et = this.expenditureTotals;
    const econ = this.p.economic;
    if (econ?.total && et) {
      this.money("BASIC_TABLE_MATCHES_EXPENDITURE", "基本支出表合计 = 支出总表基本支出", this.at("BASIC_ECONOMIC", econ.total.line), econ.total.total, et.基本支出小计, 0, ["BASIC_ECONOMIC", "EXPENDITURE"]);
      this.money("BASIC_PERSONNEL_MATCHES_EXPENDITURE", "基本支出表人员经费 = 支出总表工资福利支出 + 对个人和家庭的补助", this.at("BASIC_ECONOMIC", econ.total.line, "人员经费"), econ.total.personnel, sum([et.工资福利支出, et.对个人和家庭的补助]), present([et.工资福利支出, et.对个人和家庭的补助]), ["BASIC_ECONOMIC", "EXPENDITURE"]);
      this.money("BASIC_PUBLIC_MATCHES_EXPENDITURE", "基本支出表公用经费 = 支出总表商品和服务支出 + 资本性支出", this.at("BASIC_ECONOMIC", econ.total.line, "公用经费"), econ.total.public, sum([et.商品和服务支出, et.资本性支出]), present([et.商品和服务支出, et.资本性支出]), ["BASIC_ECONOMIC", "EXPENDITURE"]);
      const byClass: [string, Fen][] = [["301", et.工资福利支出], ["303", et.对个人和家庭的补助], ["302", et.商品和服务支出], ["310", et.资本性支出]];
      for (const [cls, stated] of byClass) {
        const rows = econ.rows.filter((r) => r.deptCode.startsWith(cls));
        if (!rows.length && (stated ?? null) === null) continue;
        this.money("ECONOMIC_CLASS_MATCHES_EXPENDITURE", `支出总表 ${cls} 类列 = 基本支出表该类各行之和`, this.at("EXPENDITURE", this.p.expenditure!.total!.line, cls), stated, sum(rows.map((r) => r.total)), rows.length, ["BASIC_ECONOMIC", "EXPENDITURE"]);
      }
    }
    for (const r of econ?.rows ?? []) {
      if (r.total !== null) this.money("ECONOMIC_ROW_TOTAL", `${r.deptCode}: 合计 = 人员经费 + 公用经费`, this.at("BASIC_ECONOMIC", r.line, r.deptCode), r.total, sum([r.personnel, r.public]), present([r.personnel, r.public]), ["BASIC_ECONOMIC"]);
      const byCode = /^30[13]/.test(r.deptCode) ? "人员经费" : "公用经费";
      if ((byCode === "人员经费" && r.public !== null) || (byCode === "公用经费" && r.personnel !== null)) {
        this.text("ECONOMIC_KIND_COLUMN", "STRUCTURE", `${r.deptCode} ${r.deptName} 属${byCode}，却列在另一列`, this.at("BASIC_ECONOMIC", r.line));
      }
    }
  }

  /** projects: the project table, its listings in the performance table */
  projects(): void {
    const pt = this.p.projectTable;
    if (pt?.total) {
      this.money("PROJECT_TABLE_MATCHES_EXPENDITURE", "项目支出表合计 = 支出总表项目支出", this.at("PROJECTS", pt.total.line), pt.total.fen, this.expenditureTotals?.项目支出小计, 0, ["PROJECTS", "EXPENDITURE"]);
      if (pt.department) this.money("PROJECT_DEPARTMENT_ROW_EQUALS_TOTAL", `${pt.department.code} 行 = 合计行`, this.at("PROJECTS", pt.department.line), pt.department.fen, pt.total.fen, 0, ["PROJECTS"]);
    }
    for (const r of pt?.rows ?? []) this.money("PROJECT_ROW_TOTAL", `${r.name}: 合计 = 各资金来源之和`, this.at("PROJECTS", r.line, r.name), r.total, sum(r.lines.map((l) => l.fen)), r.lines.length, ["PROJECTS"]);
    this.p.listings.forEach((l, i) => {
      this.money("LISTING_ROWS_SUM", `${TABLE_TITLES.PROJECT_PERFORMANCE}第${i + 1}次列示: 各项目资金总额之和 = 列示合计`, this.at("PROJECT_PERFORMANCE", l.line), l.stated.total, sum(l.projects.map((r) => r.amounts.total)), l.projects.length, ["PROJECT_PERFORMANCE"]);
      if (l.unitRow && l.departmentCode) this.money("LISTING_UNIT_ROW_EQUALS_DEPARTMENT_ROW", `${TABLE_TITLES.PROJECT_PERFORMANCE}第${i + 1}次列示: ${l.unitCode} 行 = ${l.departmentCode} 行`, this.at("PROJECT_PERFORMANCE", l.unitRow.line), l.unitRow.total, l.stated.total, 0, ["PROJECT_PERFORMANCE"]);
      if (pt?.total) this.money("LISTING_MATCHES_PROJECT_TABLE", `${TABLE_TITLES.PROJECT_PERFORMANCE}第${i + 1}次列示合计 = 项目支出表合计`, this.at("PROJECT_PERFORMANCE", l.line), l.stated.total, pt.total.fen, 0, ["PROJECT_PERFORMANCE", "PROJECTS"]);
    });
    if (this.p.listings.length > 1) {
      this.text("LISTING_REPEATED", "STRUCTURE", `${TABLE_TITLES.PROJECT_PERFORMANCE}把项目列示了 ${this.p.listings.length} 次（${this.p.listings.map((l) => this.p.doc.lineLabel(l.line)).join("、")}起），已合并为一份项目清单`, this.at("PROJECT_PERFORMANCE", this.p.listings[1]!.line));
    }
  }

  /** 项目支出预算表's 合计 and 部门 rows: each adds up its funding sources, and the 部门 row is the 合计 row, column by column */
  projectTableRows(): void {
    const pt = this.p.projectTable;
    const cells = (lines: { column: string; fen: bigint }[]) => new Map(lines.map((l) => [l.column, l.fen]));
    for (const [name, r] of [["合计行", pt?.total], [`${pt?.department?.code} 行`, pt?.department]] as const) {
      if (!r || !r.lines.length) continue;
      const parts = r.lines.map((l) => l.fen);
      this.money("PROJECT_ROW_TOTAL", `${name}: 合计 = 各资金来源之和`, this.at("PROJECTS", r.line, name), r.fen, sum(parts), partTerms(parts), ["PROJECTS"]);
    }
    if (pt?.total && pt.department) {
      const [total, dept] = [cells(pt.total.lines), cells(pt.department.lines)];
      for (const column of [...new Set([...total.keys(), ...dept.keys()])]) {
        this.money("PROJECT_DEPARTMENT_ROW_EQUALS_TOTAL", `${pt.department.code} 行 = 合计行 (${column})`, this.at("PROJECTS", pt.department.line), dept.get(column) ?? 0n, total.get(column) ?? 0n, 0, ["PROJECTS"]);
      }
    }
  }

  /** 项目绩效目标汇总表's rows: 资金总额 = 政府预算资金 + 财政专户管理资金 + 单位资金, and the 单位 row is the 部门 row */
  listingRows(): void {
    this.p.listings.forEach((l, i) => {
      const listing = `${TABLE_TITLES.PROJECT_PERFORMANCE}第${i + 1}次列示`;
      const rows = [
        ...(l.departmentCode || l.unitCode ? [{ name: (l.unitRow ? l.departmentCode : l.unitCode ?? l.departmentCode)!, line: l.line, total: l.stated.total, parts: [l.stated.government] }] : []),
        ...(l.unitRow ? [{ name: l.unitCode!, line: l.unitRow.line, total: l.unitRow.total, parts: [l.unitRow.government] }] : []),
        ...l.projects.map((r) => ({ name: `${r.code} ${r.name}`, line: r.line, total: r.amounts.total, parts: [r.amounts.government, r.amounts.specialAccount, r.amounts.unitFunds] })),
      ];
      for (const r of rows) {
        if (present(r.parts)) this.money("LISTING_ROW_TOTAL", `${listing} ${r.name}: 资金总额 = 政府预算资金 + 财政专户管理资金 + 单位资金`, this.at("PROJECT_PERFORMANCE", r.line, r.name), r.total, sum(r.parts), partTerms(r.parts), ["PROJECT_PERFORMANCE"]);
      }
      if (l.unitRow && l.departmentCode) this.money("LISTING_UNIT_ROW_EQUALS_DEPARTMENT_ROW", `${listing}: ${l.unitCode} 行 = ${l.departmentCode} 行 (政府预算资金)`, this.at("PROJECT_PERFORMANCE", l.unitRow.line), l.unitRow.government, l.stated.government, 0, ["PROJECT_PERFORMANCE"]);
    });
  }

  /** the department-level performance table's budget figures */
  performanceBudget(): void {
    for (const f of this.p.deptPerformance?.figures ?? []) {
      const target: Fen =
        /部门预算总额/.test(f.label) ? this.model.stated.expenditureTotal
        : /基本支出/.test(f.label) ? this.model.stated.basic
        : /项目支出/.test(f.label) ? this.model.stated.project
        : /政府预算资金/.test(f.label) ? sum(this.model.incomeLines.filter((l) => ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"].includes(l.source)).map((l) => l.fen))
        : undefined;
      this.money("PERFORMANCE_BUDGET_MATCHES", `整体绩效目标表“${f.label}” = 预算表`, this.at("DEPT_PERFORMANCE", f.line, f.label), f.amount, target, 0, ["DEPT_PERFORMANCE", "EXPENDITURE", "OVERVIEW"]);
    }
  }

  /** the narrative: names it prints, its lists */
  narrative(): void {
    const n = this.p.narrative;
    for (const d of n.departmentNames) {
      if (d.name !== this.p.doc.shortName) {
        this.text("DEPARTMENT_NAME_VARIES", "NAMING", `说明中部门名称作“${d.name}”，标题与表中作“${this.p.doc.shortName}”(${this.model.department.name})`, `${this.place(d.line)} 说明 ${d.section}`, d.name, this.p.doc.shortName);
      }
    }
    for (const c of n.claims.filter((x) => x.topic === "SUBJECT_SHARE" && x.label)) {
      const row = (this.p.expenditure?.rows ?? []).find((r) => r.code === this.model.claims.find((m) => m.topic === c.topic && m.label === c.label)?.subject);
      if (!row) this.text("NARRATIVE_SUBJECT_UNKNOWN", "STRUCTURE", `说明提到的科目“${c.label}”在支出表中找不到`, `${this.place(c.line)} 说明 ${c.section}`, c.label);
      else if (row.name !== c.label) this.text("SUBJECT_NAME_VARIES", "NAMING", `科目 ${row.code} 说明作“${c.label}”，表中作“${row.name}”`, `${this.place(c.line)} 说明 ${c.section}`, c.label, row.name);
    }
    for (const item of n.operatingFunds?.items ?? []) {
      const lines = this.model.economicLines.filter((l) => l.deptCode.startsWith("302"));
      if (lines.some((l) => l.deptName === item.name)) continue;
      const sameAmount = lines.filter((l) => l.fen === item.fen);
      const alike = sameAmount.find((l) => [...item.name].filter((ch) => l.deptName.includes(ch)).length >= Math.min(2, item.name.length));
      if (alike) this.text("OPERATING_ITEM_NAME_VARIES", "NAMING", `机构运转经费“${item.name}”在基本支出表中作 ${alike.deptCode}“${alike.deptName}”`, `${this.file} 说明 机构运转经费`, item.name, alike.deptName);
      else this.text("OPERATING_ITEM_NOT_IN_BASIC_TABLE", "STRUCTURE", `机构运转经费“${item.name}”在基本支出表的商品和服务支出中找不到同名同额的行`, `${this.file} 说明 机构运转经费`, item.name);
    }
    for (const r of n.repeatedAssets) this.text("ASSET_LISTED_TWICE", "STRUCTURE", `国有资产情况重复列示“${r.name}”`, `${this.place(r.line)} 说明 国有资产占用情况`, r.name);
    const tpTable = this.p.threePublic?.values;
    if (tpTable && n.threePublic) {
      for (const k of Object.keys(tpTable) as (keyof typeof tpTable)[]) this.money("THREE_PUBLIC_NARRATIVE_MATCHES_TABLE", `“三公”经费 ${k}: 说明 = 表`, this.at("THREE_PUBLIC", this.p.threePublic!.line), n.threePublic[k], tpTable[k], 0, ["THREE_PUBLIC", "NARRATIVE"]);
    }
  }
}

/** Layout: tables listed, present, empty, unrecognised, without a unit. */
export function layoutChecks(doc: DisclosureDoc, model: Pick<BudgetModel, "tables">, unit: PrintedUnit): DiscrepancyDraft[] {
  const out: DiscrepancyDraft[] = [];
  const text = (ruleId: string, severity: DiscrepancyDraft["severity"], message: string, location: string, stated: string | null = null) =>
    out.push({ ruleId, severity, message, location, valueKind: "TEXT", stated, computed: null });
  for (const t of model.tables) {
    const where = `${t.location ?? doc.fileName} ${t.title}`;
    if (t.kind === "UNRECOGNISED") text("TABLE_UNRECOGNISED", "STRUCTURE", `“${t.title}”不是可识别的预算公开表，未读取其中数字`, where, t.title);
    else if (t.listed && !t.present) text("TABLE_MISSING", "STRUCTURE", `目录列有“${t.title}”，正文中没有这张表`, where);
    else if (!t.listed && t.present) text("TABLE_UNLISTED", "STRUCTURE", `“${t.title}”不在目录中`, where);
    if (t.present && t.rowCount === 0 && !saysEmpty(doc, t.title)) text("TABLE_EMPTY", "STRUCTURE", `“${t.title}”只有表头，没有数据行`, where);
  }
  for (const t of doc.tables) {
    const unitInHeader = t.rows.some((r) => r.cells.some((c) => /[(（](?:万|千)?元[)）]/.test(c)));
    if (t.unit === null && !unitInHeader && t.rows.some((r) => r.cells.some((c) => /\d,\d{3}|\d\.\d/.test(c)))) {
      text("TABLE_WITHOUT_UNIT", "STRUCTURE", `“${t.title}”未注明金额单位，按全文的${UNIT_WORD[unit]}读取`, `${doc.place(t.no)} ${t.title}`);
    }
  }
  return out;
}

/** A table printed empty on purpose says so in its note ("本表为空表", "没有使用…安排的支出"). */
function saysEmpty(doc: DisclosureDoc, title: string): boolean {
  const t = doc.tables.find((x) => x.title === title);
  return !!t && t.rows.some((r) => r.cells.some((c) => /空表|没有(?:使用|安排)|无.{0,12}(?:收入|支出|安排)/.test(c)));
}
