import type { DataSource, EntityManager } from "typeorm";
import { forbidden } from "../../common/errors";
import type { Viewer } from "../../common/viewer";
import type { Row } from "../../db/sql";
import { IMPORT_WAIT_SECONDS, claimWriter, retryTransient, withWriteLock } from "../../db/write-lock";
import { recordAudit } from "../audit/audit.service";
import { publishPrintedNames } from "../classification/printed-names";
import type { BudgetService } from "./budget.service";
import type { BudgetStage } from "./budget.type";
import type { PublicationInput, PublicationPayload } from "./publication.type";

export interface PublicationKey {
  departmentCode: string;
  year: number;
  stage: BudgetStage;
}

/** What a publish or withdraw did: `done` false means nothing changed, and `message` says why. */
export interface PublicationOutcome {
  done: boolean;
  message: string;
  /** The version concerned: the one published, or the current one; null when there is none. */
  budgetId: number | null;
  /** The input field at fault when the key names nothing. */
  field: "departmentCode" | null;
}

/**
 * Publishing and withdrawing, for the finance bureau. Publishing makes the current version the
 * one the public sees (replacing the one it saw); withdrawing leaves none public. Each attempt,
 * done, refused or with nothing to do, leaves an audit row.
 */
export class PublicationService {
  constructor(
    private readonly ds: DataSource,
    private readonly viewer: Viewer,
    private readonly budgets: BudgetService,
    private readonly requestId?: string,
  ) {}

  private get allowed(): boolean {
    return this.viewer.role === "FINANCE" || this.viewer.role === "ADMIN";
  }

  async publishBudget(input: PublicationInput): Promise<PublicationPayload> {
    return this.payload(await this.publish(input));
  }

  async withdrawBudget(input: PublicationInput): Promise<PublicationPayload> {
    return this.payload(await this.withdraw(input));
  }

  /** The current version of the department-year-stage becomes PUBLISHED and the one the public sees. */
  publish(key: PublicationKey): Promise<PublicationOutcome> {
    return this.change("PUBLISH", key, async (m, versions, label) => {
      const current = versions.find((v) => Number(v.is_current))!;
      if (Number(current.is_public)) {
        return { done: false, budgetId: Number(current.id), field: null, message: `nothing to publish: version ${current.version} of ${label} is already the published one` };
      }
      await m.query("UPDATE department_budget SET is_public = 0 WHERE department_id = ? AND year = ? AND stage = ?", [current.department_id, key.year, key.stage]);
      await m.query("UPDATE department_budget SET is_public = 1, status = 'PUBLISHED' WHERE id = ?", [current.id]);
      await publishPrintedNames(m, Number(current.id), key.year);
      const replaced = versions.find((v) => Number(v.is_public));
      return {
        done: true, budgetId: Number(current.id), field: null,
        message: `published ${label} version ${current.version}${replaced ? ` (replacing version ${replaced.version} in public view)` : ""}`,
      };
    });
  }

  /**
   * No version of the department-year-stage stays public. Published versions become WITHDRAWN
   * (not DRAFT), so the record shows they were once public and the public's versions list drops them.
   */
  withdraw(key: PublicationKey): Promise<PublicationOutcome> {
    return this.change("WITHDRAW", key, async (m, versions, label) => {
      const current = versions.find((v) => Number(v.is_current))!;
      const shown = versions.filter((v) => Number(v.is_public) || v.status === "PUBLISHED");
      if (!shown.length) return { done: false, budgetId: Number(current.id), field: null, message: `nothing to withdraw: no version of ${label} is public` };
      await m.query(
        "UPDATE department_budget SET is_public = 0, status = CASE WHEN status = 'PUBLISHED' THEN 'WITHDRAWN' ELSE status END WHERE department_id = ? AND year = ? AND stage = ?",
        [current.department_id, key.year, key.stage],
      );
      return { done: true, budgetId: Number(current.id), field: null, message: `withdrew ${label}: no version of it is public now` };
    });
  }

  /**
   * One transaction: the versions of the department-year-stage, locked on MySQL so an import or
   * another publication waits, then the change and its audit row.
   */
  private async change(
    action: "PUBLISH" | "WITHDRAW",
    key: PublicationKey,
    apply: (m: EntityManager, versions: Row[], label: string) => Promise<PublicationOutcome>,
  ): Promise<PublicationOutcome> {
    const label = `${key.departmentCode} ${key.year} ${key.stage}`;
    const target = `${key.departmentCode}/${key.year}/${key.stage}`;
    if (!this.allowed) {
      await recordAudit(this.ds, { action, target, outcome: "REJECTED", detail: `role ${this.viewer.role} may not ${action.toLowerCase()}`, viewer: this.viewer, requestId: this.requestId });
      throw forbidden(`${action === "PUBLISH" ? "publishing" : "withdrawing"} a budget is for the finance bureau (role FINANCE or ADMIN)`);
    }
    const lock = this.ds.options.type === "better-sqlite3" ? "" : " FOR UPDATE";
    // Imports and publications write one at a time (see write-lock): on SQLite they share one connection.
    return withWriteLock(this.ds, IMPORT_WAIT_SECONDS * 1000, () => retryTransient(() => this.ds.transaction(async (m) => {
      await claimWriter(m);
      const versions: Row[] = await m.query(
        `SELECT b.id, b.department_id, b.version, b.is_current, b.is_public, b.status FROM department_budget b JOIN department d ON d.id = b.department_id
          WHERE d.code = ? AND b.year = ? AND b.stage = ? ORDER BY b.version${lock}`,
        [key.departmentCode, key.year, key.stage],
      );
      let outcome: PublicationOutcome;
      if (!versions.length) {
        const [known] = await m.query("SELECT id FROM department WHERE code = ?", [key.departmentCode]);
        const verb = action === "PUBLISH" ? "publish" : "withdraw";
        outcome = known
          ? { done: false, budgetId: null, field: null, message: `nothing to ${verb}: department ${key.departmentCode} has no ${key.year} ${key.stage} budget` }
          : { done: false, budgetId: null, field: "departmentCode", message: `nothing to ${verb}: there is no department ${key.departmentCode}` };
      } else {
        outcome = await apply(m, versions, label);
      }
      const version = versions.find((v) => Number(v.id) === outcome.budgetId)?.version;
      await recordAudit(m, {
        action, target: version === undefined ? target : `${target}/v${version}`, outcome: outcome.done ? "OK" : versions.length ? "NOOP" : "REJECTED",
        detail: outcome.message, viewer: this.viewer, requestId: this.requestId,
      });
      return outcome;
    })));
  }

  private async payload(o: PublicationOutcome): Promise<PublicationPayload> {
    return {
      budget: o.budgetId === null ? null : ((await this.budgets.byIds([o.budgetId]))[0] ?? null),
      userErrors: o.done ? [] : [{ message: o.message, field: o.field ? ["input", o.field] : null, line: null, location: null }],
    };
  }
}
