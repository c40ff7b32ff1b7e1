/**
 * The assessment as an XState v5 machine: intro → one question per step
 * (branching by `showIf`) → result. Guards and actions only call the engine;
 * the machine decides *when*, the engine decides *what*.
 */
import { assign, createActor, createMachine } from 'xstate';
import {
  evaluate,
  findQuestion,
  firedRules,
  isValidAnswer,
  nextQuestionId,
  pruneHidden,
  remainingAtMost,
  type Answer,
  type Answers,
  type FiredRule,
  type Outcome,
} from './engine.ts';
import { showsCrisisLines } from './crisis-help.ts';
import type { Question, RuleSet } from '../authoring/schema.ts';

export interface AssessmentContext {
  ruleSet: RuleSet;
  /** Answers kept so far. Answers to questions hidden by a later change are dropped. */
  answers: Answers;
  /** Questions shown, in order; the last one is the current question. */
  path: string[];
  /**
   * Interrupting rules the patient has been shown and that no answer has set off since,
   * so "Continue" does not loop. Answering a question whose answer sets one off again
   * (it fires now and would not without that answer) shows it again.
   */
  acknowledged: string[];
  /** True when the result was reached by an interrupting (crisis) rule. */
  interrupted: boolean;
  /**
   * True once a rule that shows the crisis lines has fired in this session
   * (see `crisis-help.ts`): from then on every result shows them, whatever the
   * patient changes afterwards, Start again included. Kept in memory only.
   */
  crisisLines: boolean;
  /** Set on entering the result. */
  outcome: AssessmentOutcome | null;
}

/** The outcome on a result screen, and whether the crisis lines are shown with it. */
export interface AssessmentOutcome extends Outcome {
  crisisLines: boolean;
}

export type AssessmentEvent =
  | { type: 'user.start' }
  | { type: 'user.answer'; value: Answer }
  | { type: 'user.back' }
  | { type: 'user.continue' }
  | { type: 'user.restart' };

export interface AssessmentInput {
  ruleSet: RuleSet;
}

function initialContext(ruleSet: RuleSet, crisisLines = false): AssessmentContext {
  return { ruleSet, answers: {}, path: [], acknowledged: [], interrupted: false, crisisLines, outcome: null };
}

/** Interrupting rules that fire now and have not been shown yet. */
function pendingInterrupts(context: AssessmentContext): string[] {
  return firedRules(context.ruleSet, context.answers)
    .filter((rule) => rule.interrupt && !context.acknowledged.includes(rule.id))
    .map((rule) => rule.id);
}

/** Help once shown stays: true once any rule that shows the crisis lines has fired. */
function keepsLines(context: AssessmentContext, fired: readonly FiredRule[]): boolean {
  return context.crisisLines || fired.some(showsCrisisLines);
}

function ids(rules: readonly { id: string }[]): Set<string> {
  return new Set(rules.map((rule) => rule.id));
}

function nextAfterCurrent(context: AssessmentContext): string | null {
  return nextQuestionId(context.ruleSet, context.answers, context.path.at(-1) ?? null);
}

// Actions used in more than one transition.
const showNextQuestion = assign<AssessmentContext, AssessmentEvent, undefined, AssessmentEvent, never>({
  path: ({ context }) => {
    const next = nextAfterCurrent(context);
    return next ? [...context.path, next] : context.path;
  },
});
const showPreviousQuestion = assign<AssessmentContext, AssessmentEvent, undefined, AssessmentEvent, never>({
  path: ({ context }) => context.path.slice(0, -1),
});
const clearInterrupted = assign<AssessmentContext, AssessmentEvent, undefined, AssessmentEvent, never>({ interrupted: false });

/**
 * The assessment machine. Start it with a validated rule set as input.
 *
 * Guards and actions are written inline, each named in a comment: their
 * names would otherwise ship as strings in the widget bundle.
 *
 * @example
 * const actor = createActor(assessmentMachine, { input: { ruleSet } }).start();
 * actor.send({ type: 'user.start' });
 * actor.send({ type: 'user.answer', value: 34 });
 */
export const assessmentMachine = createMachine({
  types: {} as {
    context: AssessmentContext;
    events: AssessmentEvent;
    input: AssessmentInput;
    tags: 'question' | 'result';
  },
  id: 'assessment',
  context: ({ input }) => initialContext(input.ruleSet),
  initial: 'intro',
  on: {
    // reset: keeps only the crisis lines once shown.
    'user.restart': { target: '.intro', actions: assign(({ context }) => initialContext(context.ruleSet, context.crisisLines)) },
  },
  states: {
    intro: {
      on: {
        'user.start': {
          // hasQuestions
          guard: ({ context }) => nextQuestionId(context.ruleSet, {}, null) !== null,
          target: 'asking',
          // showFirstQuestion
          actions: assign({
            path: ({ context }) => {
              const first = nextQuestionId(context.ruleSet, {}, null);
              return first ? [first] : [];
            },
            // A rule can fire before any answer (say, `not` of an unanswered test).
            crisisLines: ({ context }) => keepsLines(context, firedRules(context.ruleSet, context.answers)),
          }),
        },
      },
    },
    asking: {
      tags: 'question',
      on: {
        'user.answer': {
          // isAnswerValid
          guard: ({ context, event }) => {
            const question = findQuestion(context.ruleSet, context.path.at(-1) ?? '');
            return question !== undefined && isValidAnswer(question, event.value);
          },
          target: 'routing',
          // recordAnswer
          actions: assign(({ context, event }) => {
            const current = context.path.at(-1);
            if (!current) return {};
            const answers = pruneHidden(context.ruleSet, { ...context.answers, [current]: event.value });
            // Crisis help counts as seen only while it would fire without this answer too: an
            // answer that sets it off (again, after Back) shows it again; a kept alarming answer
            // to another question does not bring it back when an unrelated answer changes.
            const { [current]: _given, ...without } = answers;
            const fired = firedRules(context.ruleSet, answers);
            const firing = ids(fired);
            const firingWithout = ids(firedRules(context.ruleSet, without));
            const acknowledged = context.acknowledged.filter((id) => firing.has(id) && firingWithout.has(id));
            return { answers, acknowledged, interrupted: false, crisisLines: keepsLines(context, fired) };
          }),
        },
        'user.back': [
          // isOnFirstQuestion
          { guard: ({ context }) => context.path.length <= 1, target: 'intro', actions: showPreviousQuestion },
          { target: 'asking', actions: showPreviousQuestion },
        ],
      },
    },
    routing: {
      always: [
        // isInterrupted → acknowledgeInterrupts
        {
          guard: ({ context }) => pendingInterrupts(context).length > 0,
          target: 'result',
          actions: assign({
            acknowledged: ({ context }) => [...context.acknowledged, ...pendingInterrupts(context)],
            interrupted: true,
          }),
        },
        // hasNextQuestion
        { guard: ({ context }) => nextAfterCurrent(context) !== null, target: 'asking', actions: showNextQuestion },
        { target: 'result' },
      ],
    },
    result: {
      tags: 'result',
      // computeOutcome
      entry: assign({
        outcome: ({ context }) => ({ ...evaluate(context.ruleSet, context.answers), crisisLines: context.crisisLines }),
      }),
      // clearOutcome
      exit: assign({ outcome: null }),
      on: {
        'user.back': { target: 'asking', actions: clearInterrupted },
        // canContinue
        'user.continue': {
          guard: ({ context }) => context.interrupted && nextAfterCurrent(context) !== null,
          target: 'asking',
          actions: [clearInterrupted, showNextQuestion],
        },
      },
    },
  },
});

/**
 * Starts an assessment actor for a rule set.
 *
 * @example
 * const actor = createAssessment(ruleSet);
 * actor.subscribe((snapshot) => render(snapshot));
 */
export function createAssessment(ruleSet: RuleSet) {
  return createActor(assessmentMachine, { input: { ruleSet } }).start();
}

/** The question on screen, or null outside the `asking` state. */
export function currentQuestion(context: AssessmentContext): Question | null {
  const id = context.path.at(-1);
  return id ? (findQuestion(context.ruleSet, id) ?? null) : null;
}

/** "Question `step` of about `total`": the step number and an upper bound on the total. */
export function progress(context: AssessmentContext): { step: number; total: number } {
  const current = context.path.at(-1) ?? null;
  const step = context.path.length;
  return { step, total: step + remainingAtMost(context.ruleSet, context.answers, current) };
}
