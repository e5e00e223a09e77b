import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, type OperationDefinitionNode, parse, type TypeNode } from "graphql";

/** A saved operation as the IDE's examples panel shows it. */
export interface SavedOperation {
  name: string;
  /** The operation's own name (null for an anonymous one), for the IDE to send with it. */
  operationName: string | null;
  /** The comment lines above the operation, if any. */
  description: string;
  query: string;
  /** JSON for the variables editor: values the sample data answers, null where the caller must choose. */
  variables: string;
}

/** Values that give an answer on the sample database (department 007, 2023; 2022 with the fixtures imported). */
const SAMPLE_VALUES: Record<string, unknown> = {
  code: "007",
  departmentCode: "007",
  departmentCodes: ["007"],
  year: 2023,
  years: [2023],
  targetYear: 2023,
  baseYear: 2022,
  classCode: "208",
  first: 20,
};

const required = (type: TypeNode) => type.kind === Kind.NON_NULL_TYPE;

function sampleVariables(op: OperationDefinitionNode): string {
  const values: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (name in SAMPLE_VALUES) values[name] = SAMPLE_VALUES[name];
    else if (required(v.type) && !v.defaultValue) values[name] = null;
  }
  return Object.keys(values).length ? JSON.stringify(values, null, 2) : "";
}

function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*#\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]!.trim());
  }
  return lines.join(" ");
}

/** The operations in `dir` (schema/operations/), by name; a file that does not parse is left out and said once. */
export function loadSavedOperations(dir: string): SavedOperation[] {
  const out: SavedOperation[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".graphql")).sort();
  } catch {
    return out;
  }
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    try {
      const doc = parse(text);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const name = op?.name?.value ?? file.replace(/\.graphql$/, "");
      out.push({ name, operationName: op?.name?.value ?? null, description: leadingComment(text), query: text.trimEnd() + "\n", variables: op ? sampleVariables(op) : "" });
    } catch (err) {
      console.error(`schema/operations/${file} is left out of the IDE's examples: ${(err as Error).message}`);
    }
  }
  return out;
}

