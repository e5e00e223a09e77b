import { GraphQLIncludeDirective, type GraphQLResolveInfo, GraphQLSkipDirective, Kind, type SelectionNode, type SelectionSetNode, getDirectiveValues } from "graphql";
import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "./errors";

/**
 * The paging contract, in one place. Resolvers (through `toPage`), the schema's descriptions
 * (`firstDescription`) and the cost estimator (`pageSizeOf`) all read these: a paged field
 * returns `first` items, DEFAULT_PAGE when `first` is omitted or null, and refuses more than
 * MAX_PAGE. A field whose default differs declares it once, as the default value of its `first`
 * argument in the schema, and `defaultFirst` reads it there for resolver and estimator alike.
 */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** The text describing a `first` argument, from the constants. */
export function firstDescription(byDefault = DEFAULT_PAGE, what = "items"): string {
  return `How many ${what} to return (default ${byDefault}, at most ${MAX_PAGE}).`;
}

/**
 * Field extension naming the most items a list without `first` can hold, where something else
 * bounds it (departmentRanking's `first` bounds `entries`); the cost estimator prices it at that.
 */
export const LIST_BOUND = "listBound";

export const AFTER_DESCRIPTION = "Return items after this cursor (from a previous page's pageInfo.endCursor).";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: firstDescription() })
  first?: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string;
}

/** What paging reads of a field's definition: its arguments' names and schema defaults. */
type PagedField = { args: readonly { name: string; defaultValue?: unknown }[] };

/** A paged field's default page size: its `first` argument's schema default, else DEFAULT_PAGE. */
export function defaultFirst(field: PagedField | undefined): number {
  const declared = field?.args.find((a) => a.name === "first")?.defaultValue;
  return typeof declared === "number" ? declared : DEFAULT_PAGE;
}

/** How many items a paged field answers for these arguments (what the cost estimator multiplies by). */
export function pageSizeOf(field: PagedField, args: { first?: unknown }): number {
  return Number(args.first ?? defaultFirst(field));
}

/** Refuses a page size outside 0..MAX_PAGE with a BAD_USER_INPUT error. */
export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0) throw badInput(`first must be between 0 and ${MAX_PAGE}, got ${first}`, "first");
  if (first > MAX_PAGE) throw badInput(`first must be at most ${MAX_PAGE}, got ${first}`, "first");
  return first;
}

/** A validated page request: skip `offset`, take `limit`. */
export interface Page {
  offset: number;
  limit: number;
  /** The selection asks for totalCount, so the count can start beside the page. */
  counted?: boolean;
}

const CURSOR_PREFIX = "o:";
/** The largest offset a cursor may name: far past any list the platform holds, and exact in SQL. */
export const MAX_CURSOR_OFFSET = 10_000_000;

export function encodeCursor(offset: number): string {
  return Buffer.from(CURSOR_PREFIX + offset, "utf8").toString("base64");
}

/**
 * The offset a cursor names. Only what encodeCursor makes is taken: "o:" and a plain decimal
 * offset (no sign, exponent or leading zero) up to MAX_CURSOR_OFFSET, in canonical base64.
 */
export function decodeCursor(cursor: string): number {
  const refuse = () => badInput(`after: "${cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor}" is not a cursor this API issued`, "after");
  if (cursor.length > 24 || !/^[A-Za-z0-9+/]+=*$/.test(cursor)) throw refuse();
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : "";
  if (!/^(0|[1-9][0-9]{0,7})$/.test(digits)) throw refuse();
  const n = Number(digits);
  if (n > MAX_CURSOR_OFFSET || encodeCursor(n) !== cursor) throw refuse();
  return n;
}

/**
 * `info`, when given, names the field (whose declared default applies to an omitted or null
 * `first`) and tells whether the connection's totalCount is selected.
 */
export function toPage(args: { first?: number | null; after?: string | null }, info?: GraphQLResolveInfo): Page {
  const first = checkFirst(args.first ?? (info ? defaultFirst(info.parentType.getFields()[info.fieldName]) : DEFAULT_PAGE));
  const page: Page = { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit: first };
  if (info) page.counted = info.fieldNodes.some((f) => selects(f.selectionSet, "totalCount", info));
  return page;
}

function selects(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  return (set?.selections ?? []).some((s) => {
    if (!included(s, info)) return false;
    if (s.kind === Kind.FIELD) return s.name.value === name;
    if (s.kind === Kind.INLINE_FRAGMENT) return selects(s.selectionSet, name, info);
    return selects(info.fragments[s.name.value]?.selectionSet, name, info);
  });
}

/** Whether `@skip` / `@include` keep a selection, for this request's variables. */
function included(node: SelectionNode, info: GraphQLResolveInfo): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return skip?.if !== true && include?.if !== false;
}

@ObjectType({ simpleResolvers: true, description: "Where a page sits in its list (Relay 分页信息)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page." })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Builds a connection from one page fetched with `limit + 1` rows (the extra row only says
 * whether a next page exists). totalCount runs its own query, and only when asked for.
 */
export function toConnection<T>(rows: T[], page: Page, count: () => Promise<number>): ConnectionShape<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ node, cursor: encodeCursor(page.offset + i) }));
  let memo: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => (memo ??= count()),
  };
}

/** A connection over a list already held whole (a ranking): the page is a slice, the count its length. */
export function sliceToConnection<T>(items: readonly T[], page: Page): ConnectionShape<T> {
  return toConnection(items.slice(page.offset, page.offset + page.limit + 1), page, async () => items.length);
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` types for a node type. `term` (the Chinese term)
 * heads the descriptions where given; `plural` where adding "s" to `what` is wrong.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, what: string, opts: { term?: string; plural?: string } = {}) {
  const term = opts.term ? `${opts.term} ` : "";
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `${term}One ${what} in a list, with its cursor.` })
  class Edge {
    @Field(() => nodeType, { description: `The ${what}.` })
    node: T;

    @Field(() => String, { description: "Opaque cursor of this item." })
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `${term}A page of ${opts.plural ?? `${what}s`} (Relay connection).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The page's items with cursors." })
    edges: Edge[];

    @Field(() => [nodeType], { description: "The page's items." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo: PageInfo;

    // The page object carries its own count function (see toConnection); this runs it only when selected.
    @Field(() => Int, { description: "How many items the whole list holds." })
    totalCount(): Promise<number> {
      throw new Error("connection built without toConnection");
    }
  }
  return ConnectionType;
}
