import "reflect-metadata";
import { ConfigError, loadConfig, redactUrl } from "./config";
import { DatabaseUnavailableError } from "./db/data-source";
import { DatabaseBusyError } from "./db/write-lock";
import { openPlatformDatabase } from "./platform";
import { loadSampleIfEmpty } from "./ingest/sample";
import { logger } from "./ops/logger";
import { createServer } from "./server";

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openPlatformDatabase(config.database);
  if (config.loadSample) {
    const loaded = await loadSampleIfEmpty(ds);
    if (loaded) logger.info({ budgetId: loaded.budgetId }, "loaded the sample disclosure into the empty database");
  }
  const server = await createServer(ds, config.port, process.env.HOST ?? "0.0.0.0", { shutdownGraceMs: config.shutdownGraceMs });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal while draining (Ctrl-C twice) means now.
    if (stopping) {
      logger.warn({ signal }, "stopping now, without waiting for requests in flight");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down: no new connections; finishing requests in flight");
    try {
      // The listener closes first; requests in flight finish (up to the grace period) before the database closes under them.
      await server.stop();
      await ds.destroy();
      logger.info("stopped");
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Said once the handlers are in: a supervisor that signals as soon as it reads this line gets a graceful stop.
  logger.info({ url: `${server.url.replace("0.0.0.0", "localhost")}graphql`, database: redactUrl(config.database.url) }, "budget API ready");
}

main().catch((err: unknown) => {
  // Operators get one line, not a stack trace, for the failures they can fix.
  if (err instanceof DatabaseUnavailableError || err instanceof ConfigError || err instanceof DatabaseBusyError) console.error(err.message);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
