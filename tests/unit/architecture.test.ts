import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering the design notes ask for, read from the import statements themselves: the ingest
 * pipeline knows no GraphQL, only the import module reaches into it, common code and the
 * database layer depend on no feature, and resolvers hold no SQL.
 */
const ROOT = resolve(__dirname, "..", "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)|require\(\s*"([^"]+)"\s*\)/g;

/** What a file imports: project files as absolute paths, packages by name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!).map((spec) => {
    if (!spec.startsWith(".")) return spec;
    const base = resolve(dirname(file), spec);
    for (const candidate of [`${base}.ts`, join(base, "index.ts"), base]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    return base;
  });
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(ROOT, f);
const isGraphql = (spec: string) => /^(graphql|type-graphql|@apollo\/|graphql-)/.test(spec);

/** Every file and package `file` reaches through project imports, with one path to each. */
function reach(file: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length) {
    const f = queue.shift()!;
    for (const dep of graph.get(f) ?? []) {
      if (seen.has(dep)) continue;
      seen.set(dep, [...seen.get(f)!, dep]);
      if (graph.has(dep)) queue.push(dep);
    }
  }
  return seen;
}

describe("layering", () => {
  it("finds the project's files and their imports", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(join(SRC, "ingest", "import.ts"))).toContain(join(SRC, "ingest", "load.ts"));
  });

  it("keeps GraphQL out of the ingest pipeline, however indirectly", () => {
    const offences = files
      .filter((f) => f.startsWith(join(SRC, "ingest")))
      .flatMap((f) => [...reach(f)].filter(([dep]) => isGraphql(dep) || /\.(resolver|type|loaders)\.ts$/.test(dep)).map(([, path]) => path.map(rel).join(" → ")));
    expect(offences).toEqual([]);
  });

  it("lets only the import module reach into the ingest pipeline", () => {
    // The standard tables write a stored budget back out (exportBundle): no document is read.
    const allowed = (f: string, d: string) => f.startsWith(join(SRC, "modules", "tables")) && d === join(SRC, "ingest", "export.ts");
    const offences = files
      .filter((f) => f.startsWith(join(SRC, "modules")) && !f.startsWith(join(SRC, "modules", "document")))
      .flatMap((f) => graph.get(f)!.filter((d) => d.startsWith(join(SRC, "ingest")) && !allowed(f, d)).map((d) => `${rel(f)} → ${rel(d)}`));
    expect(offences).toEqual([]);
  });

  it("keeps GraphQL and the database out of the renderers", () => {
    const offences = files
      .filter((f) => f.startsWith(join(SRC, "render")))
      .flatMap((f) => [...reach(f)].filter(([dep]) => isGraphql(dep) || dep === "typeorm" || dep.startsWith(join(SRC, "modules")) || dep.startsWith(join(SRC, "db"))).map(([, path]) => path.map(rel).join(" → ")));
    expect(offences).toEqual([]);
  });

  it("keeps common code and the database layer free of features and of the pipeline", () => {
    const lower = files.filter((f) => f.startsWith(join(SRC, "common")) || f.startsWith(join(SRC, "db")));
    const offences = lower.flatMap((f) =>
      graph
        .get(f)!
        .filter((d) => d.startsWith(join(SRC, "ingest")) || (d.startsWith(join(SRC, "modules")) && !(f.endsWith(join("db", "entities.ts")) && d.endsWith(".entity.ts"))))
        .map((d) => `${rel(f)} → ${rel(d)}`),
    );
    expect(offences).toEqual([]);
  });

  it("keeps SQL in services: no resolver writes a statement", () => {
    const resolvers = files.filter((f) => f.endsWith(".resolver.ts"));
    expect(resolvers.length).toBeGreaterThan(5);
    const withSql = resolvers.filter((f) => /\b(SELECT|INSERT|UPDATE|DELETE)\s+[\w*]/.test(readFileSync(f, "utf8")));
    expect(withSql.map(rel)).toEqual([]);
  });
});
