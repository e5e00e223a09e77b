import { Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, PrintedUnit, money } from "../../common/money-unit";
import { optionalMoney } from "./lines.type";

@ObjectType({ simpleResolvers: true, description: "“三公”经费 Three public expenses as published; null where the document printed nothing." })
export class ThreePublicExpenses {
  totalFen: bigint | null;
  overseasTravelFen: bigint | null;
  vehiclesFen: bigint | null;
  vehiclePurchaseFen: bigint | null;
  vehicleOperationFen: bigint | null;
  receptionFen: bigint | null;

  @Field(() => DecimalScalar, { nullable: true, description: "“三公”经费合计 total." })
  total(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.totalFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "因公出国(境)费 official travel abroad." })
  overseasTravel(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.overseasTravelFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "公务用车购置及运行费 official vehicles, purchase and operation." })
  vehicles(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.vehiclesFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "公务用车购置费 vehicle purchase." })
  vehiclePurchase(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.vehiclePurchaseFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "公务用车运行维护费 vehicle operation." })
  vehicleOperation(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.vehicleOperationFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "公务接待费 official reception." })
  reception(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.receptionFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "机构运转经费明细 One item of the operating funds, e.g. 办公费." })
export class OperatingFundItem {
  amountFen: bigint;

  @Field(() => String, { description: "名称 item name as the narrative prints it." })
  name: string;

  @Field(() => DecimalScalar, { description: "金额 amount." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "行政(事业)单位机构运转经费 Operating funds of the units, with their items and the stated change." })
export class OperatingFunds {
  totalFen: bigint | null;
  changeFen: bigint | null;

  @Field(() => [OperatingFundItem], { description: "明细 items in the narrative's order." })
  items: OperatingFundItem[];

  @Field(() => String, { nullable: true, description: "增减原因 the stated reason for the change." })
  reason: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "合计 the stated total." })
  total(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.totalFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "比上年增减 the stated change against the prior year (negative = decrease)." })
  change(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.changeFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "政府采购 Government procurement budget by goods, works and services." })
export class Procurement {
  totalFen: bigint | null;
  goodsFen: bigint | null;
  worksFen: bigint | null;
  servicesFen: bigint | null;

  @Field(() => DecimalScalar, { nullable: true, description: "合计 total." })
  total(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.totalFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "货物 goods." })
  goods(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.goodsFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "工程 works." })
  works(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.worksFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "服务 services." })
  services(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.servicesFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "国有资产占用 A holding of state assets: vehicles by kind, high-value equipment." })
export class AssetHolding {
  @Field(() => String, { description: "VEHICLE (车辆) or EQUIPMENT (设备)." })
  kind: string;

  @Field(() => String, { description: "名称 as printed, e.g. 一般公务用车." })
  name: string;

  @Field(() => Int, { description: "数量 count (辆, 台(套))." })
  count: number;
}

@ObjectType({ simpleResolvers: true, description: "说明中的数字 A figure the narrative states, kept to check against the tables." })
export class NarrativeClaim {
  amountFen: bigint | null;
  changeFen: bigint | null;
  budgetedFen: bigint | null;

  @Field(() => String, { description: "What the statement is about, e.g. EXPENDITURE_TOTAL, SUBJECT_SHARE." })
  topic: string;

  @Field(() => String, { description: "章节 the narrative section it appears in." })
  section: string;

  @Field(() => String, { nullable: true, description: "科目编码 the subject code the statement is about, if any." })
  subjectCode: string | null;

  @Field(() => String, { nullable: true, description: "名称 the name the narrative printed." })
  label: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "增减率 stated rate of change in percent, signed (\"-2.1\")." })
  ratePercent: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "占比 stated share in percent (\"53.1\")." })
  sharePercent: string | null;

  @Field(() => String, { nullable: true, description: "原因 the stated reason." })
  reason: string | null;

  @Field(() => PrintedUnit, { nullable: true, description: "印刷单位 the unit the narrative printed the amount in, where it is not the tables' (万元 in prose over tables in 元); it sets how much rounding the check against the tables allows." })
  printedUnit: PrintedUnit | null;

  @Field(() => DecimalScalar, { nullable: true, description: "金额 the stated amount." })
  amount(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.amountFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "增减额 the stated change, signed." })
  change(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.changeFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "年初预算 the year-begin budget a 决算's execution statement gives beside what was spent (amount)." })
  budgeted(@UnitArg() unit: MoneyUnit): string | null {
    return optionalMoney(this.budgetedFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "完成比例 the stated share of the year-begin budget spent, in percent (\"99.4\"), as a 决算 states it." })
  completionPercent: string | null;
}
