/**
 * The 勾稽关系 a 决算's tables must satisfy: each row against its parts, each 类 and 款 against
 * what it holds, each total against its rows, the 总计 against 本年 and 结转和结余, and the
 * same figure printed in two tables.
 */
import { type PrintedUnit, coarsest } from "../../common/money";
import { moneyFinding } from "../checks";
import type { BudgetModel, DiscrepancyDraft, ThreePublicFigures } from "../model";
import { TABLE_TITLES, type TableKind } from "./document";
import type { FinalSubjectTable } from "./final-tables";
import type { FinalParts } from "./read-final";
import { layoutChecks } from "./checks";

type Fen = bigint | null | undefined;
const sum = (xs: Fen[]) => xs.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
const present = (xs: Fen[]) => xs.filter((x) => x !== null && x !== undefined).length;

export function finalChecks(p: FinalParts, model: BudgetModel): DiscrepancyDraft[] {
  const c = new FinalChecker(p);
  c.out.push(...layoutChecks(p.doc, model, p.unit));
  c.overview();
  c.subjectTables();
  c.acrossTables();
  c.basic();
  c.threePublic();
  return c.out;
}

class FinalChecker {
  readonly out: DiscrepancyDraft[] = [];

  constructor(private readonly p: FinalParts) {}

  private at(kind: TableKind, line: number | null | undefined, row?: string): string {
    return `${this.p.doc.place(line ?? null)} ${TABLE_TITLES[kind]}${row ? ` ${row}` : ""}`;
  }

  private unitOf(kind: TableKind): PrintedUnit {
    return this.p.doc.tables.find((t) => t.kind === kind)?.unit ?? this.p.unit;
  }

  private money(ruleId: string, what: string, location: string, stated: Fen, computed: Fen, terms: number, printedIn: TableKind[]): void {
    const f = moneyFinding(coarsest(...printedIn.map((k) => this.unitOf(k))), ruleId, what, location, stated, computed, terms);
    if (f) this.out.push(f);
  }

  /** 收入支出决算总表: 本年 against its rows, 总计 against 本年 and 结转和结余, income against spending. */
  overview(): void {
    for (const [kind, o] of [["FINAL_OVERVIEW", this.p.overview], ["FINAL_FISCAL_OVERVIEW", this.p.fiscal]] as const) {
      if (!o) continue;
      const k = [kind];
      if (o.incomeThisYear) this.money("FINAL_INCOME_ROWS_SUM", "本年收入合计 = 各项收入之和", this.at(kind, o.incomeThisYear.line, "本年收入合计"), o.incomeThisYear.fen, sum(o.income.map((l) => l.fen)), o.income.length, k);
      if (o.incomeTotal) this.money("FINAL_INCOME_TOTAL", "收入总计 = 本年收入合计 + 年初结转和结余", this.at(kind, o.incomeTotal.line, "总计"), o.incomeTotal.fen, sum([o.incomeThisYear?.fen, o.carriedIn?.fen]), 2, k);
      if (o.expenditureTotal) this.money("FINAL_CARRIED_OUT", "年末结转和结余 = 支出总计 − 本年支出合计", this.at(kind, o.carriedOut?.line ?? o.expenditureTotal.line, "年末结转和结余"), o.carriedOut?.fen ?? 0n, o.expenditureTotal.fen - (o.expenditureThisYear?.fen ?? 0n), 2, k);
      if (o.expenditureThisYear) this.money("FINAL_CLASSES_SUM", "本年支出合计 = 各类支出之和", this.at(kind, o.expenditureThisYear.line, "本年支出合计"), o.expenditureThisYear.fen, sum(o.classes.map((c) => c.fen)), o.classes.length, k);
      if (o.incomeTotal && o.expenditureTotal) this.money("FINAL_TOTALS_BALANCE", "收入总计 = 支出总计", this.at(kind, o.expenditureTotal.line, "总计"), o.incomeTotal.fen, o.expenditureTotal.fen, 0, k);
      for (const col of o.columns) {
        for (const f of col.figures) {
          const whole = o.figures.find((x) => x.line === f.line && x.column === "支出金额");
          const parts = o.columns.map((c) => c.figures.find((x) => x.line === f.line)?.fen);
          if (whole && col === o.columns[0]) this.money("FINAL_ROW_SOURCES_SUM", `${f.label}: 合计 = 各资金来源之和`, this.at(kind, f.line, f.label), whole.fen, sum(parts), present(parts), k);
        }
      }
    }
  }

  /** The tables by 科目: each row against its parts, each 类/款 against what it holds, 合计 against the 类. */
  subjectTables(): void {
    const tables: [TableKind, FinalSubjectTable<string> | null, string[]][] = [
      ["FINAL_INCOME", this.p.income, ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]],
      ["FINAL_EXPENDITURE", this.p.expenditure, ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]],
      ["FINAL_GENERAL_EXPENDITURE", this.p.general, ["基本支出", "项目支出"]],
    ];
    for (const [kind, t, parts] of tables) {
      if (!t) continue;
      const k = [kind];
      for (const r of [...t.rows, ...(t.total ? [{ ...t.total, code: "", name: "合计" }] : [])]) {
        const v = r.values as Record<string, bigint | undefined>;
        const ps = parts.map((c) => v[c]);
        const label = r.code ? `${r.code} ${r.name}` : "合计";
        if (present(ps)) this.money("FINAL_ROW_PARTS_SUM", `${label}: 合计 = ${parts.filter((_, i) => ps[i] !== undefined).join(" + ")}`, this.at(kind, r.line, label), v.合计, sum(ps), present(ps), k);
      }
      for (const column of t.columns) {
        const value = (code: string) => (t.rows.find((r) => r.code === code)?.values as Record<string, bigint | undefined> | undefined)?.[column];
        for (const parent of t.rows.filter((r) => r.code.length < 7)) {
          const children = t.rows.filter((r) => r.code.length === parent.code.length + 2 && r.code.startsWith(parent.code));
          if (!children.length) continue;
          const cs = children.map((c) => value(c.code));
          this.money("FINAL_SUBTOTAL_EQUALS_CHILDREN", `${parent.code} ${parent.name} ${column} = 下级科目之和`, this.at(kind, parent.line, `${parent.code} ${column}`), value(parent.code), sum(cs), present(cs), k);
        }
        if (t.total) {
          const classes = t.rows.filter((r) => r.code.length === 3).map((r) => value(r.code));
          this.money("FINAL_TOTAL_EQUALS_CLASSES", `合计行 ${column} = 各类之和`, this.at(kind, t.total.line, `合计行 ${column}`), (t.total.values as Record<string, bigint | undefined>)[column], sum(classes), present(classes), k);
        }
      }
    }
  }

  /** The same figure in two tables: totals against the 总表, the general budget within the whole. */
  acrossTables(): void {
    const { overview, income, expenditure, general, fiscal } = this.p;
    if (expenditure?.total && overview?.expenditureThisYear) {
      this.money("FINAL_EXPENDITURE_MATCHES_OVERVIEW", "支出决算表合计 = 总表本年支出合计", this.at("FINAL_EXPENDITURE", expenditure.total.line, "合计"), expenditure.total.values.合计, overview.expenditureThisYear.fen, 0, ["FINAL_EXPENDITURE", "FINAL_OVERVIEW"]);
    }
    if (income?.total && overview?.incomeThisYear) {
      this.money("FINAL_INCOME_MATCHES_OVERVIEW", "收入决算表合计 = 总表本年收入合计", this.at("FINAL_INCOME", income.total.line, "合计"), income.total.values.合计, overview.incomeThisYear.fen, 0, ["FINAL_INCOME", "FINAL_OVERVIEW"]);
    }
    const fiscalGeneral = fiscal?.columns.find((c) => /一般公共预算/.test(c.label))?.figures.find((f) => /本年支出合计|支出合计/.test(f.label));
    if (general?.total && fiscalGeneral) {
      this.money("FINAL_GENERAL_MATCHES_FISCAL", "一般公共预算财政拨款支出决算表本年支出合计 = 财政拨款收入支出决算总表一般公共预算财政拨款", this.at("FINAL_GENERAL_EXPENDITURE", general.total.line, "合计"), general.total.values.合计, fiscalGeneral.fen, 0, ["FINAL_GENERAL_EXPENDITURE", "FINAL_FISCAL_OVERVIEW"]);
    }
    for (const g of general?.rows ?? []) {
      const e = expenditure?.rows.find((r) => r.code === g.code);
      if (e && g.values.合计 !== undefined && e.values.合计 !== undefined && g.values.合计 > e.values.合计) {
        this.money("FINAL_GENERAL_WITHIN_OVERALL", `${g.code} 一般公共预算财政拨款支出 ≤ 支出决算表本年支出`, this.at("FINAL_GENERAL_EXPENDITURE", g.line, g.code), g.values.合计, e.values.合计, 0, ["FINAL_GENERAL_EXPENDITURE", "FINAL_EXPENDITURE"]);
      }
    }
  }

  /** 基本支出决算表: each half against its items, and both against the 基本支出 spent. */
  basic(): void {
    const b = this.p.basic;
    if (!b) return;
    const k: TableKind[] = ["FINAL_BASIC_ECONOMIC"];
    for (const [kind, total] of [["PERSONNEL", b.personnel], ["PUBLIC", b.public]] as const) {
      const items = b.items.filter((i) => i.kind === kind).map((i) => i.fen);
      if (total) this.money("FINAL_BASIC_ITEMS_SUM", `${total.label} = 各科目之和`, this.at("FINAL_BASIC_ECONOMIC", total.line, total.label), total.fen, sum(items), items.length, k);
    }
    const basicSpent = this.p.general?.total?.values.基本支出;
    if (b.personnel && b.public && basicSpent !== undefined) {
      this.money("FINAL_BASIC_MATCHES_GENERAL", "人员经费合计 + 公用经费合计 = 一般公共预算财政拨款基本支出", this.at("FINAL_BASIC_ECONOMIC", b.public.line), b.personnel.fen + b.public.fen, basicSpent, 2, ["FINAL_BASIC_ECONOMIC", "FINAL_GENERAL_EXPENDITURE"]);
    }
  }

  /** “三公”: each of 预算数 and 决算数 adds up. */
  threePublic(): void {
    const t = this.p.threePublic;
    if (!t) return;
    for (const [what, v] of [["预算数", t.budgeted], ["决算数", t.final]] as [string, ThreePublicFigures | null][]) {
      if (!v) continue;
      const parts = [v.overseasTravel, v.vehicles, v.reception];
      this.money("FINAL_THREE_PUBLIC_PARTS", `“三公”经费${what}: 合计 = 因公出国(境) + 公务用车 + 公务接待`, this.at("FINAL_THREE_PUBLIC", t.line, what), v.total, sum(parts), present(parts), ["FINAL_THREE_PUBLIC"]);
      const car = [v.vehiclePurchase, v.vehicleOperation];
      if (present(car)) this.money("FINAL_THREE_PUBLIC_VEHICLES", `“三公”经费${what}: 公务用车购置及运行费 = 购置费 + 运行费`, this.at("FINAL_THREE_PUBLIC", t.line, what), v.vehicles, sum(car), present(car), ["FINAL_THREE_PUBLIC"]);
    }
  }
}
