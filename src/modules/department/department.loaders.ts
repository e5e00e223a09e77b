import { manyEach, oneEach } from "../../common/loaders";
import type { DepartmentService } from "./department.service";

/** Departments and their budget units, by id and by code. */
export function departmentLoaders(departments: DepartmentService) {
  return {
    department: oneEach((ids: readonly number[]) => departments.byIds(ids), (d) => d.id),
    departmentByCode: oneEach((codes: readonly string[]) => departments.byCodes(codes), (d) => d.code),
    unitsOfDepartment: manyEach((ids: readonly number[]) => departments.unitsOf(ids), (u) => u.departmentId),
    unit: oneEach((ids: readonly number[]) => departments.unitsByIds(ids), (u) => u.id),
  };
}
