import { Field, ObjectType, registerEnumType } from "type-graphql";
import { enumOf, SEVERITIES, type SeverityCode, VALUE_KINDS, type ValueKindCode } from "../../common/vocabulary";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { Connection } from "../../common/relay";

export const DiscrepancySeverity = enumOf(SEVERITIES);
export type DiscrepancySeverity = SeverityCode;
registerEnumType(DiscrepancySeverity, {
  name: "DiscrepancySeverity",
  description: "勾稽差异等级 How serious an inconsistency is.",
  valuesConfig: {
    ROUNDING: { description: "尾差: explained by rounding each summed row to the printed precision" },
    MATERIAL: { description: "实质差异: more than rounding can explain" },
    NAMING: { description: "名称不一致: the same thing printed under different names or codes" },
    STRUCTURE: { description: "结构问题: a table missing, empty, or laid out against the standard" },
  },
});

export const DiscrepancyValueKind = enumOf(VALUE_KINDS);
export type DiscrepancyValueKind = ValueKindCode;
registerEnumType(DiscrepancyValueKind, {
  name: "DiscrepancyValueKind",
  description: "What the stated and computed values measure.",
  valuesConfig: {
    MONEY: { description: "金额: amounts, expressed in the field's `unit`" },
    PERCENT: { description: "百分比: percentages, e.g. a stated share" },
    TEXT: { description: "文本: names or codes; stated/computed are null" },
  },
});

@ObjectType({ simpleResolvers: true, description: "勾稽差异 One inconsistency found inside a document or between documents." })
export class Discrepancy {
  budgetId: number;
  /** Raw exact values: 分 for MONEY, percent for PERCENT. */
  statedRaw: string | null;
  computedRaw: string | null;

  @Field(() => String, { description: "规则 the check that found it, e.g. SUBJECT_ROWS_SUM." })
  ruleId: string;

  @Field(() => DiscrepancySeverity, { description: "等级 severity." })
  severity: DiscrepancySeverity;

  @Field(() => String, { description: "说明 what is wrong, in words." })
  message: string;

  @Field(() => String, { description: "位置 document, table and row (or narrative section)." })
  location: string;

  @Field(() => DiscrepancyValueKind, { description: "Whether stated/computed are money, percentages or text." })
  valueKind: DiscrepancyValueKind;

  @Field(() => DecimalScalar, { nullable: true, description: "公布数 the value the document states (money in `unit`); null for TEXT findings (see statedText)." })
  stated(@UnitArg() unit: MoneyUnit): string | null {
    return this.present(this.statedRaw, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "计算数 the value its rows add up to." })
  computed(@UnitArg() unit: MoneyUnit): string | null {
    return this.present(this.computedRaw, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "差额 stated minus computed." })
  difference(@UnitArg() unit: MoneyUnit): string | null {
    if (this.statedRaw === null || this.computedRaw === null || this.valueKind !== DiscrepancyValueKind.MONEY) return null;
    return money(BigInt(this.statedRaw) - BigInt(this.computedRaw), unit);
  }

  @Field(() => String, { nullable: true, description: "公布内容 what the document states, as text: a name or code for TEXT findings, the exact value otherwise (money in 分)." })
  statedText(): string | null {
    return this.statedRaw;
  }

  @Field(() => String, { nullable: true, description: "对照内容 what it was compared with, as text (money in 分)." })
  computedText(): string | null {
    return this.computedRaw;
  }

  private present(raw: string | null, unit: MoneyUnit): string | null {
    if (raw === null || this.valueKind === DiscrepancyValueKind.TEXT) return null;
    return this.valueKind === DiscrepancyValueKind.MONEY ? money(BigInt(raw), unit) : raw;
  }
}

export const DiscrepancyConnection = Connection(Discrepancy, "Discrepancy", "discrepancy", { term: "勾稽差异", plural: "discrepancies" });
