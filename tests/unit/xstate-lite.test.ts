/**
 * widget/xstate-lite.ts runs the assessment machine in the widget instead of
 * XState. Whatever a patient does, it must reach the snapshot XState
 * reaches: same state, same context, same tags, same answers to `can()`, so
 * the same screen. Random event sequences (most of them answers to the
 * question on screen, so the walks get deep: crisis interrupts, continue,
 * back, restart) go through both, compared after every event.
 */
import fc from 'fast-check';
import { assign as xAssign, createActor as xCreateActor, setup as xSetup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { evaluate, tierRank, type Answer, type Answers } from '../../src/engine.ts';
import { assessmentMachine, currentQuestion, type AssessmentContext, type AssessmentEvent } from '../../src/machine.ts';
import type { Question, RuleSet } from '../../src/schema.ts';
import { RuleSet as RuleSetSchema } from '../../src/schema.ts';
import { screenOf } from '../../widget/screen.ts';
import { assign, createActor, setup, unsupported } from '../../widget/xstate-lite.ts';
import { loadRules } from '../support/load-rules.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

/** The assessment machine as the widget bundle builds it: the same config and implementations. */
const liteMachine = setup(assessmentMachine.implementations as never).createMachine(assessmentMachine.config as never);

/** Answers a question accepts: every option (and pairs), or numbers across its range. */
function validAnswers(question: Question): Answer[] {
  if (question.type === 'number') {
    const { min, max } = question;
    const step = question.step ?? 1;
    return [min, max, min + step * Math.round((max - min) / step / 2), min + step * Math.round((max - min) / step / 5)];
  }
  const ids = question.options.map((option) => option.id);
  if (question.type === 'single-choice') return ids;
  return [...ids.map((id) => [id]), ids.slice(0, 2), ids.slice(1, 3)];
}

/** Answers a question must refuse (or, for multiple choice, may: an exclusive option with another). */
function junkAnswers(question: Question): Answer[] {
  if (question.type === 'number') {
    const step = question.step ?? 1;
    return [question.min - step, question.max + step, question.min + step / 2, Number.NaN, '12'];
  }
  const ids = question.options.map((option) => option.id);
  if (question.type === 'single-choice') return ['not-an-option', [ids[0]!], 3];
  return [[], [ids[0]!, ids[0]!], ids[0]!, ids.slice(-2), ids, ['not-an-option']];
}

const candidates = (question: Question): Answer[] => [...validAnswers(question), ...junkAnswers(question)];

type Step = { kind: 'answer' | 'junk'; pick: number } | { kind: 'calm' | 'start' | 'back' | 'continue' | 'restart' };

// Mostly answers the question accepts, so walks get deep: to every result, crisis help mid-way and past it.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.nat(99).map((pick) => ({ kind: 'answer' as const, pick })) },
  { weight: 8, arbitrary: fc.constant({ kind: 'calm' as const }) },
  { weight: 2, arbitrary: fc.nat(99).map((pick) => ({ kind: 'junk' as const, pick })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'start' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'back' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'continue' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The accepted answer that keeps the outcome least serious, so some walks end at `candidate`. */
function calmAnswer(ruleSet: RuleSet, answers: Answers, question: Question): Answer {
  const rank = (answer: Answer) => tierRank(evaluate(ruleSet, { ...answers, [question.id]: answer }).tier);
  return validAnswers(question).reduce((best, answer) => (rank(answer) > rank(best) ? answer : best));
}

function toEvent(s: Step, ruleSet: RuleSet, context: AssessmentContext): AssessmentEvent {
  const question = currentQuestion(context);
  if (s.kind === 'calm') return question ? { type: 'user.answer', value: calmAnswer(ruleSet, context.answers, question) } : { type: 'user.start' };
  if (s.kind !== 'answer' && s.kind !== 'junk') return { type: `user.${s.kind}` };
  const pool = question ? (s.kind === 'answer' ? validAnswers(question) : junkAnswers(question)) : ['no'];
  return { type: 'user.answer', value: pool[s.pick % pool.length]! };
}

/** Everything the widget reads from a snapshot, for comparison. */
function observable(snapshot: ReturnType<ReturnType<typeof createActor>['getSnapshot']>, probes: AssessmentEvent[]) {
  return {
    status: snapshot.status,
    value: snapshot.value,
    context: snapshot.context,
    tags: ['question', 'result'].filter((tag) => snapshot.hasTag(tag)),
    can: probes.map((event) => snapshot.can(event)),
    screen: screenOf(snapshot as never),
  };
}

/** What the walks reached, so a test can show they went deep enough to matter. */
const reached = new Set<string>();

function walk(ruleSet: RuleSet, steps: Step[]): void {
  const real = xCreateActor(assessmentMachine, { input: { ruleSet } }).start();
  const lite = createActor(liteMachine, { input: { ruleSet } }).start();
  let realNotified = 0;
  let liteNotified = 0;
  real.subscribe(() => (realNotified += 1));
  lite.subscribe(() => (liteNotified += 1));
  for (const s of steps) {
    const event = toEvent(s, ruleSet, real.getSnapshot().context);
    real.send(event);
    lite.send(event);
    const question = currentQuestion(real.getSnapshot().context);
    const probes: AssessmentEvent[] = [
      { type: 'user.start' }, { type: 'user.back' }, { type: 'user.continue' }, { type: 'user.restart' },
      ...(question ? candidates(question) : ['no']).map((value) => ({ type: 'user.answer' as const, value })),
    ];
    expect(observable(lite.getSnapshot(), probes), `after ${JSON.stringify(event)}`).toEqual(observable(real.getSnapshot() as never, probes));
    expect(liteNotified).toBe(realNotified);
    const { context } = real.getSnapshot();
    if (context.outcome) reached.add(`${context.interrupted ? 'interrupted ' : ''}${context.outcome.tier}`);
    if (context.acknowledged.length && real.getSnapshot().value === 'asking') reached.add('asking after crisis help');
  }
}

describe('xstate-lite, the assessment machine against XState', () => {
  const ketamine = loadRules('ketamine');
  const sample = RuleSetSchema.parse(sampleRuleSetInput());

  it('reaches the same snapshot after every event on the default rules', () => {
    reached.clear();
    fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }), (steps) => walk(ketamine, steps)), { numRuns: 300, seed: 6 });
    // The walks got everywhere that matters: every result, crisis help mid-way, and past it.
    expect([...reached].sort()).toEqual(
      ['asking after crisis help', 'candidate', 'crisis', 'interrupted crisis', 'not-suitable', 'review'],
    );
  });

  it('reaches the same snapshot after every event on a rule set that needs every transition', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), (steps) => walk(sample, steps)), { numRuns: 300, seed: 7 });
  });

  it('takes a typical patient to the same result', () => {
    const lite = createActor(liteMachine, { input: { ruleSet: ketamine } }).start();
    lite.send({ type: 'user.start' });
    for (const value of [34, 'no', 'two-or-more', ['none'], ['none'], 'under-140-90', ['none'], ['none'], ['none']]) {
      lite.send({ type: 'user.answer', value });
    }
    expect(lite.getSnapshot().value).toBe('result');
    expect(lite.getSnapshot().context.outcome?.tier).toBe('candidate');
  });

  it('can run the real machine: unsupported() finds nothing in it', () => {
    expect(unsupported(assessmentMachine.config, assessmentMachine.implementations)).toBeNull();
  });
});

/** A small machine written once, built with either interpreter's setup() and assign(). */
function counter(build: typeof xSetup, assigner: typeof xAssign, throwing = false) {
  return build({
    types: { context: {} as { count: number }, events: {} as { type: 'inc' } | { type: 'reset' } | { type: 'boom' } },
    guards: {
      isBig: ({ context }) => context.count >= 2,
      explodes: () => {
        if (throwing) throw new Error('guard broke');
        return false;
      },
    },
    actions: { inc: assigner({ count: ({ context }) => context.count + 1 }), zero: assigner(() => ({ count: 0 })) },
  }).createMachine({
    context: { count: 0 },
    initial: 'small',
    on: { reset: { target: '.small', actions: 'zero' } },
    states: {
      small: { tags: 'low', on: { inc: { target: 'pre', actions: 'inc' }, boom: { guard: 'explodes', target: 'big' }, nothing: {} } },
      pre: { always: { target: 'check' } },
      check: { always: [{ guard: 'isBig', target: 'big' }, { target: 'small' }] },
      big: { tags: 'high', entry: 'inc', exit: 'inc', on: { inc: { target: 'big', actions: 'inc' } } },
    },
  });
}

const liteCounter = (throwing = false) => counter(setup as never, assign as never, throwing) as never as Parameters<typeof createActor>[0];
const realCounter = (throwing = false) => counter(xSetup, xAssign, throwing);

/** Values seen by a subscriber that sends `reset` when it first sees `big`. */
function reentrantTrace(actor: { send(e: { type: string }): void; subscribe(f: (s: { value: unknown; context: { count: number } }) => void): unknown }) {
  const seen: string[] = [];
  actor.subscribe((snapshot) => {
    seen.push(`${String(snapshot.value)}:${snapshot.context.count}`);
    if (snapshot.value === 'big' && seen.length < 5) actor.send({ type: 'reset' });
  });
  for (const type of ['inc', 'inc', 'inc']) actor.send({ type });
  return seen;
}

describe('xstate-lite, interpreter rules shared with XState', () => {
  it('runs entry, exit, self-targets, root transitions and chained always the same way', () => {
    type Probe = { send(e: { type: string }): void; getSnapshot(): { value: unknown; context: { count: number }; hasTag(t: string): boolean; can(e: { type: string }): boolean } };
    const run = (actor: Probe) =>
      ['inc', 'inc', 'inc', 'reset', 'inc', 'nothing'].map((type) => {
        actor.send({ type });
        const s = actor.getSnapshot();
        const can = ['inc', 'reset', 'nothing', 'boom', 'other'].filter((event) => s.can({ type: event })).join(',');
        return `${String(s.value)}:${s.context.count}:${s.hasTag('high')}:${can}`;
      });
    const expected = run(xCreateActor(realCounter()).start() as never);
    expect(run(createActor(liteCounter()).start() as never)).toEqual(expected);
    // inc, inc → big (entry +1 = 3); inc in big stays (no exit/entry) → 4; reset exits big (+1) then zeroes.
    // A transition with neither target nor actions ("nothing") is not something the snapshot can do.
    expect(expected).toEqual([
      'small:1:false:inc,reset', 'big:3:true:inc,reset', 'big:4:true:inc,reset', 'small:0:false:inc,reset', 'small:1:false:inc,reset', 'small:1:false:inc,reset',
    ]);
  });

  it('makes an event sent from a subscriber wait until the current one is done', () => {
    expect(reentrantTrace(createActor(liteCounter()).start() as never)).toEqual(reentrantTrace(xCreateActor(realCounter()).start() as never));
  });

  it('processes events sent before start() once it starts', () => {
    const lite = createActor(liteCounter());
    const real = xCreateActor(realCounter());
    for (const actor of [lite, real] as { send(e: { type: string }): void }[]) actor.send({ type: 'inc' });
    lite.start();
    real.start();
    expect(lite.getSnapshot().context).toEqual(real.getSnapshot().context);
    expect(lite.getSnapshot().context).toEqual({ count: 1 });
  });

  it('stops on a throwing guard, tells the error observer, and ignores later events', () => {
    const errors: [string, unknown][] = [];
    const lite = createActor(liteCounter(true)).start();
    const real = xCreateActor(realCounter(true)).start();
    lite.subscribe({ error: (error) => errors.push(['lite', error]) });
    real.subscribe({ error: (error) => errors.push(['real', error]) });
    lite.send({ type: 'boom' });
    real.send({ type: 'boom' });
    lite.send({ type: 'inc' });
    real.send({ type: 'inc' });
    expect(lite.getSnapshot().status).toBe('error');
    expect(real.getSnapshot().status).toBe('error');
    expect(lite.getSnapshot().context).toEqual(real.getSnapshot().context);
    expect(errors.map(([who]) => who).sort()).toEqual(['lite', 'real']);
    expect(errors.find(([who]) => who === 'lite')?.[1]).toEqual(new Error('guard broke'));
  });

  it('notifies nobody after stop()', () => {
    const lite = createActor(liteCounter()).start();
    let calls = 0;
    lite.subscribe(() => (calls += 1));
    lite.send({ type: 'inc' });
    lite.stop();
    lite.send({ type: 'inc' });
    expect(calls).toBe(1);
    expect(lite.getSnapshot().status).toBe('stopped');
    expect(lite.getSnapshot().context).toEqual({ count: 1 });
  });
});

describe('unsupported()', () => {
  const guards = { ok: () => true };
  const actions = { set: xAssign({}) };
  const machine = (states: Record<string, unknown>, root: Record<string, unknown> = {}) => ({ initial: 'a', context: {}, states, ...root });

  // Each config uses one thing the widget's interpreter does not run; the message names it and where.
  it.each([
    ['a delayed transition', machine({ a: { after: { 1000: 'b' } }, b: {} }), 'states.a: "after" is not supported'],
    ['a nested state', machine({ a: { initial: 'x', states: { x: {} } } }), 'states.a: "initial" is not supported'],
    ['a parallel state', machine({ a: { type: 'parallel' } }), 'states.a: "type" is not supported'],
    ['an invoked actor', machine({ a: { invoke: { src: 'x' } } }), 'states.a: "invoke" is not supported'],
    ['an inline guard', machine({ a: { on: { go: { guard: () => true, target: 'a' } } } }), 'states.a.on["go"]: a guard must name a guard of setup()'],
    ['an unknown action', machine({ a: { entry: 'nope' } }), 'states.a.entry: actions must name assign() actions of setup()'],
    ['a target by id', machine({ a: { on: { go: { target: '#b' } } }, b: {} }), 'states.a.on["go"]: target "#b" must be a sibling state'],
    ['a root target without the dot', machine({ a: {} }, { on: { go: { target: 'a' } } }), 'machine.on["go"]: target "a" must be ".child"'],
    ['a wildcard event', machine({ a: { on: { '*': { target: 'a' } } } }), 'states.a.on: wildcard events are not supported'],
    ['a reentering transition', machine({ a: { on: { go: { target: 'a', reenter: true } } } }), 'states.a.on["go"]: "reenter" is not supported'],
    ['root entry actions', machine({ a: {} }, { entry: 'set' }), 'machine: "entry" is not supported'],
    ['a missing initial state', { initial: 'z', states: { a: {} } }, 'machine: "initial" must name a child state'],
  ])('refuses %s', (_name, config, message) => {
    expect(unsupported(config, { guards, actions })).toBe(message);
  });

  it('accepts guarded lists, always, entry, exit and tags', () => {
    const config = machine({
      a: { tags: 'x', entry: 'set', exit: ['set'], on: { go: [{ guard: 'ok', target: 'b', actions: 'set' }, { target: 'a' }] } },
      b: { always: { guard: 'ok', target: 'a' } },
    }, { on: { reset: { target: '.a' } } });
    expect(unsupported(config, { guards, actions })).toBeNull();
  });
});
