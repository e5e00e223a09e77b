import { PageBundle } from "../web/page-bundle";

/** The IDE's static files (GraphiQL, Monaco and its workers), built from `ide/` into `dist/ide/`. */
export const ideBundle = new PageBundle({
  name: "ide",
  label: "the GraphiQL bundle",
  packages: ["graphiql", "@graphiql/react", "monaco-editor", "monaco-graphql", "react", "react-dom", "vite"],
});

export const IDE_BUNDLE_DIR = ideBundle.outDir;
