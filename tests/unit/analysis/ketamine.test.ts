/**
 * The analysis on the default rule file: every invariant proven over every
 * answer path, no lint errors, and no crisis or not-suitable rule that could
 * be deleted without an invariant catching it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRuleSet } from '../../../src/analysis/analyze.ts';
import { proveInvariants } from '../../../src/analysis/prove.ts';
import { evaluate } from '../../../src/core/engine.ts';
import { RuleSet } from '../../../src/authoring/schema.ts';
import { loadRules } from '../../support/load-rules.ts';

const ruleSet = loadRules('ketamine');

describe('analysis of rules/ketamine.yaml', () => {
  it('proves every invariant over every answer path, with no lint errors, in seconds', () => {
    const started = performance.now();
    const analysis = analyzeRuleSet(ruleSet);
    const seconds = (performance.now() - started) / 1000;
    expect(analysis.invariants.length).toBeGreaterThan(0);
    for (const result of analysis.invariants) {
      expect(result.status, result.id).toBe('proven');
      expect(result.vacuous, result.id).toBe(false);
    }
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Billions of answer paths, folded into a few hundred merged screens.
    expect(analysis.explored.paths).toBeGreaterThan(1e6);
    expect(analysis.explored.nodes).toBeLessThan(1000);
    // Generous on a shared, busy 2-core machine; a quiet one takes under a second.
    expect(seconds).toBeLessThan(30);
  }, 60_000);

  it.each(ruleSet.rules.filter((rule) => rule.tier !== 'review').map((rule) => [rule.id, rule.tier]))(
    'catches the deletion of %s (%s) with a broken invariant',
    (id) => {
      const without = RuleSet.parse({ ...ruleSet, rules: ruleSet.rules.filter((rule) => rule.id !== id) });
      const broken = proveInvariants(without).filter((result) => result.status === 'broken');
      expect(broken.length).toBeGreaterThan(0);
      // On the full rule file, the counterexample's answers fire the rule that was deleted.
      for (const result of broken) {
        expect(evaluate(ruleSet, result.counterexample!.answers).fired.map((rule) => rule.id)).toContain(id);
      }
    },
    30_000,
  );
});
