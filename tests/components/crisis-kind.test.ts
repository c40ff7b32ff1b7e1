import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine.ts';
import { isMedicalCrisisOnly, needsSupportResources, riskQuestionIds } from '../../widget/crisis-kind.ts';
import { fixtureRuleSet } from './support.ts';

const ruleSet = fixtureRuleSet();
const base = { age: 40, goals: ['depression'], pregnancy: 'no', bp: 'normal' };

describe('crisis-kind', () => {
  it('finds the suicide-risk questions: gated follow-ups read by crisis rules, and their gate', () => {
    expect([...riskQuestionIds(ruleSet)].sort()).toEqual(['thoughts-now', 'wish-dead']);
  });

  it('calls a blood-pressure crisis medical, and a suicide-risk crisis not', () => {
    expect(isMedicalCrisisOnly(ruleSet, evaluate(ruleSet, { ...base, 'wish-dead': 'no', bp: 'crisis' }))).toBe(true);
    expect(isMedicalCrisisOnly(ruleSet, evaluate(ruleSet, { ...base, 'wish-dead': 'yes', 'thoughts-now': 'yes' }))).toBe(false);
    expect(isMedicalCrisisOnly(ruleSet, evaluate(ruleSet, { ...base, 'wish-dead': 'yes', 'thoughts-now': 'yes', bp: 'crisis' }))).toBe(false);
    expect(isMedicalCrisisOnly(ruleSet, evaluate(ruleSet, { ...base, 'wish-dead': 'no' }))).toBe(false);
  });

  it('asks for crisis resources after a passive death wish, not after raised blood pressure', () => {
    expect(needsSupportResources(ruleSet, evaluate(ruleSet, { ...base, 'wish-dead': 'yes', 'thoughts-now': 'no' }))).toBe(true);
    expect(needsSupportResources(ruleSet, evaluate(ruleSet, { ...base, 'wish-dead': 'no', bp: 'high' }))).toBe(false);
  });
});
