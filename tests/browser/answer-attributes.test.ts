/**
 * Session-replay and analytics auto-capture scripts read the DOM's
 * attributes (a MutationObserver sees every one). An answer must never land
 * in one: not on the host element, not in the shadow root, and not as a
 * `checked` or `value` attribute when a question is shown again after Back
 * (the browser keeps the choice as a property, which attribute recorders
 * do not see).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { Patient } from './support/patient.ts';
import { findPlan } from './support/scenarios.ts';

const h = useHarness();

/**
 * Every attribute of every element on the page, shadow roots included, as
 * `path name="value"` lines. The progress bar's `value`/`max` are left out:
 * they count screens, and "of about N" may change with any answer.
 */
async function allAttributes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines: string[] = [];
    const visit = (root: Document | ShadowRoot, prefix: string) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = `${prefix}${el.tagName.toLowerCase()}`;
        for (const attr of el.attributes) {
          if (el.tagName === 'PROGRESS' && (attr.name === 'value' || attr.name === 'max')) continue;
          lines.push(`${tag} ${attr.name}="${attr.value}"`);
        }
        if (el.shadowRoot) visit(el.shadowRoot, `${tag} >> `);
      }
    };
    visit(document, '');
    return lines.sort();
  });
}

/** What the browser knows as state (properties), to prove the answer is really pre-filled. */
async function inputState(page: Page): Promise<string[]> {
  return page.locator('eligibility-screener').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('input')].map((input) =>
      input.type === 'number' ? `number=${input.value}` : `${input.value}=${input.checked}`,
    ),
  );
}

describe('answers and attributes', () => {
  for (const type of ['single-choice', 'multiple-choice', 'number'] as const) {
    it(`leaves every attribute as it was after a ${type} answer, and after Back to it`, async () => {
      const plan = findPlan('candidate', { interrupted: false, withType: type });
      const index = plan.steps.findIndex((step) => step.question.type === type);
      const { page } = await h.open('/inline.html');
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      for (const step of plan.steps.slice(0, index)) await patient.answer(step);
      const step = plan.steps[index]!;
      await patient.questionScreen(step.question).waitFor();
      const shown = await allAttributes(page);
      const blank = await inputState(page);

      await patient.answer(step);
      const next = plan.steps[index + 1];
      if (next) await patient.questionScreen(next.question).waitFor();
      else await patient.outcome().waitFor();
      await patient.press(patient.backButton());
      await patient.questionScreen(step.question).waitFor();

      // The answer is back on screen (the check can fail)…
      const prefilled = await inputState(page);
      expect(prefilled).not.toEqual(blank);
      // …yet not one attribute anywhere differs from the first time the question was shown.
      expect(await allAttributes(page)).toEqual(shown);
    });
  }

  it('puts no chosen option id or number into any attribute on the result screen', async () => {
    const plan = findPlan('review', { interrupted: false });
    const { page } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(plan);
    const attributes = (await allAttributes(page)).join('\n');
    const chosen = plan.steps.flatMap((step) => [step.answer].flat().map(String));
    // Short ids such as "no" appear in ordinary words; longer ones and numbers are telling.
    for (const token of chosen.filter((t) => t.length >= 4 || /^\d+$/.test(t))) {
      expect(attributes, `"${token}" in an attribute`).not.toMatch(new RegExp(`(^|[^\\w-])${token}($|[^\\w-])`));
    }
    // The host element carries only what the clinic wrote plus the replay hints.
    const host = await page.locator('eligibility-screener').evaluate((el) => el.getAttributeNames().sort());
    expect(host).toEqual(['booking-url', 'class', 'data-clarity-mask', 'data-hj-suppress', 'data-private']);
  });
});
