/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 口径 Which printed figures an aggregate adds. Every figure is kept at the grain it was printed: a subject table row prints its 合计 and its cells, and rounding can set them apart (the seed's 行政运行 prints 4550.7 against cells 4458.0 + 3.5 + 89.3 = 4550.8). A grouping by subject (类/款/项), department, unit or year adds the rows' printed totals; only one that needs the split (kind, category, funding source, economic code) adds cells. */
export type AggregateBasis =
  /** 单元格 cells: the grouping or filter needs the split (支出类型, 支出明细类型, 资金来源, 经济分类), or some row the group adds printed no total (a bundle without subjectRowTotals) and counts as the sum of its cells. */
  | 'CELLS'
  /** 行合计 the printed 合计 of every row the group adds (部门支出总体情况表). */
  | 'ROW_TOTALS';

/** 预算阶段 Stage of a budget. */
export type BudgetStage =
  /** 调整预算 adjusted budget */
  | 'ADJUSTED'
  /** 年初预算 initial budget */
  | 'BUDGET'
  /** 决算 final accounts */
  | 'FINAL';

/** 勾稽差异等级 How serious an inconsistency is. */
export type DiscrepancySeverity =
  /** 实质差异: more than rounding can explain */
  | 'MATERIAL'
  /** 名称不一致: the same thing printed under different names or codes */
  | 'NAMING'
  /** 尾差: explained by rounding each summed row to the printed precision */
  | 'ROUNDING'
  /** 结构问题: a table missing, empty, or laid out against the standard */
  | 'STRUCTURE';

/** What the stated and computed values measure. */
export type DiscrepancyValueKind =
  /** 金额: amounts, expressed in the field's `unit` */
  | 'MONEY'
  /** 百分比: percentages, e.g. a stated share */
  | 'PERCENT'
  /** 文本: names or codes; stated/computed are null */
  | 'TEXT';

/** 文件格式 How a document is written. */
export type DocumentFormat =
  /** 结构化数据包: the JSON bundle format (schema/bundle.schema.json) */
  | 'BUNDLE'
  /** PDF原件: the disclosure as the department published it, read from its text layer */
  | 'DISCLOSURE_PDF'
  /** 部门预算公开文本: the disclosure as text (headings, narrative, tab-separated tables) */
  | 'DISCLOSURE_TEXT'
  /** XLSX表格: the disclosure's tables (and narrative) as a spreadsheet, as the budget system exports them */
  | 'DISCLOSURE_XLSX';

/** 级次 Level of an economic code. */
export type EconomicLevel =
  /** 类 (3 digits, e.g. 301) */
  | 'CLASS'
  /** 款 (5 digits, e.g. 30101) */
  | 'ITEM';

/** 经济分类体系 Which economic classification a code belongs to. */
export type EconomicScheme =
  /** 部门预算支出经济分类 (301, 30101 …) */
  | 'DEPARTMENT'
  /** 政府预算支出经济分类 (501, 50101 …) */
  | 'GOVERNMENT';

/** 预算数来源 Where the year-begin budget that spending is measured against comes from. */
export type ExecutionBasis =
  /** 部门预算 the department's imported 预算 of that year (its printed row totals) */
  | 'BUDGET_DOCUMENT'
  /** 决算所列年初预算数 the 年初预算数 column the 决算 prints (general-budget appropriations), where no 预算 is imported */
  | 'FINAL_DOCUMENT'
  /** some of the group's department-years from each */
  | 'MIXED'
  /** no year-begin budget known: no 预算 imported and the 决算 prints none */
  | 'NONE';

/** The finer column a subject table prints an amount under. */
export type ExpenditureCategory =
  /** 基本支出 as one column (决算) */
  | 'BASIC_UNDIVIDED'
  /** 经营支出 (决算) */
  | 'BUSINESS'
  /** 资本性支出 (公用经费) */
  | 'CAPITAL'
  /** 商品和服务支出 (公用经费) */
  | 'GOODS_AND_SERVICES'
  /** 对个人和家庭的补助 (人员经费) */
  | 'HOUSEHOLD_SUBSIDIES'
  /** 其他运转类 (项目支出) */
  | 'OPERATING'
  /** 项目支出 as one column (决算) */
  | 'PROJECT_UNDIVIDED'
  /** 上缴上级支出 (决算) */
  | 'REMITTANCE'
  /** 特定目标类 (项目支出) */
  | 'SPECIFIC'
  /** 对附属单位补助支出 (决算) */
  | 'SUBSIDIARY'
  /** 工资福利支出 (人员经费) */
  | 'WAGES_AND_WELFARE';

/** 分组维度 What to group expenditure by. Subject (功能分类) and economic (经济分类) dimensions cannot be combined: no published table crosses them. */
export type ExpenditureDimension =
  /** 预算单位 budget unit */
  | 'BUDGET_UNIT'
  /** 部门 department */
  | 'DEPARTMENT'
  /** 部门预算经济分类 类 (301 …), basic expenditure only */
  | 'DEPT_ECONOMIC_CLASS'
  /** 部门预算经济分类 款 (30101 …), basic expenditure only */
  | 'DEPT_ECONOMIC_ITEM'
  /** 支出明细类型 工资福利 / 对个人和家庭的补助 / 商品和服务 / 资本性 / 其他运转类 / 特定目标类 (functional lines) */
  | 'EXPENDITURE_CATEGORY'
  /** 支出类型 人员经费 / 公用经费 / 项目支出 */
  | 'EXPENDITURE_KIND'
  /** 资金来源 funding source */
  | 'FUNDING_SOURCE'
  /** 政府预算经济分类 类 (501 …), through the crosswalk */
  | 'GOV_ECONOMIC_CLASS'
  /** 政府预算经济分类 款 (50101 …), through the crosswalk */
  | 'GOV_ECONOMIC_ITEM'
  /** 类 functional class (3 digits) */
  | 'SUBJECT_CLASS'
  /** 项 functional item (7 digits) */
  | 'SUBJECT_ITEM'
  /** 款 functional section (5 digits) */
  | 'SUBJECT_SECTION'
  /** 预算年度 fiscal year */
  | 'YEAR';

/** 筛选 Which expenditure to aggregate: budgets in force, of one stage. */
export type ExpenditureFilter = {
  /** 支出明细类型 only these categories (functional lines). */
  categories?: Array<ExpenditureCategory> | null | undefined;
  /** 部门编码 only these departments (unknown codes are an error). */
  departmentCodes?: Array<string> | null | undefined;
  /** 经济分类编码前缀 only economic codes (either scheme) starting with one of these ("301", "50201"); unknown codes are an error. */
  economicCodePrefixes?: Array<string> | null | undefined;
  /** 资金来源 only these funding sources. */
  fundingSources?: Array<FundingSource> | null | undefined;
  /** 支出类型 only these kinds. */
  kinds?: Array<ExpenditureKind> | null | undefined;
  /** 预算阶段 only budgets of this stage (default 年初预算; null is the default too): an aggregate never adds a 决算 or 调整预算 to a 预算. */
  stage?: BudgetStage | null | undefined;
  /** 科目编码前缀 only functional codes starting with one of these ("208", "20801"); unknown codes are an error. */
  subjectCodePrefixes?: Array<string> | null | undefined;
  /** 预算年度 only these years. */
  years?: Array<number> | null | undefined;
};

/** 支出类型 Kind of expenditure: 基本支出 splits into 人员经费 and 公用经费; 项目支出 is the rest. */
export type ExpenditureKind =
  /** 基本支出 basic expenditure a 决算 prints undivided into 人员经费 and 公用经费 */
  | 'BASIC'
  /** 其他支出 spending a 决算 prints beside basic and project: 上缴上级, 经营, 对附属单位补助 */
  | 'OTHER'
  /** 人员经费 personnel (基本支出) */
  | 'PERSONNEL'
  /** 项目支出 project expenditure */
  | 'PROJECT'
  /** 公用经费 public/running costs (基本支出) */
  | 'PUBLIC';

/** 资金来源 Funding source. */
export type FundingSource =
  /** 一般公共预算 (财政拨款) */
  | 'GENERAL_PUBLIC_BUDGET'
  /** 政府性基金预算 */
  | 'GOVERNMENT_FUND'
  /** 其他 */
  | 'OTHER'
  /** 上年结转结余 */
  | 'PRIOR_YEAR_CARRYOVER'
  /** 财政专户管理资金 */
  | 'SPECIAL_ACCOUNT'
  /** 国有资本经营预算 */
  | 'STATE_CAPITAL'
  /** 单位资金 (事业收入, 经营收入, 其他收入 …) */
  | 'UNIT_FUNDS';

/** 导入 A document to import: its bytes as content (base64), or its text as document; exactly one of the two. */
export type ImportDisclosureInput = {
  /** 文件内容 the file's bytes in base64 (RFC 4648: standard alphabet, padded, on one line): a PDF (with its text layer), an XLSX, a text disclosure or a bundle, at most 50 MB once decoded. The format is read from the bytes. Give this or document, not both. */
  content?: string | null | undefined;
  /** 文件文本 the document's text (UTF-8): a disclosure in the text form, or a bundle's JSON. Give this or content, not both. */
  document?: string | null | undefined;
  /** 只校验 check only: report findings, write nothing. */
  dryRun?: boolean;
  /** 文件名 the file name, kept as provenance and named in messages (the format is read from the bytes, not the name). */
  fileName: string;
  /** 立即发布 publish the imported version at once (it replaces the published one in public view); otherwise it is a DRAFT until publishBudget. Finance bureau only (FINANCE or ADMIN). */
  publish?: boolean;
};

/** 绩效指标类别 Category of a project's performance indicator. */
export type IndicatorCategory =
  /** 效益指标 benefit */
  | 'BENEFIT'
  /** 成本指标 cost */
  | 'COST'
  /** 产出指标 output */
  | 'OUTPUT'
  /** 满意度指标 satisfaction */
  | 'SATISFACTION';

/** Unit an amount is expressed in (金额单位). */
export type MoneyUnit =
  /** 万元 (10,000 yuan); the unit disclosures print */
  | 'WAN_YUAN'
  /** 元 (yuan) */
  | 'YUAN';

/** 项目类型 Project category. */
export type ProjectCategory =
  /** 其他运转类 recurring operations */
  | 'OPERATING'
  /** 特定目标类 specific objectives */
  | 'SPECIFIC';

/** Which projects to list. */
export type ProjectFilter = {
  /** 项目类型 only this category. */
  category?: ProjectCategory | null | undefined;
  /** 项目编码 only these project codes (also matches codes printed as aliases). */
  codes?: Array<string> | null | undefined;
  /** 部门编码 only these departments. */
  departmentCodes?: Array<string> | null | undefined;
  /** 名称包含 only projects whose name contains this text. */
  nameContains?: string | null | undefined;
  /** 预算年度 only these years. */
  years?: Array<number> | null | undefined;
};

/** 公开状态 Whether the public may see a budget. */
export type PublicationStatus =
  /** 草稿: visible to its department and the finance bureau */
  | 'DRAFT'
  /** 已公开: visible to everyone; the public's figures come from the version published last */
  | 'PUBLISHED'
  /** 已撤回: was published, then withdrawn by the finance bureau; visible again to its department and the bureau only */
  | 'WITHDRAWN';

/** 科目级次 Level of a functional classification code. */
export type SubjectLevel =
  /** 类 (3 digits, e.g. 208) */
  | 'CLASS'
  /** 项 (7 digits, e.g. 2080101) */
  | 'ITEM'
  /** 款 (5 digits, e.g. 20801) */
  | 'SECTION';

export type BasicVsProjectByDepartmentQueryVariables = Exact<{
  year: number;
}>;


export type BasicVsProjectByDepartmentQuery = { departmentRanking: { zoneValue: string | null, departmentCount: number, entries: Array<{ rank: number, value: string | null, numerator: string | null, denominator: string | null, department: { code: string, shortName: string } }> } };

export type ClassDrillDownQueryVariables = Exact<{
  classCode: string;
  year: number;
}>;


export type ClassDrillDownQuery = { expenditure: Array<{ depth: number, isSubtotal: boolean, amount: string, share: string | null, shareOfParent: string | null, rowCount: number, basis: AggregateBasis, subjectCode: { code: string, name: string | null, level: SubjectLevel } | null }> };

export type DepartmentBudgetDetailQueryVariables = Exact<{
  code: string;
  year: number;
}>;


export type DepartmentBudgetDetailQuery = { department: { budget: { subjectLines: Array<{ kind: ExpenditureKind, category: ExpenditureCategory, fundingSource: FundingSource, amount: string, sourceRef: string | null, subjectCode: { code: string, name: string | null, level: SubjectLevel }, unit: { code: string } | null }>, economicLines: Array<{ kind: ExpenditureKind, amount: string, deptEconomicCode: { code: string, name: string | null }, govEconomicCode: { code: string, name: string | null } }>, incomeLines: Array<{ fundingSource: FundingSource, label: string, amount: string }>, threePublicExpenses: { total: string | null, overseasTravel: string | null, vehicles: string | null, vehiclePurchase: string | null, vehicleOperation: string | null, reception: string | null } | null, operatingFunds: { total: string | null, change: string | null, reason: string | null, items: Array<{ name: string, amount: string }> } | null, procurement: { total: string | null, goods: string | null, works: string | null, services: string | null } | null, assets: Array<{ kind: string, name: string, count: number }>, narrativeClaims: Array<{ topic: string, section: string, subjectCode: string | null, label: string | null, amount: string | null, change: string | null, ratePercent: string | null, sharePercent: string | null, reason: string | null }>, indicators: Array<{ level1: string | null, level2: string | null, name: string, target: string, comparator: string | null, value: string | null, unit: string | null, explanation: string | null }>, discrepancies: Array<{ ruleId: string, severity: DiscrepancySeverity, message: string, location: string, stated: string | null, computed: string | null, difference: string | null }> } | null } | null };

export type DepartmentBudgetTotalsQueryVariables = Exact<{
  code: string;
  year: number;
  unit?: MoneyUnit | null | undefined;
}>;


export type DepartmentBudgetTotalsQuery = { department: { code: string, name: string, shortName: string, regionCode: string, units: Array<{ code: string, name: string, isSelf: boolean }>, budget: { year: number, stage: BudgetStage, version: number, status: PublicationStatus, incomeTotal: string, expenditureTotal: string, basicExpenditure: string, projectExpenditure: string, personnelExpenditure: string, publicExpenditure: string, computed: { incomeTotal: string, expenditureTotal: string, basicExpenditure: string, projectExpenditure: string, personnelExpenditure: string, publicExpenditure: string }, sourceDocument: { fileName: string, checksum: string, format: string } | null } | null } | null };

export type DepartmentComparisonQueryVariables = Exact<{
  year: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DepartmentComparisonQuery = { departments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, shortName: string, budget: { stage: BudgetStage, version: number, expenditureTotal: string, basicExpenditure: string, projectExpenditure: string, yearOnYear: { previousYear: number, previousTotal: string | null, computedChange: string | null, computedRate: string | null } } | null }> } };

export type DepartmentYearOnYearQueryVariables = Exact<{
  code: string;
  year: number;
}>;


export type DepartmentYearOnYearQuery = { department: { budget: { expenditureTotal: string, yearOnYear: { previousYear: number, previousTotal: string | null, computedChange: string | null, computedRate: string | null, statedChange: string | null, statedRate: string | null, agrees: boolean | null } } | null } | null };

export type DepartmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DepartmentsQuery = { departments: { totalCount: number, edges: Array<{ cursor: string, node: { code: string, name: string } }>, nodes: Array<{ code: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type DepartmentsDeepQueryVariables = Exact<{
  year: number;
  first?: number | null | undefined;
}>;


export type DepartmentsDeepQuery = { departments: { totalCount: number, nodes: Array<{ code: string, budget: { projects: { nodes: Array<{ name: string, indicators: Array<{ name: string }> }> } } | null }> } };

export type DiscrepanciesQueryVariables = Exact<{
  departmentCode?: string | null | undefined;
  year?: number | null | undefined;
}>;


export type DiscrepanciesQuery = { discrepancies: Array<{ ruleId: string, severity: DiscrepancySeverity, message: string, location: string, valueKind: DiscrepancyValueKind, stated: string | null, computed: string | null, difference: string | null }> };

export type EconomicCodeCrosswalkQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
}>;


export type EconomicCodeCrosswalkQuery = { economicCode: { code: string, scheme: EconomicScheme, level: EconomicLevel, name: string | null, expenditure: string, parent: { code: string, name: string | null } | null, children: Array<{ code: string, name: string | null, expenditure: string }>, crosswalk: Array<{ code: string, scheme: EconomicScheme, name: string | null, expenditure: string }> } | null };

export type ExecutionByDepartmentQueryVariables = Exact<{
  year: number;
}>;


export type ExecutionByDepartmentQuery = { execution: { totalCount: number, nodes: Array<{ budgeted: string | null, final: string, rate: string | null, basis: ExecutionBasis, department: { code: string, shortName: string } | null }> } };

export type ExpenditureBreakdownQueryVariables = Exact<{
  filter?: ExpenditureFilter | null | undefined;
  groupBy: Array<ExpenditureDimension> | ExpenditureDimension;
  unit?: MoneyUnit | null | undefined;
}>;


export type ExpenditureBreakdownQuery = { expenditure: Array<{ year: number | null, kind: ExpenditureKind | null, category: ExpenditureCategory | null, fundingSource: FundingSource | null, amount: string, share: string | null, rowCount: number, basis: AggregateBasis, department: { code: string, shortName: string } | null, subjectCode: { code: string, name: string | null, level: SubjectLevel } | null }> };

export type FiscalYearsQueryVariables = Exact<{ [key: string]: never; }>;


export type FiscalYearsQuery = { fiscalYears: Array<{ year: number, departmentCount: number, expenditureTotal: string, basicExpenditure: string, projectExpenditure: string, departments: { totalCount: number, nodes: Array<{ code: string }> } }> };

export type ImportDisclosureMutationVariables = Exact<{
  input: ImportDisclosureInput;
}>;


export type ImportDisclosureMutation = { importDisclosure: { format: DocumentFormat | null, unchanged: boolean, budget: { year: number, stage: BudgetStage, version: number, incomeTotal: string, expenditureTotal: string, department: { code: string, name: string }, sourceDocument: { fileName: string, checksum: string, format: string } | null } | null, discrepancies: Array<{ ruleId: string, severity: DiscrepancySeverity }>, findings: Array<{ ruleId: string, severity: string, message: string, location: string }>, userErrors: Array<{ message: string, field: Array<string> | null, line: number | null, location: string | null }> } };

export type LinesOffBudgetQueryVariables = Exact<{
  year: number;
  deviation?: string;
}>;


export type LinesOffBudgetQuery = { execution: { totalCount: number, nodes: Array<{ budgeted: string | null, final: string, rate: string | null, basis: ExecutionBasis, department: { code: string, shortName: string } | null, subjectCode: { code: string, name: string | null } | null }> } };

export type ProjectSearchQueryVariables = Exact<{
  filter?: ProjectFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectSearchQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string | null, name: string, year: number, category: ProjectCategory, amount: string, amountYuan: string, department: { code: string, shortName: string }, budget: { year: number }, subjectCode: { code: string, name: string | null } | null, lines: Array<{ fundingSource: FundingSource, amount: string }>, aliases: Array<{ code: string | null, name: string, source: string }>, indicators: Array<{ name: string, target: string, comparator: string | null, value: string | null, unit: string | null, category: IndicatorCategory | null, project: { code: string | null } | null, department: { code: string } }> }> } };

export type SubjectCodeRollupQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
  departmentCodes?: Array<string> | string | null | undefined;
}>;


export type SubjectCodeRollupQuery = { subjectCode: { code: string, name: string | null, level: SubjectLevel, year: number | null, expenditure: string, parent: { code: string, name: string | null, level: SubjectLevel } | null, children: Array<{ code: string, name: string | null, level: SubjectLevel, expenditure: string, children: Array<{ code: string, name: string | null, expenditure: string }> }> } | null };

export type ThreePublicByDepartmentQueryVariables = Exact<{
  year: number;
}>;


export type ThreePublicByDepartmentQuery = { departmentRanking: { zoneValue: string | null, departmentCount: number, entries: Array<{ rank: number, value: string | null, shareOfZone: string | null, department: { code: string, shortName: string } }> } };

export type TopProjectsQueryVariables = Exact<{
  year: number;
  first?: number | null | undefined;
}>;


export type TopProjectsQuery = { projects: { totalCount: number, nodes: Array<{ code: string | null, name: string, amount: string, department: { code: string, shortName: string } }> } };

export type WeakSatisfactionTargetsQueryVariables = Exact<{
  years?: Array<number> | number | null | undefined;
  below?: string | null | undefined;
}>;


export type WeakSatisfactionTargetsQuery = { indicators: { totalCount: number, nodes: Array<{ name: string, target: string, comparator: string | null, value: string | null, unit: string | null, project: { code: string | null, name: string } | null, department: { code: string, shortName: string } }> } };

export type YearOnYearByDepartmentQueryVariables = Exact<{
  baseYear: number;
  targetYear: number;
}>;


export type YearOnYearByDepartmentQuery = { expenditureChange: Array<{ base: string, target: string, change: string, rate: string | null, basis: AggregateBasis, department: { code: string, shortName: string } | null }> };

export type ZoneTotalsByClassAndYearQueryVariables = Exact<{
  years?: Array<number> | number | null | undefined;
}>;


export type ZoneTotalsByClassAndYearQuery = { expenditure: Array<{ year: number | null, amount: string, share: string | null, rowCount: number, basis: AggregateBasis, subjectCode: { code: string, name: string | null } | null }> };


export const BasicVsProjectByDepartmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BasicVsProjectByDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"EnumValue","value":"BASIC_SHARE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zoneValue"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCount"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}}]}}]}}]}}]} as unknown as DocumentNode<BasicVsProjectByDepartmentQuery, BasicVsProjectByDepartmentQueryVariables>;
export const ClassDrillDownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassDrillDown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"years"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"year"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"subjectCodePrefixes"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"classCode"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SUBJECT_CLASS"},{"kind":"EnumValue","value":"SUBJECT_SECTION"},{"kind":"EnumValue","value":"SUBJECT_ITEM"}]}},{"kind":"Argument","name":{"kind":"Name","value":"rollup"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"isSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"shareOfParent"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]} as unknown as DocumentNode<ClassDrillDownQuery, ClassDrillDownQueryVariables>;
export const DepartmentBudgetDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentBudgetDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"fundingSource"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"economicLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deptEconomicCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"govEconomicCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingSource"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"threePublicExpenses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"overseasTravel"}},{"kind":"Field","name":{"kind":"Name","value":"vehicles"}},{"kind":"Field","name":{"kind":"Name","value":"vehiclePurchase"}},{"kind":"Field","name":{"kind":"Name","value":"vehicleOperation"}},{"kind":"Field","name":{"kind":"Name","value":"reception"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operatingFunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"procurement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"goods"}},{"kind":"Field","name":{"kind":"Name","value":"works"}},{"kind":"Field","name":{"kind":"Name","value":"services"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"narrativeClaims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"ratePercent"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level1"}},{"kind":"Field","name":{"kind":"Name","value":"level2"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"stated"}},{"kind":"Field","name":{"kind":"Name","value":"computed"}},{"kind":"Field","name":{"kind":"Name","value":"difference"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentBudgetDetailQuery, DepartmentBudgetDetailQueryVariables>;
export const DepartmentBudgetTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentBudgetTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MoneyUnit"}},"defaultValue":{"kind":"EnumValue","value":"WAN_YUAN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isSelf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"incomeTotal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"expenditureTotal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"basicExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"projectExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"personnelExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"publicExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"computed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incomeTotal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"expenditureTotal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"basicExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"projectExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"personnelExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"publicExpenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentBudgetTotalsQuery, DepartmentBudgetTotalsQueryVariables>;
export const DepartmentComparisonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentComparison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"expenditureTotal"}},{"kind":"Field","name":{"kind":"Name","value":"basicExpenditure"}},{"kind":"Field","name":{"kind":"Name","value":"projectExpenditure"}},{"kind":"Field","name":{"kind":"Name","value":"yearOnYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousYear"}},{"kind":"Field","name":{"kind":"Name","value":"previousTotal"}},{"kind":"Field","name":{"kind":"Name","value":"computedChange"}},{"kind":"Field","name":{"kind":"Name","value":"computedRate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentComparisonQuery, DepartmentComparisonQueryVariables>;
export const DepartmentYearOnYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentYearOnYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expenditureTotal"}},{"kind":"Field","name":{"kind":"Name","value":"yearOnYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousYear"}},{"kind":"Field","name":{"kind":"Name","value":"previousTotal"}},{"kind":"Field","name":{"kind":"Name","value":"computedChange"}},{"kind":"Field","name":{"kind":"Name","value":"computedRate"}},{"kind":"Field","name":{"kind":"Name","value":"statedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statedRate"}},{"kind":"Field","name":{"kind":"Name","value":"agrees"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentYearOnYearQuery, DepartmentYearOnYearQueryVariables>;
export const DepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Departments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentsQuery, DepartmentsQueryVariables>;
export const DepartmentsDeepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepartmentsDeep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartmentsDeepQuery, DepartmentsDeepQueryVariables>;
export const DiscrepanciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Discrepancies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"valueKind"}},{"kind":"Field","name":{"kind":"Name","value":"stated"}},{"kind":"Field","name":{"kind":"Name","value":"computed"}},{"kind":"Field","name":{"kind":"Name","value":"difference"}}]}}]}}]} as unknown as DocumentNode<DiscrepanciesQuery, DiscrepanciesQueryVariables>;
export const EconomicCodeCrosswalkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EconomicCodeCrosswalk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"economicCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"expenditure"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"expenditure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crosswalk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"expenditure"}}]}}]}}]}}]} as unknown as DocumentNode<EconomicCodeCrosswalkQuery, EconomicCodeCrosswalkQueryVariables>;
export const ExecutionByDepartmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExecutionByDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPARTMENT"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"years"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"year"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgeted"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionByDepartmentQuery, ExecutionByDepartmentQueryVariables>;
export const ExpenditureBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExpenditureBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ExpenditureFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExpenditureDimension"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MoneyUnit"}},"defaultValue":{"kind":"EnumValue","value":"WAN_YUAN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"fundingSource"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]} as unknown as DocumentNode<ExpenditureBreakdownQuery, ExpenditureBreakdownQueryVariables>;
export const FiscalYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FiscalYears"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fiscalYears"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCount"}},{"kind":"Field","name":{"kind":"Name","value":"expenditureTotal"}},{"kind":"Field","name":{"kind":"Name","value":"basicExpenditure"}},{"kind":"Field","name":{"kind":"Name","value":"projectExpenditure"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FiscalYearsQuery, FiscalYearsQueryVariables>;
export const ImportDisclosureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportDisclosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportDisclosureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importDisclosure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"incomeTotal"}},{"kind":"Field","name":{"kind":"Name","value":"expenditureTotal"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}}]}}]}}]} as unknown as DocumentNode<ImportDisclosureMutation, ImportDisclosureMutationVariables>;
export const LinesOffBudgetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinesOffBudget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}},"defaultValue":{"kind":"StringValue","value":"10","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPARTMENT"},{"kind":"EnumValue","value":"SUBJECT_ITEM"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"years"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"year"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"deviationAtLeast"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviation"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgeted"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]}}]} as unknown as DocumentNode<LinesOffBudgetQuery, LinesOffBudgetQueryVariables>;
export const ProjectSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","alias":{"kind":"Name","value":"amountYuan"},"name":{"kind":"Name","value":"amount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unit"},"value":{"kind":"EnumValue","value":"YUAN"}}]},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingSource"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectSearchQuery, ProjectSearchQueryVariables>;
export const SubjectCodeRollupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectCodeRollup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCodes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"expenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCodes"}}}]},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"expenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCodes"}}}]},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"expenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCodes"}}}]}]}}]}}]}}]}}]} as unknown as DocumentNode<SubjectCodeRollupQuery, SubjectCodeRollupQueryVariables>;
export const ThreePublicByDepartmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreePublicByDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"EnumValue","value":"THREE_PUBLIC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zoneValue"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCount"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"shareOfZone"}}]}}]}}]}}]} as unknown as DocumentNode<ThreePublicByDepartmentQuery, ThreePublicByDepartmentQueryVariables>;
export const TopProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopProjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"years"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"year"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"AMOUNT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"descending"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TopProjectsQuery, TopProjectsQueryVariables>;
export const WeakSatisfactionTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WeakSatisfactionTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"years"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"below"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}},"defaultValue":{"kind":"StringValue","value":"90","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"years"},"value":{"kind":"Variable","name":{"kind":"Name","value":"years"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"categories"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SATISFACTION"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"unit"},"value":{"kind":"StringValue","value":"%","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"valueBelow"},"value":{"kind":"Variable","name":{"kind":"Name","value":"below"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WeakSatisfactionTargetsQuery, WeakSatisfactionTargetsQueryVariables>;
export const YearOnYearByDepartmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"YearOnYearByDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"baseYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expenditureChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPARTMENT"}]}},{"kind":"Argument","name":{"kind":"Name","value":"baseYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"baseYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"base"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]} as unknown as DocumentNode<YearOnYearByDepartmentQuery, YearOnYearByDepartmentQueryVariables>;
export const ZoneTotalsByClassAndYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZoneTotalsByClassAndYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"years"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expenditure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"years"},"value":{"kind":"Variable","name":{"kind":"Name","value":"years"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"YEAR"},{"kind":"EnumValue","value":"SUBJECT_CLASS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}}]} as unknown as DocumentNode<ZoneTotalsByClassAndYearQuery, ZoneTotalsByClassAndYearQueryVariables>;