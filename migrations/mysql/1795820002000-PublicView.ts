import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Which version of a department-year-stage the public sees, apart from which one is current:
 * a new draft becomes current but must not hide the published version from the public.
 * Budgets loaded before drafts existed were public when current and PUBLISHED, and stay so.
 */
export class PublicView1795820002000 implements MigrationInterface {
    name = 'PublicView1795820002000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`department_budget\` ADD \`is_public\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`UPDATE \`department_budget\` SET \`is_public\` = 1 WHERE \`is_current\` = 1 AND \`status\` = 'PUBLISHED'`);
        await queryRunner.query(`CREATE INDEX \`ix_department_budget_public\` ON \`department_budget\` (\`year\`, \`is_public\`, \`department_id\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_department_budget_public\` ON \`department_budget\``);
        await queryRunner.query(`ALTER TABLE \`department_budget\` DROP COLUMN \`is_public\``);
    }
}
