import { MigrationInterface, QueryRunner } from "typeorm";

/** API tokens (stored as hashes), and who made each audited change: token, role and request. */
export class ApiTokens1795820000000 implements MigrationInterface {
    name = 'ApiTokens1795820000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`api_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`token_hash\` varchar(64) NOT NULL, \`role\` varchar(16) NOT NULL, \`department_id\` int NULL, \`name\` varchar(200) NOT NULL, \`created_at\` datetime NOT NULL, \`created_by\` varchar(100) NOT NULL, \`expires_at\` datetime NOT NULL, \`revoked_at\` datetime NULL, \`last_used_at\` datetime NULL, UNIQUE INDEX \`uq_api_token_hash\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`audit_event\` ADD \`token_id\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`audit_event\` ADD \`role\` varchar(16) NULL`);
        await queryRunner.query(`ALTER TABLE \`audit_event\` ADD \`request_id\` varchar(64) NULL`);
        await queryRunner.query(`CREATE INDEX \`ix_audit_event_token\` ON \`audit_event\` (\`token_id\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_audit_event_token\` ON \`audit_event\``);
        await queryRunner.query(`ALTER TABLE \`audit_event\` DROP COLUMN \`request_id\``);
        await queryRunner.query(`ALTER TABLE \`audit_event\` DROP COLUMN \`role\``);
        await queryRunner.query(`ALTER TABLE \`audit_event\` DROP COLUMN \`token_id\``);
        await queryRunner.query(`DROP INDEX \`uq_api_token_hash\` ON \`api_token\``);
        await queryRunner.query(`DROP TABLE \`api_token\``);
    }
}
