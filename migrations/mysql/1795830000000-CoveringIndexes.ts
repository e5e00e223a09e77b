import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes that answer the aggregates alone (covering): a fact table's lines by year and code, or
 * by budget, carry the amount and whether the row printed its total, so a sum over them never
 * reads the table; the budgets in force of a year are found by stage too; the indicator search
 * finds a budget's targets by category, unit and value. Chosen from EXPLAIN of the bench's analyses.
 */
export class CoveringIndexes1795830000000 implements MigrationInterface {
    name = 'CoveringIndexes1795830000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_subject_row_total_agg\` ON \`subject_row_total\``);
        await queryRunner.query(`CREATE INDEX \`ix_subject_row_total_agg\` ON \`subject_row_total\` (\`year\`, \`subject_code\`, \`department_id\`, \`budget_id\`, \`amount_fen\`, \`printed\`)`);
        await queryRunner.query(`DROP INDEX \`ix_subject_row_total_budget\` ON \`subject_row_total\``);
        await queryRunner.query(`CREATE INDEX \`ix_subject_row_total_budget\` ON \`subject_row_total\` (\`budget_id\`, \`subject_code\`, \`year\`, \`department_id\`, \`amount_fen\`, \`printed\`)`);
        await queryRunner.query(`DROP INDEX \`ix_subject_line_agg\` ON \`subject_line\``);
        await queryRunner.query(`CREATE INDEX \`ix_subject_line_agg\` ON \`subject_line\` (\`year\`, \`subject_code\`, \`department_id\`, \`budget_id\`, \`kind\`, \`category\`, \`funding_source\`, \`amount_fen\`)`);
        await queryRunner.query(`DROP INDEX \`ix_department_budget_current\` ON \`department_budget\``);
        await queryRunner.query(`CREATE INDEX \`ix_department_budget_current\` ON \`department_budget\` (\`year\`, \`is_current\`, \`stage\`, \`department_id\`)`);
        await queryRunner.query(`DROP INDEX \`ix_department_budget_public\` ON \`department_budget\``);
        await queryRunner.query(`CREATE INDEX \`ix_department_budget_public\` ON \`department_budget\` (\`year\`, \`is_public\`, \`stage\`, \`department_id\`)`);
        await queryRunner.query(`CREATE INDEX \`ix_indicator_target\` ON \`performance_indicator\` (\`budget_id\`, \`category\`, \`target_unit\`, \`target_value_micro\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_indicator_target\` ON \`performance_indicator\``);
        await queryRunner.query(`DROP INDEX \`ix_department_budget_public\` ON \`department_budget\``);
        await queryRunner.query(`CREATE INDEX \`ix_department_budget_public\` ON \`department_budget\` (\`year\`, \`is_public\`, \`department_id\`)`);
        await queryRunner.query(`DROP INDEX \`ix_department_budget_current\` ON \`department_budget\``);
        await queryRunner.query(`CREATE INDEX \`ix_department_budget_current\` ON \`department_budget\` (\`year\`, \`is_current\`, \`department_id\`)`);
        await queryRunner.query(`DROP INDEX \`ix_subject_line_agg\` ON \`subject_line\``);
        await queryRunner.query(`CREATE INDEX \`ix_subject_line_agg\` ON \`subject_line\` (\`year\`, \`subject_code\`, \`department_id\`)`);
        await queryRunner.query(`DROP INDEX \`ix_subject_row_total_budget\` ON \`subject_row_total\``);
        await queryRunner.query(`CREATE INDEX \`ix_subject_row_total_budget\` ON \`subject_row_total\` (\`budget_id\`, \`subject_code\`)`);
        await queryRunner.query(`DROP INDEX \`ix_subject_row_total_agg\` ON \`subject_row_total\``);
        await queryRunner.query(`CREATE INDEX \`ix_subject_row_total_agg\` ON \`subject_row_total\` (\`year\`, \`subject_code\`, \`department_id\`)`);
    }
}
