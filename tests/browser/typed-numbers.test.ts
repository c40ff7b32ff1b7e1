/**
 * What a patient types into a number question, in real Chromium (issue 11):
 * digits of another script get a message asking for 0–9 (Chrome drops them
 * from the field as they are typed, so without it the patient sees an empty
 * field and a range message), and a value a hair under a whole number is
 * refused, not counted.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet } from './support/scenarios.ts';

const h = useHarness();

describe('typing a number', () => {
  // What the patient types into "age" → the message under the question.
  it.each([
    ['٤٢', 'Please type the number with the digits 0 to 9.'],
    ['४२', 'Please type the number with the digits 0 to 9.'],
    ['17.9999999999', 'Please enter a whole number.'],
    ['200', 'Please enter a number from 10 to 110.'],
  ])('refuses %j with "%s"', async (typed, message) => {
    h.server.route('/numbers.html', { body: hostPage() });
    const { page } = await h.open('/numbers.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    const age = defaultRuleSet().questions.find((q) => q.id === 'age')!;
    await patient.start(age);
    await patient.questionScreen(age).focus();
    await page.keyboard.type(typed);
    await patient.continueButton().click();
    await expect.poll(() => patient.widget.getByRole('alert').textContent()).toBe(message);
    expect(await patient.questionScreen(age).count()).toBe(1);
  });
});
