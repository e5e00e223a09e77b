import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context";
import { PublicationInput, PublicationPayload } from "./publication.type";

@Resolver()
export class PublicationResolver {
  @Mutation(() => PublicationPayload, {
    description:
      "发布 Publish the current version of a department-year-stage: it becomes PUBLISHED and replaces, in public view, the version published before. Finance bureau only (FINANCE or ADMIN; others get FORBIDDEN).",
  })
  publishBudget(@Arg("input", () => PublicationInput, { description: "发布对象 the department, year and stage." }) input: PublicationInput, @Ctx() ctx: Context) {
    return ctx.services.publication.publishBudget(input);
  }

  @Mutation(() => PublicationPayload, {
    description:
      "撤回 Withdraw a department-year-stage from public view: no version of it stays public, and its published versions become WITHDRAWN. Finance bureau only (FINANCE or ADMIN; others get FORBIDDEN).",
  })
  withdrawBudget(@Arg("input", () => PublicationInput, { description: "撤回对象 the department, year and stage." }) input: PublicationInput, @Ctx() ctx: Context) {
    return ctx.services.publication.withdrawBudget(input);
  }
}
