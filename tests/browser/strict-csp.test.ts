/**
 * Under `Content-Security-Policy: default-src 'self'; script-src 'self';
 * style-src 'self'` the widget runs a whole assessment, inline and as a
 * popup, with zero violations and its styles intact.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { hostLog, type PageWatch } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';
import { STRICT_CSP } from './support/server.ts';

const h = useHarness();
const CSP_HEADERS = { 'content-security-policy': STRICT_CSP };

function cspConsoleErrors(watch: PageWatch): string[] {
  return watch.console
    .filter((m) => /content security policy|refused to (apply|execute|load|evaluate|connect)/i.test(m.text))
    .map((m) => `${m.type}: ${m.text}`);
}

/** The look of the start button, which only the widget's stylesheet gives it. */
async function startButtonStyle(page: Page): Promise<Record<string, string>> {
  const button = new Patient(page, page.locator('eligibility-screener')).startButton();
  await button.waitFor();
  return button.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      backgroundColor: s.backgroundColor,
      color: s.color,
      padding: s.padding,
      borderRadius: s.borderRadius,
      fontSize: s.fontSize,
    };
  });
}

describe('on a page with a strict Content-Security-Policy', () => {
  it('runs a whole assessment with zero violations', async () => {
    h.server.route('/csp.html', { headers: CSP_HEADERS, body: hostPage() });
    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/csp.html');
    // The policy is really in force: the page's own inline code would be blocked.
    const response = await page.request.get(h.server.url('/csp.html'));
    expect(response.headers()['content-security-policy']).toBe(STRICT_CSP);

    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const result = await patient.walk(plan);
    await result.getByRole('heading', { name: plain(ruleSet.outcomes.candidate.title) }).waitFor();
    await patient.press(patient.widget.getByRole('button', { name: 'Start again', exact: true }));
    await patient.introHeading().waitFor();

    expect((await hostLog(page)).violations).toEqual([]);
    expect(cspConsoleErrors(watch)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('is styled the same as on a page without a policy (constructable stylesheets are not blocked)', async () => {
    h.server.route('/csp-style.html', { headers: CSP_HEADERS, body: hostPage() });
    const open = await h.open('/inline.html');
    const strict = await h.open('/csp-style.html');
    const expected = await startButtonStyle(open.page);
    // A browser-default button has 1px 6px padding: the widget's own look differs.
    expect(expected.padding).not.toBe('1px 6px');
    expect(await startButtonStyle(strict.page)).toEqual(expected);
    expect((await hostLog(strict.page)).violations).toEqual([]);
  });

  it('runs the popup with zero violations', async () => {
    h.server.route('/csp-popup.html', { headers: CSP_HEADERS, body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, mode: 'popup' }] }) });
    const plan = findPlan('review', { interrupted: false });
    const { page, watch } = await h.open('/csp-popup.html');
    const widget = page.locator('eligibility-screener');
    await widget.getByRole('button', { name: 'Take the two-minute assessment' }).click();
    const dialog = widget.getByRole('dialog');
    await dialog.waitFor();
    const patient = new Patient(page, dialog);
    await patient.start();
    await patient.walk(plan);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    expect((await hostLog(page)).violations).toEqual([]);
    expect(cspConsoleErrors(watch)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
