import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { printedSchema } from "../schema-print";

printedSchema().then((text) => {
  const path = join(__dirname, "..", "..", "schema", "schema.graphql");
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
});
