import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity("department")
export class DepartmentEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Index("uq_department_code", { unique: true })
  @Column({ type: "varchar", length: 16 })
  code: string;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ name: "short_name", type: "varchar", length: 100 })
  shortName: string;

  /** 行政区划代码 of the zone, "410191". */
  @Column({ name: "region_code", type: "varchar", length: 6 })
  regionCode: string;
}
