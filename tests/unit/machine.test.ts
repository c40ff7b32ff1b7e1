/**
 * The assessment machine on the default ketamine rules: what a patient
 * clicking through would notice (the next question, back, changing an answer,
 * crisis help at once, restart), plus an exhaustive walk over every state the
 * patient can reach, by answer classes, to show each one can still reach a result.
 */
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { questionRefs, type Answer } from '../../src/core/engine.ts';
import { assessmentMachine, currentQuestion, progress, type AssessmentEvent } from '../../src/core/machine.ts';
import type { Condition } from '../../src/authoring/schema.ts';
import { answerClasses } from '../support/answer-paths.ts';
import { loadRules, TYPICAL_KETAMINE_ANSWERS } from '../support/load-rules.ts';

const ruleSet = loadRules('ketamine');
type Snapshot = SnapshotFrom<typeof assessmentMachine>;

const TYPICAL = TYPICAL_KETAMINE_ANSWERS;

function startAssessment() {
  const actor = createActor(assessmentMachine, { input: { ruleSet } }).start();
  actor.send({ type: 'user.start' });
  return actor;
}
type Actor = ReturnType<typeof startAssessment>;

const onScreen = (actor: Actor) => currentQuestion(actor.getSnapshot().context)?.id ?? null;
const answer = (actor: Actor, value: Answer) => actor.send({ type: 'user.answer', value });

/** Answers whatever is on screen from `answers` until a result (or a missing answer). */
function answerAll(actor: Actor, answers: Record<string, Answer>): string[] {
  const asked: string[] = [];
  while (actor.getSnapshot().hasTag('question')) {
    const id = onScreen(actor)!;
    if (!(id in answers)) break;
    asked.push(id);
    answer(actor, answers[id]!);
  }
  return asked;
}

describe('assessment machine on rules/ketamine.yaml', () => {
  it('walks a typical candidate from intro to result, one question per step', () => {
    const actor = createActor(assessmentMachine, { input: { ruleSet } }).start();
    expect(actor.getSnapshot().value).toBe('intro');
    actor.send({ type: 'user.start' });
    const asked = answerAll(actor, TYPICAL);
    expect(asked).toEqual(Object.keys(TYPICAL));
    const snapshot = actor.getSnapshot();
    expect(snapshot.hasTag('result')).toBe(true);
    expect(snapshot.context.outcome).toEqual({ tier: 'candidate', fired: [], crisisLines: false });
  });

  it('asks everyone both suicide screening questions, the follow-ups after a yes, and ends in review with the crisis lines when all follow-ups are no', () => {
    const actor = startAssessment();
    const asked = answerAll(actor, { ...TYPICAL, 'death-wish': 'yes', 'suicide-now': 'no', 'suicide-plan': 'no', 'suicide-attempt': 'no' });
    expect(asked.slice(1, 5)).toEqual(['death-wish', 'suicide-attempt', 'suicide-now', 'suicide-plan']);
    const { outcome, crisisLines } = actor.getSnapshot().context;
    expect(outcome!.tier).toBe('review');
    expect(outcome!.fired.map((f) => f.id)).toEqual(['suicidal-thoughts-past-weeks']);
    expect(crisisLines).toBe(true);
  });

  it('goes back without losing earlier answers', () => {
    const actor = startAssessment();
    answerAll(actor, { age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', antidepressants: 'one' });
    expect(onScreen(actor)).toBe('mental-health');
    actor.send({ type: 'user.back' });
    expect(onScreen(actor)).toBe('antidepressants');
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.back' });
    expect(onScreen(actor)).toBe('age');
    expect(actor.getSnapshot().context.answers).toEqual({ age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', antidepressants: 'one' });
    // Back from the first question returns to the intro, still keeping answers.
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().value).toBe('intro');
    expect(actor.getSnapshot().context.answers.age).toBe(34);
  });

  it('drops answers to questions an earlier change has hidden', () => {
    const actor = startAssessment();
    answerAll(actor, { age: 34, 'death-wish': 'yes', 'suicide-now': 'no', 'suicide-plan': 'no', 'suicide-attempt': 'no', antidepressants: 'two-or-more' });
    expect(onScreen(actor)).toBe('mental-health');
    for (let i = 0; i < 5; i += 1) actor.send({ type: 'user.back' });
    expect(onScreen(actor)).toBe('death-wish');
    answer(actor, 'no');
    const { answers } = actor.getSnapshot().context;
    expect(Object.keys(answers).sort()).toEqual(['age', 'antidepressants', 'death-wish', 'suicide-attempt']);
    // The attempt question is asked of everyone; the follow-ups, now hidden, are skipped.
    expect(onScreen(actor)).toBe('suicide-attempt');
    answer(actor, 'no');
    expect(onScreen(actor)).toBe('antidepressants');
    answerAll(actor, TYPICAL);
    expect(actor.getSnapshot().context.outcome?.tier).toBe('candidate');
  });

  it('jumps straight to crisis help on an interrupting answer, then lets the patient continue', () => {
    const actor = startAssessment();
    answerAll(actor, { age: 34, 'death-wish': 'yes', 'suicide-attempt': 'no', 'suicide-now': 'yes' });
    let snapshot = actor.getSnapshot();
    expect(snapshot.hasTag('result')).toBe(true);
    expect(snapshot.context.interrupted).toBe(true);
    expect(snapshot.context.outcome?.tier).toBe('crisis');
    expect(snapshot.context.outcome?.fired.map((f) => f.id)).toEqual(['suicidal-thoughts-now']);
    expect(snapshot.can({ type: 'user.continue' })).toBe(true);

    actor.send({ type: 'user.continue' });
    expect(onScreen(actor)).toBe('suicide-plan');
    answerAll(actor, { ...TYPICAL, 'suicide-plan': 'no' });
    snapshot = actor.getSnapshot();
    // The final result keeps crisis on top and is not a second interruption.
    expect(snapshot.hasTag('result')).toBe(true);
    expect(snapshot.context.interrupted).toBe(false);
    expect(snapshot.context.outcome?.tier).toBe('crisis');
    expect(snapshot.can({ type: 'user.continue' })).toBe(false);
  });

  it('interrupts for a blood pressure of 180/120 or higher with the medical crisis rule', () => {
    const actor = startAssessment();
    answerAll(actor, { ...TYPICAL, 'blood-pressure': '180-120-or-higher' });
    const { outcome, interrupted, path } = actor.getSnapshot().context;
    expect(interrupted).toBe(true);
    expect(path.at(-1)).toBe('blood-pressure');
    expect(outcome?.tier).toBe('crisis');
    expect(outcome?.fired.map((f) => f.id)).toEqual(['blood-pressure-crisis', 'blood-pressure-uncontrolled']);
  });

  it('does not interrupt again for the same crisis answer after the patient continued', () => {
    const actor = startAssessment();
    answerAll(actor, { age: 34, 'death-wish': 'yes', 'suicide-attempt': 'no', 'suicide-now': 'yes' });
    actor.send({ type: 'user.continue' });
    answer(actor, 'yes'); // plan: a new crisis answer interrupts again
    expect(actor.getSnapshot().context.interrupted).toBe(true);
    expect(actor.getSnapshot().context.outcome?.fired.map((f) => f.id)).toEqual(['suicidal-thoughts-now', 'suicidal-intent-or-plan']);
    actor.send({ type: 'user.continue' });
    expect(onScreen(actor)).toBe('antidepressants');
  });

  it('shows crisis help again when the patient goes back and gives the same alarming answer', () => {
    const actor = startAssessment();
    answerAll(actor, { age: 34, 'death-wish': 'yes', 'suicide-attempt': 'no', 'suicide-now': 'yes' });
    expect(actor.getSnapshot().context.interrupted).toBe(true);
    actor.send({ type: 'user.back' });
    expect(onScreen(actor)).toBe('suicide-now');
    answer(actor, 'yes');
    const { interrupted, outcome } = actor.getSnapshot().context;
    expect(actor.getSnapshot().hasTag('result')).toBe(true);
    expect(interrupted).toBe(true);
    expect(outcome?.fired.map((f) => f.id)).toEqual(['suicidal-thoughts-now']);
  });

  it('after Continue, changing an unrelated earlier answer does not bring crisis help back; the alarming answer itself does', () => {
    const actor = startAssessment();
    const { health: _health, ...upToBloodPressure } = TYPICAL;
    answerAll(actor, { ...upToBloodPressure, 'blood-pressure': '180-120-or-higher' });
    expect(actor.getSnapshot().context.interrupted).toBe(true);
    actor.send({ type: 'user.continue' });
    expect(onScreen(actor)).toBe('health');
    actor.send({ type: 'user.back' }); // blood-pressure
    actor.send({ type: 'user.back' }); // pregnancy
    expect(onScreen(actor)).toBe('pregnancy');
    answer(actor, TYPICAL.pregnancy!);
    // The kept blood pressure answer stays; no second crisis screen for it.
    expect(onScreen(actor)).toBe('blood-pressure');
    expect(actor.getSnapshot().context.answers['blood-pressure']).toBe('180-120-or-higher');
    answer(actor, '180-120-or-higher');
    expect(actor.getSnapshot().hasTag('result')).toBe(true);
    expect(actor.getSnapshot().context.interrupted).toBe(true);
  });

  it('restarts with everything cleared', () => {
    const actor = startAssessment();
    answerAll(actor, { age: 34, 'death-wish': 'yes', 'suicide-now': 'yes' });
    actor.send({ type: 'user.restart' });
    const { value, context } = actor.getSnapshot();
    expect(value).toBe('intro');
    expect(context).toMatchObject({ answers: {}, path: [], acknowledged: [], interrupted: false, outcome: null });
    actor.send({ type: 'user.start' });
    expect(onScreen(actor)).toBe('age');
  });

  it('ignores invalid answers and stays on the same question', () => {
    const actor = startAssessment();
    // Each row: an answer the age question must refuse.
    for (const bad of [9, 111, 34.5, Number.NaN, '34', ['34']] as unknown as Answer[]) {
      answer(actor, bad);
      expect(onScreen(actor), String(bad)).toBe('age');
    }
    answerAll(actor, { age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', antidepressants: 'one' });
    expect(onScreen(actor)).toBe('mental-health');
    for (const bad of [[], ['none', 'bipolar'], ['bipolar', 'bipolar'], ['unknown'], 'bipolar'] as unknown as Answer[]) {
      answer(actor, bad);
      expect(onScreen(actor), JSON.stringify(bad)).toBe('mental-health');
    }
    expect(actor.getSnapshot().context.answers).toEqual({ age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', antidepressants: 'one' });
  });

  it('counts progress as "step N of about M" without ever promising fewer steps than come', () => {
    const actor = startAssessment();
    const shown: { step: number; total: number }[] = [];
    const answers: Record<string, Answer> = { ...TYPICAL, 'death-wish': 'yes', 'suicide-now': 'no', 'suicide-plan': 'no', 'suicide-attempt': 'no' };
    while (actor.getSnapshot().hasTag('question')) {
      shown.push(progress(actor.getSnapshot().context));
      answer(actor, answers[onScreen(actor)!]!);
    }
    expect(shown.map((p) => p.step)).toEqual(shown.map((_, i) => i + 1));
    expect(shown.every((p) => p.total >= shown.length)).toBe(true);
    expect(shown[0]).toEqual({ step: 1, total: 12 });
  });
});

// ---------------------------------------------------------------------------
// Exhaustive exploration by answer classes.

describe('every reachable state (exhaustive, by answer classes)', () => {
  // Answers that can change the route: whatever a showIf or an interrupting
  // rule reads gets every option; every other question gets its typical answer.
  const routing: Condition[] = [
    ...ruleSet.questions.flatMap((q) => (q.showIf ? [q.showIf] : [])),
    ...ruleSet.rules.filter((rule) => rule.interrupt).map((rule) => rule.when),
  ];
  const routingIds = new Set(routing.flatMap(questionRefs));
  const classes = new Map(
    ruleSet.questions.map((q) => [q.id, routingIds.has(q.id) ? answerClasses(q, routing) : [TYPICAL[q.id]!]]),
  );

  const key = (s: Snapshot) => {
    const { answers, path, acknowledged, interrupted } = s.context;
    const sorted = Object.keys(answers).sort().map((id) => [id, answers[id]]);
    return JSON.stringify([s.value, sorted, path, acknowledged, interrupted]);
  };
  const eventsFor = (s: Snapshot): AssessmentEvent[] => {
    const events: AssessmentEvent[] = [{ type: 'user.start' }, { type: 'user.back' }, { type: 'user.continue' }, { type: 'user.restart' }];
    const question = currentQuestion(s.context);
    if (s.hasTag('question') && question) for (const value of classes.get(question.id)!) events.push({ type: 'user.answer', value });
    return events;
  };

  // Breadth-first over snapshots; edges only where the event changes something.
  const [initial] = initialTransition(assessmentMachine, { ruleSet });
  const states = new Map<string, Snapshot>([[key(initial), initial]]);
  const edges = new Map<string, { event: AssessmentEvent; to: string }[]>();
  const queue = [key(initial)];
  while (queue.length > 0) {
    const from = queue.shift()!;
    const snapshot = states.get(from)!;
    const out: { event: AssessmentEvent; to: string }[] = [];
    for (const event of eventsFor(snapshot)) {
      const [next] = transition(assessmentMachine, snapshot, event);
      const to = key(next);
      if (to === from) continue;
      out.push({ event, to });
      if (!states.has(to)) {
        states.set(to, next);
        queue.push(to);
      }
    }
    edges.set(from, out);
  }

  it('explores a real state space (all tiers, crisis interrupts, back and restart)', () => {
    const results = [...states.values()].filter((s) => s.hasTag('result'));
    expect(states.size, 'states explored').toBeGreaterThan(1000);
    expect(new Set(results.map((s) => s.context.outcome?.tier))).toEqual(new Set(['crisis', 'not-suitable', 'review', 'candidate']));
    expect(results.some((s) => s.context.interrupted)).toBe(true);
  });

  it('only ever rests in intro, asking or result (never in routing)', () => {
    expect(new Set([...states.values()].map((s) => s.value))).toEqual(new Set(['intro', 'asking', 'result']));
  });

  it('reaches a result from every reachable state', () => {
    const reverse = new Map<string, string[]>();
    for (const [from, out] of edges) {
      for (const { to } of out) {
        const sources = reverse.get(to);
        if (sources) sources.push(from);
        else reverse.set(to, [from]);
      }
    }
    const canFinish = new Set([...states].filter(([, s]) => s.hasTag('result')).map(([k]) => k));
    const queue = [...canFinish];
    while (queue.length > 0) {
      for (const from of reverse.get(queue.shift()!) ?? []) {
        if (!canFinish.has(from)) {
          canFinish.add(from);
          queue.push(from);
        }
      }
    }
    const stuck = [...states.keys()].filter((k) => !canFinish.has(k));
    expect(stuck).toEqual([]);
  });

  it('moves forward on every valid answer (the question changes or a result appears)', () => {
    for (const [from, snapshot] of states) {
      if (!snapshot.hasTag('question')) continue;
      const answered = edges.get(from)!.filter((e) => e.event.type === 'user.answer');
      expect(answered.length).toBe(classes.get(currentQuestion(snapshot.context)!.id)!.length);
      for (const { to } of answered) {
        const next = states.get(to)!;
        expect(next.hasTag('result') || next.context.path.length === snapshot.context.path.length + 1).toBe(true);
      }
    }
  });

  it('never shows a progress total below the number of steps the patient then takes', () => {
    // The most steps a patient can still end up with by answering and continuing.
    const memo = new Map<string, number>();
    const mostSteps = (k: string): number => {
      const cached = memo.get(k);
      if (cached !== undefined) return cached;
      const forward = edges.get(k)!.filter((e) => e.event.type === 'user.answer' || e.event.type === 'user.continue');
      const value = Math.max(states.get(k)!.context.path.length, ...forward.map((e) => mostSteps(e.to)));
      memo.set(k, value);
      return value;
    };
    const under: string[] = [];
    for (const [k, snapshot] of states) {
      if (!snapshot.hasTag('question')) continue;
      const { total } = progress(snapshot.context);
      if (total < mostSteps(k)) under.push(`${snapshot.context.path.join(' > ')}: about ${total}, then ${mostSteps(k)}`);
    }
    expect(under).toEqual([]);
  });
});
