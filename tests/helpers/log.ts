import { vi } from "vitest";
import { logger } from "../../src/ops/logger";

/** One logged line as text: its fields, an error as its stack, then its message. */
function lineOf(fields: unknown, message?: unknown): string {
  if (!fields || typeof fields !== "object") return [fields, message].filter((x) => x !== undefined).map(String).join(" ");
  const shown = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? (v.stack ?? v.message) : v]));
  return `${JSON.stringify(shown)} ${message ?? ""}`;
}

/** Captures what the server logs at warn and error level from now until vi.restoreAllMocks(). */
export function captureLog(): string[] {
  const lines: string[] = [];
  const keep = (fields: unknown, message?: unknown) => void lines.push(lineOf(fields, message));
  vi.spyOn(logger, "error").mockImplementation(keep as never);
  vi.spyOn(logger, "warn").mockImplementation(keep as never);
  return lines;
}

/** The fields of each `info` line the server logs from now until vi.restoreAllMocks(). */
export function captureInfo(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(logger, "info").mockImplementation(((fields: unknown, message?: unknown) => void lines.push({ ...(fields as object), msg: message })) as never);
  return lines;
}
