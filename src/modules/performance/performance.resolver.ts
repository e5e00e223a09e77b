import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context";
import { Department } from "../department/department.type";
import { Project } from "../project/project.type";
import { PerformanceIndicator } from "./performance-indicator.type";

@Resolver(() => PerformanceIndicator)
export class PerformanceIndicatorResolver {
  @FieldResolver(() => Project, { nullable: true, description: "项目 the project, for a project indicator." })
  project(@Root() i: PerformanceIndicator, @Ctx() ctx: Context) {
    return i.projectId === null ? null : ctx.loaders.project.load(i.projectId);
  }

  @FieldResolver(() => Department, { description: "部门 the department." })
  department(@Root() i: PerformanceIndicator, @Ctx() ctx: Context) {
    return ctx.loaders.department.load(i.departmentId);
  }
}
