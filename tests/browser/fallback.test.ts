/**
 * When the rules cannot be loaded or trusted, the patient sees "please
 * contact the clinic" with the booking link — never a result. And a booking
 * URL that is not https is refused: no link, one console warning.
 */
import { describe, expect, it } from 'vitest';
import { compiledDefault, compiledDefaultJson } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';
import type { Route } from './support/server.ts';

const h = useHarness();

/** Longer than any sensible fetch timeout for a rules file (the widget's default is 10 s). */
const SLOW_RULES_WAIT_MS = 20_000;

function tampered(): string {
  const compiled = compiledDefault();
  const first = compiled.ruleSet.questions[0]!;
  // Same hash, different content: a rule file edited after it was compiled.
  const edited = { ...compiled, ruleSet: { ...compiled.ruleSet, questions: [{ ...first, id: 'edited' }, ...compiled.ruleSet.questions.slice(1)] } };
  return JSON.stringify(edited);
}

const broken: Array<{ name: string; route: () => Route; waitMs?: number }> = [
  { name: 'answers 404', route: () => ({ status: 404 }) },
  { name: 'answers 500', route: () => ({ status: 500 }) },
  { name: 'is not JSON', route: () => ({ body: '{ "format": "eligibility-screener/rules", ' }) },
  { name: 'is JSON but not a rule set', route: () => ({ body: JSON.stringify({ format: 'eligibility-screener/rules', formatVersion: 1, hash: 'sha256-x', ruleSet: { questions: [] } }) }) },
  { name: 'was edited after compiling (hash mismatch)', route: () => ({ body: tampered() }) },
  { name: 'never answers', route: () => ({ hang: true }), waitMs: SLOW_RULES_WAIT_MS },
];

describe('when the rules cannot be loaded', () => {
  for (const [index, { name, route, waitMs }] of broken.entries()) {
    it(`shows "contact the clinic" and no result when the rules file ${name}`, { timeout: 60_000 }, async () => {
      const rules = `/rules/broken-${index}.json`;
      const path = `/fallback-${index}.html`;
      h.server.route(rules, route());
      h.server.route(path, { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules }] }) });
      const { page, watch } = await h.open(path);
      const patient = new Patient(page, page.locator('eligibility-screener'));

      const fallback = patient.outcome('unavailable');
      await fallback.waitFor({ timeout: waitMs ?? 5_000 });
      const text = ((await fallback.textContent()) ?? '').replace(/\s+/g, ' ');
      expect(text).toMatch(/contact/i);
      expect(text).toMatch(/clinic/i);
      expect(await patient.widget.locator(`a[href="${BOOKING_URL.replace(/"/g, '\\"')}"]`).count(), 'the booking link').toBe(1);
      // Never a result, never a question, never a way to start.
      expect(await patient.outcome().count()).toBe(1);
      expect(await patient.startButton().count()).toBe(0);
      expect(await patient.widget.locator('fieldset, input').count()).toBe(0);
      expect(watch.errors).toEqual([]);
    });
  }

  it('works normally with a good rules file (the checks above can fail)', async () => {
    h.server.route('/rules/good.json', { body: compiledDefaultJson() });
    h.server.route('/fallback-good.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/good.json' }] }) });
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/fallback-good.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(plan);
    expect(await patient.outcome('unavailable').count()).toBe(0);
  });
});

describe('a booking URL that is not https', () => {
  for (const bookingUrl of ['http://clinic.example/book', 'javascript:alert(document.domain)']) {
    it(`is refused with a console warning and no link: ${bookingUrl}`, async () => {
      const path = `/booking-${encodeURIComponent(bookingUrl.split(':')[0]!)}.html`;
      h.server.route(path, { body: hostPage({ widgets: [{ 'booking-url': bookingUrl }] }) });
      const ruleSet = defaultRuleSet();
      const plan = findPlan('candidate', { interrupted: false });
      const { page, watch } = await h.open(path);
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      const result = await patient.walk(plan);
      await result.getByRole('heading', { name: plain(ruleSet.outcomes.candidate.title) }).waitFor();

      const hrefs = await patient.widget.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => href === bookingUrl || /^\s*(javascript|http):/i.test(href))).toEqual([]);
      expect(await patient.widget.getByRole('link', { name: plain(ruleSet.outcomes.candidate.action) }).count()).toBe(0);
      const warnings = watch.console.filter((m) => m.type === 'warning' && /booking/i.test(m.text));
      expect(warnings.length, `console: ${JSON.stringify(watch.console)}`).toBeGreaterThanOrEqual(1);
      expect(watch.errors).toEqual([]);
    });
  }
});
