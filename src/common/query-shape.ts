import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeInfo,
  getNullableType,
  isInputObjectType,
  isListType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * What a document's shape costs before anything runs: how deep its fields nest and how many
 * aliases it uses. Fragments are followed; each fragment is measured once (a fragment spread
 * many times is not walked many times), so the measuring itself stays linear in the text.
 */
export interface QueryShape {
  depth: number;
  aliases: number;
  /** The field asked for most often under different names in one selection set, and how often. */
  mostAliased: { field: string; times: number } | undefined;
}

export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
}

export function shapeOf(document: DocumentNode, operation: OperationDefinitionNode): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, { depth: number; aliases: number }>();
  let mostAliased: QueryShape["mostAliased"];

  const fragment = (name: string, visiting: Set<string>) => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    // A cycle or an unknown fragment is validation's to report; it adds nothing here.
    if (!def || visiting.has(name)) return { depth: 0, aliases: 0 };
    visiting.add(name);
    const m = measure(def.selectionSet, visiting);
    visiting.delete(name);
    memo.set(name, m);
    return m;
  };

  /** Response names per field name at one level, inline fragments and spreads included. */
  const countAliases = (set: SelectionSetNode, byField: Map<string, Set<string>>, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const names = byField.get(s.name.value) ?? new Set<string>();
        names.add(s.alias?.value ?? s.name.value);
        byField.set(s.name.value, names);
      } else if (s.kind === Kind.INLINE_FRAGMENT) countAliases(s.selectionSet, byField, seen);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const def = fragments.get(s.name.value);
        if (def) countAliases(def.selectionSet, byField, seen);
      }
    }
  };

  const measure = (set: SelectionSetNode, visiting: Set<string>): { depth: number; aliases: number } => {
    let depth = 0;
    let aliases = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const child = s.selectionSet ? measure(s.selectionSet, visiting) : { depth: 0, aliases: 0 };
        depth = Math.max(depth, 1 + child.depth);
        aliases += (s.alias ? 1 : 0) + child.aliases;
      } else {
        const m = s.kind === Kind.INLINE_FRAGMENT ? measure(s.selectionSet, visiting) : fragment(s.name.value, visiting);
        depth = Math.max(depth, m.depth);
        aliases += m.aliases;
      }
    }
    const byField = new Map<string, Set<string>>();
    countAliases(set, byField, new Set());
    for (const [field, names] of byField) if (!mostAliased || names.size > mostAliased.times) mostAliased = { field, times: names.size };
    return { depth, aliases };
  };

  const { depth, aliases } = measure(operation.selectionSet, new Set());
  return { depth, aliases, mostAliased };
}

/** The first argument value, anywhere in the operation, that is longer than the limits allow. */
export interface OversizeArgument {
  /** "filter.departmentCodes", "input.fileName": the argument and the input field within it. */
  argument: string;
  field: string;
  kind: "string" | "list";
  size: number;
  maximum: number;
}

/**
 * Walks every argument of every field the operation selects (fragments included), with the
 * request's variables substituted, and reports the first string or list above its limit.
 * `exempt` names input fields with limits of their own ("ImportDisclosureInput.content").
 */
export function oversizeArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  limits: { maxStringLength: number; maxListValues: number },
  exempt: ReadonlySet<string>,
): OversizeArgument | undefined {
  let found: OversizeArgument | undefined;
  const typeInfo = new TypeInfo(schema);
  const check = (value: unknown, type: GraphQLInputType, path: string, field: string, owner: string | undefined, depth: number): void => {
    if (found || value === null || value === undefined || depth > 32) return;
    if (owner && exempt.has(owner)) return;
    const t = getNullableType(type);
    if (isListType(t)) {
      if (!Array.isArray(value)) return check(value, t.ofType, path, field, undefined, depth + 1);
      if (value.length > limits.maxListValues) {
        found = { argument: path, field, kind: "list", size: value.length, maximum: limits.maxListValues };
        return;
      }
      for (const v of value) check(v, t.ofType, path, field, undefined, depth + 1);
      return;
    }
    if (isInputObjectType(t) && typeof value === "object") {
      for (const [name, f] of Object.entries(t.getFields())) check((value as Record<string, unknown>)[name], f.type, `${path}.${name}`, field, `${t.name}.${name}`, depth + 1);
      return;
    }
    if (typeof value === "string" && value.length > limits.maxStringLength) {
      found = { argument: path, field, kind: "string", size: value.length, maximum: limits.maxStringLength };
    }
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (found) return false;
        const arg = typeInfo.getArgument();
        const def = typeInfo.getFieldDef();
        if (!arg || !def) return false;
        // A variable is checked as sent (coercion may have refused it already); a literal as written.
        const value = node.value.kind === Kind.VARIABLE ? variables[node.value.name.value] : valueFromAST(node.value, arg.type, variables);
        check(value, arg.type, arg.name, `${typeInfo.getParentType()?.name}.${def.name}`, undefined, 0);
        return false;
      },
    }),
  );
  return found;
}

