/**
 * Popup mode: a button opens the assessment in a modal dialog; Escape closes
 * it and focus returns to the button, by mouse and by keyboard.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { Patient, hasFocus, waitForHeadingFocus } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';

const h = useHarness();
const OPEN_LABEL = 'Take the two-minute assessment';

describe('popup mode', () => {
  it('opens a modal dialog, runs the assessment, and Escape returns focus to the button', async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/popup.html');
    const widget = page.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: OPEN_LABEL });
    await opener.waitFor();
    // Nothing of the assessment is on the page before the patient asks for it.
    expect(await widget.getByRole('dialog').count()).toBe(0);

    await opener.click();
    const dialog = widget.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.matches(':modal')), 'the dialog is modal').toBe(true);
    // The host page behind the dialog cannot be clicked.
    expect(await page.evaluate(() => document.elementFromPoint(5, 5)?.tagName.toLowerCase())).toBe('eligibility-screener');

    const patient = new Patient(page, dialog);
    await patient.introHeading().waitFor();
    await patient.start();
    const result = await patient.walk(plan);
    await result.getByRole('heading', { name: plain(ruleSet.outcomes.candidate.title) }).waitFor();

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(opener), 'focus is back on the button').toBe(true);
    expect(watch.errors).toEqual([]);
  });

  it('works by keyboard alone: Enter opens it, focus moves in, Escape closes it', async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('review', { interrupted: false });
    const { page } = await h.open('/popup.html');
    const widget = page.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: OPEN_LABEL });
    await opener.waitFor();
    const keyboard = new Patient(page, widget, 'keyboard');
    await keyboard.press(opener);
    const dialog = widget.getByRole('dialog');
    await dialog.waitFor();
    await waitForHeadingFocus(page, plain(ruleSet.intro.title));

    const patient = new Patient(page, dialog, 'keyboard');
    await patient.start();
    await patient.walk(plan, async (step) => waitForHeadingFocus(page, plain(step.question.text)));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(opener)).toBe(true);
  });

  it('closes with Escape mid-assessment and reopens where the patient was', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/popup.html');
    const widget = page.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: OPEN_LABEL });
    await opener.click();
    const dialog = widget.getByRole('dialog');
    const patient = new Patient(page, dialog);
    await patient.start();
    const [first, second] = plan.steps;
    if (!first || !second) throw new Error('plan too short');
    await patient.answer(first);
    await patient.questionScreen(second.question).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(opener)).toBe(true);
    await opener.click();
    await patient.questionScreen(second.question).waitFor();
  });
});
