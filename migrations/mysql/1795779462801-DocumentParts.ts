import { MigrationInterface, QueryRunner } from "typeorm";

export class DocumentParts1795779462801 implements MigrationInterface {
    name = 'DocumentParts1795779462801'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`published_figure\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`table_kind\` varchar(32) NOT NULL, \`row_label\` varchar(300) NOT NULL, \`column_label\` varchar(100) NOT NULL, \`subject_code\` varchar(7) NULL, \`amount_fen\` bigint NOT NULL, \`line\` int NULL, INDEX \`ix_published_figure_budget\` (\`budget_id\`, \`table_kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`document_table\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`kind\` varchar(32) NOT NULL, \`title\` varchar(200) NOT NULL, \`listed\` tinyint NOT NULL, \`present\` tinyint NOT NULL, \`row_count\` int NOT NULL, \`line\` int NULL, INDEX \`ix_document_table_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`document_text\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`position\` int NOT NULL, \`title\` varchar(300) NULL, \`body\` text NOT NULL, \`line\` int NULL, INDEX \`ix_document_text_budget\` (\`budget_id\`, \`kind\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_document_text_budget\` ON \`document_text\``);
        await queryRunner.query(`DROP TABLE \`document_text\``);
        await queryRunner.query(`DROP INDEX \`ix_document_table_budget\` ON \`document_table\``);
        await queryRunner.query(`DROP TABLE \`document_table\``);
        await queryRunner.query(`DROP INDEX \`ix_published_figure_budget\` ON \`published_figure\``);
        await queryRunner.query(`DROP TABLE \`published_figure\``);
    }

}
