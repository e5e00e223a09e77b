/**
 * Renders the shipped sample bundle as a disclosure text (our own standard layout, not a copy of
 * the source document) and writes it beside the bundle:
 *
 *   npx tsx src/cli/render-sample.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle } from "../ingest/bundle/bundle.types";
import { renderDisclosure } from "../render/disclosure-text";

const SAMPLES = join(__dirname, "..", "ingest", "samples");
const source = join(SAMPLES, "007-2023.bundle.json");
const target = join(SAMPLES, "007-2023.txt");

const bundle = JSON.parse(readFileSync(source, "utf8")) as Bundle;
const text = renderDisclosure(bundle);
writeFileSync(target, text, "utf8");
console.log(`wrote ${target} (${text.split("\n").length} lines)`);
