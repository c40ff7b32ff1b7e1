/**
 * Launches Debian's Chromium for the browser tests. Never downloads a browser:
 * CI installs `chromium` with apt, and `CHROMIUM_PATH` points at another build.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags agreed in TEAM.md: headless, no sandbox (root in CI), no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * The Chromium binary: `CHROMIUM_PATH`, else `/usr/bin/chromium`.
 *
 * @example
 * chromiumPath() // '/usr/bin/chromium'
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Starts Chromium. `chromium.launch` gives every browser a fresh temporary
 * user-data directory (deleted on close), so no cookie, storage or cache
 * survives from one test file to the next.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * await browser.close();
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with "apt-get install -y chromium" ` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
