import { lexicographicSortSchema, printSchema } from "graphql";
import { getSchema } from "./schema";

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  const header = "# The budget platform's GraphQL contract. Emitted by `npm run build`; do not edit by hand.\n\n";
  return header + printSchema(lexicographicSortSchema(await getSchema())) + "\n";
}
