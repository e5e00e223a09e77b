import { PageBundle } from "../web/page-bundle";
import { pageRoutes, type RouteHandler } from "../web/page-routes";

/**
 * The comparison explorer at /explorer: ECharts over the public GraphQL API, built from
 * `explorer/` into `dist/explorer/`. It sends the saved operations of schema/operations/, which
 * vite copies into the bundle, so a change to one rebuilds the page.
 */
export const EXPLORER_PATH = "/explorer";

export const explorerBundle = new PageBundle({
  name: "explorer",
  label: "the explorer bundle",
  packages: ["echarts", "zrender", "react", "react-dom", "vite"],
  inputs: ["schema/operations"],
});

/** Answers the explorer's paths and returns true, or returns false for every other request. */
export function explorerRoutes(): RouteHandler {
  return pageRoutes(EXPLORER_PATH, explorerBundle, { title: "the explorer", unavailableCode: "EXPLORER_UNAVAILABLE" });
}
