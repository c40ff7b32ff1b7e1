/**
 * The benchmark compares our engine with json-rules-engine and json-logic-js
 * on translated rules. The comparison is only honest if the translations
 * decide exactly as our engine does, hidden and unanswered questions
 * included; these tests hold them to that.
 */
import { existsSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, countedAnswers, type Answers } from '../../src/core/engine.ts';
import type { Condition, RuleSet } from '../../src/authoring/schema.ts';
import { generateAnswerSets } from '../bench/answers.ts';
import { jsonLogicEngine, jsonRulesEngine, ourEngine, type Decision, type EngineUnderTest } from '../bench/engines.ts';
import { loadRules } from '../bench/load-rules.ts';

const mini = await loadRules(new URL('../bench/fixtures/mini.yaml', import.meta.url).pathname);
const ketaminePath = new URL('../../rules/ketamine.yaml', import.meta.url).pathname;

async function decisions(engine: EngineUnderTest, sets: readonly Answers[]): Promise<Decision[]> {
  const out: Decision[] = [];
  for (const answers of sets) out.push(await engine.decide(answers));
  return out;
}

async function expectAgreement(ruleSet: RuleSet, sets: readonly Answers[]): Promise<void> {
  const ours = await decisions(ourEngine(ruleSet), sets);
  expect(await decisions(jsonLogicEngine(ruleSet), sets)).toEqual(ours);
  expect(await decisions(jsonRulesEngine(ruleSet), sets)).toEqual(ours);
}

describe('bench engine translators', () => {
  it('decide every seeded answer set of the fixture exactly as our engine does', async () => {
    const sets = generateAnswerSets(mini, { count: 1500, seed: 11 });
    await expectAgreement(mini, sets);
  });

  it('use answer sets that reach every tier and that need hidden-answer semantics', async () => {
    const sets = generateAnswerSets(mini, { count: 1500, seed: 11 });
    const ours = await decisions(ourEngine(mini), sets);
    expect(new Set(ours.map((d) => d.tier))).toEqual(new Set(['crisis', 'not-suitable', 'review', 'candidate']));
    // A translation that forgets visibility must be caught by these sets.
    const naive = await decisions(jsonLogicEngine(mini, 'counted'), sets);
    expect(naive.filter((d, i) => JSON.stringify(d) !== JSON.stringify(ours[i])).length).toBeGreaterThan(100);
  });

  // Hand-picked sets where a rule engine without our semantics would go wrong.
  //   answers                                                   fired by ours
  it.each([
    [{}, ['no-garden-or-skipped', 'no-pet']], //                 nothing answered: `not` and `answered: false` hold
    [{ pet: 'fish', 'pet-age': 16 }, ['not-a-dog', 'no-garden-or-skipped']], // pet-age hidden: old-pet must not fire
    [{ pet: 'dog', 'pet-age': 1, 'pet-food': ['meat'], garden: 'yes-garden' }, []], // pet-food hidden (pet-age < 2)
    [{ pet: 'dog', 'pet-age': 2, 'pet-food': ['meat'], garden: 'yes-garden' }, ['young-pet-meat', 'no-veg']],
    [{ pet: 'none', garden: 'no-garden' }, ['not-a-dog', 'no-garden-or-skipped', 'no-pet']], // garden hidden → skipped
    [{ age: 60, hobbies: ['swim', 'walk'] }, ['no-garden-or-skipped', 'no-pet', 'older-swimmer']],
  ] as [Answers, string[]][])('agree on %j', async (answers, fired) => {
    expect((ourEngine(mini).decide(answers) as Decision).fired).toEqual(fired);
    await expectAgreement(mini, [answers]);
  });

  it('agree with evaluateCondition on random conditions, operators misapplied to a type included', async () => {
    const sets = generateAnswerSets(mini, { count: 60, seed: 5 });
    const ids = mini.questions.map((q) => q.id);
    const options = ['cat', 'dog', 'fish', 'none', 'meat', 'grain', 'veg', 'nothing', 'yes-garden', 'no-garden', 'walk', 'swim'];
    const question = fc.constantFrom(...ids);
    const option = fc.constantFrom(...options);
    const list = fc.uniqueArray(option, { minLength: 1, maxLength: 3 });
    const number = fc.integer({ min: 0, max: 100 });
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({ question, equals: option }),
      fc.record({ question, oneOf: list }),
      fc.record({ question, noneOf: list }),
      fc.record({ question, includes: option }),
      fc.record({ question, includesAny: list }),
      fc.record({ question, lessThan: number }),
      fc.record({ question, atMost: number }),
      fc.record({ question, greaterThan: number }),
      fc.record({ question, atLeast: number }),
      fc.record({ question, answered: fc.boolean() }),
    );
    const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
      condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('condition') }),
      ),
    }));
    await fc.assert(
      fc.asyncProperty(condition, async (when) => {
        const ruleSet: RuleSet = { ...mini, rules: [{ ...(mini.rules[0] as RuleSet['rules'][number]), id: 'random', when }] };
        const expected = sets.map((answers) => evaluateCondition(when, countedAnswers(ruleSet, answers)));
        const fired = async (engine: EngineUnderTest) => (await decisions(engine, sets)).map((d) => d.fired.length === 1);
        expect(await fired(jsonLogicEngine(ruleSet))).toEqual(expected);
        expect(await fired(jsonRulesEngine(ruleSet))).toEqual(expected);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it.runIf(existsSync(ketaminePath))('decide seeded answer sets of rules/ketamine.yaml as our engine does', async () => {
    const ketamine = await loadRules(ketaminePath);
    await expectAgreement(ketamine, generateAnswerSets(ketamine, { count: 1000, seed: 23 }));
  });
});
