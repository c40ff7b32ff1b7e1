/**
 * Per-file setup for the browser tests: one Chromium and one static server
 * for the whole file (launching is the slow part), a fresh context per page
 * (its own cookies and storage), everything closed after each test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { instrument, watchPage, type PageWatch } from './instrument.ts';
import { DIST_DIR, startServer, type TestServer } from './server.ts';

/** How long a locator waits for the widget before a test fails. Local pages are fast. */
export const UI_TIMEOUT_MS = 5_000;

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  watch: PageWatch;
}

export interface Harness {
  readonly browser: Browser;
  readonly server: TestServer;
  /** Opens `path` of the test server in a fresh, instrumented context. */
  open(path: string, options?: BrowserContextOptions & { waitForWidget?: boolean }): Promise<OpenedPage>;
}

export interface HarnessOptions {
  /** Files of `dist/` the tests load, checked before the browser starts (default the English script). */
  scripts?: string[];
}

/**
 * Registers the hooks and returns the harness for a test file.
 *
 * @example
 * const h = useHarness();
 * it('shows the intro', async () => {
 *   const { page } = await h.open('/inline.html');
 * });
 * const es = useHarness({ scripts: ['eligibility-screener.es.js'] });
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    for (const file of options.scripts ?? ['eligibility-screener.js']) {
      const script = join(DIST_DIR, file);
      // A language's script over the size budget is not written (npm run build says so).
      if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first (npm test does) and read its warnings.`);
    }
    [browser, server] = await Promise.all([launchChromium(), startServer()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  return {
    get browser() {
      if (!browser) throw new Error('browser not launched (beforeAll failed?)');
      return browser;
    },
    get server() {
      if (!server) throw new Error('server not started (beforeAll failed?)');
      return server;
    },
    async open(path, options = {}) {
      const { waitForWidget = true, ...contextOptions } = options;
      const context = await this.browser.newContext(contextOptions);
      contexts.push(context);
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      await instrument(context);
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(this.server.url(path));
      if (waitForWidget) {
        // The element is defined once the script ran; every test starts from there.
        await page.waitForFunction(() => customElements.get('eligibility-screener') !== undefined).catch((error: Error) => {
          const script = this.server.requests.filter((r) => r.path.startsWith('/dist/')).map((r) => `${r.path} ${r.status}`);
          throw new Error(
            `<eligibility-screener> was never defined on ${path} (${error.message.split('\n')[0]}). ` +
              `Script requests: ${script.join(', ') || 'none'}. Page errors: ${watch.errors.map(String).join(' | ') || 'none'}.`,
          );
        });
      }
      return { page, context, watch };
    },
  };
}
