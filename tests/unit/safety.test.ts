/**
 * The suicide-risk and blood-pressure journeys the clinical review found
 * unsafe (tests/support/safety-scenarios.ts), walked on the assessment
 * machine with the default rules: where the patient ends, which tier, and
 * whether the crisis lines are on that screen.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/engine.ts';
import type { ChoiceQuestion } from '../../src/authoring/schema.ts';
import { resolveText } from '../../src/core/text.ts';
import { loadRules, TYPICAL_KETAMINE_ANSWERS } from '../support/load-rules.ts';
import { labelFits, optionForReading, playScenario, SAFETY_SCENARIOS } from '../support/safety-scenarios.ts';

const ruleSet = loadRules('ketamine');

describe('suicide-risk and blood-pressure journeys (rules/ketamine.yaml)', () => {
  it.each(SAFETY_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const { snapshot, asked } = playScenario(ruleSet, scenario);
    const { context } = snapshot;
    expect(snapshot.hasTag('result')).toBe(true);
    expect(context.interrupted ? 'crisis' : 'result').toBe(scenario.expect.screen);
    expect(context.outcome?.tier).toBe(scenario.expect.tier);
    expect(context.crisisLines).toBe(scenario.expect.crisisLines);
    for (const id of scenario.expect.neverAsked ?? []) expect(asked).not.toContain(id);
    for (const id of scenario.expect.reasons ?? []) expect(context.outcome?.fired.map((rule) => rule.id)).toContain(id);
  });
});

describe('blood-pressure bands a patient can read', () => {
  const question = ruleSet.questions.find((q) => q.id === 'blood-pressure') as ChoiceQuestion;
  const options = question.options.map((option) => ({ id: option.id, label: resolveText(option.label, 'en', 'en') }));

  it('says plainly in every band which numbers it means, and the "I don\'t know" option covers no recent reading', () => {
    for (const option of options.filter((o) => o.id !== 'unknown')) expect(() => labelFits(option.label, { top: 120, bottom: 80 })).not.toThrow();
    expect(options.find((o) => o.id === 'unknown')?.label).toMatch(/no reading in the past 3 months/i);
  });

  it('puts every reading in the higher of its two bands, and 132/104 at least not-suitable', () => {
    const bands: Array<[number, number, string]> = [
      [118, 76, 'under-140-90'], [132, 104, '160-179-or-100-119'], [150, 85, '140-159-or-90-99'], [138, 95, '140-159-or-90-99'],
      [165, 70, '160-179-or-100-119'], [150, 112, '160-179-or-100-119'], [182, 90, '180-120-or-higher'], [130, 121, '180-120-or-higher'],
    ];
    for (const [top, bottom, id] of bands) expect(optionForReading(options, { top, bottom }).id, `${top}/${bottom}`).toBe(id);
    const chosen = optionForReading(options, { top: 132, bottom: 104 }).id;
    expect(evaluate(ruleSet, { ...TYPICAL_KETAMINE_ANSWERS, 'blood-pressure': chosen }).tier).toBe('not-suitable');
  });
});
