import { MigrationInterface, QueryRunner } from "typeorm";

/** A 决算's year-begin budget per 项 and in total, its “三公” 预算数, and the execution its narrative states. */
export class FinalAccounts1795810004000 implements MigrationInterface {
    name = 'FinalAccounts1795810004000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`year_begin_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`department_id\` int NOT NULL, \`year\` int NOT NULL, \`subject_code\` varchar(7) NOT NULL, \`amount_fen\` bigint NOT NULL, \`source_ref\` varchar(200) NULL, INDEX \`ix_year_begin_line_budget\` (\`budget_id\`, \`subject_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`three_public_budgeted\` (\`budget_id\` int NOT NULL, \`total_fen\` bigint NULL, \`overseas_travel_fen\` bigint NULL, \`vehicles_fen\` bigint NULL, \`vehicle_purchase_fen\` bigint NULL, \`vehicle_operation_fen\` bigint NULL, \`reception_fen\` bigint NULL, PRIMARY KEY (\`budget_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`department_budget\` ADD \`stated_year_begin_total\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`narrative_claim\` ADD \`budgeted_fen\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`narrative_claim\` ADD \`completion_percent\` varchar(16) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`narrative_claim\` DROP COLUMN \`completion_percent\``);
        await queryRunner.query(`ALTER TABLE \`narrative_claim\` DROP COLUMN \`budgeted_fen\``);
        await queryRunner.query(`ALTER TABLE \`department_budget\` DROP COLUMN \`stated_year_begin_total\``);
        await queryRunner.query(`DROP TABLE \`three_public_budgeted\``);
        await queryRunner.query(`DROP INDEX \`ix_year_begin_line_budget\` ON \`year_begin_line\``);
        await queryRunner.query(`DROP TABLE \`year_begin_line\``);
    }
}
