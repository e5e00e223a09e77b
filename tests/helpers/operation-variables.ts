import {
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
} from "graphql";
import { MAX_PAGE } from "../../src/common/relay";

/**
 * Values for an operation's variables that make it as dear as a caller could: every page at
 * MAX_PAGE, every list of enum values holding all of them, years and codes that exist in the
 * sample; a variable with a declared default keeps it. What the saved operations are priced
 * with when their headroom is reported.
 */
export function dearestVariables(schema: GraphQLSchema, op: OperationDefinitionNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of op.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined;
    // A declared default is what a caller omitting the variable gets: priced as the operation ships.
    if (!type || def.defaultValue) continue;
    const value = valueFor(def.variable.name.value, type, 0);
    if (value !== undefined) out[def.variable.name.value] = value;
  }
  return out;
}

function valueFor(name: string, type: GraphQLInputType, depth: number): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const item = getNullableType(t.ofType);
    if (isEnumType(item)) return item.getValues().map((v) => v.name);
    const one = valueFor(name, t.ofType, depth + 1);
    return one === undefined ? [] : [one];
  }
  if (isEnumType(t)) return t.getValues()[0]!.name;
  if (isInputObjectType(t)) {
    if (depth > 3) return undefined;
    const o: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(t.getFields())) if (isNonNullType(f.type)) o[k] = valueFor(k, f.type, depth + 1);
    return o;
  }
  switch (t.name) {
    case "Int":
      return name === "first" ? MAX_PAGE : /year/i.test(name) ? 2023 : 1;
    case "Boolean":
      return true;
    case "Decimal":
      return "10";
    case "String":
      return /class/i.test(name) ? "208" : /fileName/.test(name) ? "a.txt" : "007";
    default:
      return "1";
  }
}
