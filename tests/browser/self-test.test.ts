/**
 * The self-test in a real page (src/core/self-test.ts): a host script that breaks
 * a built-in so that the engine would silently give a wrong outcome gets the
 * contact-the-clinic fallback and one warning, never a result. The break here
 * is a plausible one: an old `Array.prototype.includes` polyfill with an
 * off-by-one bug (it never finds the first element). On today's engine it
 * turns "pregnant" (not suitable) into "candidate". It is the self-test that
 * stops each journey, not a load check: once the page is idle after the intro
 * (a break already there), or before the first result (a break that comes later).
 */
import { describe, expect, it } from 'vitest';
import { compiledDefaultJson } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient, type ScreenOutcome } from './support/patient.ts';
import { planCase, scenarioCases, type Plan } from './support/scenarios.ts';

const h = useHarness();

const BUGGY_INCLUDES = 'Array.prototype.includes = function (value) { return this.indexOf(value) > 0; };';
/** The same polyfill, loaded late (on the patient's first click), as a chat widget's bundle might: after the rules file was fetched and checked. */
const LATE_BUGGY_INCLUDES = `document.addEventListener('click', () => { ${BUGGY_INCLUDES} }, { capture: true, once: true });`;

function journey(name: string): Plan {
  const plan = planCase(scenarioCases().find((c) => c.name === name)!);
  if ('unanswered' in plan) throw new Error(`case "${name}" leaves "${plan.unanswered}" unanswered`);
  return plan;
}

/** Walks a plan as far as the widget lets; returns the outcome shown ('unavailable' for the fallback) and how many answers it took. */
async function outcomeOf(patient: Patient, plan: Plan): Promise<{ shown: string; asked: number }> {
  // The idle self-test may take the intro away at any moment: then the loop below sees the fallback.
  await patient.introHeading().or(patient.outcome()).first().waitFor();
  if (!(await patient.outcome().count())) await patient.startButton().click({ timeout: 5_000 }).catch(() => {});
  let asked = 0;
  for (const step of plan.steps) {
    await patient.questionScreen(step.question).or(patient.outcome()).first().waitFor();
    if (await patient.outcome().count()) break;
    await patient.answer(step);
    asked += 1;
  }
  await patient.outcome().first().waitFor();
  return { shown: (await patient.outcome().first().getAttribute('data-outcome')) ?? '', asked };
}

async function run(path: string, widget: Record<string, string>, script?: string) {
  h.server.route(`${path}.js`, { body: script ?? '', headers: { 'content-type': 'text/javascript' } });
  h.server.route('/rules/ketamine.json', { body: compiledDefaultJson() });
  h.server.route(`${path}.html`, { body: hostPage({ widgets: [widget], head: script ? `<script src="${path}.js"></script>` : '' }) });
  const { page, watch } = await h.open(`${path}.html`);
  const { shown, asked } = await outcomeOf(new Patient(page, page.locator('eligibility-screener')), journey('Pregnant'));
  const warnings = watch.console.filter((entry) => entry.text.startsWith('[eligibility-screener]'));
  return { shown: shown as ScreenOutcome, asked, warnings, errors: watch.errors };
}

describe('the self-test in a host page that broke a built-in', () => {
  it('a pregnant patient gets "not suitable" on a plain page (control)', async () => {
    for (const widget of [{ 'booking-url': BOOKING_URL }, { 'booking-url': BOOKING_URL, rules: '/rules/ketamine.json' }] as Record<string, string>[]) {
      const { shown, warnings } = await run('/plain', widget);
      expect(shown).toBe('not-suitable');
      expect(warnings).toEqual([]);
    }
  });

  it('built-in rules, a buggy includes polyfill: the fallback and one warning, never "candidate"', async () => {
    const { shown, warnings, errors, asked } = await run('/buggy-includes', { 'booking-url': BOOKING_URL }, BUGGY_INCLUDES);
    expect(shown).toBe('unavailable');
    // Found while the page was idle: the patient was not asked to answer anything first.
    expect(asked).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toContain('contact the clinic');
    expect(errors).toEqual([]);
  });

  it('a remote rule file (rules attribute): refused at once when the break is there first, and a break that comes later changes nothing', async () => {
    // Loaded at once, the includes bug makes the widget's load check refuse the file.
    const early = await run('/buggy-remote', { 'booking-url': BOOKING_URL, rules: '/rules/ketamine.json' }, BUGGY_INCLUDES);
    expect(early.shown).toBe('unavailable');
    expect(early.asked).toBe(0);
    expect(early.warnings).toHaveLength(1);
    expect(early.errors).toEqual([]);
    // Loaded late (on the patient's first click), it comes after the idle self-test, which has
    // prepared the engine's tests with the page's built-ins intact: the right result, and the
    // self-test before it (which still runs: tests/components/self-test.test.ts) finds nothing.
    const late = await run('/late-buggy-remote', { 'booking-url': BOOKING_URL, rules: '/rules/ketamine.json' }, LATE_BUGGY_INCLUDES);
    expect(late.shown).toBe('not-suitable');
    expect(late.warnings).toEqual([]);
    expect(late.errors).toEqual([]);
  });
});
