/**
 * Suicide-risk and blood-pressure journeys on the default ketamine rules
 * that the clinical review (issue 10) found unsafe, written once and walked
 * by the machine, component and browser tests alike. Each is a script of
 * what a patient does: answer the question on screen, or press Back.
 */
import { createActor } from 'xstate';
import type { Answer } from '../../src/core/engine.ts';
import { assessmentMachine, currentQuestion } from '../../src/core/machine.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { TYPICAL_KETAMINE_ANSWERS } from './load-rules.ts';

/** One thing a patient does: answer what is on screen (by question id), or press Back. */
export type SafetyStep = { question: string; answer: Answer } | { back: true };

export interface SafetyScenario {
  name: string;
  /** Steps taken in order; after them the patient answers from `rest` until a result. */
  steps: SafetyStep[];
  rest: Readonly<Record<string, Answer>>;
  /** Where the walk ends: the crisis screen shown at once by an interrupt, or the final result. */
  expect: {
    screen: 'crisis' | 'result';
    tier: 'crisis' | 'not-suitable' | 'review' | 'candidate';
    /** The crisis lines (988 …) are on that screen. */
    crisisLines: boolean;
    /** Questions that must never be asked on this walk. */
    neverAsked?: string[];
    /** Rules whose patient text is on that screen. */
    reasons?: string[];
  };
}

const TYPICAL = TYPICAL_KETAMINE_ANSWERS;
const ask = (question: string, answer: Answer): SafetyStep => ({ question, answer });
const BACK: SafetyStep = { back: true };

/** The medical questions a minor is not asked (the adults-only message ends the assessment). */
export const MEDICAL_QUESTIONS = ['antidepressants', 'mental-health', 'pregnancy', 'blood-pressure', 'health', 'substances', 'medicines'];

export const SAFETY_SCENARIOS: SafetyScenario[] = [
  {
    name: 'an attempt in the past 3 months, with no thoughts now, gets crisis help at once',
    steps: [ask('age', 34), ask('death-wish', 'no'), ask('suicide-attempt', 'past-3-months')],
    rest: TYPICAL,
    expect: { screen: 'crisis', tier: 'crisis', crisisLines: true, reasons: ['recent-suicide-attempt'] },
  },
  {
    name: 'an attempt longer ago, with nothing now, ends in review with the crisis lines',
    steps: [ask('age', 34), ask('death-wish', 'no'), ask('suicide-attempt', 'longer-ago'), ask('suicide-now', 'no'), ask('suicide-plan', 'no')],
    rest: TYPICAL,
    expect: { screen: 'result', tier: 'review', crisisLines: true, reasons: ['past-suicide-attempt'] },
  },
  {
    name: 'going back from crisis help and denying every suicide-risk answer still ends with the crisis lines',
    steps: [
      ask('age', 34), ask('death-wish', 'yes'), ask('suicide-attempt', 'no'), ask('suicide-now', 'yes'),
      // On the crisis screen: Back to "right now", change it, then back to the first suicide question.
      BACK, ask('suicide-now', 'no'), BACK, BACK, BACK, ask('death-wish', 'no'), ask('suicide-attempt', 'no'),
    ],
    rest: TYPICAL,
    expect: { screen: 'result', tier: 'candidate', crisisLines: true },
  },
  {
    name: 'a minor at risk is not asked the medical questions and sees the adults-only message with 988',
    steps: [ask('age', 15), ask('death-wish', 'yes'), ask('suicide-attempt', 'no'), ask('suicide-now', 'no'), ask('suicide-plan', 'no')],
    rest: {},
    expect: { screen: 'result', tier: 'not-suitable', crisisLines: true, neverAsked: MEDICAL_QUESTIONS, reasons: ['under-18', 'suicidal-thoughts-past-weeks'] },
  },
  {
    name: 'a blood pressure crisis does not hide a suicide-risk answer',
    steps: [ask('age', 34), ask('death-wish', 'yes'), ask('suicide-attempt', 'no'), ask('suicide-now', 'no'), ask('suicide-plan', 'no')],
    rest: { ...TYPICAL, 'blood-pressure': '180-120-or-higher' },
    expect: { screen: 'crisis', tier: 'crisis', crisisLines: true, reasons: ['blood-pressure-crisis', 'suicidal-thoughts-past-weeks'] },
  },
];

/** A blood pressure reading as a patient holds it: top (systolic) and bottom (diastolic) number. */
export interface Reading {
  top: number;
  bottom: number;
}

type Range = { low: number; high: number };
const band = (text: string): Range | null => {
  const under = /^under (\d+)$/.exec(text);
  if (under) return { low: -Infinity, high: Number(under[1]) - 1 };
  const between = /^(\d+)[–-](\d+)$/.exec(text);
  if (between) return { low: Number(between[1]), high: Number(between[2]) };
  const over = /^(\d+) or (?:more|higher)$/.exec(text);
  if (over) return { low: Number(over[1]), high: Infinity };
  return null;
};

/**
 * Reads a blood-pressure option label the way a careful patient must be able
 * to: it names the top and the bottom number and says plainly whether both
 * must hold ("and") or either ("or"). A label like "140–159 / 90–99" leaves
 * that to guesswork, so it is refused. Returns whether the reading fits.
 */
export function labelFits(label: string, reading: Reading): boolean {
  const match = /^top (?:number )?(.+?),? (and|or) bottom (?:number )?(.+)$/i.exec(label.trim().replace(/\s+/g, ' '));
  const top = match && band(match[1]!.toLowerCase());
  const bottom = match && band(match[3]!.toLowerCase());
  if (!match || !top || !bottom) throw new Error(`the label "${label}" does not say plainly which top and bottom numbers it means, and whether both or either`);
  const inTop = reading.top >= top.low && reading.top <= top.high;
  const inBottom = reading.bottom >= bottom.low && reading.bottom <= bottom.high;
  return match[2]!.toLowerCase() === 'and' ? inTop && inBottom : inTop || inBottom;
}

/**
 * The option a patient picks for a reading: the one label that fits, or when
 * two fit, the later (higher) one — as the question's help tells them.
 */
export function optionForReading<T extends { label: string }>(options: readonly T[], reading: Reading): T {
  const fitting = options.filter((option) => !/know/i.test(option.label) && labelFits(option.label, reading));
  const chosen = fitting.at(-1);
  if (!chosen) throw new Error(`no option fits ${reading.top}/${reading.bottom}`);
  return chosen;
}

/** What the patient does, screen by screen, to play a scenario: as the machine decides which question is on screen. */
export type PatientAction = { kind: 'answer'; question: string; answer: Answer } | { kind: 'back' };

/**
 * Plays a scenario on the assessment machine and returns what the patient
 * did, so the widget tests can repeat it click by click, and the final snapshot.
 *
 * @example
 * const { actions, snapshot } = playScenario(ruleSet, SAFETY_SCENARIOS[0]);
 */
export function playScenario(ruleSet: RuleSet, scenario: SafetyScenario) {
  const actor = createActor(assessmentMachine, { input: { ruleSet } }).start();
  actor.send({ type: 'user.start' });
  const actions: PatientAction[] = [];
  const onScreen = () => currentQuestion(actor.getSnapshot().context)?.id;
  const give = (question: string, answer: Answer) => {
    actions.push({ kind: 'answer', question, answer });
    actor.send({ type: 'user.answer', value: answer });
  };
  for (const step of scenario.steps) {
    if ('back' in step) {
      actions.push({ kind: 'back' });
      actor.send({ type: 'user.back' });
      continue;
    }
    if (onScreen() !== step.question) throw new Error(`"${scenario.name}": expected to be asked "${step.question}", but "${onScreen()}" is on screen`);
    give(step.question, step.answer);
  }
  while (actor.getSnapshot().hasTag('question')) {
    const id = onScreen()!;
    if (!Object.hasOwn(scenario.rest, id)) throw new Error(`"${scenario.name}": no answer for "${id}"`);
    give(id, scenario.rest[id] as Answer);
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { actions, snapshot, asked: actions.flatMap((a) => (a.kind === 'answer' ? [a.question] : [])) };
}
