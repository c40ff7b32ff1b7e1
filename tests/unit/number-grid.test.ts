/**
 * One number meaning (issue 11): the values the engine accepts for a number
 * question are exactly the values the prover explores. The prover split the
 * grid (min + k·step) at each threshold, while the engine also accepted
 * values within 1e-9 of a step, unrounded: `17.9999999999` passed as an age,
 * ended `candidate` under an `atMost: 17 → not-suitable` rule, and the
 * invariant "under 18 → at least not-suitable" was proven all the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerClasses, classesOf } from '../../src/analysis/answer-classes.ts';
import { proveInvariants } from '../../src/analysis/prove.ts';
import { evaluate, evaluateCondition, isAtLeast, isValidAnswer } from '../../src/core/engine.ts';
import { createAssessment } from '../../src/core/machine.ts';
import type { LeafCondition, NumberQuestion } from '../../src/authoring/schema.ts';
import { invariant, number, rule, ruleSet } from '../support/rule-set-builder.ts';

/** A number question as the schema allows one: min < max, a positive step with at most 3 decimals. */
const questionArb: fc.Arbitrary<NumberQuestion> = fc
  .record({
    min: fc.integer({ min: -2000, max: 2000 }),
    span: fc.integer({ min: 1, max: 3000 }),
    scale: fc.constantFrom(1, 10, 100, 1000),
    step: fc.constantFrom(1, 1, 2, 5, 0.1, 0.5, 0.25, 0.01, 0.001, 0.3),
  })
  .map(({ min, span, scale, step }) => ({
    id: 'n', text: 'n', type: 'number', unit: 'units', min: min / scale, max: (min + span) / scale, step,
  }) as NumberQuestion);

/** What a patient may type: grid values, values a hair off the grid, huge, negative, exponent forms. */
function typedArb(q: NumberQuestion): fc.Arbitrary<string> {
  const step = q.step ?? 1;
  const near = fc.record({ k: fc.integer({ min: -2, max: Math.ceil((q.max - q.min) / step) + 2 }), off: fc.constantFrom(0, 1e-12, -1e-12, 1e-10, -1e-10, 1e-9, 5e-10, 1e-6, step / 2) })
    .map(({ k, off }) => q.min + k * step + off);
  return fc.oneof(
    near.map((v) => String(v)),
    near.map((v) => v.toFixed(12)),
    near.map((v) => v.toExponential()),
    near.map((v) => String(Number(v.toFixed(3)))),
    fc.constantFrom('1e308', '-1e308', '1e400', '-0', '0', '00017', '17.', '.5', '0x11', '1_000', '17.9999999999', '36.6', 'Infinity', ' 18 '),
    fc.double({ noNaN: true }).map(String),
  );
}

/** The leaf tests a rule may put on the question: thresholds at and between grid points. */
function leavesArb(q: NumberQuestion): fc.Arbitrary<LeafCondition[]> {
  const at = fc.integer({ min: 0, max: 40 }).chain((k) => fc.constantFrom(0, 0.5, 1e-10).map((d) => q.min + (k + d) * (q.step ?? 1)));
  const leaf = fc.tuple(fc.constantFrom('lessThan', 'atMost', 'greaterThan', 'atLeast'), at).map(([op, t]) => ({ question: 'n', [op]: t }) as LeafCondition);
  return fc.array(leaf, { minLength: 1, maxLength: 4 });
}

const signature = (leaves: readonly LeafCondition[], value: number) => leaves.map((leaf) => evaluateCondition(leaf, { n: value }));

describe('number questions: engine and prover agree', () => {
  it('every value the engine accepts lies in a class the prover explores, with the same test results', () => {
    fc.assert(
      fc.property(
        questionArb.chain((q) => fc.tuple(fc.constant(q), typedArb(q), leavesArb(q))),
        ([q, typed, leaves]) => {
          // As the widget reads a typed answer (widget/components/question.tsx).
          const value = typed.trim() && Number.isFinite(+typed) ? +typed : null;
          const classes = classesOf(q, leaves);
          for (const c of classes) expect(isValidAnswer(q, c.answer), `class answer ${c.answer}`).toBe(true);
          if (value === null || !isValidAnswer(q, value)) return;
          const home = classes.find((c) => c.members.kind === 'range' && c.members.from <= value && value <= c.members.to);
          expect(home, `${typed} accepted for ${JSON.stringify(q)} but in no class of ${JSON.stringify(classes)}`).toBeDefined();
          expect(signature(leaves, value)).toEqual(signature(leaves, home!.answer as number));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts what a patient types on a 0.1 grid, and refuses what lies off it', () => {
    const temperature = { id: 't', text: 't', type: 'number', unit: '°C', min: 35, max: 42, step: 0.1 } as NumberQuestion;
    expect(['35', '36.6', '37.2', '38.1', '41.9', '42'].filter((t) => !isValidAnswer(temperature, +t))).toEqual([]);
    expect(['36.65', '36.6000001', '34.9', '42.1'].filter((t) => isValidAnswer(temperature, +t))).toEqual([]);
    expect(answerClasses(ruleSet({ questions: [temperature as never], rules: [rule('fever', { question: 't', atLeast: 38 }, 'review')] })).get('t')!.map((c) => c.answer))
      .toEqual([37.9, 38]);
  });
});

describe('the atMost 17 regression', () => {
  const rules = ruleSet({
    questions: [number('age', 10, 110)],
    rules: [rule('under-18', { question: 'age', atMost: 17 }, 'not-suitable')],
    invariants: [invariant('minors-not-suitable', { question: 'age', lessThan: 18 }, 'not-suitable')],
  });
  const age = rules.questions[0]!;

  it('refuses 17.9999999999, or counts it as 18, and the prover agrees with what the engine does', () => {
    const typed = 17.9999999999;
    const accepted = isValidAnswer(age, typed);
    const proven = proveInvariants(rules)[0]!.status === 'proven';
    // What the engine makes of the typed value, if it accepts it.
    const tier = accepted ? evaluate(rules, { age: typed }).tier : null;
    const breaks = accepted && typed < 18 && !isAtLeast(tier!, 'not-suitable');
    expect({ accepted, tier, proven, breaks }).toEqual({ accepted: false, tier: null, proven: true, breaks: false });
  });

  it('the machine keeps the patient on the question', () => {
    const actor = createAssessment(rules);
    actor.send({ type: 'user.start' });
    actor.send({ type: 'user.answer', value: 17.9999999999 });
    const snapshot = actor.getSnapshot();
    expect([snapshot.hasTag('question'), snapshot.context.answers]).toEqual([true, {}]);
  });
});
