import { Arg, Args, Ctx, Info, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import type { UserError } from "../document/import.type";
import { requireAdmin } from "./forbidden";
import type { ApiTokenRow, TokenProblem } from "./token.service";
import { ApiToken, ApiTokenConnection, CreateApiTokenInput, CreateApiTokenPayload, RevokeApiTokenInput, RevokeApiTokenPayload } from "./token.type";

const toApiToken = (t: ApiTokenRow, now = Date.now()): ApiToken => ({ ...t, role: t.role as ApiToken["role"], active: t.revokedAt === null && t.expiresAt.getTime() > now });
const toUserError = (p: TokenProblem): UserError => ({ message: p.message, field: ["input", p.field], line: null, location: null });

@Resolver()
export class TokenResolver {
  @Mutation(() => CreateApiTokenPayload, { description: "新建令牌 Make an API token (administrators only). Its secret is in the payload, once; the server keeps only a hash." })
  async createApiToken(@Arg("input", () => CreateApiTokenInput, { description: "新令牌 role, department, expiry and holder." }) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<CreateApiTokenPayload> {
    await ctx.services.tokens.authorize("createApiToken", "token");
    const made = await ctx.services.tokens.create(input);
    if ("problem" in made) return { token: null, secret: null, userErrors: [toUserError(made.problem)] };
    return { token: toApiToken(made.token), secret: made.secret, userErrors: [] };
  }

  @Mutation(() => RevokeApiTokenPayload, { description: "吊销令牌 Revoke an API token (administrators only): requests with it are refused from now on." })
  async revokeApiToken(@Arg("input", () => RevokeApiTokenInput, { description: "吊销令牌 which token." }) input: RevokeApiTokenInput, @Ctx() ctx: Context): Promise<RevokeApiTokenPayload> {
    await ctx.services.tokens.authorize("revokeApiToken", `token:${input.id}`);
    const revoked = await ctx.services.tokens.revoke(input.id);
    if ("problem" in revoked) return { token: null, userErrors: [toUserError(revoked.problem)] };
    return { token: toApiToken(revoked.token), userErrors: [] };
  }

  @Query(() => ApiTokenConnection, { description: "API令牌 The API tokens, newest first (administrators only); never their secrets." })
  async apiTokens(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("activeOnly", () => Boolean, { defaultValue: false, description: "仅有效 only tokens that work now (neither revoked nor expired)." }) activeOnly: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    requireAdmin(ctx.viewer, "apiTokens");
    const page = toPage(args, info);
    const found = await ctx.services.tokens.page({ activeOnly }, page);
    const now = Date.now();
    return toConnection(found.rows.map((t) => toApiToken(t, now)), page, found.count);
  }
}
