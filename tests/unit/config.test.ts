import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, loadConfig, parseDatabaseUrl, redactUrl } from "../../src/config";

describe("configuration", () => {
  it("defaults to the embedded database on port 4000", () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.database).toMatchObject({ kind: "sqlite", path: "./data/budget.sqlite", url: DEFAULT_DATABASE_URL });
  });

  it("reads mysql:// and mariadb:// URLs", () => {
    expect(parseDatabaseUrl("mysql://app:p%40ss@db.local:3307/budget")).toMatchObject({
      kind: "mysql", host: "db.local", port: 3307, user: "app", password: "p@ss", database: "budget",
    });
    expect(parseDatabaseUrl("mariadb://root@127.0.0.1/budget")).toMatchObject({ kind: "mariadb", port: 3306, password: "" });
  });

  it("rejects what it cannot use, naming the problem", () => {
    expect(() => parseDatabaseUrl("postgres://x/y")).toThrow(/not supported/);
    expect(() => parseDatabaseUrl("mysql://root@host")).toThrow(/names no database/);
    expect(() => parseDatabaseUrl("sqlite:")).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
  });

  it("never prints a password", () => {
    expect(redactUrl("mysql://app:secret@db:3306/budget")).toBe("mysql://app:***@db:3306/budget");
    expect(redactUrl("mysql://app@db/budget")).toBe("mysql://app@db/budget");
  });
});
