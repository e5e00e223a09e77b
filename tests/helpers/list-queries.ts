import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";

/**
 * Queries generated from the schema, one per list field reachable from a root: the cheapest path
 * from the root to the field's type, then the field itself (aliased `target`) with its leaves.
 * Every list is one: plain lists and Relay connections alike.
 */
export interface ListQuery {
  root: string;
  /** "Type.field" */
  target: string;
  query: string;
}

export interface WalkOptions {
  /** `first` on the outermost connection of a path: the page that holds the whole breadth. */
  outerFirst: number;
  /** `first` on connections inside another list, small to stay under the cost limit. */
  innerFirst: number;
  /** Value for a required argument without a default (e.g. a year). */
  requiredInt: number;
}

/** What a plain list is priced at when choosing paths (the cost estimator's guess for unpaged lists). */
const LIST_WEIGHT = 25;

type Field = GraphQLField<unknown, unknown>;
interface Step {
  field: Field;
  connection: boolean;
  list: boolean;
  outer: boolean;
}

/** A connection: an object with `nodes` and `pageInfo`; its items are the type of `nodes`. */
export function connectionItem(type: GraphQLNamedType): GraphQLObjectType | null {
  if (!isObjectType(type)) return null;
  const f = type.getFields();
  if (!f.nodes || !f.pageInfo) return null;
  const item = getNamedType(f.nodes.type);
  return isObjectType(item) ? item : null;
}

/** The object type a field leads to (a connection's items), or null for leaves. */
function next(field: Field): GraphQLObjectType | null {
  const named = getNamedType(field.type);
  return connectionItem(named) ?? (isObjectType(named) ? named : null);
}

/** A list field: a list of objects or leaves, or a connection. */
export function isListField(field: Field): boolean {
  return isListType(getNullableType(field.type)) || connectionItem(getNamedType(field.type)) !== null;
}

/** Every list field of the object types reachable from the roots (connections count once, as their field). */
export function reachableListFields(schema: GraphQLSchema, roots: string[]): string[] {
  const query = schema.getQueryType()!;
  const seen = new Set<string>();
  const out = new Set<string>();
  const visit = (type: GraphQLObjectType, fields: Field[]) => {
    for (const f of fields) {
      if (isListField(f)) out.add(`${type.name}.${f.name}`);
      const t = next(f);
      if (t && !seen.has(t.name)) {
        seen.add(t.name);
        visit(t, Object.values(t.getFields()));
      }
    }
  };
  visit(query, roots.map((r) => query.getFields()[r]!));
  return [...out].sort();
}

function argumentsOf(field: Field, step: Step, o: WalkOptions): string {
  const args: string[] = [];
  for (const a of field.args) {
    if (a.name === "first" && step.connection) args.push(`first: ${step.outer ? o.outerFirst : o.innerFirst}`);
    else if (isNonNullType(a.type) && a.defaultValue === undefined) args.push(`${a.name}: ${requiredValue(field, a, o)}`);
  }
  return args.length ? `(${args.join(", ")})` : "";
}

function requiredValue(field: Field, a: GraphQLArgument, o: WalkOptions): string {
  const t = getNullableType(a.type);
  if (String(t) === "Int") return String(o.requiredInt);
  if (String(t) === "Boolean") return "false";
  if (isEnumType(t)) return t.getValues()[0]!.name;
  throw new Error(`no value to give ${field.name}(${a.name}: ${String(a.type)}): teach the walker one`);
}

/** The type's leaf fields that need no argument. */
function leaves(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
    .map((f) => f.name)
    .join(" ");
}

function render(steps: Step[], o: WalkOptions): string {
  let inner = "";
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    const item = next(s.field);
    const isTarget = i === steps.length - 1;
    const body = item ? `${leaves(item)} ${inner}`.trim() : "";
    const name = `${isTarget ? "target: " : ""}${s.field.name}${argumentsOf(s.field, s, o)}`;
    if (s.connection) {
      const extra = isTarget ? "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } " : "";
      inner = `${name} { ${extra}nodes { ${body} } }`;
    } else inner = item ? `${name} { ${body} }` : name;
  }
  return `{ ${inner} }`;
}

/**
 * For each root and each list field reachable from it, the path that multiplies least (a plain
 * list by LIST_WEIGHT, a connection by its `first`), so the generated queries stay cheap.
 */
export function listQueries(schema: GraphQLSchema, roots: string[], o: WalkOptions): ListQuery[] {
  const query = schema.getQueryType()!;
  const out: ListQuery[] = [];
  for (const rootName of roots) {
    const rootField = query.getFields()[rootName]!;
    const step = (field: Field, outerTaken: boolean): Step => {
      const connection = connectionItem(getNamedType(field.type)) !== null;
      return { field, connection, list: isListField(field), outer: connection && !outerTaken };
    };
    const weight = (s: Step) => (s.connection ? (s.outer ? o.outerFirst : o.innerFirst) : s.list ? LIST_WEIGHT : 1);
    // Dijkstra over (type, whether the outer connection is behind us), on the product of weights.
    type State = { type: GraphQLObjectType; steps: Step[]; cost: number; outerTaken: boolean };
    const first = step(rootField, false);
    const start: State = { type: next(rootField)!, steps: [first], cost: weight(first), outerTaken: first.connection };
    const best = new Map<string, State>();
    const queue: State[] = [start];
    const key = (s: State) => `${s.type.name}|${s.outerTaken}`;
    while (queue.length) {
      queue.sort((a, b) => a.cost - b.cost || a.steps.length - b.steps.length);
      const s = queue.shift()!;
      if (best.has(key(s))) continue;
      best.set(key(s), s);
      for (const f of Object.values(s.type.getFields())) {
        const t = next(f);
        if (!t) continue;
        const st = step(f, s.outerTaken);
        queue.push({ type: t, steps: [...s.steps, st], cost: s.cost * weight(st), outerTaken: s.outerTaken || st.connection });
      }
    }
    // Each type by its cheapest path, whichever side of the outer connection it was reached on.
    const pathTo = new Map<string, State>();
    for (const s of [...best.values()].sort((a, b) => a.cost - b.cost || a.steps.length - b.steps.length)) if (!pathTo.has(s.type.name)) pathTo.set(s.type.name, s);
    out.push({ root: rootName, target: `Query.${rootName}`, query: render([first], o) });
    const targets = new Map<string, Step[]>();
    for (const s of [...pathTo.values()].sort((a, b) => a.cost - b.cost)) {
      for (const f of Object.values(s.type.getFields())) {
        const name = `${s.type.name}.${f.name}`;
        if (!isListField(f) || targets.has(name) || connectionItem(s.type)) continue;
        targets.set(name, [...s.steps, step(f, s.outerTaken)]);
      }
    }
    for (const [target, steps] of targets) out.push({ root: rootName, target, query: render(steps, o) });
  }
  return out;
}

/** How many times the response resolved `target`, and how many items those lists held. */
export function targetsIn(data: unknown): { parents: number; items: number } {
  let parents = 0;
  let items = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "target") {
        parents++;
        items += Array.isArray(x) ? x.length : ((x as { nodes?: unknown[] } | null)?.nodes?.length ?? 0);
      } else walk(x);
    }
  };
  walk(data);
  return { parents, items };
}
