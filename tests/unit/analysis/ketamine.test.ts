/**
 * The invariants of the default rule file: no crisis or not-suitable rule
 * could be deleted without one of them catching it. (That they all hold, with
 * no lint errors, is in check.test.ts, on the check pipeline.)
 */
import { describe, expect, it } from 'vitest';
import { proveInvariants } from '../../../src/analysis/prove.ts';
import { evaluate } from '../../../src/core/engine.ts';
import { RuleSet } from '../../../src/authoring/schema.ts';
import { loadRules } from '../../support/load-rules.ts';

const ruleSet = loadRules('ketamine');

describe('analysis of rules/ketamine.yaml', () => {
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
