import { byArgs, manyEach, oneEach } from "../../common/loaders";
import type { Page } from "../../common/relay";
import type { ProjectService } from "./project.service";

/** Projects by id, a page of each budget's projects, and each project's lines and aliases. */
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
    project: oneEach((ids: readonly number[]) => projects.byIds(ids), (p) => p.id),
    projectLines: manyEach((ids: readonly number[]) => projects.linesOf(ids), (l) => l.projectId),
    projectAliases: manyEach((ids: readonly number[]) => projects.aliasesOf(ids), (a) => a.projectId),
  };
}
