import type { DataSource } from "typeorm";
import type { CatalogEntry } from "./common/code-catalog";
import { byArgs, manyEach, oneEach } from "./common/loaders";
import type { Page } from "./common/relay";
import type { Viewer } from "./common/viewer";
import { Sql } from "./db/sql";
import { AnalyticsService } from "./modules/analytics/analytics.service";
import { RankingService } from "./modules/analytics/ranking.service";
import { BudgetService, type BudgetKey } from "./modules/budget/budget.service";
import { DepartmentService } from "./modules/department/department.service";
import { ImportService } from "./modules/document/import.service";
import { EconomicCodeService } from "./modules/economic-code/economic-code.service";
import { FiscalYearService } from "./modules/fiscal-year/fiscal-year.service";
import { PerformanceService } from "./modules/performance/performance.service";
import { ProjectService } from "./modules/project/project.service";
import { SubjectCodeService } from "./modules/subject-code/subject-code.service";
import type { AmountKey } from "./common/code-catalog";

export function createServices(ds: DataSource, viewer: Viewer) {
  const sql = new Sql(ds);
  const budgets = new BudgetService(sql, viewer);
  return {
    departments: new DepartmentService(sql),
    budgets,
    imports: new ImportService(ds, viewer, budgets),
    projects: new ProjectService(sql, viewer),
    performance: new PerformanceService(sql, viewer),
    subjectCodes: new SubjectCodeService(sql, viewer),
    economicCodes: new EconomicCodeService(sql, viewer),
    fiscalYears: new FiscalYearService(sql, viewer),
    analytics: new AnalyticsService(sql, viewer),
    ranking: new RankingService(sql, viewer),
  };
}
export type Services = ReturnType<typeof createServices>;

/** DataLoaders live for one request, so one viewer's cache never serves another. */
export function createLoaders(s: Services) {
  const byBudget = <V extends { budgetId: number }>(fetch: (ids: readonly number[]) => Promise<V[]>) => manyEach(fetch, (v) => v.budgetId);
  const oneByBudget = <V extends { budgetId: number }>(fetch: (ids: readonly number[]) => Promise<V[]>) => oneEach(fetch, (v) => v.budgetId);
  const entryByCode = (fetch: (codes: readonly string[]) => Promise<CatalogEntry[]>) => oneEach(fetch, (e) => e.code);
  const entriesByParent = (fetch: (codes: readonly string[]) => Promise<CatalogEntry[]>) => manyEach(fetch, (e) => e.parentCode!);
  return {
    department: oneEach((ids: readonly number[]) => s.departments.byIds(ids), (d) => d.id),
    departmentByCode: oneEach((codes: readonly string[]) => s.departments.byCodes(codes), (d) => d.code),
    unitsOfDepartment: manyEach((ids: readonly number[]) => s.departments.unitsOf(ids), (u) => u.departmentId),
    unit: oneEach((ids: readonly number[]) => s.departments.unitsByIds(ids), (u) => u.id),

    currentBudget: byArgs(
      (k: BudgetKey) => k.stage,
      async (keys) => {
        const found = await s.budgets.currentFor(keys);
        return keys.map((k) => found.find((b) => b.departmentId === k.departmentId && b.year === k.year && b.stage === k.stage) ?? null);
      },
    ),
    budget: oneEach((ids: readonly number[]) => s.budgets.byIds(ids), (b) => b.id),
    budgetsOfDepartment: manyEach((ids: readonly number[]) => s.budgets.ofDepartments(ids), (b) => b.departmentId),
    computedTotals: oneByBudget((ids) => s.budgets.computedTotals(ids)),
    subjectLines: byBudget((ids) => s.budgets.subjectLines(ids)),
    economicLines: byBudget((ids) => s.budgets.economicLines(ids)),
    incomeLines: byBudget((ids) => s.budgets.incomeLines(ids)),
    threePublic: oneByBudget((ids) => s.budgets.threePublic(ids)),
    operatingFunds: oneByBudget((ids) => s.budgets.operatingFunds(ids)),
    procurement: oneByBudget((ids) => s.budgets.procurement(ids)),
    assets: byBudget((ids) => s.budgets.assets(ids)),
    claims: byBudget((ids) => s.budgets.claims(ids)),
    discrepancies: byBudget((ids) => s.budgets.discrepancies(ids)),
    sourceDocument: oneEach((ids: readonly number[]) => s.budgets.sourceDocuments(ids), (d) => d.id),
    departmentIndicators: byBudget((ids) => s.performance.departmentLevelOf(ids)),
    publishedFigures: byBudget((ids) => s.budgets.publishedFigures(ids)),
    documentTables: byBudget((ids) => s.budgets.documentTables(ids)),
    documentTexts: byBudget((ids) => s.budgets.documentTexts(ids)),
    allBudgetsOfDepartment: manyEach((ids: readonly number[]) => s.budgets.ofDepartments(ids, true), (b) => b.departmentId),

    projectPage: byArgs(
      (k: { budgetId: number; page: Page }) => JSON.stringify(k.page),
      async (keys) => {
        const pages = await s.projects.pageOfBudgets(keys.map((k) => k.budgetId), keys[0]!.page);
        return keys.map((k) => pages.get(k.budgetId) ?? []);
      },
    ),
    projectCount: byArgs(
      (_: number) => "",
      async (ids) => {
        const counts = await s.projects.countOfBudgets(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      },
    ),
    project: oneEach((ids: readonly number[]) => s.projects.byIds(ids), (p) => p.id),
    projectLines: manyEach((ids: readonly number[]) => s.projects.linesOf(ids), (l) => l.projectId),
    projectAliases: manyEach((ids: readonly number[]) => s.projects.aliasesOf(ids), (a) => a.projectId),
    projectIndicators: manyEach((ids: readonly number[]) => s.performance.ofProjects(ids), (i) => i.projectId!),

    subjectCode: entryByCode((codes) => s.subjectCodes.byCodes(codes)),
    subjectChildren: entriesByParent((codes) => s.subjectCodes.childrenOf(codes)),
    subjectExpenditure: byArgs(
      (k: AmountKey) => JSON.stringify([k.year, k.departmentCodes]),
      (keys) => s.subjectCodes.expenditure(keys),
    ),
    economicCode: entryByCode((codes) => s.economicCodes.byCodes(codes)),
    economicChildren: entriesByParent((codes) => s.economicCodes.childrenOf(codes)),
    economicExpenditure: byArgs(
      (k: AmountKey) => JSON.stringify([k.year, k.departmentCodes]),
      (keys) => s.economicCodes.expenditure(keys),
    ),
    economicPairs: byArgs(
      (_: string) => "",
      async (codes) => {
        const pairs = await s.economicCodes.pairedCodes(codes);
        return codes.map((c) => pairs.get(c) ?? []);
      },
    ),
    yearSummary: oneEach((years: readonly number[]) => s.fiscalYears.summaries(years), (y) => y.year),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  viewer: Viewer;
  services: Services;
  loaders: Loaders;
}

export function createContext(ds: DataSource, viewer: Viewer): Context {
  const services = createServices(ds, viewer);
  return { viewer, services, loaders: createLoaders(services) };
}
