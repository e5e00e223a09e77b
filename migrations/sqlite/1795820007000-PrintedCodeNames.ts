import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The names each budget version printed for its codes: a draft's printing is kept here and enters
 * the shared code names only when the version is published. Budgets loaded before drafts existed
 * were published at import, so their printing is already in the shared names.
 */
export class PrintedCodeNames1795820007000 implements MigrationInterface {
    name = 'PrintedCodeNames1795820007000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "printed_code_name" ("budget_id" integer NOT NULL, "code_list" varchar(8) NOT NULL, "code" varchar(7) NOT NULL, "name" varchar(200) NOT NULL, PRIMARY KEY ("budget_id", "code_list", "code"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "printed_code_name"`);
    }
}
