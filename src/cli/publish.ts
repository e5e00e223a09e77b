import type { DataSource } from "typeorm";
import { loadConfig } from "../config";
import type { Viewer } from "../common/viewer";
import { Sql } from "../db/sql";
import { openPlatformDatabase } from "../platform";
import { STAGE_PROBLEM, stageArgument } from "./args";
import { BudgetService } from "../modules/budget/budget.service";
import type { BudgetStage } from "../modules/budget/budget.type";
import { PublicationService } from "../modules/budget/publication.service";

export const PUBLISH_USAGE = `  publish <department> <year> [--stage BUDGET|ADJUSTED|FINAL] [--json]
                                           make the current version the one the public sees (it
                                           replaces the version published before); stage BUDGET unless given
  withdraw <department> <year> [--stage BUDGET|ADJUSTED|FINAL] [--json]
                                           take the department-year-stage out of public view
                                           (--json prints { done, message, department, year, stage })`;

/**
 * `publish` and `withdraw`: exit 0 when done, 1 when there was nothing to do (the message says
 * why), 2 for bad usage. Whoever runs the command line acts as the finance bureau.
 */
export async function runPublication(command: "publish" | "withdraw", argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === "string") {
    console.error(`${parsed}\n\nusage:\n${PUBLISH_USAGE}`);
    return 2;
  }
  const viewer: Viewer = { role: "FINANCE", actor: `cli:${process.env.USER ?? "unknown"}` };
  const ds = await openPlatformDatabase(loadConfig().database);
  try {
    const service = new PublicationService(ds, viewer, new BudgetService(new Sql(ds), viewer));
    const outcome = command === "publish" ? await service.publish(parsed) : await service.withdraw(parsed);
    if (parsed.json) {
      const { departmentCode: department, year, stage } = parsed;
      console.log(JSON.stringify({ command, done: outcome.done, message: outcome.message, department, year, stage }, null, 2));
    } else if (outcome.done) console.log(outcome.message);
    else console.error(outcome.message);
    return outcome.done ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

export function parse(argv: string[]): { departmentCode: string; year: number; stage: BudgetStage; json: boolean } | string {
  const positional: string[] = [];
  let stage: BudgetStage = "BUDGET" as BudgetStage;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--stage") {
      const given = stageArgument(argv[++i]);
      if (!given) return STAGE_PROBLEM;
      stage = given as BudgetStage;
    } else if (a === "--json") json = true;
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else positional.push(a);
  }
  if (positional.length !== 2) return "give a department code and a year";
  const [departmentCode, yearText] = positional as [string, string];
  if (!/^\d{4}$/.test(yearText)) return `${yearText} is not a year`;
  return { departmentCode, year: Number(yearText), stage, json };
}

/**
 * `import --publish` for the files the import did not write as published: bytes imported before
 * (already in force, or a replaced version put back in force). Each is published like `publish`
 * would; the message goes with the import's output.
 */
export async function publishImported(ds: DataSource, imported: { status: string; department?: string; year?: number; stage?: string }[], quiet: boolean): Promise<void> {
  const viewer: Viewer = { role: "FINANCE", actor: `cli:${process.env.USER ?? "unknown"}` };
  const service = new PublicationService(ds, viewer, new BudgetService(new Sql(ds), viewer));
  for (const s of imported) {
    if (s.status !== "imported" && s.status !== "unchanged") continue;
    const [row] = await ds.query(
      "SELECT b.is_public FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = ? AND b.stage = ? AND b.is_current = 1",
      [s.department, s.year, s.stage],
    );
    if (!row || Number(row.is_public)) continue;
    const outcome = await service.publish({ departmentCode: s.department!, year: s.year!, stage: s.stage as BudgetStage });
    if (!quiet) console.log(`  ${outcome.message}`);
  }
}
