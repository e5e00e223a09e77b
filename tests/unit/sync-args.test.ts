import "reflect-metadata";
import type { GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { Arg, Field, InputType, Int, ObjectType, Query, Resolver, buildSchema } from "type-graphql";
import { describe, expect, it } from "vitest";
import { resolvePlainArgumentsSynchronously } from "../../src/common/sync-args";
import { MoneyUnit } from "../../src/common/money-unit";
import { ExpenditureGroup } from "../../src/modules/analytics/analytics.type";
import { getSchema, resolvers } from "../../src/schema";

@InputType("SyncArgsProbeInput")
class ProbeInput {
  @Field(() => Int)
  n: number;
}

@ObjectType("SyncArgsProbe")
class Probe {
  base = 10;

  @Field(() => Int)
  plain(@Arg("n", () => Int) n: number): number {
    return this.base + n;
  }

  @Field(() => Int)
  listed(@Arg("ns", () => [Int]) ns: number[]): number {
    return this.base + ns.length;
  }

  @Field(() => Int)
  input(@Arg("i", () => ProbeInput) i: ProbeInput): number {
    return this.base + i.n;
  }
}

@Resolver()
class ProbeResolver {
  @Query(() => Probe)
  probe(): Probe {
    return new Probe();
  }
}

const info = {} as GraphQLResolveInfo;

describe("fields with plain arguments", () => {
  it("still need it: type-graphql itself answers a plain-argument field with a promise", async () => {
    // The day this fails, type-graphql resolves plain arguments synchronously on its own and
    // src/common/sync-args.ts (which patches its resolvers) should be removed.
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    const own = (schema.getType("SyncArgsProbe") as GraphQLObjectType).getFields().plain!.resolve!(new Probe(), { n: 5 }, {}, info);
    expect(own).toBeInstanceOf(Promise);
    await expect(own).resolves.toBe(15);
  });

  it("still find type-graphql's metadata where they read it: the API's amount fields are patched", async () => {
    // If type-graphql's internal metadata moves, the patch would silently apply to nothing.
    const schema = await buildSchema({ resolvers: [...resolvers], validate: false });
    expect(resolvePlainArgumentsSynchronously(schema, { validate: false })).toBeGreaterThanOrEqual(30);
  });

  it("answer without a promise for an instance; lists, input objects and plain-object roots keep type-graphql's resolver", async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    expect(resolvePlainArgumentsSynchronously(schema, { validate: false })).toBeGreaterThanOrEqual(1);
    const fields = (schema.getType("SyncArgsProbe") as GraphQLObjectType).getFields();
    const probe = new Probe();
    expect(fields.plain!.resolve!(probe, { n: 5 }, {}, info)).toBe(15);
    await expect(fields.listed!.resolve!(probe, { ns: [1, 2] }, {}, info)).resolves.toBe(12);
    expect(fields.listed!.resolve!(probe, { ns: [1, 2] }, {}, info)).toBeInstanceOf(Promise);
    expect(fields.input!.resolve!(probe, { i: { n: 3 } }, {}, info)).toBeInstanceOf(Promise);
    const plainRoot = fields.plain!.resolve!({ base: 1 }, { n: 5 }, {}, info);
    expect(plainRoot).toBeInstanceOf(Promise);
    await expect(plainRoot).resolves.toBe(6);
  });

  it("changes nothing in a schema built with validation", async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    expect(resolvePlainArgumentsSynchronously(schema, { validate: true })).toBe(0);
    expect((schema.getType("SyncArgsProbe") as GraphQLObjectType).getFields().plain!.resolve!(new Probe(), { n: 1 }, {}, info)).toBeInstanceOf(Promise);
  });

  it("gives every amount in the API its method's result for each unit, synchronously", async () => {
    const schema = await getSchema();
    const amount = (schema.getType("ExpenditureGroup") as GraphQLObjectType).getFields().amount!;
    const group = Object.assign(new ExpenditureGroup(), { amountFen: 123_456_789n, defaultUnit: MoneyUnit.WAN_YUAN });
    expect(amount.resolve!(group, {}, {}, info)).toBe("123.456789");
    expect(amount.resolve!(group, { unit: MoneyUnit.YUAN }, {}, info)).toBe("1234567.89");
  });
});
