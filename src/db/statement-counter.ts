import type { Logger, QueryRunner } from "typeorm";
import { currentRequest } from "../ops/request-log";

/**
 * Counts every SQL statement TypeORM sends, so tests and the benchmark can prove how many
 * statements a GraphQL request costs. Prints nothing but errors unless DEBUG_SQL is set.
 */
export class StatementCounter implements Logger {
  count = 0;
  private readonly echo = Boolean(process.env.DEBUG_SQL);

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    this.count++;
    const request = currentRequest.getStore();
    if (request) request.statements++;
    if (this.echo) console.error(`[sql ${this.count}] ${query} ${parameters?.length ? JSON.stringify(parameters) : ""}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
