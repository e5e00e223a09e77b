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

/** Each module's loaders, made from the request's services. */
const LOADER_GROUPS = [
  (s: Services) => departmentLoaders(s.departments),
  (s: Services) => budgetLoaders(s.budgets),
  (s: Services) => projectLoaders(s.projects),
  (s: Services) => performanceLoaders(s.performance),
  (s: Services) => subjectCodeLoaders(s.subjectCodes),
  (s: Services) => economicCodeLoaders(s.economicCodes),
  (s: Services) => fiscalYearLoaders(s.fiscalYears),
  (s: Services) => executionLoaders(s.execution),
];
/** One type with every module's loaders, read off the groups above. */
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Loaders = Intersection<ReturnType<(typeof LOADER_GROUPS)[number]>>;

const SERVICES = Symbol("services");

/**
 * The loaders' names, each a getter that makes its module's loaders for the request the first
 * time one of them is asked for. A request uses a few of some seventy loaders: making them all
 * for every request was a tenth of the server's time on a small query. (A module's factory only
 * builds loaders around its service, so it is called once here without one to learn the names.)
 */
const LAZY_LOADERS: object = (() => {
  const proto = {};
  for (const group of LOADER_GROUPS) {
    for (const name of Object.keys(group({} as Services))) {
      Object.defineProperty(proto, name, {
        get(this: { [SERVICES]: Services }) {
          const made: Record<string, unknown> = group(this[SERVICES]);
          for (const [key, loader] of Object.entries(made)) Object.defineProperty(this, key, { value: loader, enumerable: true });
          return made[name];
        },
      });
    }
  }
  return proto;
})();

/** DataLoaders live for one request, so one viewer's cache never serves another; each module brings its own. */
export function createLoaders(s: Services): Loaders {
  const loaders = Object.create(LAZY_LOADERS) as { [SERVICES]: Services };
  loaders[SERVICES] = s;
  return loaders as unknown as Loaders;
}

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
