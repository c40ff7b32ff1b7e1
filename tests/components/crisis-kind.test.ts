import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine.ts';
import { isMedicalCrisisOnly, needsSupportResources } from '../../widget/crisis-kind.ts';
import { fixtureRuleSet } from './support.ts';

const ruleSet = fixtureRuleSet();
const base = { age: 40, goals: ['depression'], pregnancy: 'no', bp: 'normal' };

describe('crisis-kind', () => {
  it('calls a crisis medical only when every crisis rule that fired says crisisHelp: medical', () => {
    expect(isMedicalCrisisOnly(evaluate(ruleSet, { ...base, 'wish-dead': 'no', bp: 'crisis' }))).toBe(true);
    expect(isMedicalCrisisOnly(evaluate(ruleSet, { ...base, 'wish-dead': 'yes', 'thoughts-now': 'yes' }))).toBe(false);
    expect(isMedicalCrisisOnly(evaluate(ruleSet, { ...base, 'wish-dead': 'yes', 'thoughts-now': 'yes', bp: 'crisis' }))).toBe(false);
    expect(isMedicalCrisisOnly(evaluate(ruleSet, { ...base, 'wish-dead': 'no' }))).toBe(false);
  });

  it('shows crisis resources with a milder result only for rules marked crisisHelp: lines', () => {
    expect(needsSupportResources(evaluate(ruleSet, { ...base, 'wish-dead': 'yes', 'thoughts-now': 'no' }))).toBe(true);
    expect(needsSupportResources(evaluate(ruleSet, { ...base, 'wish-dead': 'no', bp: 'high' }))).toBe(false);
  });
});
