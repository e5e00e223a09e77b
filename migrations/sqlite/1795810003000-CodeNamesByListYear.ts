import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Names from a shipped code list belong to the list's year. Imports used to store the names of
 * the list nearest a document's year under the document's year (2023 names labelled 2022 for a
 * 2022 document); such a name moves to its list's year where that year has none, and the copy is
 * dropped. Only the 2023 list had shipped when this was written, so every list name of another
 * year is such a copy. Names a document printed (origin DOCUMENT) are that document's year's and stay.
 */
export class CodeNamesByListYear1795810003000 implements MigrationInterface {
    name = 'CodeNamesByListYear1795810003000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`INSERT INTO "subject_code_name" ("code", "year", "name", "origin")
            SELECT n.code, 2023, MIN(n.name), 'CODE_LIST' FROM "subject_code_name" n
             WHERE n.origin = 'CODE_LIST' AND n.year <> 2023
               AND NOT EXISTS (SELECT 1 FROM "subject_code_name" o WHERE o.code = n.code AND o.year = 2023)
             GROUP BY n.code`);
        await queryRunner.query(`DELETE FROM "subject_code_name" WHERE "origin" = 'CODE_LIST' AND "year" <> 2023`);
        await queryRunner.query(`INSERT INTO "economic_code_name" ("scheme", "code", "year", "name", "origin")
            SELECT n.scheme, n.code, 2023, MIN(n.name), 'CODE_LIST' FROM "economic_code_name" n
             WHERE n.origin = 'CODE_LIST' AND n.year <> 2023
               AND NOT EXISTS (SELECT 1 FROM "economic_code_name" o WHERE o.scheme = n.scheme AND o.code = n.code AND o.year = 2023)
             GROUP BY n.scheme, n.code`);
        await queryRunner.query(`DELETE FROM "economic_code_name" WHERE "origin" = 'CODE_LIST' AND "year" <> 2023`);
    }

    public async down(): Promise<void> {
        // The copies carried no information of their own: nothing to put back.
    }
}
