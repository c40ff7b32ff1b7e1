import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invariantFindings, proveInvariant, proveInvariants, type Counterexample } from '../../../src/analysis/prove.ts';
import { createAssessment } from '../../../src/core/machine.ts';
import type { RuleSet } from '../../../src/authoring/schema.ts';
import { isAtLeast } from '../../../src/core/engine.ts';
import { TIERS } from '../../../src/core/vocabulary.ts';
import { conditionArb, ruleSetArb } from '../../support/arbitraries.ts';
import { loadRules } from '../../support/load-rules.ts';
import { invariant, multiple, number, rule, ruleSet, single } from '../../support/rule-set-builder.ts';
import { bruteForce, bruteSize } from './brute-force.ts';

/** Plays a counterexample through the real assessment machine and returns the result it shows. */
function replay(set: RuleSet, counterexample: Counterexample) {
  const actor = createAssessment(set);
  actor.send({ type: 'user.start' });
  for (const step of counterexample.steps) {
    if (step.kind === 'answer') {
      expect(actor.getSnapshot().context.path.at(-1)).toBe(step.question);
      actor.send({ type: 'user.answer', value: step.answer });
    } else actor.send({ type: 'user.continue' });
  }
  const snapshot = actor.getSnapshot();
  expect(snapshot.hasTag('result')).toBe(true);
  return { tier: snapshot.context.outcome!.tier, fired: snapshot.context.outcome!.fired.map((r) => r.id) };
}

const answers = (c: Counterexample | null) =>
  c?.steps.map((step) => (step.kind === 'answer' ? [step.question, step.answer] : ['continue']));

describe('proveInvariants()', () => {
  it('finds a counterexample hidden deep in a branch: q1 = a, q4 in a narrow interval, q7 includes x', () => {
    const set = ruleSet({
      questions: [
        single('q1', ['a', 'b', 'c']),
        number('q2', 0, 100),
        single('q3', ['no', 'yes']),
        number('q4', 0, 200),
        multiple('q5', ['p', 'q', 'none!'], { showIf: { question: 'q1', equals: 'a' } }),
        single('q6', ['yes', 'no']),
        multiple('q7', ['x', 'y', 'none!'], { showIf: { question: 'q3', equals: 'yes' } }),
        single('q8', ['tired', 'fine']),
      ],
      rules: [
        rule('minor', { question: 'q2', lessThan: 18 }, 'not-suitable'),
        rule('crisis', { question: 'q6', equals: 'yes' }, 'crisis', { interrupt: true }),
        rule('tired', { question: 'q8', equals: 'tired' }, 'review'),
        // The bug: an exception carved out for q1 = a and q4 from 120 to 124.
        rule(
          'x-needs-review',
          {
            all: [
              { question: 'q7', includes: 'x' },
              { not: { all: [{ question: 'q1', equals: 'a' }, { question: 'q4', atLeast: 120 }, { question: 'q4', atMost: 124 }] } },
            ],
          },
          'review',
        ),
      ],
      invariants: [invariant('x-is-reviewed', { question: 'q7', includes: 'x' }, 'review')],
    });
    const [result] = proveInvariants(set);
    expect(result!.status).toBe('broken');
    expect(answers(result!.counterexample)).toEqual([
      ['q1', 'a'],
      ['q2', 18],
      ['q3', 'yes'],
      ['q4', 120],
      ['q5', ['none']],
      ['q6', 'no'],
      ['q7', ['x']],
      ['q8', 'fine'],
    ]);
    expect(result!.counterexample).toMatchObject({ tier: 'candidate', fired: [], interrupted: false });
    expect(replay(set, result!.counterexample!)).toEqual({ tier: 'candidate', fired: [] });
  });

  it('proves the same invariant once the exception is gone, and says how much it covered', () => {
    const set = ruleSet({
      questions: [single('q1', ['a', 'b']), number('q4', 0, 200), multiple('q7', ['x', 'y', 'none!'], { showIf: { question: 'q1', equals: 'a' } })],
      rules: [rule('x-needs-review', { question: 'q7', includes: 'x' }, 'review'), rule('big', { question: 'q4', atLeast: 120 }, 'review')],
      invariants: [invariant('x-is-reviewed', { question: 'q7', includes: 'x' }, 'review')],
    });
    const [result] = proveInvariants(set);
    expect(result).toMatchObject({ status: 'proven', vacuous: false, counterexample: null });
    // q4: under 120 or not (2 classes); q7: with x or without (2). q1 = a: 2 × 2; q1 = b: 2 (q7 hidden).
    expect(result!.explored.paths).toBe(6);
  });

  it('holds only because of showIf: the question that would break it is never shown with the one it guards', () => {
    const questions = (guarded: boolean) => [
      single('sex', ['female', 'male']),
      single('pregnancy', ['no', 'pregnant'], { showIf: { question: 'sex', equals: 'female' } }),
      single('exempt', ['no', 'yes'], guarded ? { showIf: { question: 'sex', equals: 'male' } } : {}),
    ];
    const parts = {
      rules: [
        rule(
          'pregnant',
          { all: [{ question: 'pregnancy', equals: 'pregnant' }, { not: { question: 'exempt', equals: 'yes' } }] },
          'not-suitable',
        ),
        rule('exempt-review', { question: 'exempt', equals: 'yes' }, 'review'),
      ],
      invariants: [invariant('pregnant-not-suitable', { question: 'pregnancy', equals: 'pregnant' }, 'not-suitable')],
    };
    const guarded = ruleSet({ questions: questions(true), ...parts });
    expect(proveInvariants(guarded)[0]!.status).toBe('proven');

    const unguarded = ruleSet({ questions: questions(false), ...parts });
    const [broken] = proveInvariants(unguarded);
    expect(answers(broken!.counterexample)).toEqual([
      ['sex', 'female'],
      ['pregnancy', 'pregnant'],
      ['exempt', 'yes'],
    ]);
    expect(broken!.counterexample).toMatchObject({ tier: 'review', fired: ['exempt-review'] });
    expect(replay(unguarded, broken!.counterexample!)).toEqual({ tier: 'review', fired: ['exempt-review'] });
  });

  it('respects exclusive options: "None of these" cannot be picked with another option', () => {
    const questions = (exclusive: boolean) => [multiple('meds', ['opioids', 'stimulants', exclusive ? 'none!' : 'none'])];
    const parts = {
      rules: [rule('any-medicine', { question: 'meds', noneOf: ['none'] }, 'review')],
      invariants: [invariant('opioids-reviewed', { question: 'meds', includes: 'opioids' }, 'review')],
    };
    expect(proveInvariants(ruleSet({ questions: questions(true), ...parts }))[0]!.status).toBe('proven');

    const loose = ruleSet({ questions: questions(false), ...parts });
    const [broken] = proveInvariants(loose);
    expect(answers(broken!.counterexample)).toEqual([['meds', ['opioids', 'none']]]);
    expect(replay(loose, broken!.counterexample!).tier).toBe('candidate');
  });

  it.each([
    // [rule test, invariant test, question step, the exact boundary the counterexample must use]
    [{ greaterThan: 160 }, { atLeast: 160 }, 1, 160],
    [{ lessThan: 18 }, { atMost: 18 }, 1, 18],
    [{ greaterThan: 37.5 }, { atLeast: 37.5 }, 0.5, 37.5],
    [{ greaterThan: 100.5 }, { greaterThan: 100 }, 0.5, 100.5],
  ])('uses the exact boundary value when a rule misses it (rule %o, invariant %o)', (ruleTest, invariantTest, step, boundary) => {
    const set = ruleSet({
      questions: [number('reading', 0, 300, { step })],
      rules: [rule('high', { question: 'reading', ...ruleTest }, 'not-suitable')],
      invariants: [invariant('high-not-suitable', { question: 'reading', ...invariantTest }, 'not-suitable')],
    });
    expect(answers(proveInvariants(set)[0]!.counterexample)).toEqual([['reading', boundary]]);
  });

  it('proves a boundary the step makes safe: on a 0.5 step, "over 100" and "100.5 or more" are the same answers', () => {
    const set = ruleSet({
      questions: [number('reading', 0, 300, { step: 0.5 })],
      rules: [rule('high', { question: 'reading', atLeast: 100.5 }, 'not-suitable')],
      invariants: [invariant('high-not-suitable', { question: 'reading', greaterThan: 100 }, 'not-suitable')],
    });
    expect(proveInvariants(set)[0]!.status).toBe('proven');
  });

  it('returns the shortest counterexample, not the first one a depth-first walk meets', () => {
    // Two ways to break it: answer "yes" and three follow-ups (5 answers), or "no" (2 answers).
    const set = ruleSet({
      questions: [
        single('gate', ['yes', 'no']),
        single('f1', ['no', 'yes'], { showIf: { question: 'gate', equals: 'yes' } }),
        single('f2', ['no', 'yes'], { showIf: { question: 'gate', equals: 'yes' } }),
        single('f3', ['no', 'yes'], { showIf: { question: 'gate', equals: 'yes' } }),
        single('last', ['bad', 'good']),
      ],
      rules: [rule('bad-after-f3', { all: [{ question: 'last', equals: 'bad' }, { question: 'f3', equals: 'yes' }] }, 'review')],
      invariants: [invariant('bad-reviewed', { question: 'last', equals: 'bad' }, 'review')],
    });
    const [result] = proveInvariants(set);
    expect(answers(result!.counterexample)).toEqual([
      ['gate', 'no'],
      ['last', 'bad'],
    ]);
  });

  it('checks the result screen an interrupt shows, and paths that continue after it', () => {
    // The crisis rule only holds until q2 is answered, so continuing past it loses the crisis outcome.
    const set = ruleSet({
      questions: [single('q1', ['no', 'yes']), single('q2', ['a', 'b'])],
      rules: [
        rule('crisis', { all: [{ question: 'q1', equals: 'yes' }, { question: 'q2', answered: false }] }, 'crisis', { interrupt: true }),
      ],
      invariants: [invariant('yes-is-crisis', { question: 'q1', equals: 'yes' }, 'crisis')],
    });
    const [result] = proveInvariants(set);
    expect(answers(result!.counterexample)).toEqual([['q1', 'yes'], ['continue'], ['q2', 'a']]);
    expect(replay(set, result!.counterexample!).tier).toBe('candidate');

    // Without "Continue", the patient stops on the crisis screen and the invariant holds.
    expect(proveInvariant(set, set.invariants[0]!, 0, { continueAfterInterrupt: false }).status).toBe('proven');
  });

  it('marks an invariant whose condition is never true on any path as vacuous, an error and never proven', () => {
    const set = ruleSet({
      questions: [single('q1', ['a', 'b']), single('q2', ['x', 'y'], { showIf: { question: 'q1', equals: 'a' } })],
      rules: [rule('r', { question: 'q1', equals: 'a' }, 'review')],
      invariants: [invariant('impossible', { all: [{ question: 'q1', equals: 'b' }, { question: 'q2', equals: 'x' }] }, 'crisis')],
    });
    const [result] = proveInvariants(set);
    expect(result).toMatchObject({ status: 'vacuous', vacuous: true });
    expect(invariantFindings([result!]).map((f) => [f.code, f.severity])).toEqual([['invariant-never-applies', 'error']]);
  });
});

describe('counterexamples are minimal', () => {
  it('fire no rule unrelated to the broken promise when a cleaner path exists (rules/ketamine.yaml without the seizure rule)', () => {
    // Issue 13, finding 5: the example patient was also pregnant and had tried no antidepressants.
    const ketamine = loadRules('ketamine');
    const set: RuleSet = {
      ...ketamine,
      rules: ketamine.rules.filter((r) => r.id !== 'seizures'),
      invariants: [
        {
          id: 'seizures-are-not-suitable',
          description: 'Seizures are at least not-suitable.',
          when: { question: 'health', includes: 'seizures' },
          atLeast: 'not-suitable',
        },
      ],
    };
    const [result] = proveInvariants(set);
    expect(result!.status).toBe('broken');
    // Seizures alone: nothing else fires, so the example shows exactly the missing rule.
    expect(result!.counterexample).toMatchObject({ tier: 'candidate', fired: [], interrupted: false });
    expect(result!.counterexample!.answers.health).toEqual(['seizures']);
    expect(replay(set, result!.counterexample!)).toEqual({ tier: 'candidate', fired: [] });
  }, 60_000);

  it('prefers a longer path that fires nothing else to a shorter one that fires an unrelated rule', () => {
    // "no" to q1 skips q2 but fires a review rule; "yes" asks q2 (one more answer) and fires nothing.
    const set = ruleSet({
      questions: [single('q1', ['no', 'yes']), single('q2', ['a', 'b'], { showIf: { question: 'q1', equals: 'yes' } }), multiple('q3', ['x', 'y', 'none!'])],
      rules: [rule('q1-no', { question: 'q1', equals: 'no' }, 'review'), rule('y', { question: 'q3', includes: 'y' }, 'review')],
      invariants: [invariant('x-not-suitable', { question: 'q3', includes: 'x' }, 'not-suitable')],
    });
    const [result] = proveInvariants(set);
    expect(answers(result!.counterexample)).toEqual([
      ['q1', 'yes'],
      ['q2', 'a'],
      ['q3', ['x']],
    ]);
    expect(result!.counterexample).toMatchObject({ tier: 'candidate', fired: [] });
  });

  it('fire the fewest rules any breaking path fires, then take the fewest answers, on random rule sets', () => {
    const arb = ruleSetArb
      .filter((set) => bruteSize(set) <= 300)
      .chain((set) => fc.tuple(fc.constant(set), conditionArb(set.questions as never, 2), fc.constantFrom(...TIERS.filter((t) => t !== 'candidate'))));
    fc.assert(
      fc.property(arb, ([set, when, atLeast]) => {
        const broken = bruteForce(set, when).results.filter((r) => r.target && !isAtLeast(r.tier, atLeast));
        const result = proveInvariant(set, { id: 'i', description: 'i holds', when, atLeast });
        if (broken.length === 0) {
          expect(result.status).not.toBe('broken');
          return;
        }
        const fewestFired = Math.min(...broken.map((r) => r.fired.length));
        const fewestAnswers = Math.min(...broken.filter((r) => r.fired.length === fewestFired).map((r) => r.answersGiven));
        const c = result.counterexample!;
        expect(c.fired).toHaveLength(fewestFired);
        expect(c.steps.filter((step) => step.kind === 'answer')).toHaveLength(fewestAnswers);
        expect(replay(set, c)).toEqual({ tier: c.tier, fired: expect.arrayContaining(c.fired) });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
