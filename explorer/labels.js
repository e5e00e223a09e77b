// Chinese labels for the API's enums.
export const SEVERITY = { MATERIAL: "实质差异", ROUNDING: "尾差", NAMING: "名称不一致", STRUCTURE: "结构问题" };
export const PROJECT_CATEGORY = { OPERATING: "其他运转类", SPECIFIC: "特定目标类" };
export const INDICATOR_CATEGORY = { COST: "成本", OUTPUT: "产出", BENEFIT: "效益", SATISFACTION: "满意度" };
export const EXECUTION_BASIS = { BUDGET_DOCUMENT: "部门预算", FINAL_DOCUMENT: "决算所列年初预算数" };
export const BASIS = { ROW_TOTALS: "按行合计", CELLS: "按明细单元格" };
/** Which stack of the department bars each expenditure kind belongs to. */
export const KIND_STACK = { PERSONNEL: "basic", PUBLIC: "basic", BASIC: "basic", PROJECT: "project", OTHER: "other" };
export const STACK_LABEL = { basic: "基本支出", project: "项目支出", other: "其他支出" };
