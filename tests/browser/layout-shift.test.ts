/**
 * Loading the widget must not push the clinic's page around (issue 6): the
 * cumulative layout shift while it loads is about zero, and in popup mode
 * nothing of the assessment is built before the button is pressed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compiledDefaultJson } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { hostLog } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, plain } from './support/scenarios.ts';

const h = useHarness();

/** "About zero": a tenth of what Core Web Vitals calls good (0.1). */
const MAX_CLS = 0.01;

/** Waits two animation frames, so any shift from the last render is reported. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function cumulativeShift(page: Page): Promise<{ cls: number; shifts: number }> {
  await settle(page);
  const { shifts } = await hostLog(page);
  const counted = shifts.filter((s) => !s.hadRecentInput);
  return { cls: counted.reduce((sum, s) => sum + s.value, 0), shifts: counted.length };
}

describe('layout shift while the widget loads', () => {
  it('measures a shift when there is one (control page)', async () => {
    const { page } = await h.open('/layout-control.html', { waitForWidget: false });
    await page.waitForFunction(() => document.body.dataset.shifted === 'true');
    const { cls } = await cumulativeShift(page);
    expect(cls).toBeGreaterThan(0.05);
  });

  it('does not shift the host page with the built-in rules', async () => {
    const { page } = await h.open('/layout.html');
    await new Patient(page, page.locator('eligibility-screener')).introHeading().waitFor();
    const { cls, shifts } = await cumulativeShift(page);
    expect(cls, `${shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });

  it('does not shift the host page while a remote rules file loads', async () => {
    h.server.route('/rules/late.json', { body: compiledDefaultJson(), delayMs: 400 });
    h.server.route('/layout-remote.html', {
      body: hostPage({
        head: '<link rel="stylesheet" href="/layout.css">',
        widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/late.json' }],
        after: '<h2>Our team</h2><p class="below">Text under the widget.</p>',
      }),
    });
    const { page } = await h.open('/layout-remote.html');
    await new Patient(page, page.locator('eligibility-screener')).introHeading().waitFor();
    const { cls, shifts } = await cumulativeShift(page);
    expect(cls, `${shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });

  it('does not shift the host page in popup mode', async () => {
    h.server.route('/layout-popup.html', {
      body: hostPage({
        head: '<link rel="stylesheet" href="/layout.css">',
        widgets: [{ 'booking-url': BOOKING_URL, mode: 'popup' }],
        after: '<h2>Our team</h2><p class="below">Text under the widget.</p>',
      }),
    });
    const { page } = await h.open('/layout-popup.html');
    await page.locator('eligibility-screener').getByRole('button', { name: 'Take the two-minute assessment' }).waitFor();
    const { cls, shifts } = await cumulativeShift(page);
    expect(cls, `${shifts} layout shifts`).toBeLessThan(MAX_CLS);
  });
});

describe('popup mode before the button is pressed', () => {
  it('builds nothing of the assessment until the patient asks', async () => {
    const ruleSet = defaultRuleSet();
    const { page } = await h.open('/popup.html');
    const widget = page.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: 'Take the two-minute assessment' });
    await opener.waitFor();
    await settle(page);

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
    await new Patient(page, widget.getByRole('dialog')).introHeading().waitFor();
  });
});
