import { defineConfig } from "vite";
import { pageConfig } from "../src/web/vite-page.mts";

// The comparison explorer: React and ECharts, bundled into static files the API server hands out
// under /explorer/. It reads the saved operations from schema/operations/ at build time.
export default defineConfig(pageConfig(new URL(".", import.meta.url), "/explorer/"));
