/**
 * Spanish-speaking patients on a Spanish page with the Spanish script
 * (`dist/eligibility-screener.es.js`, issue 12): each journey (candidate,
 * review, not-suitable, crisis, "contact the clinic", popup) read in the
 * Spanish rule text and the widget's Spanish words. Every screen visited
 * carries no English of the widget's own words or of the rule text and is
 * marked `lang="es"`; axe finds nothing serious on the intro, a question, the
 * crisis screen and the results; the crisis screen offers 988 in Spanish.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/authoring/schema.ts';
import { uiStrings } from '../../src/core/ui-strings.ts';
import { auditWidget } from './support/axe.ts';
import { useHarness } from './support/harness.ts';
import { languageProblems } from './support/language.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient, hasFocus } from './support/patient.ts';
import { defaultRuleSet, findPlan, planCase, scenarioCases, type Plan } from './support/scenarios.ts';
import { widgetScript } from './support/server.ts';

const LANG = 'es';
const SCRIPT = widgetScript(LANG);
/** A clinic's Spanish page: `<html lang="es">` and the Spanish script. */
const PAGE = '/inline.es.html';

const h = useHarness({ scripts: [SCRIPT.slice('/dist/'.length)] });
const words = uiStrings(LANG);

/** Fails with every English phrase (and every piece not marked Spanish) on the widget now. */
async function expectSpanish(page: Page, screen: string): Promise<void> {
  expect(await languageProblems(page.locator('eligibility-screener'), LANG), `the ${screen} screen in Spanish`).toEqual([]);
}

async function expectNoSeriousAxe(page: Page, screen: string): Promise<void> {
  expect(await auditWidget(page), `axe on the ${screen} screen`).toEqual([]);
}

async function openSpanish(path = PAGE): Promise<{ page: Page; patient: Patient; errors: unknown[] }> {
  const { page, watch } = await h.open(path);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(LANG);
  return { page, patient: new Patient(page, page.locator('eligibility-screener'), 'mouse', LANG), errors: watch.errors };
}

/** What to check on the way besides each screen's language. */
interface WalkChecks {
  /** Run axe on the intro, the first question and any crisis screen. */
  audit?: boolean;
  /** Provoke the widget's complaints: Continue with nothing chosen on the first question, a number out of range. */
  complain?: boolean;
}

/** Walks `plan` from the intro: the progress line, the Back button and the language of every screen on the way. */
async function walkInSpanish(page: Page, patient: Patient, plan: Plan, checks: WalkChecks = {}): Promise<void> {
  await patient.introHeading().waitFor();
  await expectSpanish(page, 'intro');
  if (checks.audit) await expectNoSeriousAxe(page, 'intro');
  await patient.start(plan.steps[0]?.question);
  let complainedOfNumber = false;
  await patient.walk(
    plan,
    async (step, index) => {
      const { question } = step;
      await patient.progressText(step).waitFor();
      if (step.step > 1) await patient.backButton().waitFor();
      await expectSpanish(page, `question "${question.id}"`);
      if (checks.audit && index === 0) await expectNoSeriousAxe(page, `question "${question.id}"`);
      if (checks.complain && index === 0 && question.type !== 'number') {
        await patient.press(patient.continueButton());
        await patient.widget.getByText(question.type === 'single-choice' ? words.needChoice : words.needChoices).first().waitFor();
        await expectSpanish(page, `question "${question.id}" answered with nothing`);
      }
      if (checks.complain && question.type === 'number' && !complainedOfNumber) {
        complainedOfNumber = true;
        await patient.questionScreen(question).fill(String(question.max + 1));
        await patient.press(patient.continueButton());
        await patient.widget.getByText(words.needNumber(question.min, question.max)).first().waitFor();
        await expectSpanish(page, `question "${question.id}" out of range`);
      }
    },
    async (crisis, index) => {
      await checkCrisisHelp(patient);
      await expectSpanish(page, `crisis (after "${plan.steps[index]!.question.id}")`);
      if (checks.audit) await expectNoSeriousAxe(page, 'crisis');
      expect(await crisis.count()).toBe(1);
    },
  );
}

/** The Spanish 988 options the issue asks for, and the rule file's Spanish crisis resources, as links. */
async function checkCrisisHelp(patient: Patient): Promise<void> {
  const { crisisResources } = defaultRuleSet();
  for (const resource of crisisResources.resources) {
    await patient.widget.locator(`a[href="${patient.text(resource.href)}"]`, { hasText: patient.text(resource.linkLabel) }).first().waitFor();
    await patient.widget.getByText(patient.text(resource.detail)).first().waitFor();
  }
  // Spelled out, so a change to the rule file that drops one fails here.
  const expected: Array<[string, RegExp]> = [
    ['tel:988', /^Llamar al 988$/],
    ['tel:988', /^Llamar al 988 y marcar 2$/],
    ['sms:988?&body=AYUDA', /AYUDA al 988/],
    ['https://988lineadevida.org', /988lineadevida\.org/],
    ['tel:911', /911/],
  ];
  const links = await patient.widget
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() })));
  for (const [href, label] of expected) {
    expect(links.some((link) => link.href === href && label.test(link.text)), `a link to ${href} labelled ${label}: ${JSON.stringify(links)}`).toBe(true);
  }
  expect(links.filter((link) => /741741|988lifeline\.org/.test(link.href)), 'no English-only line').toEqual([]);
  await patient.widget.getByText(/Marque 2 para hablar en español/).first().waitFor();
  await patient.widget.getByText(patient.text(crisisResources.emergency)).first().waitFor();
}

describe('a Spanish-speaking patient with the Spanish script', () => {
  const cases: Array<{ tier: Exclude<Tier, 'crisis'>; booking: boolean; checks: WalkChecks }> = [
    { tier: 'candidate', booking: true, checks: { audit: true, complain: true } },
    { tier: 'review', booking: true, checks: {} },
    { tier: 'not-suitable', booking: false, checks: {} },
  ];
  for (const { tier, booking, checks } of cases) {
    it(`reaches "${tier}" in Spanish, with no English on any screen`, async () => {
      const ruleSet = defaultRuleSet();
      const plan = findPlan(tier, { interrupted: false });
      const { page, patient, errors } = await openSpanish();
      await walkInSpanish(page, patient, plan, checks);

      const outcome = ruleSet.outcomes[tier];
      await patient.outcome(tier).getByRole('heading', { name: patient.text(outcome.title) }).waitFor();
      expect(await patient.outcome().count()).toBe(1);
      const action = patient.widget.getByRole('link', { name: patient.text(outcome.action) });
      if (booking) expect(await action.getAttribute('href')).toBe(BOOKING_URL);
      else expect(await action.getAttribute('href')).toMatch(/^(https:|\/|mailto:|tel:)/);
      if (tier !== 'candidate' && ruleSet.showReasons) {
        await patient.widget.getByText(words.reasonsTitle).first().waitFor();
        for (const rule of plan.fired) await patient.widget.getByText(patient.text(rule.reason)).first().waitFor();
      }
      await expectSpanish(page, tier);
      if (checks.audit) await expectNoSeriousAxe(page, tier);

      await patient.press(patient.widget.getByRole('button', { name: words.startAgain, exact: true }));
      await patient.introHeading().waitFor();
      expect(errors).toEqual([]);
    });
  }

  it('sees crisis help in Spanish (988, press 2; AYUDA to 988; the Spanish chat; 911) at once and on the final result', async () => {
    const ruleSet = defaultRuleSet();
    const crisis = findPlan('crisis', { interrupted: true });
    const calm = findPlan('candidate', { interrupted: false });
    const byName = new Map(scenarioCases().map((c) => [c.name, c]));
    // The crisis answers, and calm answers for every question after them: the interrupt screen, then the crisis result.
    const plan = planCase(
      { name: `${crisis.name}, then carries on`, answers: { ...byName.get(calm.name)!.answers, ...byName.get(crisis.name)!.answers }, expect: { tier: 'crisis' } },
      { continueAfterCrisis: true },
    );
    if ('unanswered' in plan) throw new Error(`merged case leaves "${plan.unanswered}" unanswered`);
    expect(plan.crisisAfter.length, 'the crisis screen interrupts').toBeGreaterThan(0);
    expect(plan.tier).toBe('crisis');

    const { page, patient, errors } = await openSpanish();
    await walkInSpanish(page, patient, plan, { audit: true });
    const result = patient.outcome('crisis');
    await result.waitFor();
    const titles = [ruleSet.outcomes.crisis.title, ruleSet.crisisResources.title, ruleSet.crisisResources.medicalTitle]
      .filter((t) => t !== undefined)
      .map((t) => patient.text(t));
    const headings = (await result.getByRole('heading').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(headings.some((heading) => titles.some((title) => heading.includes(title))), `crisis headings: ${JSON.stringify(headings)}`).toBe(true);
    expect(await patient.continueAssessmentButton().count(), 'no questions left').toBe(0);
    await checkCrisisHelp(patient);
    await expectSpanish(page, 'crisis result');
    await expectNoSeriousAxe(page, 'crisis result');
    expect(errors).toEqual([]);
  });

  it('sees "loading", then "contact the clinic" in Spanish when the rules cannot be loaded', async () => {
    h.server.route('/rules/es-gone.json', { status: 404, delayMs: 700 });
    h.server.route('/es-fallback.html', {
      body: hostPage({ lang: LANG, script: SCRIPT, widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/es-gone.json' }] }),
    });
    const { page, patient, errors } = await openSpanish('/es-fallback.html');
    await patient.widget.getByText(words.loading).waitFor();
    await expectSpanish(page, 'loading');

    const fallback = patient.outcome('unavailable');
    await fallback.waitFor();
    await fallback.getByRole('heading', { name: words.unavailableTitle }).waitFor();
    await fallback.getByText(words.unavailableBody).waitFor();
    expect(await fallback.getByRole('link', { name: words.unavailableLink }).getAttribute('href')).toBe(BOOKING_URL);
    expect(await patient.startButton().count()).toBe(0);
    await expectSpanish(page, '"contact the clinic"');
    await expectNoSeriousAxe(page, '"contact the clinic"');
    expect(errors).toEqual([]);
  });

  it('opens the popup in Spanish (lang="es" on the element of an English page) and closes it with Escape', async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('not-suitable', { interrupted: false });
    h.server.route('/es-popup.html', {
      body: hostPage({ script: SCRIPT, widgets: [{ 'booking-url': BOOKING_URL, mode: 'popup', lang: LANG }] }),
    });
    const { page, watch } = await h.open('/es-popup.html');
    const widget = page.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: words.openAssessment, exact: true });
    await opener.waitFor();
    await expectSpanish(page, 'popup button');
    await opener.click();
    const dialog = widget.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: words.close, exact: true }).waitFor();
    const patient = new Patient(page, dialog, 'mouse', LANG);
    await walkInSpanish(page, patient, plan);
    await patient.outcome('not-suitable').getByRole('heading', { name: patient.text(ruleSet.outcomes['not-suitable'].title) }).waitFor();
    await expectSpanish(page, 'popup result');
    await expectNoSeriousAxe(page, 'popup result');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(opener), 'focus is back on the button').toBe(true);
    expect(watch.errors).toEqual([]);
  });
});

describe('the Spanish script on a page not marked Spanish', () => {
  // The popup's launcher button sits outside the card and the dialog (which carry `lang`): without
  // its own, it took the page's, and a screen reader read "Hacer la evaluación…" with an English voice.
  it('marks the popup button Spanish', async () => {
    h.server.route('/es-popup-en-page.html', { body: hostPage({ script: SCRIPT, widgets: [{ 'booking-url': BOOKING_URL, mode: 'popup' }] }) });
    const { page } = await h.open('/es-popup-en-page.html');
    await page.locator('eligibility-screener').getByRole('button', { name: words.openAssessment, exact: true }).waitFor();
    await expectSpanish(page, 'popup button');
  });
});

describe('the check for English on a Spanish screen', () => {
  it('can fail: it finds the English words of the English script', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start(plan.steps[0]?.question);
    await patient.progressText(plan.steps[0]!).waitFor();
    const problems = await languageProblems(page.locator('eligibility-screener'), LANG);
    const step = plan.steps[0]!;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`widget's own words "Continue" in "Continue"`),
        expect.stringContaining(`widget's own words "Question" in "${uiStrings('en').progress(step.step, step.total)}"`),
        expect.stringContaining(`rule text "${patient.text(step.question.text)}"`),
        expect.stringMatching(/^lang="en" on /),
      ]),
    );
  });
});
