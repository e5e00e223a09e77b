import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Viewer } from "./common/viewer";
import { Sql } from "./db/sql";
import { TokenService } from "./modules/access/token.service";
import { AnalyticsService } from "./modules/analytics/analytics.service";
import { RankingService } from "./modules/analytics/ranking.service";
import { AuditService } from "./modules/audit/audit.service";
import { budgetLoaders } from "./modules/budget/budget.loaders";
import { BudgetService } from "./modules/budget/budget.service";
import { PublicationService } from "./modules/budget/publication.service";
import { departmentLoaders } from "./modules/department/department.loaders";
import { DepartmentService } from "./modules/department/department.service";
import { ImportService } from "./modules/document/import.service";
import { economicCodeLoaders } from "./modules/economic-code/economic-code.loaders";
import { EconomicCodeService } from "./modules/economic-code/economic-code.service";
import { executionLoaders } from "./modules/execution/execution.loaders";
import { ExecutionService } from "./modules/execution/execution.service";
import { fiscalYearLoaders } from "./modules/fiscal-year/fiscal-year.loaders";
import { FiscalYearService } from "./modules/fiscal-year/fiscal-year.service";
import { performanceLoaders } from "./modules/performance/performance.loaders";
import { PerformanceService } from "./modules/performance/performance.service";
import { projectLoaders } from "./modules/project/project.loaders";
import { ProjectService } from "./modules/project/project.service";
import { subjectCodeLoaders } from "./modules/subject-code/subject-code.loaders";
import { SubjectCodeService } from "./modules/subject-code/subject-code.service";

export function createServices(ds: DataSource, viewer: Viewer, requestId?: string) {
  const sql = new Sql(ds);
  const budgets = new BudgetService(sql, viewer);
  const publication = new PublicationService(ds, viewer, budgets, requestId);
  return {
    departments: new DepartmentService(sql),
    budgets,
    imports: new ImportService(ds, viewer, budgets, publication, requestId),
    publication,
    projects: new ProjectService(sql, viewer),
    performance: new PerformanceService(sql, viewer),
    subjectCodes: new SubjectCodeService(sql, viewer),
    economicCodes: new EconomicCodeService(sql, viewer),
    fiscalYears: new FiscalYearService(sql, viewer),
    analytics: new AnalyticsService(sql, viewer),
    ranking: new RankingService(sql, viewer),
    execution: new ExecutionService(sql, viewer),
    tokens: new TokenService(ds, { viewer, requestId }),
    audit: new AuditService(sql),
  };
}
export type Services = ReturnType<typeof createServices>;

/** DataLoaders live for one request, so one viewer's cache never serves another; each module brings its own. */
export function createLoaders(s: Services) {
  return {
    ...departmentLoaders(s.departments),
    ...budgetLoaders(s.budgets),
    ...projectLoaders(s.projects),
    ...performanceLoaders(s.performance),
    ...subjectCodeLoaders(s.subjectCodes),
    ...economicCodeLoaders(s.economicCodes),
    ...fiscalYearLoaders(s.fiscalYears),
    ...executionLoaders(s.execution),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  viewer: Viewer;
  /** Names this request in the log and in an internal error's answer. */
  requestId: string;
  services: Services;
  loaders: Loaders;
}

export function createContext(ds: DataSource, viewer: Viewer, requestId: string = randomUUID()): Context {
  const services = createServices(ds, viewer, requestId);
  return { viewer, requestId, services, loaders: createLoaders(services) };
}
