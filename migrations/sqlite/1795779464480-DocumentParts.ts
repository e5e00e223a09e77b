import { MigrationInterface, QueryRunner } from "typeorm";

export class DocumentParts1795779464480 implements MigrationInterface {
    name = 'DocumentParts1795779464480'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "published_figure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "table_kind" varchar(32) NOT NULL, "row_label" varchar(300) NOT NULL, "column_label" varchar(100) NOT NULL, "subject_code" varchar(7), "amount_fen" bigint NOT NULL, "line" integer)`);
        await queryRunner.query(`CREATE INDEX "ix_published_figure_budget" ON "published_figure" ("budget_id", "table_kind") `);
        await queryRunner.query(`CREATE TABLE "document_table" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "kind" varchar(32) NOT NULL, "title" varchar(200) NOT NULL, "listed" boolean NOT NULL, "present" boolean NOT NULL, "row_count" integer NOT NULL, "line" integer)`);
        await queryRunner.query(`CREATE INDEX "ix_document_table_budget" ON "document_table" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "document_text" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "kind" varchar(24) NOT NULL, "position" integer NOT NULL, "title" varchar(300), "body" text NOT NULL, "line" integer)`);
        await queryRunner.query(`CREATE INDEX "ix_document_text_budget" ON "document_text" ("budget_id", "kind", "position") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_document_text_budget"`);
        await queryRunner.query(`DROP TABLE "document_text"`);
        await queryRunner.query(`DROP INDEX "ix_document_table_budget"`);
        await queryRunner.query(`DROP TABLE "document_table"`);
        await queryRunner.query(`DROP INDEX "ix_published_figure_budget"`);
        await queryRunner.query(`DROP TABLE "published_figure"`);
    }

}
