import { ApiTokenEntity } from "../modules/access/api-token.entity";
import { AuditEventEntity } from "../modules/audit/audit-event.entity";
import { PrintedCodeNameEntity } from "../modules/classification/printed-code-name.entity";
import { DepartmentBudgetEntity } from "../modules/budget/department-budget.entity";
import { EconomicLineEntity, IncomeLineEntity, SubjectLineEntity, SubjectRowTotalEntity, YearBeginLineEntity } from "../modules/budget/fact-lines.entity";
import {
  AssetHoldingEntity,
  DiscrepancyEntity,
  NarrativeClaimEntity,
  OperatingFundItemEntity,
  OperatingFundsEntity,
  ProcurementEntity,
  ThreePublicBudgetedEntity,
  ThreePublicExpenseEntity,
} from "../modules/budget/special-measures.entity";
import { BudgetUnitEntity } from "../modules/department/budget-unit.entity";
import { DepartmentEntity } from "../modules/department/department.entity";
import { DocumentTableEntity, DocumentTextEntity, PublishedFigureEntity } from "../modules/document/document-parts.entity";
import { SourceDocumentEntity } from "../modules/document/source-document.entity";
import { EconomicCodeEntity, EconomicCodeNameEntity } from "../modules/economic-code/economic-code.entity";
import { FiscalYearEntity } from "../modules/fiscal-year/fiscal-year.entity";
import { PerformanceIndicatorEntity } from "../modules/performance/performance-indicator.entity";
import { ProjectAliasEntity, ProjectEntity, ProjectLineEntity } from "../modules/project/project.entity";
import { SubjectCodeEntity, SubjectCodeNameEntity } from "../modules/subject-code/subject-code.entity";

export const entities = [
  FiscalYearEntity,
  DepartmentEntity,
  BudgetUnitEntity,
  SubjectCodeEntity,
  SubjectCodeNameEntity,
  PrintedCodeNameEntity,
  EconomicCodeEntity,
  EconomicCodeNameEntity,
  SourceDocumentEntity,
  DepartmentBudgetEntity,
  SubjectLineEntity,
  SubjectRowTotalEntity,
  EconomicLineEntity,
  IncomeLineEntity,
  YearBeginLineEntity,
  ThreePublicExpenseEntity,
  ThreePublicBudgetedEntity,
  OperatingFundsEntity,
  OperatingFundItemEntity,
  ProcurementEntity,
  AssetHoldingEntity,
  NarrativeClaimEntity,
  DiscrepancyEntity,
  ProjectEntity,
  ProjectLineEntity,
  ProjectAliasEntity,
  PerformanceIndicatorEntity,
  AuditEventEntity,
  ApiTokenEntity,
  PublishedFigureEntity,
  DocumentTableEntity,
  DocumentTextEntity,
];
