import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const CLIENT = join(ROOT, "client");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const run = promisify(execFile);

/** The client's own files, examples aside (they are scripts that use it, with Node's types). */
function clientFiles(dir = CLIENT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "examples" ? [] : clientFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

async function tsc(args: string[]): Promise<string> {
  try {
    await run(process.execPath, [TSC, ...args], { cwd: ROOT, timeout: 120_000 });
    return "";
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}` || e.message;
  }
}

describe("the typed client as a package of its own", () => {
  it("imports nothing but itself, graphql and @graphql-typed-document-node/core", () => {
    const allowed = new Set(["graphql", "@graphql-typed-document-node/core"]);
    const outside: string[] = [];
    for (const file of clientFiles()) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bfrom\s+["']([^"']+)["']/g)) {
        const spec = m[1]!;
        const local = spec.startsWith(".") && !relative(CLIENT, join(file, "..", spec)).startsWith("..");
        if (!local && !allowed.has(spec)) outside.push(`${relative(ROOT, file)}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(CLIENT, "package.json"), "utf8")) as { exports: Record<string, string>; dependencies?: object; peerDependencies: object };
    expect(pkg.exports["."]).toBe("./index.ts");
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual([...allowed].sort());
  });

  it("compiles alone, without Node's types, the DOM or the server's code (client/tsconfig.json)", async () => {
    expect(await tsc(["-p", join(CLIENT, "tsconfig.json")])).toBe("");
  });

  it("type-checks in another project that imports it by its package name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "budget-client-user-"));
    try {
      // What `npm install <repo>/client` makes: a link under the package's name.
      mkdirSync(join(dir, "node_modules", "@gaoxin-budget"), { recursive: true });
      symlinkSync(CLIENT, join(dir, "node_modules", "@gaoxin-budget", "client"), "dir");
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", lib: ["ES2022"], types: [], strict: true, noEmit: true, skipLibCheck: true } }),
      );
      writeFileSync(
        join(dir, "use.ts"),
        [
          'import { createClient, DepartmentComparisonDocument, DepartmentsDocument, GraphQLRequestError } from "@gaoxin-budget/client";',
          'const client = createClient({ url: "http://127.0.0.1:4000/graphql", token: "t" });',
          "export async function totals(): Promise<string[]> {",
          "  const data = await client.request(DepartmentComparisonDocument, { year: 2023 });",
          "  const all = await client.request(DepartmentsDocument);",
          "  const n: number = all.departments.totalCount;",
          "  // @ts-expect-error the year is required",
          "  await client.request(DepartmentComparisonDocument, {});",
          "  // @ts-expect-error a year is a number",
          '  await client.request(DepartmentComparisonDocument, { year: "2023" });',
          "  try { await client.request(DepartmentsDocument); } catch (e) { if (e instanceof GraphQLRequestError) { const c: string[] = e.codes; const s: number = e.status; void c; void s; } }",
          "  return data.departments.nodes.flatMap((d) => (d.budget ? [d.budget.expenditureTotal] : [])).concat(String(n));",
          "}",
        ].join("\n"),
      );
      expect(await tsc(["-p", join(dir, "tsconfig.json")])).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
