/**
 * The suicide-risk and blood-pressure journeys of the clinical review
 * (tests/support/safety-scenarios.ts), walked by a patient in the built
 * widget: what is on the last screen, read as the patient reads it.
 */
import { describe, expect, it } from 'vitest';
import type { ChoiceQuestion, Question } from '../../src/authoring/schema.ts';
import { TYPICAL_KETAMINE_ANSWERS } from '../support/load-rules.ts';
import { optionForReading, playScenario, SAFETY_SCENARIOS } from '../support/safety-scenarios.ts';
import { useHarness } from './support/harness.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, plain } from './support/scenarios.ts';

const h = useHarness();

async function openPatient() {
  const { page, watch } = await h.open('/inline.html');
  const patient = new Patient(page, page.locator('eligibility-screener'));
  await patient.start();
  return { page, watch, patient };
}

const find = (id: string): Question => defaultRuleSet().questions.find((q) => q.id === id)!;

describe('suicide-risk and blood-pressure journeys in the browser (rules/ketamine.yaml)', () => {
  for (const scenario of SAFETY_SCENARIOS) {
    it(scenario.name, async () => {
      const ruleSet = defaultRuleSet();
      const { watch, patient } = await openPatient();
      for (const action of playScenario(ruleSet, scenario).actions) {
        if (action.kind === 'back') await patient.press(patient.backButton());
        else await patient.answer({ question: find(action.question), answer: action.answer, step: 0, total: 0 });
      }
      const { expect: want } = scenario;
      await patient.outcome(want.tier).waitFor();
      const carryOn = patient.widget.getByRole('button', { name: 'Continue the assessment', exact: true });
      expect(await carryOn.count()).toBe(want.screen === 'crisis' ? 1 : 0);
      for (const resource of ruleSet.crisisResources.resources) {
        const link = patient.widget.locator(`a[href="${plain(resource.href)}"]`, { hasText: plain(resource.linkLabel) });
        expect(await link.count(), plain(resource.linkLabel)).toBe(want.crisisLines ? 1 : 0);
      }
      // biome-ignore lint/performance/useDomNodeTextContent: the words a patient sees, laid out, not the raw text nodes.
      const text = (await patient.outcome().first().innerText()).replace(/\s+/g, ' ');
      for (const id of want.reasons ?? []) expect(text, id).toContain(plain(ruleSet.rules.find((rule) => rule.id === id)!.reason));
      expect(watch.errors).toEqual([]);
    });
  }

  it('puts a 132/104 reading, read off the labels on screen, at least not-suitable', async () => {
    const ruleSet = defaultRuleSet();
    const { watch, patient } = await openPatient();
    const bp = find('blood-pressure') as ChoiceQuestion;
    for (const [id, answer] of Object.entries(TYPICAL_KETAMINE_ANSWERS)) {
      const question = find(id);
      if (id !== 'blood-pressure') {
        await patient.answer({ question, answer, step: 0, total: 0 });
        continue;
      }
      // The patient reads the labels as drawn and picks the one their reading fits.
      await patient.questionScreen(bp).waitFor();
      const labels = await patient.questionScreen(bp).locator('label').allInnerTexts();
      const chosen = optionForReading(labels.map((label) => ({ label: label.trim() })), { top: 132, bottom: 104 });
      const option = bp.options.find((o) => plain(o.label) === chosen.label)!;
      await patient.answer({ question: bp, answer: option.id, step: 0, total: 0 });
    }
    await patient.outcome('not-suitable').waitFor();
    const reason = plain(ruleSet.rules.find((rule) => rule.id === 'blood-pressure-uncontrolled')!.reason);
    // biome-ignore lint/performance/useDomNodeTextContent: the words a patient sees, laid out, not the raw text nodes.
    expect((await patient.outcome().first().innerText()).replace(/\s+/g, ' ')).toContain(reason);
    expect(watch.errors).toEqual([]);
  });
});
