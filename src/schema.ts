import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { type BuildSchemaOptions, buildSchema } from "type-graphql";
import { resolvePlainArgumentsSynchronously } from "./common/sync-args";
import { TokenResolver } from "./modules/access/token.resolver";
import { AuditResolver } from "./modules/audit/audit.resolver";
import { AnalyticsResolver, ExpenditureChangeResolver, ExpenditureGroupResolver } from "./modules/analytics/analytics.resolver";
import { DepartmentBudgetResolver } from "./modules/budget/budget.resolver";
import { DiscrepancyResolver } from "./modules/budget/discrepancy.resolver";
import { EconomicLineResolver, SubjectLineResolver } from "./modules/budget/lines.resolver";
import { BudgetUnitResolver, DepartmentResolver } from "./modules/department/department.resolver";
import { DepartmentRankingResolver, RankingResolver } from "./modules/analytics/ranking.resolver";
import { ImportResolver } from "./modules/document/import.resolver";
import { PublicationResolver } from "./modules/budget/publication.resolver";
import { EconomicCodeResolver } from "./modules/economic-code/economic-code.resolver";
import { BudgetExecutionResolver, ExecutionGroupResolver, ExecutionLineResolver } from "./modules/execution/execution.resolver";
import { FiscalYearResolver } from "./modules/fiscal-year/fiscal-year.resolver";
import { PerformanceIndicatorResolver } from "./modules/performance/performance.resolver";
import { ProjectResolver } from "./modules/project/project.resolver";
import { SubjectCodeResolver } from "./modules/subject-code/subject-code.resolver";

export const resolvers = [
  FiscalYearResolver,
  DepartmentResolver,
  BudgetUnitResolver,
  DepartmentBudgetResolver,
  SubjectLineResolver,
  EconomicLineResolver,
  DiscrepancyResolver,
  ProjectResolver,
  PerformanceIndicatorResolver,
  SubjectCodeResolver,
  EconomicCodeResolver,
  AnalyticsResolver,
  ExpenditureGroupResolver,
  ExpenditureChangeResolver,
  DepartmentRankingResolver,
  RankingResolver,
  ImportResolver,
  PublicationResolver,
  BudgetExecutionResolver,
  ExecutionLineResolver,
  ExecutionGroupResolver,
  TokenResolver,
  AuditResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; type-graphql's metadata is global. */
export function getSchema(): Promise<GraphQLSchema> {
  const options: BuildSchemaOptions = { resolvers: [...resolvers], validate: false };
  return (built ??= buildSchema(options).then((schema) => {
    schema.getQueryType()!.description = "高新区部门预算 The zone's department budgets: departments, years, codes, projects, indicators and aggregates.";
    const mutation = schema.getMutationType();
    if (mutation) mutation.description = "变更 Changes to the platform's data; each takes one `input` and returns a payload with `userErrors`.";
    resolvePlainArgumentsSynchronously(schema, options);
    return schema;
  }));
}
