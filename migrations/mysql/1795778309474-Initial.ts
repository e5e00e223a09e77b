import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795778309474 implements MigrationInterface {
    name = 'Initial1795778309474'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`audit_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`occurred_at\` datetime NOT NULL, \`actor\` varchar(100) NOT NULL, \`action\` varchar(40) NOT NULL, \`target\` varchar(200) NOT NULL, \`checksum\` varchar(64) NULL, \`outcome\` varchar(16) NOT NULL, \`detail\` text NULL, INDEX \`ix_audit_event_at\` (\`occurred_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`department_budget\` (\`id\` int NOT NULL AUTO_INCREMENT, \`department_id\` int NOT NULL, \`year\` int NOT NULL, \`stage\` varchar(16) NOT NULL, \`version\` int NOT NULL, \`is_current\` tinyint NOT NULL, \`status\` varchar(16) NOT NULL, \`source_document_id\` int NULL, \`title\` varchar(200) NULL, \`amount_unit\` varchar(16) NOT NULL, \`stated_income_total\` bigint NULL, \`stated_expenditure_total\` bigint NULL, \`stated_basic\` bigint NULL, \`stated_project\` bigint NULL, \`stated_personnel\` bigint NULL, \`stated_public\` bigint NULL, \`created_at\` datetime NOT NULL, INDEX \`ix_department_budget_current\` (\`year\`, \`is_current\`, \`department_id\`), UNIQUE INDEX \`uq_department_budget_version\` (\`department_id\`, \`year\`, \`stage\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subject_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`department_id\` int NOT NULL, \`year\` int NOT NULL, \`unit_id\` int NULL, \`subject_code\` varchar(7) NOT NULL, \`kind\` varchar(16) NOT NULL, \`category\` varchar(24) NOT NULL, \`funding_source\` varchar(24) NOT NULL, \`amount_fen\` bigint NOT NULL, \`source_ref\` varchar(200) NULL, INDEX \`ix_subject_line_agg\` (\`year\`, \`subject_code\`, \`department_id\`), INDEX \`ix_subject_line_budget\` (\`budget_id\`, \`subject_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`economic_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`department_id\` int NOT NULL, \`year\` int NOT NULL, \`unit_id\` int NULL, \`dept_economic_code\` varchar(5) NOT NULL, \`gov_economic_code\` varchar(5) NOT NULL, \`kind\` varchar(16) NOT NULL, \`funding_source\` varchar(24) NOT NULL, \`amount_fen\` bigint NOT NULL, \`source_ref\` varchar(200) NULL, INDEX \`ix_economic_line_gov\` (\`year\`, \`gov_economic_code\`, \`department_id\`), INDEX \`ix_economic_line_dept\` (\`year\`, \`dept_economic_code\`, \`department_id\`), INDEX \`ix_economic_line_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`income_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`funding_source\` varchar(24) NOT NULL, \`label\` varchar(100) NOT NULL, \`amount_fen\` bigint NOT NULL, \`source_ref\` varchar(200) NULL, INDEX \`ix_income_line_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`three_public_expense\` (\`budget_id\` int NOT NULL, \`total_fen\` bigint NULL, \`overseas_travel_fen\` bigint NULL, \`vehicles_fen\` bigint NULL, \`vehicle_purchase_fen\` bigint NULL, \`vehicle_operation_fen\` bigint NULL, \`reception_fen\` bigint NULL, PRIMARY KEY (\`budget_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`operating_funds\` (\`budget_id\` int NOT NULL, \`total_fen\` bigint NULL, \`change_fen\` bigint NULL, \`reason\` text NULL, PRIMARY KEY (\`budget_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`operating_fund_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`position\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`amount_fen\` bigint NOT NULL, INDEX \`ix_operating_fund_item_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`procurement\` (\`budget_id\` int NOT NULL, \`total_fen\` bigint NULL, \`goods_fen\` bigint NULL, \`works_fen\` bigint NULL, \`services_fen\` bigint NULL, PRIMARY KEY (\`budget_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`asset_holding\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`name\` varchar(100) NOT NULL, \`count\` int NOT NULL, INDEX \`ix_asset_holding_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`narrative_claim\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`position\` int NOT NULL, \`topic\` varchar(40) NOT NULL, \`section\` varchar(100) NOT NULL, \`subject_code\` varchar(7) NULL, \`label\` varchar(200) NULL, \`amount_fen\` bigint NULL, \`change_fen\` bigint NULL, \`rate_percent\` varchar(16) NULL, \`share_percent\` varchar(16) NULL, \`reason\` text NULL, INDEX \`ix_narrative_claim_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`discrepancy\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`rule_id\` varchar(64) NOT NULL, \`severity\` varchar(16) NOT NULL, \`message\` text NOT NULL, \`location\` varchar(300) NOT NULL, \`value_kind\` varchar(8) NOT NULL, \`stated\` varchar(40) NULL, \`computed\` varchar(40) NULL, INDEX \`ix_discrepancy_budget\` (\`budget_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`budget_unit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`department_id\` int NOT NULL, \`code\` varchar(16) NOT NULL, \`name\` varchar(200) NOT NULL, \`is_self\` tinyint NOT NULL, INDEX \`ix_budget_unit_department\` (\`department_id\`), UNIQUE INDEX \`uq_budget_unit_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`department\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(16) NOT NULL, \`name\` varchar(200) NOT NULL, \`short_name\` varchar(100) NOT NULL, \`region_code\` varchar(6) NOT NULL, UNIQUE INDEX \`uq_department_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`source_document\` (\`id\` int NOT NULL AUTO_INCREMENT, \`file_name\` varchar(255) NOT NULL, \`checksum\` varchar(64) NOT NULL, \`format\` varchar(16) NOT NULL, \`byte_size\` int NOT NULL, \`imported_at\` datetime NOT NULL, \`imported_by\` varchar(100) NOT NULL, UNIQUE INDEX \`uq_source_document_checksum\` (\`checksum\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`economic_code\` (\`scheme\` varchar(4) NOT NULL, \`code\` varchar(5) NOT NULL, \`level\` varchar(8) NOT NULL, \`parent_code\` varchar(5) NULL, INDEX \`ix_economic_code_parent\` (\`scheme\`, \`parent_code\`), PRIMARY KEY (\`scheme\`, \`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`economic_code_name\` (\`scheme\` varchar(4) NOT NULL, \`code\` varchar(5) NOT NULL, \`year\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`origin\` varchar(16) NOT NULL, PRIMARY KEY (\`scheme\`, \`code\`, \`year\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`fiscal_year\` (\`year\` int NOT NULL, \`code_list\` varchar(100) NULL, PRIMARY KEY (\`year\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`performance_indicator\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`project_id\` int NULL, \`scope\` varchar(16) NOT NULL, \`position\` int NOT NULL, \`category\` varchar(16) NULL, \`level1\` varchar(100) NULL, \`level2\` varchar(100) NULL, \`name\` varchar(300) NOT NULL, \`target\` varchar(300) NOT NULL, \`comparator\` varchar(2) NULL, \`target_value\` varchar(40) NULL, \`target_value_micro\` bigint NULL, \`target_unit\` varchar(20) NULL, \`explanation\` text NULL, INDEX \`ix_indicator_budget\` (\`budget_id\`, \`scope\`, \`position\`), INDEX \`ix_indicator_project\` (\`project_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`project\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`department_id\` int NOT NULL, \`year\` int NOT NULL, \`position\` int NOT NULL, \`code\` varchar(32) NULL, \`name\` varchar(200) NOT NULL, \`category\` varchar(16) NOT NULL, \`unit_id\` int NULL, \`subject_code\` varchar(7) NULL, \`amount_fen\` bigint NOT NULL, INDEX \`ix_project_code\` (\`code\`), INDEX \`ix_project_year_dept\` (\`year\`, \`department_id\`), INDEX \`ix_project_budget\` (\`budget_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`project_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`project_id\` int NOT NULL, \`funding_source\` varchar(24) NOT NULL, \`amount_fen\` bigint NOT NULL, \`source_ref\` varchar(200) NULL, INDEX \`ix_project_line_project\` (\`project_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`project_alias\` (\`id\` int NOT NULL AUTO_INCREMENT, \`project_id\` int NOT NULL, \`code\` varchar(32) NULL, \`name\` varchar(200) NOT NULL, \`source\` varchar(200) NOT NULL, INDEX \`ix_project_alias_project\` (\`project_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subject_code\` (\`code\` varchar(7) NOT NULL, \`level\` varchar(8) NOT NULL, \`parent_code\` varchar(7) NULL, INDEX \`ix_subject_code_parent\` (\`parent_code\`), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subject_code_name\` (\`code\` varchar(7) NOT NULL, \`year\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`origin\` varchar(16) NOT NULL, PRIMARY KEY (\`code\`, \`year\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`subject_code_name\``);
        await queryRunner.query(`DROP INDEX \`ix_subject_code_parent\` ON \`subject_code\``);
        await queryRunner.query(`DROP TABLE \`subject_code\``);
        await queryRunner.query(`DROP INDEX \`ix_project_alias_project\` ON \`project_alias\``);
        await queryRunner.query(`DROP TABLE \`project_alias\``);
        await queryRunner.query(`DROP INDEX \`ix_project_line_project\` ON \`project_line\``);
        await queryRunner.query(`DROP TABLE \`project_line\``);
        await queryRunner.query(`DROP INDEX \`ix_project_budget\` ON \`project\``);
        await queryRunner.query(`DROP INDEX \`ix_project_year_dept\` ON \`project\``);
        await queryRunner.query(`DROP INDEX \`ix_project_code\` ON \`project\``);
        await queryRunner.query(`DROP TABLE \`project\``);
        await queryRunner.query(`DROP INDEX \`ix_indicator_project\` ON \`performance_indicator\``);
        await queryRunner.query(`DROP INDEX \`ix_indicator_budget\` ON \`performance_indicator\``);
        await queryRunner.query(`DROP TABLE \`performance_indicator\``);
        await queryRunner.query(`DROP TABLE \`fiscal_year\``);
        await queryRunner.query(`DROP TABLE \`economic_code_name\``);
        await queryRunner.query(`DROP INDEX \`ix_economic_code_parent\` ON \`economic_code\``);
        await queryRunner.query(`DROP TABLE \`economic_code\``);
        await queryRunner.query(`DROP INDEX \`uq_source_document_checksum\` ON \`source_document\``);
        await queryRunner.query(`DROP TABLE \`source_document\``);
        await queryRunner.query(`DROP INDEX \`uq_department_code\` ON \`department\``);
        await queryRunner.query(`DROP TABLE \`department\``);
        await queryRunner.query(`DROP INDEX \`uq_budget_unit_code\` ON \`budget_unit\``);
        await queryRunner.query(`DROP INDEX \`ix_budget_unit_department\` ON \`budget_unit\``);
        await queryRunner.query(`DROP TABLE \`budget_unit\``);
        await queryRunner.query(`DROP INDEX \`ix_discrepancy_budget\` ON \`discrepancy\``);
        await queryRunner.query(`DROP TABLE \`discrepancy\``);
        await queryRunner.query(`DROP INDEX \`ix_narrative_claim_budget\` ON \`narrative_claim\``);
        await queryRunner.query(`DROP TABLE \`narrative_claim\``);
        await queryRunner.query(`DROP INDEX \`ix_asset_holding_budget\` ON \`asset_holding\``);
        await queryRunner.query(`DROP TABLE \`asset_holding\``);
        await queryRunner.query(`DROP TABLE \`procurement\``);
        await queryRunner.query(`DROP INDEX \`ix_operating_fund_item_budget\` ON \`operating_fund_item\``);
        await queryRunner.query(`DROP TABLE \`operating_fund_item\``);
        await queryRunner.query(`DROP TABLE \`operating_funds\``);
        await queryRunner.query(`DROP TABLE \`three_public_expense\``);
        await queryRunner.query(`DROP INDEX \`ix_income_line_budget\` ON \`income_line\``);
        await queryRunner.query(`DROP TABLE \`income_line\``);
        await queryRunner.query(`DROP INDEX \`ix_economic_line_budget\` ON \`economic_line\``);
        await queryRunner.query(`DROP INDEX \`ix_economic_line_dept\` ON \`economic_line\``);
        await queryRunner.query(`DROP INDEX \`ix_economic_line_gov\` ON \`economic_line\``);
        await queryRunner.query(`DROP TABLE \`economic_line\``);
        await queryRunner.query(`DROP INDEX \`ix_subject_line_budget\` ON \`subject_line\``);
        await queryRunner.query(`DROP INDEX \`ix_subject_line_agg\` ON \`subject_line\``);
        await queryRunner.query(`DROP TABLE \`subject_line\``);
        await queryRunner.query(`DROP INDEX \`uq_department_budget_version\` ON \`department_budget\``);
        await queryRunner.query(`DROP INDEX \`ix_department_budget_current\` ON \`department_budget\``);
        await queryRunner.query(`DROP TABLE \`department_budget\``);
        await queryRunner.query(`DROP INDEX \`ix_audit_event_at\` ON \`audit_event\``);
        await queryRunner.query(`DROP TABLE \`audit_event\``);
    }

}
