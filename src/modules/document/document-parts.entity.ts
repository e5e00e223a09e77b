import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Every figure a document printed outside the fact lines (totals, subtotals, stated budgets), with its place. */
@Entity("published_figure")
@Index("ix_published_figure_budget", ["budgetId", "tableKind"])
export class PublishedFigureEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  /** Which table printed it (OVERVIEW, EXPENDITURE …) or NARRATIVE. */
  @Column({ name: "table_kind", type: "varchar", length: 32 })
  tableKind: string;

  @Column({ name: "row_label", type: "varchar", length: 300 })
  rowLabel: string;

  @Column({ name: "column_label", type: "varchar", length: 100 })
  columnLabel: string;

  @Column({ name: "subject_code", type: "varchar", length: 7, nullable: true })
  subjectCode: string | null;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  @Column({ type: "int", nullable: true })
  line: number | null;

  /** Where it is printed: "a.txt:12", "a.pdf page 3 line 4", "a.xlsx 收支总表!B7". */
  @Column({ type: "varchar", length: 300, nullable: true })
  location: string | null;
}

/** The document's tables: listed in its contents, present, and how many rows they had. */
@Entity("document_table")
@Index("ix_document_table_budget", ["budgetId"])
export class DocumentTableEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ type: "varchar", length: 32 })
  kind: string;

  @Column({ type: "varchar", length: 200 })
  title: string;

  @Column({ type: "boolean" })
  listed: boolean;

  @Column({ type: "boolean" })
  present: boolean;

  @Column({ name: "row_count", type: "int" })
  rowCount: number;

  @Column({ type: "int", nullable: true })
  line: number | null;

  @Column({ type: "varchar", length: 300, nullable: true })
  location: string | null;

  /** The unit the table printed (YUAN, THOUSAND_YUAN, WAN_YUAN), where it printed one. */
  @Column({ type: "varchar", length: 16, nullable: true })
  unit: string | null;
}

/** Narrative text kept as printed: duties, unit structure, annual goals and tasks. */
@Entity("document_text")
@Index("ix_document_text_budget", ["budgetId", "kind", "position"])
export class DocumentTextEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  /** DUTY, DIVISIONS, GOALS, TASK, SPECIAL_TRANSFERS. */
  @Column({ type: "varchar", length: 24 })
  kind: string;

  @Column({ type: "int" })
  position: number;

  @Column({ type: "varchar", length: 300, nullable: true })
  title: string | null;

  @Column({ type: "text" })
  body: string;

  @Column({ type: "int", nullable: true })
  line: number | null;
}
