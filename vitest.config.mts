import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql (loaded by Node) gets graphql's CommonJS build; the project's own code must
    // get the same copy, or a scalar made here is "not a GraphQL type" there.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // Each file gets its own database, so files may run side by side.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    setupFiles: ["reflect-metadata"],
    globalSetup: ["tests/global-setup.ts"],
  },
});
