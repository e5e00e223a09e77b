import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from "type-graphql";
import { Connection } from "../../common/relay";

@ObjectType({ simpleResolvers: true, description: "审计记录 One entry of the append-only audit log: who did what, when, to what, and how it ended." })
export class AuditEvent {
  @Field(() => Int, { description: "编号 the entry's id; later entries have larger ids." })
  id: number;

  @Field(() => GraphQLISODateTime, { description: "时间 when it happened." })
  occurredAt: Date;

  @Field(() => String, { description: "操作人 who, readably: \"token:12 (FINANCE)\", \"admin-token\" (the bootstrap ADMIN_TOKEN), \"cli:zhang\" (the command line), \"anonymous\"." })
  actor: string;

  @Field(() => Int, { nullable: true, description: "令牌编号 the API token used; null for the bootstrap ADMIN_TOKEN, the public and the command line." })
  tokenId: number | null;

  @Field(() => String, { nullable: true, description: "角色 the caller's role (PUBLIC, DEPARTMENT, FINANCE, ADMIN); null for the command line." })
  role: string | null;

  @Field(() => String, {
    description:
      "操作 what was attempted: IMPORT, VALIDATE (an import's dry run), REINSTATE (an earlier version's bytes imported again), PUBLISH, WITHDRAW, TOKEN_CREATE, TOKEN_REVOKE.",
  })
  action: string;

  @Field(() => String, { description: "对象 what it was done to: a budget (\"007/2023/BUDGET/v2\"), a file name when the document could not be read, or a token (\"token:12\")." })
  target: string;

  @Field(() => String, { nullable: true, description: "校验和 SHA-256 of the document's bytes, for imports." })
  checksum: string | null;

  @Field(() => String, {
    description: "结果 how it ended: OK, NOOP (nothing to change), REJECTED (bad input), REFUSED (the caller may not), FAILED (the database failed; nothing was written but this entry).",
  })
  outcome: string;

  @Field(() => String, { nullable: true, description: "说明 details: the file name, why it was rejected or refused." })
  detail: string | null;

  @Field(() => String, { nullable: true, description: "请求编号 the request's id, as the server log and an internal error's answer give it; null for the command line." })
  requestId: string | null;
}

export const AuditEventConnection = Connection(AuditEvent, "AuditEvent", "audit log entry", { term: "审计记录", plural: "audit log entries" });
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

/** The most values a list filter takes: far more than the actions and outcomes there are. */
export const MAX_FILTER_VALUES = 20;

@InputType({ description: "审计筛选 Which audit log entries to return; every condition given must hold." })
export class AuditEventFilter {
  @Field(() => [String], { nullable: true, description: `操作 only these actions (IMPORT, VALIDATE, …; at most ${MAX_FILTER_VALUES}).` })
  actions?: string[] | null;

  @Field(() => [String], { nullable: true, description: `结果 only these outcomes (OK, NOOP, REJECTED, REFUSED, FAILED; at most ${MAX_FILTER_VALUES}).` })
  outcomes?: string[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "起 only entries at or after this time." })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "止 only entries before this time." })
  to?: Date | null;

  @Field(() => Int, { nullable: true, description: "令牌编号 only entries made with this API token." })
  tokenId?: number | null;

  @Field(() => String, { nullable: true, description: "对象 only entries whose target starts with this text (\"007/2023\": every version and stage of department 007's 2023 budgets); at most 200 characters." })
  target?: string | null;
}
