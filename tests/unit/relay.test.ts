import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE, MAX_PAGE, decodeCursor, encodeCursor, pageSizeOf, toConnection, toPage } from "../../src/common/relay";

describe("relay paging", () => {
  it("caps first at 100 and rejects negatives", () => {
    expect(toPage({ first: 100 })).toEqual({ offset: 0, limit: 100 });
    expect(() => toPage({ first: 101 })).toThrow(/at most 100, got 101/);
    expect(() => toPage({ first: -1 })).toThrow(/between 0 and 100/);
  });

  it("continues after a cursor it issued and refuses others", () => {
    expect(toPage({ first: 10, after: encodeCursor(9) })).toEqual({ offset: 10, limit: 10 });
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(() => toPage({ after: "not-a-cursor" })).toThrow(/not a cursor this API issued/);
    expect(() => toPage({ after: Buffer.from("o:-3").toString("base64") })).toThrow(/cursor/);
  });

  it("takes only the cursors it issues: no exponent, sign, fraction, leading zero, huge offset or other spelling", () => {
    for (const text of ["o:1e21", "o:1e3", "o:+1", "o:1.0", "o:0x10", "o:01", "o: 1", "o:99999999", "o:1;DROP", "x:1"]) {
      expect(() => decodeCursor(Buffer.from(text).toString("base64")), text).toThrow(/not a cursor this API issued/);
    }
    expect(() => decodeCursor(encodeCursor(10).replace(/=+$/, ""))).toThrow(/not a cursor/); // unpadded
    expect(() => decodeCursor(`${encodeCursor(1)}==`)).toThrow(/not a cursor/);
    expect(() => decodeCursor("A".repeat(1_000_000))).toThrow(/not a cursor/);
    expect(decodeCursor(encodeCursor(10_000_000))).toBe(10_000_000);
  });

  it("uses the extra row only to say a next page exists", async () => {
    const c = toConnection([1, 2, 3], { offset: 0, limit: 2 }, async () => 7);
    expect(c.nodes).toEqual([1, 2]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(await c.totalCount()).toBe(7);
  });

  it("takes an omitted or null first from the field's declared default, else DEFAULT_PAGE, and prices it the same", () => {
    const field = (byDefault?: number) => ({ args: [{ name: "first", defaultValue: byDefault }] });
    const infoFor = (f: ReturnType<typeof field>) => ({ fieldName: "f", parentType: { getFields: () => ({ f }) }, fieldNodes: [], fragments: {}, variableValues: {} }) as unknown as GraphQLResolveInfo;
    for (const f of [field(), field(MAX_PAGE), field(7)]) {
      for (const first of [undefined, null]) {
        const page = toPage({ first }, infoFor(f));
        expect(page.limit).toBe(f.args[0]!.defaultValue ?? DEFAULT_PAGE);
        expect(pageSizeOf(f, { first })).toBe(page.limit);
      }
      expect(toPage({ first: 3 }, infoFor(f)).limit).toBe(3);
      expect(pageSizeOf(f, { first: 3 })).toBe(3);
    }
    expect(() => toPage({}, infoFor(field(MAX_PAGE + 1)))).toThrow(/at most 100/);
  });

  it("knows from the selection whether the count will be read", () => {
    // Just what toPage reads of a resolver's info: the field (its declared default), its nodes and the document's fragments.
    const infoOf = (query: string, variableValues: Record<string, unknown> = {}) => {
      const doc = parse(query);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
      const parentType = { getFields: () => ({ projects: { args: [] } }) };
      return { fieldName: "projects", parentType, fieldNodes: [op.selectionSet.selections[0]], fragments, variableValues } as unknown as GraphQLResolveInfo;
    };
    expect(toPage({}, infoOf("{ projects { totalCount } }")).counted).toBe(true);
    expect(toPage({}, infoOf("{ projects { nodes { name } } }")).counted).toBe(false);
    expect(toPage({}, infoOf("{ projects { nodes { totalCount: name } } }")).counted).toBe(false);
    expect(toPage({}, infoOf("{ projects { ... on ProjectConnection { totalCount } } }")).counted).toBe(true);
    expect(toPage({}, infoOf("{ projects { ...F } } fragment F on ProjectConnection { pageInfo { hasNextPage } totalCount }")).counted).toBe(true);
    expect(toPage({}, infoOf("{ projects { totalCount @skip(if: true) } }")).counted).toBe(false);
    expect(toPage({}, infoOf("query($c: Boolean!) { projects { ...F @include(if: $c) } } fragment F on ProjectConnection { totalCount }", { c: false })).counted).toBe(false);
    expect(toPage({}, infoOf("query($c: Boolean!) { projects { ...F @include(if: $c) } } fragment F on ProjectConnection { totalCount }", { c: true })).counted).toBe(true);
    expect(toPage({ first: 3 }).counted).toBeUndefined();
  });
});
