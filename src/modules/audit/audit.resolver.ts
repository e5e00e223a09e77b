import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { badInput } from "../../common/errors";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { requireAdmin } from "../access/forbidden";
import { AuditEventConnection, AuditEventFilter, MAX_FILTER_VALUES } from "./audit.type";

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "审计日志 The audit log, newest first (administrators only): imports of every outcome, publications, withdrawals and token changes." })
  async auditEvents(
    @Arg("filter", () => AuditEventFilter, { nullable: true, description: "审计筛选 which entries; all when omitted." }) filter: AuditEventFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    requireAdmin(ctx.viewer, "auditEvents");
    const f = filter ?? {};
    for (const name of ["actions", "outcomes"] as const) {
      if ((f[name]?.length ?? 0) > MAX_FILTER_VALUES) throw badInput(`filter.${name} takes at most ${MAX_FILTER_VALUES} values, got ${f[name]!.length}`, `filter.${name}`);
    }
    if ((f.target?.length ?? 0) > 200) throw badInput(`filter.target is at most 200 characters, got ${f.target!.length}`, "filter.target");
    const page = toPage(args, info);
    const found = await ctx.services.audit.page(f, page);
    return toConnection(found.rows, page, found.count);
  }
}
