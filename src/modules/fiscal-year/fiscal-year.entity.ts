import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("fiscal_year")
export class FiscalYearEntity {
  @PrimaryColumn({ type: "int" })
  year: number;

  /** Which official code list names this year's codes, e.g. "2023年政府收支分类科目". */
  @Column({ name: "code_list", type: "varchar", length: 100, nullable: true })
  codeList: string | null;
}
