import { relative } from "node:path";
import { explorerBundle } from "../explorer/routes";
import { ideBundle } from "../ide/bundle";

// `npm run build:pages [ide|explorer]`: builds the pages' bundles (all without a name) even when they
// look current (the server and the tests build them themselves only when missing or stale).
const bundles = { ide: ideBundle, explorer: explorerBundle };

async function main(names: string[]): Promise<void> {
  for (const name of names.length ? names : Object.keys(bundles)) {
    const bundle = bundles[name as keyof typeof bundles];
    if (!bundle) throw new Error(`no page called ${name}: ${Object.keys(bundles).join(", ")}`);
    const { ms } = await bundle.build();
    console.log(`built ${bundle.label} into ${relative(process.cwd(), bundle.outDir) || "."} in ${(ms / 1000).toFixed(1)} s`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
