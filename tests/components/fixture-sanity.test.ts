import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/engine.ts';
import { fixtureRuleSet } from './support.ts';

// The component tests lean on these outcomes of the fixture; if it changes, they say why here first.
describe('the component-test fixture (fixtures/mini.yaml)', () => {
  const ruleSet = fixtureRuleSet();
  it.each([
    ['candidate', { age: 40, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'no', bp: 'normal' }],
    ['review', { age: 40, goals: ['anxiety'], 'wish-dead': 'no', pregnancy: 'no', bp: 'high' }],
    ['review', { age: 40, goals: ['anxiety'], 'wish-dead': 'yes', 'thoughts-now': 'no', pregnancy: 'no', bp: 'normal' }],
    ['not-suitable', { age: 16, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'no', bp: 'normal' }],
    ['crisis', { age: 40, goals: ['depression'], 'wish-dead': 'yes', 'thoughts-now': 'yes' }],
    ['crisis', { age: 40, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'no', bp: 'crisis' }],
  ] as const)('gives %s for %j', (tier, answers) => {
    expect(evaluate(ruleSet, answers).tier).toBe(tier);
  });
});
