/**
 * A remote rule file (`rules`) is fetched only from the page's own origin or
 * an `https:` origin the clinic lists in `allowed-origins`, at most 512 KB,
 * without following redirects. Each failure shows "please contact the
 * clinic", never a result, and one console warning. (A file that never
 * answers is in fallback.test.ts: it waits out the 10 s timeout.) Under a
 * strict CSP the same-origin file loads with zero violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compiledDefaultJson } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { hostLog, type PageWatch } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { findPlan } from './support/scenarios.ts';
import { STRICT_CSP } from './support/server.ts';

const h = useHarness();
const CDN = 'https://cdn.clinic.example';

/** Adds a widget to an open page, after the test has set up its routes. */
async function addWidget(page: Page, attributes: Record<string, string>): Promise<Patient> {
  await page.evaluate((attrs) => {
    const el = document.createElement('eligibility-screener');
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    document.querySelector('main')!.append(el);
  }, attributes);
  return new Patient(page, page.locator('eligibility-screener'));
}

/** An empty clinic page, and every request the browser makes to the fake CDN (answered with the rules). */
async function emptyPage(path: string): Promise<{ page: Page; watch: PageWatch; cdnRequests: string[] }> {
  h.server.route(path, { body: hostPage({ widgets: [] }) });
  const opened = await h.open(path);
  const cdnRequests: string[] = [];
  await opened.context.route(`${CDN}/**`, (route) => {
    cdnRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: compiledDefaultJson() });
  });
  return { ...opened, cdnRequests };
}

async function expectFallback(patient: Patient, watch: PageWatch): Promise<void> {
  await patient.outcome('unavailable').waitFor();
  expect(await patient.outcome().count(), 'only the fallback, never a result').toBe(1);
  expect(await patient.startButton().count()).toBe(0);
  expect(await patient.widget.locator(`a[href="${BOOKING_URL}"]`).count(), 'the booking link').toBe(1);
  expect(watch.console.filter((m) => m.type === 'warning' && m.text.startsWith('[eligibility-screener]'))).toHaveLength(1);
  expect(watch.errors).toEqual([]);
}

describe('a remote rule file', () => {
  it('loads from an https origin the clinic lists (the refusals below are about the origin)', async () => {
    const { page, cdnRequests } = await emptyPage('/cdn-listed.html');
    const patient = await addWidget(page, { 'booking-url': BOOKING_URL, rules: `${CDN}/ketamine.json`, 'allowed-origins': CDN });
    await patient.introHeading().waitFor();
    expect(cdnRequests).toEqual([`${CDN}/ketamine.json`]);
  });

  it('is not even requested from an https origin nobody listed', async () => {
    const { page, watch, cdnRequests } = await emptyPage('/cdn-unlisted.html');
    const patient = await addWidget(page, { 'booking-url': BOOKING_URL, rules: `${CDN}/ketamine.json`, 'allowed-origins': 'https://other.example' });
    await expectFallback(patient, watch);
    expect(cdnRequests).toEqual([]);
  });

  it('is not even requested from a plain-http origin, listed or not', async () => {
    const { page, watch } = await emptyPage('/http-origin.html');
    // localhost is another origin than 127.0.0.1, served by the same test server.
    const other = h.server.origin.replace('127.0.0.1', 'localhost');
    h.server.route('/rules/elsewhere.json', { body: compiledDefaultJson() });
    const patient = await addWidget(page, { 'booking-url': BOOKING_URL, rules: `${other}/rules/elsewhere.json`, 'allowed-origins': other });
    await expectFallback(patient, watch);
    expect(watch.requests.filter((url) => url.includes('elsewhere'))).toEqual([]);
  });

  it('is refused when larger than 512 KB, even if it is a valid rule file', async () => {
    h.server.route('/rules/huge.json', { body: compiledDefaultJson() + ' '.repeat(513 * 1024) });
    h.server.route('/huge.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/huge.json' }] }) });
    const { page, watch } = await h.open('/huge.html');
    await expectFallback(new Patient(page, page.locator('eligibility-screener')), watch);
    expect(watch.console.find((m) => m.type === 'warning')?.text).toMatch(/bytes/);
  });

  it('is refused when the server redirects, even to a good file on the same origin', async () => {
    h.server.route('/rules/good-target.json', { body: compiledDefaultJson() });
    h.server.route('/rules/moved.json', { status: 302, headers: { location: '/rules/good-target.json' }, body: '' });
    h.server.route('/redirect.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/moved.json' }] }) });
    const { page, watch } = await h.open('/redirect.html');
    await expectFallback(new Patient(page, page.locator('eligibility-screener')), watch);
    expect(h.server.requests.filter((r) => r.path === '/rules/good-target.json')).toEqual([]);
  });

  it('loads under a strict Content-Security-Policy with zero violations, through a whole assessment', async () => {
    h.server.route('/rules/csp.json', { body: compiledDefaultJson() });
    h.server.route('/csp-rules.html', {
      headers: { 'content-security-policy': STRICT_CSP },
      body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/csp.json' }] }),
    });
    const plan = findPlan('review', { interrupted: false });
    const { page, watch } = await h.open('/csp-rules.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(plan);
    expect(h.server.requests.filter((r) => r.path === '/rules/csp.json').map((r) => r.status)).toEqual([200]);
    expect((await hostLog(page)).violations).toEqual([]);
    expect(watch.console.filter((m) => /content security policy|refused to/i.test(m.text))).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
