import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The analysts' IDE: GraphiQL with its editors' workers, bundled into static files the API
// server hands out under /graphiql/. Nothing in it is fetched from another origin.
const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "/graphiql/",
  // The server builds into a scratch folder and swaps it in whole (src/ide/bundle.ts).
  build: {
    outDir: process.env.IDE_OUT_DIR ?? fileURLToPath(new URL("../dist/ide", import.meta.url)),
    emptyOutDir: true,
    // Monaco and GraphiQL are large by nature; one page, loaded once.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    // Small files stay files: a data: URL is harmless, but separate files keep the test's walk honest.
    assetsInlineLimit: 0,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark their modules "use client", which means nothing in a plain bundle.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  // The GraphQL worker splits into chunks, which only module workers can load.
  worker: { format: "es" },
  // JSX without a React plugin: esbuild's automatic runtime is all the entry needs.
  esbuild: { jsx: "automatic" },
  logLevel: "warn",
});
