import { defineConfig } from "vite";
import { pageConfig } from "../src/web/vite-page.mts";

// The analysts' IDE: GraphiQL with its editors' workers, bundled into static files the API
// server hands out under /graphiql/. Nothing in it is fetched from another origin.
export default defineConfig(
  pageConfig(new URL(".", import.meta.url), "/graphiql/", {
    // The GraphQL worker splits into chunks, which only module workers can load.
    worker: { format: "es" },
  }),
);
