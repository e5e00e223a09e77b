import { Field, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../common/relay";
import { UserError } from "../document/import.type";
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from "./token.service";

export enum TokenRole {
  DEPARTMENT = "DEPARTMENT",
  FINANCE = "FINANCE",
  ADMIN = "ADMIN",
}
registerEnumType(TokenRole, {
  name: "TokenRole",
  description: "令牌角色 What a token's holder may do. A request without a token is PUBLIC: it sees published budgets only.",
  valuesConfig: {
    DEPARTMENT: { description: "部门 one department: sees its own budgets, drafts included, and imports its own documents" },
    FINANCE: { description: "财政局 the finance bureau: sees every department, imports any, publishes and withdraws" },
    ADMIN: { description: "管理员 administrator: everything the bureau may, and manages tokens and reads the audit log" },
  },
});

@ObjectType({ simpleResolvers: true, description: "API令牌 An API token, as listed: never its secret, which is shown once when made and stored only as a hash." })
export class ApiToken {
  @Field(() => Int, { description: "编号 the token's id (as `token list` and the audit log name it)." })
  id: number;

  @Field(() => TokenRole, { description: "角色 what its holder may do." })
  role: TokenRole;

  @Field(() => String, { nullable: true, description: "部门编码 the department a DEPARTMENT token speaks for; null for other roles." })
  departmentCode: string | null;

  @Field(() => String, { description: "持有人 who or what holds it, as given when it was made." })
  name: string;

  @Field(() => GraphQLISODateTime, { description: "创建时间 when it was made." })
  createdAt: Date;

  @Field(() => String, { description: "创建人 who made it (an administrator's token, or the CLI's user)." })
  createdBy: string;

  @Field(() => GraphQLISODateTime, { description: "到期时间 when it stops working." })
  expiresAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "吊销时间 when it was revoked; null while not." })
  revokedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "最近使用 when it last authenticated a request, to the minute (written at most once a minute); null if never." })
  lastUsedAt: Date | null;

  @Field(() => Boolean, { description: "有效 whether it works now: neither revoked nor expired." })
  active: boolean;
}

export const ApiTokenConnection = Connection(ApiToken, "ApiToken", "API token", { term: "API令牌" });
export type ApiTokenConnection = InstanceType<typeof ApiTokenConnection>;

@InputType({ description: "新令牌 The token to make." })
export class CreateApiTokenInput {
  @Field(() => TokenRole, { description: "角色 what its holder may do." })
  role: TokenRole;

  @Field(() => String, { nullable: true, description: "部门编码 the department a DEPARTMENT token speaks for (required for DEPARTMENT, refused for other roles); the department must exist, that is, have had a document imported." })
  departmentCode?: string | null;

  @Field(() => Int, { nullable: true, description: `有效天数 days until it expires (default ${DEFAULT_EXPIRY_DAYS}, at most ${MAX_EXPIRY_DAYS}).` })
  expiresInDays?: number | null;

  @Field(() => String, { nullable: true, description: "持有人 who or what will hold it, at most 200 characters (default: the role and department)." })
  name?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "新令牌结果 The token made, and its secret." })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "令牌 the token made; null when refused." })
  token: ApiToken | null;

  @Field(() => String, {
    nullable: true,
    description: "令牌值 the secret to send as `Authorization: Bearer <secret>`. Shown this once: the server keeps only its hash and cannot show it again.",
  })
  secret: string | null;

  @Field(() => [UserError], { description: "用户错误 why the token was not made; empty on success." })
  userErrors: UserError[];
}

@InputType({ description: "吊销令牌 The token to revoke." })
export class RevokeApiTokenInput {
  @Field(() => Int, { description: "编号 the token's id." })
  id: number;
}

@ObjectType({ simpleResolvers: true, description: "吊销结果 The token as revoked." })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "令牌 the token, now revoked (revoking twice keeps the first time); null when there is no such token." })
  token: ApiToken | null;

  @Field(() => [UserError], { description: "用户错误 why nothing was revoked; empty on success." })
  userErrors: UserError[];
}
