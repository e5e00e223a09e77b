import { MigrationInterface, QueryRunner } from "typeorm";

/** A 决算's year-begin budget per 项 and in total, its “三公” 预算数, and the execution its narrative states. */
export class FinalAccounts1795810005000 implements MigrationInterface {
    name = 'FinalAccounts1795810005000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "year_begin_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "department_id" integer NOT NULL, "year" integer NOT NULL, "subject_code" varchar(7) NOT NULL, "amount_fen" bigint NOT NULL, "source_ref" varchar(200))`);
        await queryRunner.query(`CREATE INDEX "ix_year_begin_line_budget" ON "year_begin_line" ("budget_id", "subject_code") `);
        await queryRunner.query(`CREATE TABLE "three_public_budgeted" ("budget_id" integer PRIMARY KEY NOT NULL, "total_fen" bigint, "overseas_travel_fen" bigint, "vehicles_fen" bigint, "vehicle_purchase_fen" bigint, "vehicle_operation_fen" bigint, "reception_fen" bigint)`);
        await queryRunner.query(`ALTER TABLE "department_budget" ADD COLUMN "stated_year_begin_total" bigint`);
        await queryRunner.query(`ALTER TABLE "narrative_claim" ADD COLUMN "budgeted_fen" bigint`);
        await queryRunner.query(`ALTER TABLE "narrative_claim" ADD COLUMN "completion_percent" varchar(16)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "narrative_claim" DROP COLUMN "completion_percent"`);
        await queryRunner.query(`ALTER TABLE "narrative_claim" DROP COLUMN "budgeted_fen"`);
        await queryRunner.query(`ALTER TABLE "department_budget" DROP COLUMN "stated_year_begin_total"`);
        await queryRunner.query(`DROP TABLE "three_public_budgeted"`);
        await queryRunner.query(`DROP INDEX "ix_year_begin_line_budget"`);
        await queryRunner.query(`DROP TABLE "year_begin_line"`);
    }
}
