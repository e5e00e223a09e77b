import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7). */
@Entity("subject_code")
export class SubjectCodeEntity {
  @PrimaryColumn({ type: "varchar", length: 7 })
  code: string;

  @Column({ type: "varchar", length: 8 })
  level: string;

  @Index("ix_subject_code_parent")
  @Column({ name: "parent_code", type: "varchar", length: 7, nullable: true })
  parentCode: string | null;
}

/** Names change between years' code lists, so a name belongs to a (code, year). */
@Entity("subject_code_name")
export class SubjectCodeNameEntity {
  @PrimaryColumn({ type: "varchar", length: 7 })
  code: string;

  @PrimaryColumn({ type: "int" })
  year: number;

  @Column({ type: "varchar", length: 200 })
  name: string;

  /** CODE_LIST (shipped list) or DOCUMENT (printed by an imported document; wins for its year). */
  @Column({ type: "varchar", length: 16 })
  origin: string;
}
