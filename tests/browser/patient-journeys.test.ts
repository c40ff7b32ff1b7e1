/**
 * A patient clicking through the built widget on a plain host page, to each
 * outcome: what they see at every step and at the end (README.md, "Events").
 */
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/authoring/schema.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain, planCase, scenarioCases } from './support/scenarios.ts';

const h = useHarness();

describe('a patient clicking through the assessment', () => {
  const cases: Array<{ tier: Exclude<Tier, 'crisis'>; booking: boolean }> = [
    { tier: 'candidate', booking: true },
    { tier: 'review', booking: true },
    { tier: 'not-suitable', booking: false },
  ];

  for (const { tier, booking } of cases) {
    it(`reaches "${tier}" with its heading, reasons and links`, async () => {
      const ruleSet = defaultRuleSet();
      const plan = findPlan(tier, { interrupted: false });
      const { page, watch } = await h.open('/inline.html');
      const patient = new Patient(page, page.locator('eligibility-screener'));

      await patient.introHeading().waitFor();
      await patient.start(plan.steps[0]?.question);
      const result = await patient.walk(plan, async (step) => {
        // The patient sees how far along they are, counted as the machine counts.
        await patient.widget.getByText(`Question ${step.step} of about ${step.total}`, { exact: true }).first().waitFor();
        if (step.question.type === 'number') await patient.widget.getByText(plain(step.question.unit)).first().waitFor();
        if (step.step > 1) await patient.backButton().waitFor();
      });

      const outcome = ruleSet.outcomes[tier];
      await result.getByRole('heading', { name: plain(outcome.title) }).waitFor();
      // Only one outcome is on screen.
      expect(await patient.outcome().count()).toBe(1);

      const action = patient.widget.getByRole('link', { name: plain(outcome.action) });
      await action.waitFor();
      const href = await action.getAttribute('href');
      if (booking) expect(href).toBe(BOOKING_URL);
      else expect(href, 'the "talk to our team" link goes somewhere safe').toMatch(/^(https:|\/|mailto:|tel:)/);

      if (tier !== 'candidate' && ruleSet.showReasons) {
        for (const rule of plan.fired) await patient.widget.getByText(plain(rule.reason)).first().waitFor();
      }

      // "Start again" brings back the intro, with nothing of the old answers on screen.
      await patient.press(patient.widget.getByRole('button', { name: 'Start again', exact: true }));
      await patient.introHeading().waitFor();
      expect(await patient.outcome().count()).toBe(0);
      expect(watch.errors).toEqual([]);
    });
  }

  it('sees crisis help at once after an interrupting answer, and may continue', async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('crisis', { interrupted: true });
    const { page, watch } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));

    await patient.start(plan.steps[0]?.question);
    // walk() waits for the crisis screen right after the interrupting answer:
    // no further question comes first.
    const crisis = await patient.walk(plan);

    const { crisisResources } = ruleSet;
    const titles = [ruleSet.outcomes.crisis.title, crisisResources.title, crisisResources.medicalTitle]
      .filter((t) => t !== undefined)
      .map((text) => plain(text));
    const headings = (await crisis.getByRole('heading').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(headings.some((heading) => titles.some((title) => heading.includes(title))), `crisis headings: ${JSON.stringify(headings)}`).toBe(true);

    for (const resource of crisisResources.resources) {
      // The resource's own link: its label, to its href (rule text may link the same number too).
      await patient.widget.locator(`a[href="${plain(resource.href)}"]`, { hasText: plain(resource.linkLabel) }).first().waitFor();
    }
    await patient.widget.getByText(plain(crisisResources.emergency)).first().waitFor();

    const carryOn = patient.widget.getByRole('button', { name: 'Continue the assessment', exact: true });
    // Help is the filled, main action; carrying on is an outlined, secondary button.
    const first = crisisResources.resources[0]!;
    const helpLink = patient.widget.locator(`a[href="${plain(first.href)}"]`, { hasText: plain(first.linkLabel) }).first();
    const fill = (locator: typeof helpLink) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
    const card = await patient.widget.locator('.card').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await fill(helpLink)).not.toBe(card);
    if (plan.canContinue) expect(await fill(carryOn)).toBe(card);
    if (plan.canContinue && plan.continuesWith) {
      await patient.press(carryOn);
      await patient.questionScreen(plan.continuesWith).waitFor();
    } else {
      expect(await carryOn.count()).toBe(0);
    }
    expect(watch.errors).toEqual([]);
  });

  it('keeps crisis help on top of the final result after continuing past a crisis', async () => {
    const ruleSet = defaultRuleSet();
    const crisis = findPlan('crisis', { interrupted: true });
    const calm = findPlan('candidate', { interrupted: false });
    const byName = new Map(scenarioCases().map((c) => [c.name, c]));
    // The crisis answers, and calm answers for every question after them.
    const merged = planCase(
      { name: `${crisis.name}, then carries on`, answers: { ...byName.get(calm.name)!.answers, ...byName.get(crisis.name)!.answers }, expect: { tier: 'crisis' } },
      { continueAfterCrisis: true },
    );
    if ('unanswered' in merged) throw new Error(`merged case leaves "${merged.unanswered}" unanswered`);
    expect(merged.crisisAfter.length).toBeGreaterThan(0);
    expect(merged.tier).toBe('crisis');

    const { page, watch } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const result = await patient.walk(merged);
    expect(await patient.widget.getByRole('button', { name: 'Continue the assessment', exact: true }).count(), 'no questions left').toBe(0);
    const first = ruleSet.crisisResources.resources[0]!;
    const help = patient.widget.locator(`a[href="${plain(first.href)}"]`, { hasText: plain(first.linkLabel) }).first();
    await help.waitFor();
    const booking = patient.widget.locator(`a[href="${BOOKING_URL}"]`);
    if ((await booking.count()) > 0) {
      const [helpBox, bookingBox] = [await help.boundingBox(), await booking.first().boundingBox()];
      expect(helpBox!.y, 'crisis help above the booking link').toBeLessThan(bookingBox!.y);
    }
    expect(await result.count()).toBe(1);
    expect(watch.errors).toEqual([]);
  });
});
