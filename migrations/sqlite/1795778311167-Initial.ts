import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795778311167 implements MigrationInterface {
    name = 'Initial1795778311167'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "occurred_at" datetime NOT NULL, "actor" varchar(100) NOT NULL, "action" varchar(40) NOT NULL, "target" varchar(200) NOT NULL, "checksum" varchar(64), "outcome" varchar(16) NOT NULL, "detail" text)`);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_at" ON "audit_event" ("occurred_at") `);
        await queryRunner.query(`CREATE TABLE "department_budget" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "department_id" integer NOT NULL, "year" integer NOT NULL, "stage" varchar(16) NOT NULL, "version" integer NOT NULL, "is_current" boolean NOT NULL, "status" varchar(16) NOT NULL, "source_document_id" integer, "title" varchar(200), "amount_unit" varchar(16) NOT NULL, "stated_income_total" bigint, "stated_expenditure_total" bigint, "stated_basic" bigint, "stated_project" bigint, "stated_personnel" bigint, "stated_public" bigint, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_department_budget_current" ON "department_budget" ("year", "is_current", "department_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_department_budget_version" ON "department_budget" ("department_id", "year", "stage", "version") `);
        await queryRunner.query(`CREATE TABLE "subject_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "department_id" integer NOT NULL, "year" integer NOT NULL, "unit_id" integer, "subject_code" varchar(7) NOT NULL, "kind" varchar(16) NOT NULL, "category" varchar(24) NOT NULL, "funding_source" varchar(24) NOT NULL, "amount_fen" bigint NOT NULL, "source_ref" varchar(200))`);
        await queryRunner.query(`CREATE INDEX "ix_subject_line_agg" ON "subject_line" ("year", "subject_code", "department_id") `);
        await queryRunner.query(`CREATE INDEX "ix_subject_line_budget" ON "subject_line" ("budget_id", "subject_code") `);
        await queryRunner.query(`CREATE TABLE "economic_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "department_id" integer NOT NULL, "year" integer NOT NULL, "unit_id" integer, "dept_economic_code" varchar(5) NOT NULL, "gov_economic_code" varchar(5) NOT NULL, "kind" varchar(16) NOT NULL, "funding_source" varchar(24) NOT NULL, "amount_fen" bigint NOT NULL, "source_ref" varchar(200))`);
        await queryRunner.query(`CREATE INDEX "ix_economic_line_gov" ON "economic_line" ("year", "gov_economic_code", "department_id") `);
        await queryRunner.query(`CREATE INDEX "ix_economic_line_dept" ON "economic_line" ("year", "dept_economic_code", "department_id") `);
        await queryRunner.query(`CREATE INDEX "ix_economic_line_budget" ON "economic_line" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "income_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "funding_source" varchar(24) NOT NULL, "label" varchar(100) NOT NULL, "amount_fen" bigint NOT NULL, "source_ref" varchar(200))`);
        await queryRunner.query(`CREATE INDEX "ix_income_line_budget" ON "income_line" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "three_public_expense" ("budget_id" integer PRIMARY KEY NOT NULL, "total_fen" bigint, "overseas_travel_fen" bigint, "vehicles_fen" bigint, "vehicle_purchase_fen" bigint, "vehicle_operation_fen" bigint, "reception_fen" bigint)`);
        await queryRunner.query(`CREATE TABLE "operating_funds" ("budget_id" integer PRIMARY KEY NOT NULL, "total_fen" bigint, "change_fen" bigint, "reason" text)`);
        await queryRunner.query(`CREATE TABLE "operating_fund_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "position" integer NOT NULL, "name" varchar(100) NOT NULL, "amount_fen" bigint NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_operating_fund_item_budget" ON "operating_fund_item" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "procurement" ("budget_id" integer PRIMARY KEY NOT NULL, "total_fen" bigint, "goods_fen" bigint, "works_fen" bigint, "services_fen" bigint)`);
        await queryRunner.query(`CREATE TABLE "asset_holding" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(100) NOT NULL, "count" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_asset_holding_budget" ON "asset_holding" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "narrative_claim" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "position" integer NOT NULL, "topic" varchar(40) NOT NULL, "section" varchar(100) NOT NULL, "subject_code" varchar(7), "label" varchar(200), "amount_fen" bigint, "change_fen" bigint, "rate_percent" varchar(16), "share_percent" varchar(16), "reason" text)`);
        await queryRunner.query(`CREATE INDEX "ix_narrative_claim_budget" ON "narrative_claim" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "discrepancy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "rule_id" varchar(64) NOT NULL, "severity" varchar(16) NOT NULL, "message" text NOT NULL, "location" varchar(300) NOT NULL, "value_kind" varchar(8) NOT NULL, "stated" varchar(40), "computed" varchar(40))`);
        await queryRunner.query(`CREATE INDEX "ix_discrepancy_budget" ON "discrepancy" ("budget_id") `);
        await queryRunner.query(`CREATE TABLE "budget_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "department_id" integer NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(200) NOT NULL, "is_self" boolean NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_budget_unit_department" ON "budget_unit" ("department_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_unit_code" ON "budget_unit" ("code") `);
        await queryRunner.query(`CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(200) NOT NULL, "short_name" varchar(100) NOT NULL, "region_code" varchar(6) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_department_code" ON "department" ("code") `);
        await queryRunner.query(`CREATE TABLE "source_document" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "file_name" varchar(255) NOT NULL, "checksum" varchar(64) NOT NULL, "format" varchar(16) NOT NULL, "byte_size" integer NOT NULL, "imported_at" datetime NOT NULL, "imported_by" varchar(100) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_source_document_checksum" ON "source_document" ("checksum") `);
        await queryRunner.query(`CREATE TABLE "economic_code" ("scheme" varchar(4) NOT NULL, "code" varchar(5) NOT NULL, "level" varchar(8) NOT NULL, "parent_code" varchar(5), PRIMARY KEY ("scheme", "code"))`);
        await queryRunner.query(`CREATE INDEX "ix_economic_code_parent" ON "economic_code" ("scheme", "parent_code") `);
        await queryRunner.query(`CREATE TABLE "economic_code_name" ("scheme" varchar(4) NOT NULL, "code" varchar(5) NOT NULL, "year" integer NOT NULL, "name" varchar(200) NOT NULL, "origin" varchar(16) NOT NULL, PRIMARY KEY ("scheme", "code", "year"))`);
        await queryRunner.query(`CREATE TABLE "fiscal_year" ("year" integer PRIMARY KEY NOT NULL, "code_list" varchar(100))`);
        await queryRunner.query(`CREATE TABLE "performance_indicator" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "project_id" integer, "scope" varchar(16) NOT NULL, "position" integer NOT NULL, "category" varchar(16), "level1" varchar(100), "level2" varchar(100), "name" varchar(300) NOT NULL, "target" varchar(300) NOT NULL, "comparator" varchar(2), "target_value" varchar(40), "target_value_micro" bigint, "target_unit" varchar(20), "explanation" text)`);
        await queryRunner.query(`CREATE INDEX "ix_indicator_budget" ON "performance_indicator" ("budget_id", "scope", "position") `);
        await queryRunner.query(`CREATE INDEX "ix_indicator_project" ON "performance_indicator" ("project_id", "position") `);
        await queryRunner.query(`CREATE TABLE "project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "department_id" integer NOT NULL, "year" integer NOT NULL, "position" integer NOT NULL, "code" varchar(32), "name" varchar(200) NOT NULL, "category" varchar(16) NOT NULL, "unit_id" integer, "subject_code" varchar(7), "amount_fen" bigint NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_project_code" ON "project" ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_project_year_dept" ON "project" ("year", "department_id") `);
        await queryRunner.query(`CREATE INDEX "ix_project_budget" ON "project" ("budget_id", "position") `);
        await queryRunner.query(`CREATE TABLE "project_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "funding_source" varchar(24) NOT NULL, "amount_fen" bigint NOT NULL, "source_ref" varchar(200))`);
        await queryRunner.query(`CREATE INDEX "ix_project_line_project" ON "project_line" ("project_id") `);
        await queryRunner.query(`CREATE TABLE "project_alias" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "code" varchar(32), "name" varchar(200) NOT NULL, "source" varchar(200) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_project_alias_project" ON "project_alias" ("project_id") `);
        await queryRunner.query(`CREATE TABLE "subject_code" ("code" varchar(7) PRIMARY KEY NOT NULL, "level" varchar(8) NOT NULL, "parent_code" varchar(7))`);
        await queryRunner.query(`CREATE INDEX "ix_subject_code_parent" ON "subject_code" ("parent_code") `);
        await queryRunner.query(`CREATE TABLE "subject_code_name" ("code" varchar(7) NOT NULL, "year" integer NOT NULL, "name" varchar(200) NOT NULL, "origin" varchar(16) NOT NULL, PRIMARY KEY ("code", "year"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "subject_code_name"`);
        await queryRunner.query(`DROP INDEX "ix_subject_code_parent"`);
        await queryRunner.query(`DROP TABLE "subject_code"`);
        await queryRunner.query(`DROP INDEX "ix_project_alias_project"`);
        await queryRunner.query(`DROP TABLE "project_alias"`);
        await queryRunner.query(`DROP INDEX "ix_project_line_project"`);
        await queryRunner.query(`DROP TABLE "project_line"`);
        await queryRunner.query(`DROP INDEX "ix_project_budget"`);
        await queryRunner.query(`DROP INDEX "ix_project_year_dept"`);
        await queryRunner.query(`DROP INDEX "ix_project_code"`);
        await queryRunner.query(`DROP TABLE "project"`);
        await queryRunner.query(`DROP INDEX "ix_indicator_project"`);
        await queryRunner.query(`DROP INDEX "ix_indicator_budget"`);
        await queryRunner.query(`DROP TABLE "performance_indicator"`);
        await queryRunner.query(`DROP TABLE "fiscal_year"`);
        await queryRunner.query(`DROP TABLE "economic_code_name"`);
        await queryRunner.query(`DROP INDEX "ix_economic_code_parent"`);
        await queryRunner.query(`DROP TABLE "economic_code"`);
        await queryRunner.query(`DROP INDEX "uq_source_document_checksum"`);
        await queryRunner.query(`DROP TABLE "source_document"`);
        await queryRunner.query(`DROP INDEX "uq_department_code"`);
        await queryRunner.query(`DROP TABLE "department"`);
        await queryRunner.query(`DROP INDEX "uq_budget_unit_code"`);
        await queryRunner.query(`DROP INDEX "ix_budget_unit_department"`);
        await queryRunner.query(`DROP TABLE "budget_unit"`);
        await queryRunner.query(`DROP INDEX "ix_discrepancy_budget"`);
        await queryRunner.query(`DROP TABLE "discrepancy"`);
        await queryRunner.query(`DROP INDEX "ix_narrative_claim_budget"`);
        await queryRunner.query(`DROP TABLE "narrative_claim"`);
        await queryRunner.query(`DROP INDEX "ix_asset_holding_budget"`);
        await queryRunner.query(`DROP TABLE "asset_holding"`);
        await queryRunner.query(`DROP TABLE "procurement"`);
        await queryRunner.query(`DROP INDEX "ix_operating_fund_item_budget"`);
        await queryRunner.query(`DROP TABLE "operating_fund_item"`);
        await queryRunner.query(`DROP TABLE "operating_funds"`);
        await queryRunner.query(`DROP TABLE "three_public_expense"`);
        await queryRunner.query(`DROP INDEX "ix_income_line_budget"`);
        await queryRunner.query(`DROP TABLE "income_line"`);
        await queryRunner.query(`DROP INDEX "ix_economic_line_budget"`);
        await queryRunner.query(`DROP INDEX "ix_economic_line_dept"`);
        await queryRunner.query(`DROP INDEX "ix_economic_line_gov"`);
        await queryRunner.query(`DROP TABLE "economic_line"`);
        await queryRunner.query(`DROP INDEX "ix_subject_line_budget"`);
        await queryRunner.query(`DROP INDEX "ix_subject_line_agg"`);
        await queryRunner.query(`DROP TABLE "subject_line"`);
        await queryRunner.query(`DROP INDEX "uq_department_budget_version"`);
        await queryRunner.query(`DROP INDEX "ix_department_budget_current"`);
        await queryRunner.query(`DROP TABLE "department_budget"`);
        await queryRunner.query(`DROP INDEX "ix_audit_event_at"`);
        await queryRunner.query(`DROP TABLE "audit_event"`);
    }

}
