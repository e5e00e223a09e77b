import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "vite";

/**
 * The vite settings of a page the server hands out under `base` (see src/web/page-bundle.ts):
 * static files only, nothing fetched from another origin. `dir` is the page's source folder; the
 * bundle goes to dist/ under the folder's name.
 */
export function pageConfig(dir: URL, base: string, extra: UserConfig = {}): UserConfig {
  const root = fileURLToPath(dir);
  return {
    ...extra,
    root,
    base,
    build: {
      // The server builds into a scratch folder and swaps it in whole.
      outDir: process.env.PAGE_OUT_DIR ?? fileURLToPath(new URL(`../dist/${basename(root)}`, dir)),
      emptyOutDir: true,
      // One page, loaded once: a large chunk is not a problem worth a warning.
      chunkSizeWarningLimit: 6000,
      reportCompressedSize: false,
      // Small files stay files: a data: URL is harmless, but separate files keep the tests' walk honest.
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // React libraries mark their modules "use client", which means nothing in a plain bundle.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    },
    // JSX without a React plugin: esbuild's automatic runtime is all the entries need.
    esbuild: { jsx: "automatic" },
    logLevel: "warn",
  };
}
