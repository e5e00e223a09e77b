import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";

/**
 * type-graphql passes every argument through an async validator, even with validation switched
 * off, so a field that takes an argument answers with a promise — on every row, for every amount
 * (`amount(unit)`). Such fields declared as methods of their object type, whose arguments are
 * plain scalars or enums, get a resolver that calls the same method with the same argument values
 * synchronously. Anything else (input objects, lists, middlewares, roots that are not instances
 * of the type) keeps type-graphql's resolver. Returns how many fields were given one.
 */
export function resolvePlainArgumentsSynchronously(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const inputClasses = new Set<unknown>(storage.inputTypes.map((t) => t.target));
  let count = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const method = storage.fieldResolvers.find((r) => r.kind === "internal" && r.target === field.target && r.methodName === field.name);
      const params = [...(field.params ?? [])].sort((a, b) => a.index - b.index);
      const plain = params.every((p) => p.kind === "arg" && !p.typeOptions.array && !inputClasses.has(p.getType()));
      const graphqlField = fields[field.schemaName];
      if (!method || method.middlewares?.length || method.roles || !params.length || !plain || !graphqlField?.resolve) continue;
      const names = params.map((p) => (p as { name: string }).name);
      const target = field.target;
      const fallback: GraphQLFieldResolver<unknown, unknown> = graphqlField.resolve;
      graphqlField.resolve = (root, args: Record<string, unknown>, context, info) => {
        if (!(root instanceof target)) return fallback(root, args, context, info);
        const self = root as Record<string, (...values: unknown[]) => unknown>;
        return self[field.name]!(...names.map((n) => args[n]));
      };
      count++;
    }
  }
  return count;
}
