/**
 * The self-test in a real page (src/core/self-test.ts): a host script that breaks
 * a built-in so that the engine would silently give a wrong outcome gets the
 * contact-the-clinic fallback and one warning, never a result. The break here
 * is a plausible one: an old `Array.prototype.includes` polyfill with an
 * off-by-one bug (it never finds the first element). On today's engine it
 * turns "pregnant" (not suitable) into "candidate". Each journey reaches the
 * intro and Start first: it is the self-test that stops it, not a load check.
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

/** Walks a plan as far as the widget lets; returns the outcome shown, 'unavailable' for the fallback. */
async function outcomeOf(patient: Patient, plan: Plan): Promise<string> {
  await patient.introHeading().waitFor();
  await patient.startButton().click();
  for (const step of plan.steps) {
    await patient.questionScreen(step.question).or(patient.outcome()).first().waitFor();
    if (await patient.outcome().count()) break;
    await patient.answer(step);
  }
  await patient.outcome().first().waitFor();
  return (await patient.outcome().first().getAttribute('data-outcome')) ?? '';
}

async function run(path: string, widget: Record<string, string>, script?: string) {
  h.server.route(`${path}.js`, { body: script ?? '', headers: { 'content-type': 'text/javascript' } });
  h.server.route('/rules/ketamine.json', { body: compiledDefaultJson() });
  h.server.route(`${path}.html`, { body: hostPage({ widgets: [widget], head: script ? `<script src="${path}.js"></script>` : '' }) });
  const { page, watch } = await h.open(`${path}.html`);
  const shown = await outcomeOf(new Patient(page, page.locator('eligibility-screener')), journey('Pregnant'));
  const warnings = watch.console.filter((entry) => entry.text.startsWith('[eligibility-screener]'));
  return { shown: shown as ScreenOutcome, warnings, errors: watch.errors };
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
    const { shown, warnings, errors } = await run('/buggy-includes', { 'booking-url': BOOKING_URL }, BUGGY_INCLUDES);
    expect(shown).toBe('unavailable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toContain('contact the clinic');
    expect(errors).toEqual([]);
  });

  it('a remote rule file (rules attribute) gets the same self-test', async () => {
    // Loaded at once, the includes bug makes the widget's load check refuse the file (fallback
    // before the intro); loaded late, the file passes that check and only the self-test is left.
    const { shown, warnings, errors } = await run('/late-buggy-remote', { 'booking-url': BOOKING_URL, rules: '/rules/ketamine.json' }, LATE_BUGGY_INCLUDES);
    expect(shown).toBe('unavailable');
    expect(warnings).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
