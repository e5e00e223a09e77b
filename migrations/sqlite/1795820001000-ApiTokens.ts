import { MigrationInterface, QueryRunner } from "typeorm";

/** API tokens (stored as hashes), and who made each audited change: token, role and request. */
export class ApiTokens1795820001000 implements MigrationInterface {
    name = 'ApiTokens1795820001000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "api_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "token_hash" varchar(64) NOT NULL, "role" varchar(16) NOT NULL, "department_id" integer, "name" varchar(200) NOT NULL, "created_at" datetime NOT NULL, "created_by" varchar(100) NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime, "last_used_at" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_token_hash" ON "api_token" ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "audit_event" ADD COLUMN "token_id" integer`);
        await queryRunner.query(`ALTER TABLE "audit_event" ADD COLUMN "role" varchar(16)`);
        await queryRunner.query(`ALTER TABLE "audit_event" ADD COLUMN "request_id" varchar(64)`);
        await queryRunner.query(`CREATE INDEX "ix_audit_event_token" ON "audit_event" ("token_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_audit_event_token"`);
        await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "request_id"`);
        await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "role"`);
        await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "token_id"`);
        await queryRunner.query(`DROP INDEX "uq_api_token_hash"`);
        await queryRunner.query(`DROP TABLE "api_token"`);
    }
}
