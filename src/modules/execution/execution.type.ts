import { Field, InputType, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { percent } from "../../common/percent";
import { Connection } from "../../common/relay";
import { Department } from "../department/department.type";
import { SubjectCode } from "../subject-code/subject-code.type";

export enum ExecutionBasis {
  BUDGET_DOCUMENT = "BUDGET_DOCUMENT",
  FINAL_DOCUMENT = "FINAL_DOCUMENT",
  MIXED = "MIXED",
  NONE = "NONE",
}
registerEnumType(ExecutionBasis, {
  name: "ExecutionBasis",
  description: "预算数来源 Where the year-begin budget that spending is measured against comes from.",
  valuesConfig: {
    BUDGET_DOCUMENT: { description: "部门预算 the department's imported 预算 of that year (its printed row totals)" },
    FINAL_DOCUMENT: { description: "决算所列年初预算数 the 年初预算数 column the 决算 prints (general-budget appropriations), where no 预算 is imported" },
    MIXED: { description: "some of the group's department-years from each" },
    NONE: { description: "no year-begin budget known: no 预算 imported and the 决算 prints none" },
  },
});

export enum ExecutionDimension {
  YEAR = "YEAR",
  DEPARTMENT = "DEPARTMENT",
  SUBJECT_CLASS = "SUBJECT_CLASS",
  SUBJECT_SECTION = "SUBJECT_SECTION",
  SUBJECT_ITEM = "SUBJECT_ITEM",
}
registerEnumType(ExecutionDimension, {
  name: "ExecutionDimension",
  description: "分组维度 What to group execution by.",
  valuesConfig: {
    YEAR: { description: "年度 fiscal year" },
    DEPARTMENT: { description: "部门 department" },
    SUBJECT_CLASS: { description: "类 functional class" },
    SUBJECT_SECTION: { description: "款 functional section" },
    SUBJECT_ITEM: { description: "项 functional item" },
  },
});

/** Spent against budgeted: the rate to 2 places, null where nothing was budgeted. */
@InterfaceType("ExecutionMeasure", { description: "执行数 What was spent against what was budgeted, and the rate." })
abstract class Measured {
  budgetedFen: bigint | null;
  finalFen: bigint;

  @Field(() => DecimalScalar, { nullable: true, description: "年初预算数 the year-begin budget (see basis); null where none is known." })
  budgeted(@UnitArg() unit: MoneyUnit): string | null {
    return this.budgetedFen === null ? null : money(this.budgetedFen, unit);
  }

  @Field(() => DecimalScalar, { description: "决算数 what was spent (本年支出), as the 决算 prints it." })
  final(@UnitArg() unit: MoneyUnit): string {
    return money(this.finalFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "执行率 final ÷ budgeted × 100, to 2 places (half away from zero); null where nothing was budgeted (a line added during the year)." })
  rate(): string | null {
    return this.budgetedFen === null ? null : percent(this.finalFen, this.budgetedFen, 2);
  }
}

@ObjectType({ description: "科目执行 One 项's spending against its year-begin budget.", implements: Measured })
export class ExecutionLine extends Measured {
  subject: string;
  year: number;

  @Field(() => ExecutionBasis, { description: "预算数来源 where budgeted comes from." })
  basis: ExecutionBasis;
}

@ObjectType({ description: "“三公”执行 One “三公” item's 决算数 against its 预算数.", implements: Measured })
export class ThreePublicExecution extends Measured {
  @Field(() => String, { description: "项目 total, overseasTravel, vehicles, vehiclePurchase, vehicleOperation or reception (合计, 因公出国(境), 公务用车购置及运行, 购置, 运行, 公务接待)." })
  item: string;
}

@ObjectType({ description: "预算执行 A 决算 against the year-begin budget: in total, by 项, and for “三公”.", implements: Measured })
export class BudgetExecution extends Measured {
  year: number;

  @Field(() => ExecutionBasis, { description: "预算数来源 where budgeted comes from: the imported 预算 (its printed total), or the 决算's own 年初预算数 column." })
  basis: ExecutionBasis;

  @Field(() => String, { nullable: true, description: "说明 why budgeted is null, where it is." })
  reason: string | null;

  @Field(() => [ExecutionLine], { description: "科目 each 项 spent or budgeted, in code order (bounded by one document's subjects)." })
  lines: ExecutionLine[];

  @Field(() => [ThreePublicExecution], { description: "“三公” each item, 决算数 against 预算数 (empty where the 决算 prints no “三公” table)." })
  threePublic: ThreePublicExecution[];
}

@ObjectType({ description: "执行分组 Spending against year-begin budget for one group of 决算s (sums of the printed lines).", implements: Measured })
export class ExecutionGroup extends Measured {
  departmentId: number | null;
  subject: string | null;

  @Field(() => Int, { nullable: true, description: "年度 the year, when grouped by YEAR." })
  year: number | null;

  @Field(() => ExecutionBasis, { description: "预算数来源 where the group's budgeted comes from." })
  basis: ExecutionBasis;

  @Field(() => Int, { description: "决算数 how many 决算s (department-years) the group adds up." })
  finalCount: number;

  /** Filled by the resolver from the loaders. */
  department?: Department | null;
  subjectCode?: SubjectCode | null;
}

export const ExecutionGroupConnection = Connection(ExecutionGroup, "ExecutionGroup", "execution group");

@InputType({ description: "执行筛选 Which 决算s and lines." })
export class ExecutionFilter {
  @Field(() => [Int], { nullable: true, description: "年度 only these years." })
  years?: number[];

  @Field(() => [String], { nullable: true, description: "部门编码 only these departments." })
  departmentCodes?: string[];

  @Field(() => [String], { nullable: true, description: "科目编码前缀 only 项 under these codes (\"208\", \"20801\")." })
  subjectCodePrefixes?: string[];

  @Field(() => DecimalScalar, { nullable: true, description: "偏离 only groups spent at least this many percent over or under budget (10 keeps rates ≤ 90 or ≥ 110), and groups spent with nothing budgeted." })
  deviationAtLeast?: string;
}
