/**
 * The booking link is the one way out of the widget. It carries no answer
 * and no tier, ever (a URL is what every pixel on the booking page records).
 * With `forward-utm`, the host page's `utm_*` parameters go along, and
 * nothing else from the page's address.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { findPlan } from './support/scenarios.ts';

const h = useHarness();

/** The hrefs of the widget's links to the clinic, as the browser resolves them. */
async function clinicLinks(patient: Patient): Promise<string[]> {
  const hrefs = await patient.widget.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.filter((href) => href.startsWith('https://clinic.example/'));
}

const PAGE_QUERY = '?utm_source=newsletter&utm_medium=email&utm_campaign=spring-2026&email=pat%40example.com&gclid=Cj0KCQ&q=depression#section';

describe('the booking link', () => {
  for (const tier of ['candidate', 'review'] as const) {
    it(`carries the page's utm_* parameters only, with forward-utm, and no tier even with share-outcome (${tier})`, async () => {
      h.server.route('/utm.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, 'forward-utm': true, 'share-outcome': true }] }) });
      const plan = findPlan(tier, { interrupted: false });
      const { page } = await h.open(`/utm.html${PAGE_QUERY}`);
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      await patient.walk(plan);
      expect(await clinicLinks(patient)).toEqual([
        `${BOOKING_URL}&utm_source=newsletter&utm_medium=email&utm_campaign=spring-2026`,
      ]);
    });
  }

  it('is exactly the booking-url without forward-utm, whatever the page address holds', async () => {
    h.server.route('/no-utm.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, 'share-outcome': true }] }) });
    const plan = findPlan('review', { interrupted: false });
    const { page } = await h.open(`/no-utm.html${PAGE_QUERY}`);
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(plan);
    expect(await clinicLinks(patient)).toEqual([BOOKING_URL]);
  });

  it('forwards utm_* on the contact-the-clinic fallback too, and only them', async () => {
    h.server.route('/rules/missing.json', { status: 404 });
    h.server.route('/utm-fallback.html', {
      body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, 'forward-utm': true, rules: '/rules/missing.json' }] }),
    });
    const { page } = await h.open(`/utm-fallback.html${PAGE_QUERY}`);
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.outcome('unavailable').waitFor();
    expect(await clinicLinks(patient)).toEqual([`${BOOKING_URL}&utm_source=newsletter&utm_medium=email&utm_campaign=spring-2026`]);
  });
});
