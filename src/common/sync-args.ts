import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { type BuildSchemaOptions, getMetadataStorage } from "type-graphql";

/**
 * type-graphql passes every argument through an async validator, even with validation switched
 * off, so a field that takes an argument answers with a promise — on every row, for every amount
 * (`amount(unit)`). Such fields declared as methods of their own object type, whose arguments are
 * plain scalars or enums without validation, get a resolver that calls the same method with the
 * same argument values synchronously. Anything else (input objects, lists, middlewares, inherited
 * fields, roots that are not instances of the type) keeps type-graphql's resolver, and nothing is
 * changed for a schema built with validation or global middlewares. Returns how many fields
 * were given one.
 */
export function resolvePlainArgumentsSynchronously(schema: GraphQLSchema, built: Pick<BuildSchemaOptions, "validate" | "validateFn" | "globalMiddlewares">): number {
  if (built.validate !== false || built.validateFn || built.globalMiddlewares?.length) return 0;
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
      const plain = params.every((p) => p.kind === "arg" && !p.typeOptions.array && !inputClasses.has(p.getType()) && p.validateSettings === undefined && !p.validateFn);
      const graphqlField = fields[field.schemaName];
      if (!method || method.middlewares?.length || method.roles || !params.length || !plain || !graphqlField?.resolve) continue;
      const names = params.map((p) => (p as { name: string }).name);
      const target = field.target;
      const fallback: GraphQLFieldResolver<unknown, unknown> = graphqlField.resolve;
      graphqlField.resolve = (root, args: Record<string, unknown>, context, info) => {
        if (!(root instanceof target)) return fallback(root, args, context, info);
        const own = (root as Record<string, unknown>)[field.name];
        return typeof own === "function" ? own.apply(root, names.map((n) => args[n])) : own;
      };
      count++;
    }
  }
  return count;
}
