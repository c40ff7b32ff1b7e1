/**
 * Property-based tests (fast-check): random valid rule sets, random patients.
 *
 * Each property states something a patient would notice if it broke: the
 * assessment stops working, an answer disappears, a hidden question's answer
 * changes the result, the progress text promises fewer questions than come.
 * A failing run prints its seed; add it to `examples` below to keep it.
 */
import fc from 'fast-check';
import { createActor, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  countedAnswers,
  evaluate,
  evaluateCondition,
  isValidAnswer,
  TIER_ORDER,
  visibleQuestionIds,
  type Answers,
} from '../../src/engine.ts';
import { assessmentMachine, currentQuestion, progress } from '../../src/machine.ts';
import { RuleSet, type Tier } from '../../src/schema.ts';
import {
  answersArb,
  conditionArb,
  invalidAnswer,
  patientStepsArb,
  ruleSetArb,
  ruleSetInputArb,
  validAnswer,
  type PatientStep,
} from '../support/arbitraries.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

type Snapshot = SnapshotFrom<typeof assessmentMachine>;

// About a second per property on the shared 2-core machine.
const RUNS = { numRuns: 150 };

function startActor(ruleSet: RuleSet) {
  const errors: unknown[] = [];
  const actor = createActor(assessmentMachine, { input: { ruleSet } });
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();
  return { actor, errors };
}

/** What a patient could see change: state, answers, path, interrupt flags. */
function visibleState(snapshot: Snapshot) {
  const { answers, path, acknowledged, interrupted } = snapshot.context;
  return { value: snapshot.value, answers, path, acknowledged, interrupted };
}

/** Checks that hold after every event, whatever the patient did. */
function checkInvariants(ruleSet: RuleSet, snapshot: Snapshot, errors: unknown[]): void {
  expect(errors).toEqual([]);
  expect(snapshot.status).toBe('active');
  const { answers, path } = snapshot.context;
  const visible = visibleQuestionIds(ruleSet, answers);
  // Answers in context never include a hidden question's answer.
  for (const id of Object.keys(answers)) expect(visible, `answer kept for hidden question ${id}`).toContain(id);
  // The path is visible questions in file order.
  const order = ruleSet.questions.map((q) => q.id);
  path.forEach((id, i) => {
    expect(visible).toContain(id);
    if (i > 0) expect(order.indexOf(id)).toBeGreaterThan(order.indexOf(path[i - 1]!));
  });
  // Every question the patient moved on from has an answer.
  for (const id of path.slice(0, snapshot.matches('result') ? undefined : -1)) expect(answers).toHaveProperty(id);
  if (snapshot.matches('intro')) {
    expect(path).toEqual([]);
  } else if (snapshot.matches('asking')) {
    expect(snapshot.hasTag('question')).toBe(true);
    expect(currentQuestion(snapshot.context)?.id).toBe(path.at(-1));
    const { step, total } = progress(snapshot.context);
    expect(step).toBe(path.length);
    expect(step).toBeGreaterThanOrEqual(1);
    expect(step).toBeLessThanOrEqual(total);
  } else {
    expect(snapshot.value).toBe('result');
    expect(snapshot.hasTag('result')).toBe(true);
    expect(snapshot.context.outcome).toEqual(evaluate(ruleSet, answers));
    if (snapshot.context.interrupted) expect(snapshot.context.outcome?.fired.some((rule) => rule.interrupt)).toBe(true);
  }
}

/** Sends one patient step and checks what must follow from it. */
function runStep(ruleSet: RuleSet, actor: ReturnType<typeof startActor>['actor'], step: PatientStep): void {
  const before = actor.getSnapshot();
  const question = currentQuestion(before.context);
  switch (step.kind) {
    case 'start':
      actor.send({ type: 'user.start' });
      if (before.matches('intro')) expect(actor.getSnapshot().value).toBe('asking');
      else expect(visibleState(actor.getSnapshot())).toEqual(visibleState(before));
      return;
    case 'answer': {
      if (!before.matches('asking') || !question) {
        actor.send({ type: 'user.answer', value: 'o1' });
        expect(visibleState(actor.getSnapshot())).toEqual(visibleState(before));
        return;
      }
      const value = validAnswer(question, step.seed);
      expect(isValidAnswer(question, value)).toBe(true);
      actor.send({ type: 'user.answer', value });
      const after = actor.getSnapshot();
      expect(after.context.answers[question.id]).toEqual(value);
      // Answers to earlier questions are never touched by a later answer.
      for (const id of before.context.path.slice(0, -1)) expect(after.context.answers[id]).toEqual(before.context.answers[id]);
      return;
    }
    case 'invalid': {
      // Invalid answers are ignored, on any screen.
      const value = question ? invalidAnswer(question, step.seed) : (undefined as never);
      if (question) expect(isValidAnswer(question, value)).toBe(false);
      actor.send({ type: 'user.answer', value });
      expect(visibleState(actor.getSnapshot())).toEqual(visibleState(before));
      return;
    }
    case 'back': {
      actor.send({ type: 'user.back' });
      const after = actor.getSnapshot();
      expect(after.context.answers).toEqual(before.context.answers);
      if (before.matches('asking') && before.context.path.length > 1) {
        // Back, then forward with the same answer: nothing is lost, we land where we were.
        const previous = after.context.path.at(-1)!;
        expect(after.value).toBe('asking');
        actor.send({ type: 'user.answer', value: before.context.answers[previous]! });
        const again = actor.getSnapshot();
        expect(again.value).toBe('asking');
        expect(again.context.answers).toEqual(before.context.answers);
        expect(again.context.path).toEqual(before.context.path);
      } else if (before.matches('asking')) {
        expect(after.value).toBe('intro');
      } else if (before.matches('result')) {
        expect(after.value).toBe('asking');
        expect(after.context.path).toEqual(before.context.path);
      } else {
        expect(visibleState(after)).toEqual(visibleState(before));
      }
      return;
    }
    case 'continue': {
      actor.send({ type: 'user.continue' });
      const after = actor.getSnapshot();
      const remaining = before.matches('result') && before.context.interrupted
        && visibleQuestionIds(ruleSet, before.context.answers).some(
          (id) => ruleSet.questions.findIndex((q) => q.id === id) > ruleSet.questions.findIndex((q) => q.id === before.context.path.at(-1)),
        );
      if (remaining) {
        expect(after.value).toBe('asking');
        expect(after.context.path.length).toBe(before.context.path.length + 1);
        expect(after.context.answers).toEqual(before.context.answers);
      } else {
        expect(visibleState(after)).toEqual(visibleState(before));
      }
      return;
    }
    case 'restart': {
      actor.send({ type: 'user.restart' });
      const after = actor.getSnapshot();
      expect(after.value).toBe('intro');
      expect(after.context.answers).toEqual({});
      expect(after.context.path).toEqual([]);
      expect(after.context.acknowledged).toEqual([]);
      expect(after.context.interrupted).toBe(false);
      expect(after.context.outcome).toBeNull();
    }
  }
}

// Regression examples found by these properties; fast-check runs them first.

/**
 * Seed -602545666 (2026-07, before the fix in `remainingAtMost`): on q1 the
 * progress said "Question 1 of about 2", then q2 (shown once q1 is answered)
 * made it three. The question on screen was treated as already decided.
 */
function progressUnderCountDoc(): RuleSet {
  const doc = sampleRuleSetInput();
  doc.questions = [
    { id: 'q1', text: 'How many?', type: 'number', unit: 'times', min: 23, max: 27, step: 5 },
    { id: 'q2', text: 'Which?', showIf: { question: 'q1', answered: true }, type: 'single-choice', options: [{ id: 'o1', label: 'One' }, { id: 'o2', label: 'Two' }] },
    { id: 'q3', text: 'And?', type: 'single-choice', options: [{ id: 'o1', label: 'One' }, { id: 'o2', label: 'Two' }] },
  ];
  doc.rules = [{ id: 'r1', when: { question: 'q1', lessThan: 20 }, tier: 'crisis', reason: 'Call us.', clinicianNote: 'Note.', source: 'Test source 1' }];
  doc.invariants = [];
  return RuleSet.parse(doc);
}

describe('progress()', () => {
  it('counts a follow-up question that depends on the question on screen', () => {
    const { actor } = startActor(RuleSet.parse(sampleRuleSetInput()));
    actor.send({ type: 'user.start' });
    actor.send({ type: 'user.answer', value: 'no' });
    actor.send({ type: 'user.answer', value: ['none'] });
    // On "How old are you?": the care question may still come (age 65+), so 5 in all.
    expect(progress(actor.getSnapshot().context)).toEqual({ step: 3, total: 5 });
    actor.send({ type: 'user.answer', value: 40 });
    expect(progress(actor.getSnapshot().context)).toEqual({ step: 4, total: 4 });
  });
});

describe('random rule sets', () => {
  it('are valid documents: every generated set passes RuleSet.parse', () => {
    fc.assert(
      fc.property(ruleSetInputArb, (input) => {
        expect(RuleSet.safeParse(input).error?.issues ?? []).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('assessmentMachine with random patients', () => {
  it('never throws, ignores invalid answers, keeps answers across back, restarts clean', () => {
    fc.assert(
      fc.property(ruleSetArb, patientStepsArb, (ruleSet, steps) => {
        const { actor, errors } = startActor(ruleSet);
        actor.send({ type: 'user.start' });
        checkInvariants(ruleSet, actor.getSnapshot(), errors);
        for (const step of steps) {
          runStep(ruleSet, actor, step);
          checkInvariants(ruleSet, actor.getSnapshot(), errors);
        }
        actor.stop();
      }),
      RUNS,
    );
  });

  it('reaches a result within (number of questions) valid answers, continuing after crisis help', () => {
    fc.assert(
      fc.property(ruleSetArb, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (ruleSet, seeds) => {
        const { actor, errors } = startActor(ruleSet);
        actor.send({ type: 'user.start' });
        const totals: number[] = [];
        let answered = 0;
        for (;;) {
          const snapshot = actor.getSnapshot();
          if (snapshot.matches('asking')) {
            totals.push(progress(snapshot.context).total);
            expect(answered).toBeLessThan(ruleSet.questions.length);
            actor.send({ type: 'user.answer', value: validAnswer(currentQuestion(snapshot.context)!, seeds[answered]!) });
            answered += 1;
          } else if (snapshot.matches('result') && snapshot.can({ type: 'user.continue' })) {
            actor.send({ type: 'user.continue' });
          } else {
            break;
          }
        }
        const end = actor.getSnapshot();
        expect(errors).toEqual([]);
        expect(end.value).toBe('result');
        // "Question N of about M": M is an upper bound, never fewer than the questions that came.
        for (const total of totals) expect(total).toBeGreaterThanOrEqual(end.context.path.length);
        actor.stop();
      }),
      {
        ...RUNS,
        examples: [
          [progressUnderCountDoc(), [0, 0, 0, 0, 0, 0]],
          // The same bug on the sample set: age 70 brings the follow-up question in.
          [RuleSet.parse(sampleRuleSetInput()), [0, 0, 70, 0, 0, 0]],
        ],
      },
    );
  });
});

describe('engine with random answers', () => {
  const ruleSetAndAnswers = ruleSetArb.chain((ruleSet) => fc.tuple(fc.constant(ruleSet), answersArb(ruleSet)));

  it('evaluate(): the tier is the most serious tier among the rules that fire', () => {
    fc.assert(
      fc.property(ruleSetAndAnswers, ([ruleSet, answers]) => {
        const counted = countedAnswers(ruleSet, answers);
        const firing = ruleSet.rules.filter((rule) => evaluateCondition(rule.when, counted));
        const expected: Tier = TIER_ORDER.find((tier) => firing.some((rule) => rule.tier === tier)) ?? 'candidate';
        const outcome = evaluate(ruleSet, answers);
        expect(outcome.tier).toBe(expected);
        expect(outcome.fired.map((rule) => rule.id).sort()).toEqual(firing.map((rule) => rule.id).sort());
      }),
      RUNS,
    );
  });

  it('countedAnswers(): only valid answers to visible questions count', () => {
    fc.assert(
      fc.property(ruleSetAndAnswers, ([ruleSet, answers]) => {
        const counted = countedAnswers(ruleSet, answers);
        const visible = visibleQuestionIds(ruleSet, answers);
        for (const [id, answer] of Object.entries(counted)) {
          expect(visible).toContain(id);
          expect(answer).toBe(answers[id]);
          expect(isValidAnswer(ruleSet.questions.find((q) => q.id === id)!, answer)).toBe(true);
        }
        // A hidden question's answer changes nothing.
        const hidden = ruleSet.questions.filter((q) => !visible.includes(q.id));
        const withoutHidden: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => !hidden.some((q) => q.id === id)));
        expect(evaluate(ruleSet, withoutHidden)).toEqual(evaluate(ruleSet, answers));
      }),
      RUNS,
    );
  });

  it('evaluateCondition(): `not c` is exactly the negation of `c`, even for unanswered questions', () => {
    const conditionAndAnswers = ruleSetArb.chain((ruleSet) =>
      fc.tuple(conditionArb(ruleSet.questions, 3), answersArb(ruleSet).map((answers) => countedAnswers(ruleSet, answers))),
    );
    fc.assert(
      fc.property(conditionAndAnswers, ([condition, counted]) => {
        expect(evaluateCondition({ not: condition }, counted)).toBe(!evaluateCondition(condition, counted));
      }),
      RUNS,
    );
  });
});
