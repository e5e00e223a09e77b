import "reflect-metadata";
import { ConfigError, loadConfig, redactUrl } from "./config";
import { DatabaseUnavailableError } from "./db/data-source";
import { DatabaseBusyError } from "./db/write-lock";
import { openPlatformDatabase } from "./platform";
import { loadSampleIfEmpty } from "./ingest/sample";
import { createServer } from "./server";

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openPlatformDatabase(config.database);
  if (config.loadSample) {
    const loaded = await loadSampleIfEmpty(ds);
    if (loaded) console.log(`loaded the sample disclosure (budget ${loaded.budgetId}) into the empty database`);
  }
  const server = await createServer(ds, config.port, process.env.HOST ?? "0.0.0.0");
  console.log(`budget API ready at ${server.url.replace("0.0.0.0", "localhost")}graphql on ${redactUrl(config.database.url)}`);
  const stop = async () => {
    await server.stop();
    await ds.destroy();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  // Operators get one line, not a stack trace, for the failures they can fix.
  if (err instanceof DatabaseUnavailableError || err instanceof ConfigError || err instanceof DatabaseBusyError) console.error(err.message);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
