import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** “三公” columns: the figures a 预算 states, or a 决算 spends (three_public_expense) and budgeted (three_public_budgeted). */
export abstract class ThreePublicColumns {
  @PrimaryColumn({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "total_fen", type: "bigint", nullable: true })
  totalFen: string | null;

  @Column({ name: "overseas_travel_fen", type: "bigint", nullable: true })
  overseasTravelFen: string | null;

  @Column({ name: "vehicles_fen", type: "bigint", nullable: true })
  vehiclesFen: string | null;

  @Column({ name: "vehicle_purchase_fen", type: "bigint", nullable: true })
  vehiclePurchaseFen: string | null;

  @Column({ name: "vehicle_operation_fen", type: "bigint", nullable: true })
  vehicleOperationFen: string | null;

  @Column({ name: "reception_fen", type: "bigint", nullable: true })
  receptionFen: string | null;
}

/** “三公”经费 as published; null where the document printed nothing. */
@Entity("three_public_expense")
export class ThreePublicExpenseEntity extends ThreePublicColumns {}

/** A 决算's “三公” 预算数, beside what it spent (three_public_expense). */
@Entity("three_public_budgeted")
export class ThreePublicBudgetedEntity extends ThreePublicColumns {}

/** 机构运转经费: the stated total and year-on-year change; items in operating_fund_item. */
@Entity("operating_funds")
export class OperatingFundsEntity {
  @PrimaryColumn({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "total_fen", type: "bigint", nullable: true })
  totalFen: string | null;

  @Column({ name: "change_fen", type: "bigint", nullable: true })
  changeFen: string | null;

  @Column({ type: "text", nullable: true })
  reason: string | null;
}

@Entity("operating_fund_item")
@Index("ix_operating_fund_item_budget", ["budgetId"])
export class OperatingFundItemEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ type: "int" })
  position: number;

  @Column({ type: "varchar", length: 100 })
  name: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;
}

/** 政府采购 by goods / works / services. */
@Entity("procurement")
export class ProcurementEntity {
  @PrimaryColumn({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "total_fen", type: "bigint", nullable: true })
  totalFen: string | null;

  @Column({ name: "goods_fen", type: "bigint", nullable: true })
  goodsFen: string | null;

  @Column({ name: "works_fen", type: "bigint", nullable: true })
  worksFen: string | null;

  @Column({ name: "services_fen", type: "bigint", nullable: true })
  servicesFen: string | null;
}

/** 国有资产占用: vehicles by kind, high-value equipment counts. */
@Entity("asset_holding")
@Index("ix_asset_holding_budget", ["budgetId"])
export class AssetHoldingEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  /** VEHICLE or EQUIPMENT. */
  @Column({ type: "varchar", length: 16 })
  kind: string;

  @Column({ type: "varchar", length: 100 })
  name: string;

  @Column({ type: "int" })
  count: number;
}

/** A figure the narrative states (total, share, year-on-year change), kept to check against the tables. */
@Entity("narrative_claim")
@Index("ix_narrative_claim_budget", ["budgetId"])
export class NarrativeClaimEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ type: "int" })
  position: number;

  @Column({ type: "varchar", length: 40 })
  topic: string;

  @Column({ type: "varchar", length: 100 })
  section: string;

  @Column({ name: "subject_code", type: "varchar", length: 7, nullable: true })
  subjectCode: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  label: string | null;

  @Column({ name: "amount_fen", type: "bigint", nullable: true })
  amountFen: string | null;

  @Column({ name: "change_fen", type: "bigint", nullable: true })
  changeFen: string | null;

  /** Exact decimal text, signed: "-2.1". */
  @Column({ name: "rate_percent", type: "varchar", length: 16, nullable: true })
  ratePercent: string | null;

  @Column({ name: "share_percent", type: "varchar", length: 16, nullable: true })
  sharePercent: string | null;

  @Column({ type: "text", nullable: true })
  reason: string | null;

  /** The unit the narrative printed the amount in, where it is not the document's. */
  @Column({ type: "varchar", length: 16, nullable: true })
  unit: string | null;

  /** A 决算's statement of execution: the year-begin budget stated beside the amount. */
  @Column({ name: "budgeted_fen", type: "bigint", nullable: true })
  budgetedFen: string | null;

  @Column({ name: "completion_percent", type: "varchar", length: 16, nullable: true })
  completionPercent: string | null;
}

/** One inconsistency (勾稽关系) found in a document or across documents. */
@Entity("discrepancy")
@Index("ix_discrepancy_budget", ["budgetId"])
export class DiscrepancyEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "rule_id", type: "varchar", length: 64 })
  ruleId: string;

  /** ROUNDING, MATERIAL, NAMING or STRUCTURE. */
  @Column({ type: "varchar", length: 16 })
  severity: string;

  @Column({ type: "text" })
  message: string;

  @Column({ type: "varchar", length: 300 })
  location: string;

  /** MONEY (values in 分), PERCENT or TEXT. */
  @Column({ name: "value_kind", type: "varchar", length: 8 })
  valueKind: string;

  /** Exact decimal text in the value kind's base unit (分 for money). */
  @Column({ type: "varchar", length: 40, nullable: true })
  stated: string | null;

  @Column({ type: "varchar", length: 40, nullable: true })
  computed: string | null;
}
