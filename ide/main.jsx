// The analysts' IDE: GraphiQL against this server's /graphql, with the saved operations as examples.
// Plain JSX (no type checking): the project installs no React type definitions.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { createRoot } from "react-dom/client";
import { examplesPlugin } from "./examples.jsx";

/** Posts each operation to the API on this origin; the headers editor's values go along (a token, say). */
async function fetcher(params, opts) {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's error page, say: shown as an error rather than a blank response.
    return { errors: [{ message: `HTTP ${res.status}: the answer was not JSON`, extensions: { body: text.slice(0, 500) } }] };
  }
}

const DEFAULT_QUERY = `# The budget API. Open "Saved operations" on the left for the analyses that matter.
# Public callers see published figures only; with a token, put it in the Headers tab below:
#   { "Authorization": "Bearer <token>" }
query Departments {
  departments(first: 10) {
    nodes { code name }
  }
}
`;

createRoot(document.getElementById("root")).render(
  <GraphiQL fetcher={fetcher} plugins={[examplesPlugin, HISTORY_PLUGIN]} defaultQuery={DEFAULT_QUERY} isHeadersEditorEnabled defaultEditorToolsVisibility="headers" />,
);
