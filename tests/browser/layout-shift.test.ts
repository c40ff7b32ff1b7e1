/**
 * Loading the widget must not push the clinic's page around (issue 6): the
 * cumulative layout shift while it loads is about zero, and in popup mode
 * nothing of the assessment is built before the button is pressed.
 *
 * The widget's script is served 300 ms late (a slow CDN), so the page has
 * certainly painted before the element is defined: the worst case, and the
 * usual one on a real site. The host page holds the widget's space the way the
 * README's snippet tells clinics to (fixtures/layout.css); from then on every
 * pixel of movement is the widget's doing.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledDefaultJson } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { hostLog } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, plain } from './support/scenarios.ts';
import { WIDGET_SCRIPT } from './support/server.ts';

const h = useHarness();

/** "About zero": a tenth of what Core Web Vitals calls good (0.1). */
const MAX_CLS = 0.01;
const LATE_SCRIPT_MS = 300;
const OPEN_LABEL = 'Take the two-minute assessment';

/** Waits two animation frames, so any shift from the last render is reported. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function cumulativeShift(page: Page): Promise<{ cls: number; shifts: number; paintedBeforeDefined: boolean }> {
  await settle(page);
  const log = await hostLog(page);
  const counted = log.shifts.filter((s) => !s.hadRecentInput);
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? null);
  return {
    cls: counted.reduce((sum, s) => sum + s.value, 0),
    shifts: counted.length,
    paintedBeforeDefined: firstPaint !== null && log.definedAt !== null && firstPaint < log.definedAt,
  };
}

const page = (widget: Record<string, string | true>) =>
  hostPage({
    head: '<link rel="stylesheet" href="/layout.css">',
    widgets: [{ 'booking-url': BOOKING_URL, ...widget }],
    after: '<h2>Our team</h2><p class="below">Text under the widget: it must not move.</p><p class="below">More text.</p>',
  });

describe('layout shift while the widget loads', () => {
  beforeAll(() => {
    h.server.route(WIDGET_SCRIPT, { delayMs: LATE_SCRIPT_MS });
  });

  it('measures a shift when there is one (control page)', async () => {
    const { page: control } = await h.open('/layout-control.html', { waitForWidget: false });
    await control.waitForFunction(() => document.body.dataset.shifted === 'true');
    const { cls } = await cumulativeShift(control);
    expect(cls).toBeGreaterThan(0.05);
  });

  it('does not move the host page with the built-in rules', async () => {
    const { page: host } = await h.open('/layout.html');
    await new Patient(host, host.locator('eligibility-screener')).introHeading().waitFor();
    const result = await cumulativeShift(host);
    expect(result.paintedBeforeDefined, 'the page painted before the widget arrived').toBe(true);
    expect(result.cls, `${result.shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });

  it('does not move the host page while a remote rules file loads', async () => {
    h.server.route('/rules/late.json', { body: compiledDefaultJson(), delayMs: 400 });
    h.server.route('/layout-remote.html', { body: page({ rules: '/rules/late.json' }) });
    const { page: host } = await h.open('/layout-remote.html');
    await new Patient(host, host.locator('eligibility-screener')).introHeading().waitFor();
    const result = await cumulativeShift(host);
    expect(result.cls, `${result.shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });

  it('does not move the host page in popup mode', async () => {
    h.server.route('/layout-popup.html', { body: page({ mode: 'popup' }) });
    const { page: host } = await h.open('/layout-popup.html');
    await host.locator('eligibility-screener').getByRole('button', { name: OPEN_LABEL }).waitFor();
    const result = await cumulativeShift(host);
    expect(result.paintedBeforeDefined, 'the page painted before the widget arrived').toBe(true);
    expect(result.cls, `${result.shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });

  it('does not move the host page on a 320-pixel phone', async () => {
    const { page: host } = await h.open('/layout.html', { viewport: { width: 320, height: 640 }, isMobile: true, deviceScaleFactor: 2 });
    await new Patient(host, host.locator('eligibility-screener')).introHeading().waitFor();
    const result = await cumulativeShift(host);
    expect(result.cls, `${result.shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });
});

describe('popup mode before the button is pressed', () => {
  it('builds nothing of the assessment until the patient asks', async () => {
    const ruleSet = defaultRuleSet();
    const { page: host } = await h.open('/popup.html');
    const widget = host.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: OPEN_LABEL });
    await opener.waitFor();
    await settle(host);

    const before = await widget.evaluate((el, introTitle) => {
      const root = el.shadowRoot;
      const text = (root?.textContent ?? '').replace(/\s+/g, ' ');
      return {
        elements: root?.querySelectorAll('*').length ?? 0,
        assessment: root?.querySelectorAll('fieldset, input, h1, h2, h3, [data-outcome], dialog[open]').length ?? 0,
        hasIntroText: text.includes(introTitle),
      };
    }, plain(ruleSet.intro.title));
    expect(before.assessment, 'no screen of the assessment before the click').toBe(0);
    expect(before.hasIntroText, 'the intro is not rendered before the click').toBe(false);
    // A button, perhaps an icon and an empty dialog shell: a handful of elements, not a form.
    expect(before.elements).toBeLessThanOrEqual(6);

    await opener.click();
    await new Patient(host, widget.getByRole('dialog')).introHeading().waitFor();
  });

  it('does not fetch a remote rule file until the patient asks', async () => {
    h.server.route('/rules/popup-later.json', { body: compiledDefaultJson() });
    h.server.route('/popup-remote.html', { body: page({ mode: 'popup', rules: '/rules/popup-later.json' }) });
    const { page: host } = await h.open('/popup-remote.html');
    const widget = host.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: OPEN_LABEL });
    await opener.waitFor();
    await settle(host);
    const fetched = () => h.server.requests.filter((request) => request.path === '/rules/popup-later.json').length;
    expect(fetched(), 'no rules requested before the click').toBe(0);

    await opener.click();
    await new Patient(host, widget.getByRole('dialog')).introHeading().waitFor();
    expect(fetched(), 'requested once, when the patient opened it').toBe(1);
  });
});
