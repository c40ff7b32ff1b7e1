/**
 * Model-based test of the assessment machine.
 *
 * @xstate/graph walks every reachable snapshot of the machine on a small rule
 * set built to need every transition (tests/support/sample-rule-set.ts). From
 * each snapshot we send every event a patient can send, on a real actor, and
 * check the result against a plain reference model of what the patient should
 * see. While doing so we record which of the machine's own transition
 * definitions were taken; the test fails when any defined transition, guarded
 * alternative or "ignored because the guard says no" case was never taken —
 * so a transition added to the machine later must come with coverage here.
 */
import { getShortestPaths } from '@xstate/graph';
import { createActor, type AnyStateNode, type SnapshotFrom } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { firedRules, nextQuestionId, pruneHidden, type Answer } from '../../src/core/engine.ts';
import { assessmentMachine, currentQuestion, type AssessmentEvent } from '../../src/core/machine.ts';
import { RuleSet } from '../../src/authoring/schema.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

type Snapshot = SnapshotFrom<typeof assessmentMachine>;

const sample = RuleSet.parse(sampleRuleSetInput());

/**
 * A rule set whose only question is never shown (its `showIf` reads itself, so
 * it is never true). The loader refuses such a file; the schema alone does not,
 * and the machine must still not start an empty assessment.
 */
const allHidden = RuleSet.parse({
  ...sampleRuleSetInput(),
  questions: [{ ...sampleRuleSetInput().questions[0]!, showIf: { question: 'mood', answered: true } }],
  rules: [sampleRuleSetInput().rules[0]!],
  invariants: [],
});

/** Answers tried on each question: two valid ones and one the question must refuse. */
const ANSWERS: Record<string, { valid: Answer[]; invalid: Answer }> = {
  mood: { valid: ['no', 'yes'], invalid: 'maybe' },
  conditions: { valid: [['heart'], ['none']], invalid: ['none', 'heart'] },
  age: { valid: [40, 70], invalid: 121 },
  care: { valid: ['yes', 'no'], invalid: 3 },
  safe: { valid: ['yes', 'no'], invalid: ['yes'] },
};

/** Every event a patient can send from this snapshot (handled or not). */
function patientEvents(snapshot: Snapshot): AssessmentEvent[] {
  const question = currentQuestion(snapshot.context);
  const answers = question ? [...ANSWERS[question.id]!.valid, ANSWERS[question.id]!.invalid] : ['no'];
  return [
    { type: 'user.start' },
    ...answers.map((value) => ({ type: 'user.answer' as const, value })),
    { type: 'user.back' },
    { type: 'user.continue' },
    { type: 'user.restart' },
  ];
}

function serialize(snapshot: Snapshot): string {
  const { answers, path, acknowledged, interrupted, crisisLines } = snapshot.context;
  return JSON.stringify([snapshot.value, answers, path, acknowledged, interrupted, crisisLines]);
}

// ---------------------------------------------------------------------------
// The reference model: what the patient should see after each event.

interface ModelState {
  value: 'intro' | 'asking' | 'result';
  answers: Record<string, Answer>;
  path: string[];
  interrupted: boolean;
  acknowledged: string[];
  /** Once a rule that shows the crisis lines fired, every later result shows them; Start again keeps it. */
  crisisLines: boolean;
}

const firesLines = (ruleSet: RuleSet, answers: Record<string, Answer>) =>
  firedRules(ruleSet, answers).some((rule) => rule.crisisHelp === 'lines' || (rule.tier === 'crisis' && rule.crisisHelp !== 'medical'));

function isValid(ruleSet: RuleSet, questionId: string | undefined, value: Answer): boolean {
  if (!questionId) return false;
  const tried = ANSWERS[questionId];
  return tried ? tried.valid.some((v) => JSON.stringify(v) === JSON.stringify(value)) : ruleSet.questions.some((q) => q.id === questionId);
}

function expectedAfter(ruleSet: RuleSet, state: ModelState, event: AssessmentEvent): ModelState {
  const current = state.path.at(-1);
  const next = (answers: Record<string, Answer>) => nextQuestionId(ruleSet, answers, current ?? null);
  switch (event.type) {
    case 'user.restart':
      return { value: 'intro', answers: {}, path: [], interrupted: false, acknowledged: [], crisisLines: state.crisisLines };
    case 'user.start': {
      const first = nextQuestionId(ruleSet, {}, null);
      return state.value === 'intro' && first
        ? { ...state, value: 'asking', path: [first], crisisLines: state.crisisLines || firesLines(ruleSet, state.answers) }
        : state;
    }
    case 'user.answer': {
      if (state.value !== 'asking' || !isValid(ruleSet, current, event.value)) return state;
      const answers = pruneHidden(ruleSet, { ...state.answers, [current!]: event.value });
      const firing = firedRules(ruleSet, answers);
      // Seen crisis help stays seen only if it fires without this answer as well.
      const withoutThis = Object.fromEntries(Object.entries(answers).filter(([id]) => id !== current));
      const firingWithout = firedRules(ruleSet, withoutThis);
      const acknowledged = state.acknowledged.filter(
        (id) => firing.some((rule) => rule.id === id) && firingWithout.some((rule) => rule.id === id),
      );
      const pending = firing.filter((rule) => rule.interrupt && !acknowledged.includes(rule.id)).map((rule) => rule.id);
      const crisisLines = state.crisisLines || firesLines(ruleSet, answers);
      if (pending.length > 0) return { value: 'result', answers, path: state.path, interrupted: true, acknowledged: [...acknowledged, ...pending], crisisLines };
      const following = next(answers);
      if (following) return { value: 'asking', answers, path: [...state.path, following], interrupted: false, acknowledged, crisisLines };
      return { value: 'result', answers, path: state.path, interrupted: false, acknowledged, crisisLines };
    }
    case 'user.back':
      if (state.value === 'asking') {
        return { ...state, value: state.path.length <= 1 ? 'intro' : 'asking', path: state.path.slice(0, -1) };
      }
      if (state.value === 'result') return { ...state, value: 'asking', interrupted: false };
      return state;
    case 'user.continue': {
      const following = next(state.answers);
      if (state.value !== 'result' || !state.interrupted || !following) return state;
      return { ...state, value: 'asking', path: [...state.path, following], interrupted: false };
    }
  }
}

function toModel(snapshot: Snapshot): ModelState {
  const { answers, path, interrupted, acknowledged, crisisLines } = snapshot.context;
  return { value: snapshot.value as ModelState['value'], answers: { ...answers }, path, interrupted, acknowledged, crisisLines };
}

// ---------------------------------------------------------------------------
// The machine's own transitions, read from its state nodes.

function stateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(stateNodes)];
}

/** States a patient can rest in (transient states like `routing` never receive events). */
function restingStates(): AnyStateNode[] {
  return stateNodes(assessmentMachine.root).filter((node) => node.type === 'atomic' && !node.always?.length);
}

/** Event types handled in `state`, with their candidate transitions, own first then ancestors'. */
function candidates(state: AnyStateNode): Map<string, AnyStateNode['transitions'] extends Map<string, infer T> ? T : never> {
  const result = new Map();
  for (let node: AnyStateNode | undefined = state; node; node = node.parent) {
    for (const [type, defs] of node.transitions) if (!result.has(type)) result.set(type, defs);
  }
  return result;
}

/**
 * Every behaviour the machine defines, as "state | event | n": the n-th
 * candidate transition taken, or "ignored" when every candidate is guarded
 * and may refuse. Root-level transitions (restart) count once per resting state.
 */
function definedTransitions(): Set<string> {
  const defined = new Set<string>();
  for (const state of restingStates()) {
    for (const [type, defs] of candidates(state)) {
      defs.forEach((_, i) => defined.add(`${state.key} | ${type} | ${i}`));
      if (defs.at(-1)?.guard) defined.add(`${state.key} | ${type} | ignored`);
    }
  }
  for (const node of stateNodes(assessmentMachine.root)) {
    node.always?.forEach((_, i) => defined.add(`${node.key} | always | ${i}`));
  }
  return defined;
}

/** Runs `events` on a fresh actor, then `last`, recording the transitions `last` takes. */
function replay(ruleSet: RuleSet, events: readonly AssessmentEvent[], last: AssessmentEvent) {
  const taken: string[] = [];
  let recording = false;
  let from = '';
  const actor = createActor(assessmentMachine, {
    input: { ruleSet },
    inspect: (inspection) => {
      if (!recording || inspection.type !== '@xstate.microstep') return;
      for (const transition of inspection._transitions) {
        const source = transition.source;
        const alwaysIndex = source.always?.indexOf(transition) ?? -1;
        const state = source === assessmentMachine.root ? from : source.key;
        taken.push(alwaysIndex >= 0
          ? `${state} | always | ${alwaysIndex}`
          : `${state} | ${transition.eventType} | ${source.transitions.get(transition.eventType)!.indexOf(transition)}`);
      }
      from = String((inspection.snapshot as Snapshot).value);
    },
  });
  const errors: unknown[] = [];
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();
  for (const event of events) actor.send(event);
  const before = actor.getSnapshot();
  from = String(before.value);
  recording = true;
  actor.send(last);
  const after = actor.getSnapshot();
  actor.stop();
  const handled = candidates(restingStates().find((s) => s.key === before.value)!).has(last.type);
  if (taken.length === 0 && handled) taken.push(`${before.value} | ${last.type} | ignored`);
  return { before, after, taken, errors };
}

/** Explores a rule set: every reachable snapshot × every patient event. */
function explore(ruleSet: RuleSet) {
  const paths = getShortestPaths(assessmentMachine, {
    input: { ruleSet },
    events: patientEvents,
    serializeState: serialize,
  });
  const covered = new Set<string>();
  const mismatches: string[] = [];
  let checked = 0;
  for (const path of paths) {
    const events = path.steps.map((step) => step.event).filter((event) => !event.type.startsWith('xstate.')) as AssessmentEvent[];
    for (const event of patientEvents(path.state)) {
      const { before, after, taken, errors } = replay(ruleSet, events, event);
      taken.forEach((key) => covered.add(key));
      checked += 1;
      const expected = expectedAfter(ruleSet, toModel(before), event);
      const actual = toModel(after);
      if (errors.length > 0 || after.status !== 'active' || JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${serialize(before)} + ${JSON.stringify(event)}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      }
    }
  }
  return { states: paths.length, checked, covered, mismatches };
}

describe('assessmentMachine (model-based)', () => {
  let onSample: ReturnType<typeof explore>;
  let onAllHidden: ReturnType<typeof explore>;
  beforeAll(() => {
    onSample = explore(sample);
    onAllHidden = explore(allHidden);
  }, 120_000); // ~4,000 replays: a second on a quiet machine

  it('reaches many snapshots of the sample rule set', () => {
    // Guards against an exploration that silently stops at the intro.
    expect(onSample.states).toBeGreaterThan(50);
    expect(onSample.checked).toBeGreaterThan(onSample.states * 5);
  });

  it('does what the reference model says for every snapshot × patient event', () => {
    expect(onSample.mismatches).toEqual([]);
    expect(onAllHidden.mismatches).toEqual([]);
  });

  it('exercises every transition the machine defines, including guarded alternatives and refusals', () => {
    const covered = new Set([...onSample.covered, ...onAllHidden.covered]);
    expect([...covered].sort()).toEqual([...definedTransitions()].sort());
  });

  it('lists the transitions a patient relies on (so the coverage check above cannot be empty)', () => {
    expect([...definedTransitions()].sort()).toEqual([
      'asking | user.answer | 0',
      'asking | user.answer | ignored',
      'asking | user.back | 0', // back on the first question → intro
      'asking | user.back | 1', // back to the previous question
      'asking | user.restart | 0',
      'intro | user.restart | 0',
      'intro | user.start | 0',
      'intro | user.start | ignored', // no question visible: stays on the intro
      'result | user.back | 0',
      'result | user.continue | 0', // after crisis help, when questions remain
      'result | user.continue | ignored', // after crisis help on the last question, or a normal result
      'result | user.restart | 0',
      'routing | always | 0', // interrupt → result
      'routing | always | 1', // next question
      'routing | always | 2', // no question left → result
    ]);
  });

  it('never starts an assessment without a visible question', () => {
    const actor = createActor(assessmentMachine, { input: { ruleSet: allHidden } }).start();
    actor.send({ type: 'user.start' });
    expect(actor.getSnapshot().value).toBe('intro');
  });
});
