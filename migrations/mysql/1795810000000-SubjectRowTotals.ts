import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The printed total of each subject table row (its 合计), stored beside the row's cells. Budgets
 * already loaded get theirs from the figures they printed (the 部门支出总体情况表's 合计 column,
 * kept in published_figure); a row that printed none counts as the sum of its lines (printed = 0).
 */
export class SubjectRowTotals1795810000000 implements MigrationInterface {
    name = 'SubjectRowTotals1795810000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`subject_row_total\` (\`id\` int NOT NULL AUTO_INCREMENT, \`budget_id\` int NOT NULL, \`department_id\` int NOT NULL, \`year\` int NOT NULL, \`unit_id\` int NULL, \`subject_code\` varchar(7) NOT NULL, \`amount_fen\` bigint NOT NULL, \`printed\` tinyint NOT NULL, \`source_ref\` varchar(200) NULL, INDEX \`ix_subject_row_total_agg\` (\`year\`, \`subject_code\`, \`department_id\`), INDEX \`ix_subject_row_total_budget\` (\`budget_id\`, \`subject_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`INSERT INTO \`subject_row_total\` (\`budget_id\`, \`department_id\`, \`year\`, \`unit_id\`, \`subject_code\`, \`amount_fen\`, \`printed\`, \`source_ref\`)
            SELECT f.budget_id, b.department_id, b.year,
                   COALESCE((SELECT MIN(l.unit_id) FROM subject_line l WHERE l.budget_id = f.budget_id AND l.subject_code = f.subject_code),
                            (SELECT MIN(u.id) FROM budget_unit u WHERE u.department_id = b.department_id AND u.is_self = 1)),
                   f.subject_code, f.amount_fen, 1,
                   CASE WHEN f.location IS NULL THEN NULL ELSE LEFT(CONCAT(f.location, ' 部门支出总体情况表 ', f.subject_code, ' 合计'), 200) END
              FROM published_figure f JOIN department_budget b ON b.id = f.budget_id
             WHERE f.table_kind = 'EXPENDITURE' AND f.column_label = '合计' AND f.subject_code IS NOT NULL AND CHAR_LENGTH(f.subject_code) = 7
             ORDER BY f.id`);
        await queryRunner.query(`INSERT INTO \`subject_row_total\` (\`budget_id\`, \`department_id\`, \`year\`, \`unit_id\`, \`subject_code\`, \`amount_fen\`, \`printed\`, \`source_ref\`)
            SELECT l.budget_id, l.department_id, l.year, l.unit_id, l.subject_code, SUM(l.amount_fen), 0, NULL
              FROM subject_line l
             WHERE NOT EXISTS (SELECT 1 FROM published_figure f WHERE f.budget_id = l.budget_id AND f.table_kind = 'EXPENDITURE' AND f.column_label = '合计' AND f.subject_code = l.subject_code)
             GROUP BY l.budget_id, l.department_id, l.year, l.unit_id, l.subject_code
             ORDER BY l.budget_id, l.subject_code`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_subject_row_total_budget\` ON \`subject_row_total\``);
        await queryRunner.query(`DROP INDEX \`ix_subject_row_total_agg\` ON \`subject_row_total\``);
        await queryRunner.query(`DROP TABLE \`subject_row_total\``);
    }
}
