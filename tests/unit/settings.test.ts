import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/common/limits";

const ROOT = resolve(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Variables the process inherits rather than an operator sets: the user's name, the test runner's flag. */
const NOT_SETTINGS = new Set(["USER", "VITEST"]);

/** Every environment variable the server and CLI read: `env.X`, `env["X"]`, a helper given its name, and the limits table. */
function variablesRead(): string[] {
  const found = new Set<string>(LIMITS.map((l) => l.env));
  for (const file of sourceFiles(join(ROOT, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[\s*"([A-Z][A-Z0-9_]+)"\s*\])/g)) found.add(m[1] ?? m[2]!);
    for (const m of text.matchAll(/wholeNumber\(\s*env,\s*"([A-Z][A-Z0-9_]+)"/g)) found.add(m[1]!);
  }
  return [...found].filter((v) => !NOT_SETTINGS.has(v)).sort();
}

describe("settings", () => {
  const read = variablesRead();

  it("finds the variables the code reads", () => {
    expect(read).toEqual(expect.arrayContaining(["DATABASE_URL", "PORT", "LOG_LEVEL", "SHUTDOWN_GRACE_MS", "MAX_QUERY_COST", "ADMIN_TOKEN"]));
  });

  it("lists every one in .env.example", () => {
    const example = readFileSync(join(ROOT, ".env.example"), "utf8");
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect(read.filter((v) => !listed.has(v))).toEqual([]);
  });

  it("documents every one in the README's settings table", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Settings"), readme.indexOf("### Health"));
    expect(section.length).toBeGreaterThan(100);
    expect(read.filter((v) => !section.includes(`\`${v}\``))).toEqual([]);
  });
});
