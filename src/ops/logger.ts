import pino from "pino";

/**
 * The process's one logger: JSON lines on stdout, for a log collector to read. LOG_LEVEL sets the
 * level; under vitest it defaults to silent, so a test run prints only what a test asks for.
 * Written synchronously: pino's buffered default flushes at exit by spinning on the descriptor,
 * and with the log reader gone (a closed pipe) the process never exited after SIGTERM.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL?.trim() || (process.env.VITEST ? "silent" : "info"),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  pino.destination({ dest: 1, sync: true }),
);
