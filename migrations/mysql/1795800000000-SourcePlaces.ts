import { MigrationInterface, QueryRunner } from "typeorm";

/** Where each printed figure and table is in its file (page and line, sheet and cell), and the units tables and narrative figures were printed in. */
export class SourcePlaces1795800000000 implements MigrationInterface {
    name = 'SourcePlaces1795800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`published_figure\` ADD \`location\` varchar(300) NULL`);
        await queryRunner.query(`ALTER TABLE \`document_table\` ADD \`location\` varchar(300) NULL`);
        await queryRunner.query(`ALTER TABLE \`document_table\` ADD \`unit\` varchar(16) NULL`);
        await queryRunner.query(`ALTER TABLE \`narrative_claim\` ADD \`unit\` varchar(16) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`narrative_claim\` DROP COLUMN \`unit\``);
        await queryRunner.query(`ALTER TABLE \`document_table\` DROP COLUMN \`unit\``);
        await queryRunner.query(`ALTER TABLE \`document_table\` DROP COLUMN \`location\``);
        await queryRunner.query(`ALTER TABLE \`published_figure\` DROP COLUMN \`location\``);
    }
}
