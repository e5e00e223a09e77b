import { manyEach } from "../../common/loaders";
import type { PerformanceService } from "./performance.service";

/** Indicators of a department-year (the 整体绩效目标 tree) and of each project. */
export function performanceLoaders(performance: PerformanceService) {
  return {
    departmentIndicators: manyEach((ids: readonly number[]) => performance.departmentLevelOf(ids), (i) => i.budgetId),
    projectIndicators: manyEach((ids: readonly number[]) => performance.ofProjects(ids), (i) => i.projectId!),
  };
}
