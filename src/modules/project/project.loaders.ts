import { byArgs, manyEach, oneEach } from "../../common/loaders";
import type { Page } from "../../common/relay";
import type { ProjectService } from "./project.service";

/** Projects by id, a page of each budget's or department's projects, and each project's lines and aliases. */
export function projectLoaders(projects: ProjectService) {
  return {
    projectPage: byArgs(
      (k: { budgetId: number; page: Page }) => JSON.stringify(k.page),
      async (keys) => {
        const pages = await projects.pageOfBudgets(keys.map((k) => k.budgetId), keys[0]!.page);
        return keys.map((k) => pages.get(k.budgetId) ?? []);
      },
    ),
    projectCount: byArgs(
      (_: number) => "",
      async (ids) => {
        const counts = await projects.countOfBudgets(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      },
    ),
    departmentProjectPage: byArgs(
      (k: { departmentId: number; year: number | null; page: Page }) => JSON.stringify([k.year, k.page]),
      async (keys) => {
        const pages = await projects.pageOfDepartments(keys.map((k) => k.departmentId), keys[0]!.year, keys[0]!.page);
        return keys.map((k) => pages.get(k.departmentId) ?? []);
      },
    ),
    departmentProjectCount: byArgs(
      (k: { departmentId: number; year: number | null }) => JSON.stringify(k.year),
      async (keys) => {
        const counts = await projects.countOfDepartments(keys.map((k) => k.departmentId), keys[0]!.year);
        return keys.map((k) => counts.get(k.departmentId) ?? 0);
      },
    ),
    project: oneEach((ids: readonly number[]) => projects.byIds(ids), (p) => p.id),
    projectLines: manyEach((ids: readonly number[]) => projects.linesOf(ids), (l) => l.projectId),
    projectAliases: manyEach((ids: readonly number[]) => projects.aliasesOf(ids), (a) => a.projectId),
  };
}
