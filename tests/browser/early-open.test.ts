/**
 * `EligibilityScreener.open()` from a click before the deferred script has
 * run (issue 15): the README's queue snippet keeps the call, and the popup
 * opens once the script arrives. The snippet is taken from the README as
 * written, so the README cannot drift from what is tested.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UI_TIMEOUT_MS, useHarness } from './support/harness.ts';
import { instrument, watchPage } from './support/instrument.ts';
import { WIDGET_SCRIPT } from './support/server.ts';

const h = useHarness();
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The README's ```js block that defines the stand-in `window.EligibilityScreener`. */
function queueSnippet(): string {
  const block = [...readFileSync(README, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((code) => code.includes('window.EligibilityScreener ||'));
  if (!block) throw new Error('README.md has no ```js block with the queue snippet (window.EligibilityScreener || …)');
  return block;
}

describe('open() before the script has run', () => {
  it('is kept by the README snippet and opens the popup when the script arrives', async () => {
    const snippet = queueSnippet();
    h.server.route('/early.js', {
      body: `${snippet}
document.getElementById('check').addEventListener('click', () => EligibilityScreener.open({ bookingUrl: 'https://clinic.example/book' }));`,
      headers: { 'content-type': 'text/javascript' },
    });
    h.server.route('/early.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title>
<script src="/early.js" defer></script>
<script src="${WIDGET_SCRIPT}" defer></script></head>
<body><h1>Our clinic</h1><button id="check" type="button">Check if ketamine therapy may suit you</button></body></html>`,
    });
    // The widget's script arrives late (a slow CDN); early.js, before it, has already run.
    h.server.route(WIDGET_SCRIPT, { delayMs: 2_000 });

    const context = await h.browser.newContext();
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    await instrument(context);
    const page = await context.newPage();
    const watch = watchPage(page);
    try {
      await page.goto(h.server.url('/early.html'), { waitUntil: 'commit' });
      await page.waitForFunction(() => typeof (window as { EligibilityScreener?: unknown }).EligibilityScreener === 'object');
      await page.getByRole('button', { name: 'Check if ketamine therapy may suit you' }).click();
      // The click came before the script: nothing to show yet, and nothing was lost.
      expect(await page.evaluate(() => customElements.get('eligibility-screener'))).toBeUndefined();

      const dialog = page.locator('eligibility-screener').getByRole('dialog');
      await dialog.waitFor({ timeout: 15_000 });
      expect(await dialog.evaluate((el) => el.matches(':modal')), 'the dialog is modal').toBe(true);
      await dialog.getByRole('heading').first().waitFor();
      expect(await page.evaluate(() => window.EligibilityScreener?.version)).toMatch(/^\d+\.\d+\.\d+/);
      expect(await page.locator('eligibility-screener').count(), 'one widget').toBe(1);
      expect(await page.locator('eligibility-screener').getAttribute('booking-url')).toBe('https://clinic.example/book');
      expect(watch.errors).toEqual([]);
      expect(watch.console.filter((m) => m.type === 'warning' || m.type === 'error')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
