/**
 * `shows: crisis-lines` invariants (src/analysis/prove-shows.ts) on the
 * default ketamine rules: proven as written, broken with the fewest answers
 * when a rule loses its crisis lines, and never "proven" vacuously unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { formatInvariantResult, invariantFindings } from '../../../src/analysis/index.ts';
import { proveInvariant, proveInvariants } from '../../../src/analysis/prove.ts';
import type { RuleSet, ShowsInvariant } from '../../../src/authoring/schema.ts';
import { loadRules } from '../../support/load-rules.ts';
import { rule, ruleSet as buildRuleSet, single } from '../../support/rule-set-builder.ts';

const ruleSet = loadRules('ketamine');
const shows = (when: ShowsInvariant['when']): ShowsInvariant => ({ id: 'x', description: 'lines stay', when, shows: 'crisis-lines' });
const without = (id: string): RuleSet => ({
  ...ruleSet,
  rules: ruleSet.rules.map((rule) => {
    if (rule.id !== id) return rule;
    const { crisisHelp: _dropped, ...rest } = rule;
    return rest;
  }),
});

describe('proveInvariant() with shows: crisis-lines', () => {
  it('proves every shows invariant of rules/ketamine.yaml', () => {
    const results = proveInvariants(ruleSet).filter((r) => r.shows);
    expect(results.length).toBe(3);
    expect(results.map((r) => [r.id, r.status, r.vacuous])).toEqual(results.map((r) => [r.id, 'proven', false]));
  });

  it('breaks, with the fewest answers, when the older-attempt review no longer shows the lines', () => {
    const broken = proveInvariant(without('past-suicide-attempt'), shows({ question: 'suicide-attempt', equals: 'longer-ago' }));
    expect(broken.status).toBe('broken');
    expect(broken.counterexample!.answers).toEqual({ 'suicide-attempt': 'longer-ago' });
    expect(broken.counterexample!.fired).toEqual(['past-suicide-attempt']);
    expect(invariantFindings([broken])[0]!.message).toMatch(/expected the crisis lines on every later result.*crisisHelp: lines/i);
    expect(formatInvariantResult(ruleSet, broken).at(-1)).toContain('expected the crisis lines on every later result');
  });

  it('says when its condition can never be true', () => {
    const never = proveInvariant(ruleSet, shows({ all: [{ question: 'death-wish', equals: 'yes' }, { question: 'death-wish', equals: 'no' }] }));
    expect(never).toMatchObject({ status: 'vacuous', vacuous: true });
    expect(invariantFindings([never]).map((f) => f.code)).toEqual(['invariant-never-applies']);
  });

  it('gives a counterexample that fires no unrelated rule when one with as few answers fires none', () => {
    // q1 is asked after q0 = a or b; q0 = a also fires an unrelated review rule, b fires nothing.
    const set = buildRuleSet({
      questions: [single('q0', ['a', 'b', 'c']), single('q1', ['yes', 'no'], { showIf: { question: 'q0', oneOf: ['a', 'b'] } })],
      rules: [rule('a-review', { question: 'q0', equals: 'a' }, 'review'), rule('yes-review', { question: 'q1', equals: 'yes' }, 'review')],
    });
    const broken = proveInvariant(set, shows({ question: 'q1', equals: 'yes' }));
    expect(broken.status).toBe('broken');
    expect(broken.counterexample!.answers).toEqual({ q0: 'b', q1: 'yes' });
    expect(broken.counterexample!.fired).toEqual(['yes-review']);
  });
});
