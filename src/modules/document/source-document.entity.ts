import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A document as received: what every stored figure traces back to. */
@Entity("source_document")
export class SourceDocumentEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "file_name", type: "varchar", length: 255 })
  fileName: string;

  /** sha256 of the bytes; the same document twice is a no-op. */
  @Index("uq_source_document_checksum", { unique: true })
  @Column({ type: "varchar", length: 64 })
  checksum: string;

  /** DISCLOSURE_TEXT or BUNDLE. */
  @Column({ type: "varchar", length: 16 })
  format: string;

  @Column({ name: "byte_size", type: "int" })
  byteSize: number;

  @Column({ name: "imported_at", type: "datetime" })
  importedAt: Date;

  @Column({ name: "imported_by", type: "varchar", length: 100 })
  importedBy: string;
}
