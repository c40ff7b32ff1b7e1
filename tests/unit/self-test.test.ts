import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../src/authoring/cases.ts';
import { compileRuleSet, hashRuleSet, withoutClinicianNotes } from '../../src/core/compile.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { pickSelfTest, selfTestProblem, walk } from '../../src/core/self-test.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';

function ketamine() {
  const rules = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'rules/ketamine.yaml');
  if (!rules.ok) throw new Error('rules/ketamine.yaml should load');
  const cases = loadCases(readFileSync('rules/ketamine.cases.yaml', 'utf8'), 'rules/ketamine.cases.yaml', rules.ruleSet);
  if (!cases.ok) throw new Error('rules/ketamine.cases.yaml should load');
  return { ruleSet: rules.ruleSet, cases: cases.cases };
}

describe('pickSelfTest()', () => {
  it('picks a few ketamine cases covering every tier, the crisis interrupt and the crisis lines on a milder result', () => {
    const { ruleSet, cases } = ketamine();
    const picked = pickSelfTest(ruleSet, cases);
    const tiers = new Set([...ruleSet.rules.map((rule) => rule.tier), 'candidate']);
    expect(new Set(picked.map((c) => c.tier))).toEqual(tiers);
    expect(picked.some((c) => c.interrupted && c.tier === 'crisis')).toBe(true);
    // rules/ketamine.yaml marks rules `crisisHelp: lines`: one case shows the lines without a crisis result.
    expect(ruleSet.rules.some((rule) => rule.crisisHelp === 'lines')).toBe(true);
    expect(picked.some((c) => c.crisisLines && c.tier !== 'crisis')).toBe(true);
    expect(picked.length).toBeLessThanOrEqual(5);
  });

  it('keeps only the answers the patient is asked, in question order, and each case walks as recorded', () => {
    const { ruleSet, cases } = ketamine();
    for (const picked of pickSelfTest(ruleSet, cases)) {
      const source = cases.find((c) => Object.entries(picked.answers).every(([id, value]) => JSON.stringify(c.answers[id]) === JSON.stringify(value)));
      expect(source, JSON.stringify(picked)).toBeDefined();
      const order = ruleSet.questions.map((q) => q.id).filter((id) => id in picked.answers);
      expect(Object.keys(picked.answers)).toEqual(order);
      expect(walk(ruleSet, picked.answers)).toEqual(picked);
    }
  });

  it('prefers short cases: the interrupting one stops at the crisis answer', () => {
    const { ruleSet, cases } = ketamine();
    const interrupting = pickSelfTest(ruleSet, cases).find((c) => c.interrupted)!;
    expect(Object.keys(interrupting.answers).length).toBeLessThan(ruleSet.questions.length / 2);
  });

  it('leaves out a case whose walk does not reach the tier it expects, or no result at all', () => {
    const { ruleSet, cases } = ketamine();
    const candidate = cases.find((c) => c.expect.tier === 'candidate')!;
    const wrong = { ...candidate, expect: { ...candidate.expect, tier: 'review' as const } };
    const unfinished = { ...candidate, answers: { age: 34 } };
    expect(pickSelfTest(ruleSet, [wrong, unfinished])).toEqual([]);
  });
});

describe('selfTestProblem()', () => {
  it('is undefined when every case walks as compiled, and names the case that does not', () => {
    const { ruleSet, cases } = ketamine();
    const picked = pickSelfTest(ruleSet, cases);
    expect(selfTestProblem(ruleSet, picked)).toBeUndefined();
    const tampered = picked.map((c, i) => (i === 1 ? { ...c, crisisLines: !c.crisisLines } : c));
    expect(selfTestProblem(ruleSet, tampered)).toMatch(/^self-test case 2 expected /);
    expect(selfTestProblem(ruleSet, [])).toBeUndefined();
  });
});

describe('compileRuleSet() with a self-test', () => {
  it('embeds it and hashes it with the rule set: changing one expectation changes the hash', async () => {
    const { ruleSet, cases } = ketamine();
    const selfTest = pickSelfTest(ruleSet, cases);
    const compiled = await compileRuleSet(ruleSet, selfTest);
    expect(compiled.selfTest).toEqual(selfTest);
    const reread = JSON.parse(JSON.stringify(compiled)) as typeof compiled;
    expect(await hashRuleSet(reread.ruleSet, reread.selfTest)).toBe(compiled.hash);
    expect(compiled.hash).not.toBe(await hashRuleSet(ruleSet));
    const edited = selfTest.map((c, i) => (i === 0 ? { ...c, tier: 'review' as const } : c));
    expect(await hashRuleSet(ruleSet, edited)).not.toBe(compiled.hash);
  });

  it('leaves the field out without cases, so the hash is the rule set (as shipped) alone as before', async () => {
    const { ruleSet } = ketamine();
    for (const compiled of [await compileRuleSet(ruleSet), await compileRuleSet(ruleSet, [])]) {
      expect('selfTest' in compiled).toBe(false);
      expect(compiled.hash).toBe(await hashRuleSet(withoutClinicianNotes(ruleSet as RuleSet)));
    }
  });
});
