import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { Department } from "../department/department.type";
import { DocumentTable, DocumentText, PublishedFigure } from "../document/document-parts.type";
import { SourceDocument } from "../document/source-document.type";
import { FiscalYear } from "../fiscal-year/fiscal-year.type";
import { PerformanceIndicator } from "../performance/performance-indicator.type";
import { ProjectConnection } from "../project/project.type";
import { ComputedTotals, DepartmentBudget } from "./budget.type";
import { YearOnYear, yearOnYear } from "./year-on-year";
import { Discrepancy } from "./discrepancy.type";
import { EconomicLine, IncomeLine, SubjectLine } from "./lines.type";
import { AssetHolding, NarrativeClaim, OperatingFunds, Procurement, ThreePublicExpenses } from "./measures.type";

type StatedKey = keyof DepartmentBudget["stated"];

@Resolver(() => DepartmentBudget)
export class DepartmentBudgetResolver {
  /** The published figure; only where the document printed none, the rows' own sum. */
  private async figure(b: DepartmentBudget, key: StatedKey, unit: MoneyUnit, ctx: Context): Promise<string> {
    const stated = b.stated[key];
    if (stated !== null) return money(stated, unit);
    const computed = await ctx.loaders.computedTotals.load(b.id);
    const c = computed!;
    const fallback: Record<StatedKey, (u: MoneyUnit) => string> = {
      incomeTotal: (u) => c.incomeTotal(u),
      expenditureTotal: (u) => c.expenditureTotal(u),
      basic: (u) => c.basicExpenditure(u),
      project: (u) => c.projectExpenditure(u),
      personnel: (u) => c.personnelExpenditure(u),
      public: (u) => c.publicExpenditure(u),
    };
    return fallback[key](unit);
  }

  @FieldResolver(() => Department, { description: "部门 the department." })
  department(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.department.get(b.departmentId);
  }

  @FieldResolver(() => FiscalYear, { description: "预算年度 the fiscal year; its figures answer for this budget's stage unless asked for another." })
  fiscalYear(@Root() b: DepartmentBudget): FiscalYear {
    return { year: b.year, stage: b.stage };
  }

  @FieldResolver(() => DecimalScalar, { description: "收入总计 total income as published." })
  incomeTotal(@Root() b: DepartmentBudget, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return this.figure(b, "incomeTotal", unit, ctx);
  }

  @FieldResolver(() => DecimalScalar, { description: "支出总计 total expenditure as published." })
  expenditureTotal(@Root() b: DepartmentBudget, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return this.figure(b, "expenditureTotal", unit, ctx);
  }

  @FieldResolver(() => DecimalScalar, { description: "基本支出 basic expenditure as published." })
  basicExpenditure(@Root() b: DepartmentBudget, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return this.figure(b, "basic", unit, ctx);
  }

  @FieldResolver(() => DecimalScalar, { description: "项目支出 project expenditure as published." })
  projectExpenditure(@Root() b: DepartmentBudget, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return this.figure(b, "project", unit, ctx);
  }

  @FieldResolver(() => DecimalScalar, { description: "人员经费 personnel expenditure as published." })
  personnelExpenditure(@Root() b: DepartmentBudget, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return this.figure(b, "personnel", unit, ctx);
  }

  @FieldResolver(() => DecimalScalar, { description: "公用经费 public (running) expenditure as published." })
  publicExpenditure(@Root() b: DepartmentBudget, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return this.figure(b, "public", unit, ctx);
  }

  @FieldResolver(() => ComputedTotals, { description: "行合计 what the rows add up to, beside the published totals." })
  computed(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.computedTotals.load(b.id);
  }

  @FieldResolver(() => ProjectConnection, { description: "项目 the budget's projects in the order the project table lists them." })
  async projects(@Root() b: DepartmentBudget, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const page = toPage(args);
    const rows = await ctx.loaders.projectPage.load({ budgetId: b.id, page });
    return toConnection(rows, page, () => ctx.loaders.projectCount.load(b.id));
  }

  @FieldResolver(() => [SubjectLine], { description: "功能分类支出 the functional (类/款/项) lines." })
  subjectLines(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.subjectLines.load(b.id);
  }

  @FieldResolver(() => [EconomicLine], { description: "经济分类支出 the basic-expenditure lines by economic code." })
  economicLines(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.economicLines.load(b.id);
  }

  @FieldResolver(() => [IncomeLine], { description: "收入 the income lines by funding source." })
  incomeLines(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.incomeLines.load(b.id);
  }

  @FieldResolver(() => ThreePublicExpenses, { nullable: true, description: "“三公”经费 three public expenses." })
  threePublicExpenses(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.threePublic.load(b.id);
  }

  @FieldResolver(() => OperatingFunds, { nullable: true, description: "机构运转经费 operating funds and items." })
  operatingFunds(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.operatingFunds.load(b.id);
  }

  @FieldResolver(() => Procurement, { nullable: true, description: "政府采购 procurement budget." })
  procurement(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.procurement.load(b.id);
  }

  @FieldResolver(() => [AssetHolding], { description: "国有资产占用 state assets held." })
  assets(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.assets.load(b.id);
  }

  @FieldResolver(() => [NarrativeClaim], { description: "情况说明 figures the narrative states." })
  narrativeClaims(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.claims.load(b.id);
  }

  @FieldResolver(() => [PerformanceIndicator], { description: "部门整体绩效目标 the department-level indicator tree (一级/二级/三级)." })
  indicators(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.departmentIndicators.load(b.id);
  }

  @FieldResolver(() => [Discrepancy], {
    description: "勾稽差异 inconsistencies found in this budget's document. A list, not a connection: it holds the findings of one document's checks, so it is bounded by that document (as its lines are); across budgets, use budgetDiscrepancies.",
  })
  discrepancies(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.discrepancies.load(b.id);
  }

  @FieldResolver(() => DepartmentBudget, { nullable: true, description: "上年预算 the same department and stage one year earlier." })
  previousYear(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.currentBudget.load({ departmentId: b.departmentId, year: b.year - 1, stage: b.stage });
  }

  @FieldResolver(() => [PublishedFigure], { description: "公布数 every figure the document printed outside the fact lines, optionally of one table." })
  async publishedFigures(
    @Root() b: DepartmentBudget,
    @Arg("table", () => String, { nullable: true, description: "only this table kind, e.g. EXPENDITURE." }) table: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const all = await ctx.loaders.publishedFigures.load(b.id);
    return table ? all.filter((f) => f.table === table) : all;
  }

  @FieldResolver(() => [DocumentTable], { description: "表格 the document's tables: listed, present, empty." })
  documentTables(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return ctx.loaders.documentTables.load(b.id);
  }

  @FieldResolver(() => [DocumentText], { description: "文字部分 narrative text kept as printed, optionally of one kind (DUTY, DIVISIONS, GOALS, TASK, SPECIAL_TRANSFERS)." })
  async texts(
    @Root() b: DepartmentBudget,
    @Arg("kind", () => String, { nullable: true, description: "only this kind." }) kind: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const all = await ctx.loaders.documentTexts.load(b.id);
    return kind ? all.filter((t) => t.kind === kind) : all;
  }

  @FieldResolver(() => YearOnYear, { description: "同比 the total against last year's document, beside the change the narrative states; flagged when they disagree." })
  async yearOnYear(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    const [previous, claims] = await Promise.all([
      ctx.loaders.currentBudget.load({ departmentId: b.departmentId, year: b.year - 1, stage: b.stage }),
      ctx.loaders.claims.load(b.id),
    ]);
    return yearOnYear(b, previous, claims);
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: "来源文件 the document the figures were imported from." })
  sourceDocument(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return b.sourceDocumentId === null ? null : ctx.loaders.sourceDocument.get(b.sourceDocumentId);
  }
}
