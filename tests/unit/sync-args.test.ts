import "reflect-metadata";
import type { GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { MoneyUnit } from "../../src/common/money-unit";
import { ExpenditureGroup } from "../../src/modules/analytics/analytics.type";
import { getSchema } from "../../src/schema";

describe("fields with plain arguments", () => {
  it("answer without a promise, with the method's own result for each argument value", async () => {
    const schema = await getSchema();
    const amount = (schema.getType("ExpenditureGroup") as GraphQLObjectType).getFields().amount!;
    const group = Object.assign(new ExpenditureGroup(), { amountFen: 123_456_789n, defaultUnit: MoneyUnit.WAN_YUAN });
    const resolve = (root: unknown, args: Record<string, unknown>) => amount.resolve!(root, args, {}, {} as GraphQLResolveInfo);
    expect(resolve(group, {})).toBe("123.456789");
    expect(resolve(group, { unit: MoneyUnit.YUAN })).toBe("1234567.89");
    expect(resolve(group, { unit: MoneyUnit.WAN_YUAN })).toBe(group.amount(MoneyUnit.WAN_YUAN));
  });

  it("leave input-object arguments to type-graphql", async () => {
    const schema = await getSchema();
    const expenditure = schema.getQueryType()!.getFields().expenditure!;
    const answer = expenditure.resolve!(undefined, { groupBy: [] }, {}, {} as GraphQLResolveInfo);
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).rejects.toBeDefined();
  });
});
