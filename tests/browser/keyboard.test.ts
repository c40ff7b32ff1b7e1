/**
 * The whole assessment by keyboard alone (Tab, Space, arrow keys, Enter — no
 * mouse), with focus moving to each new screen's heading so a screen-reader
 * or keyboard user knows where they are.
 */
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/authoring/schema.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL } from './support/pages.ts';
import { Patient, waitForHeadingFocus } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';

const h = useHarness();

describe('a keyboard-only patient', () => {
  const tiers: Array<Exclude<Tier, 'crisis'>> = ['candidate', 'review', 'not-suitable'];

  for (const tier of tiers) {
    it(`reaches "${tier}" and focus lands on every new screen's heading`, async () => {
      const ruleSet = defaultRuleSet();
      const plan = findPlan(tier, { interrupted: false });
      const { page, watch } = await h.open('/inline.html');
      const patient = new Patient(page, page.locator('eligibility-screener'), 'keyboard');

      await patient.introHeading().waitFor();
      await patient.start();
      const result = await patient.walk(plan, async (step) => {
        await waitForHeadingFocus(page, plain(step.question.text));
      });
      await waitForHeadingFocus(page, plain(ruleSet.outcomes[tier].title));
      await result.getByRole('heading', { name: plain(ruleSet.outcomes[tier].title) }).waitFor();

      // The booking or contact link is reachable and focusable with Tab.
      const action = patient.widget.getByRole('link', { name: plain(ruleSet.outcomes[tier].action) });
      await action.waitFor();
      if (tier !== 'not-suitable') expect(await action.getAttribute('href')).toBe(BOOKING_URL);
      await patient.tabTo(action);

      // Start again by keyboard: back to the intro, focus on its heading.
      await patient.press(patient.widget.getByRole('button', { name: 'Start again', exact: true }));
      await patient.introHeading().waitFor();
      await waitForHeadingFocus(page, plain(ruleSet.intro.title));
      expect(watch.errors).toEqual([]);
    });
  }

  it('reaches crisis help by keyboard, focus on the crisis heading, and can go Back', async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('crisis', { interrupted: true });
    const { page, watch } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'), 'keyboard');

    await patient.start();
    await patient.walk(plan, async (step) => {
      await waitForHeadingFocus(page, plain(step.question.text));
    });
    const { crisisResources } = ruleSet;
    const titles = [ruleSet.outcomes.crisis.title, crisisResources.title, crisisResources.medicalTitle].filter((t) => t !== undefined).map((text) => plain(text));
    await Promise.any(titles.map((title) => waitForHeadingFocus(page, title))).catch((error: AggregateError) => {
      throw error.errors[0];
    });
    // Every crisis link can be reached with Tab.
    for (const resource of crisisResources.resources) {
      await patient.tabTo(patient.widget.locator(`a[href="${plain(resource.href)}"]`, { hasText: plain(resource.linkLabel) }).first());
    }
    // Back returns to the question that raised the alarm, focus on it.
    const last = plan.steps.at(-1)!;
    await patient.press(patient.backButton());
    await patient.questionScreen(last.question).waitFor();
    await waitForHeadingFocus(page, plain(last.question.text));
    expect(watch.errors).toEqual([]);
  });

  it('keeps focus visible on every control it tabs to', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'), 'keyboard');
    await patient.start();
    const first = plan.steps[0];
    if (!first) throw new Error('the candidate plan has no question');
    await patient.questionScreen(first.question).waitFor();
    // Tab through the first question's controls: each focused control draws an
    // outline or a box-shadow (a focus ring), never nothing.
    const invisible: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        let active: Element | null = document.activeElement;
        let inWidget = false;
        while (active?.shadowRoot?.activeElement) {
          inWidget = true;
          active = active.shadowRoot.activeElement;
        }
        if (!active || !inWidget) return null;
        const style = getComputedStyle(active);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
        const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
        return { name: `${active.tagName.toLowerCase()} ${(active.textContent ?? active.getAttribute('value') ?? '').trim().slice(0, 40)}`, visible: outline || shadow };
      });
      if (ring && !ring.visible) invisible.push(ring.name);
    }
    expect(invisible, 'focused controls without a visible focus ring').toEqual([]);
  });
});
