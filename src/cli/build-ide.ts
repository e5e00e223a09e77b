import { relative } from "node:path";
import { buildIdeBundle, IDE_BUNDLE_DIR } from "../ide/bundle";

// `npm run build:ide`: builds the GraphiQL bundle even when it looks current (the server and the
// tests build it themselves only when it is missing or stale).
buildIdeBundle().then(
  ({ ms }) => console.log(`built the GraphiQL bundle into ${relative(process.cwd(), IDE_BUNDLE_DIR) || "."} in ${(ms / 1000).toFixed(1)} s`),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
