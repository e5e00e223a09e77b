import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { REQUIRE_MYSQL } from "./mysql-url";

/** Debian's chromium, driven by playwright-core (which brings no browser of its own). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const haveChromium = existsSync(CHROMIUM);
/** In CI (and wherever the MySQL suite is required) a missing browser fails the test instead of skipping it. */
export const chromiumRequired = REQUIRE_MYSQL || Boolean(process.env.CI);
/** Headless, and quiet: without the background-networking flags chromium calls Google's hosts, refused here. */
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A browser with a fresh profile; `close` also removes the profile. */
export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "test-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, locale: "zh-CN" });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function warnWithoutChromium(what: string): void {
  if (!haveChromium && !chromiumRequired) console.warn(`[tests] ${CHROMIUM} is not installed: ${what} is skipped (apt-get install chromium fonts-noto-cjk; CI installs them and REQUIRE_MYSQL=1 makes this fail)`);
}
