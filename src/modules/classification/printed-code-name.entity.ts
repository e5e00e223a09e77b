import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The names one budget version printed for its codes. A draft's printing stays here, out of the
 * shared code names every caller reads, until the version is published (see printed-names.ts).
 */
@Entity("printed_code_name")
export class PrintedCodeNameEntity {
  @PrimaryColumn({ name: "budget_id", type: "int" })
  budgetId: number;

  /** SUBJECT (功能分类), DEPT (部门经济分类) or GOV (政府经济分类). */
  @PrimaryColumn({ name: "code_list", type: "varchar", length: 8 })
  codeList: string;

  @PrimaryColumn({ type: "varchar", length: 7 })
  code: string;

  @Column({ type: "varchar", length: 200 })
  name: string;
}
