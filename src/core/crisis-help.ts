/**
 * Which help a result shows, from the rules that fired (their `tier` and
 * `crisisHelp`), never guessed from the questions' shape. The machine, the
 * screens, the screen-reader announcement, the time estimate and the prover
 * all read it here.
 *
 * - A crisis rule shows the crisis lines (988 …) unless it is marked
 *   `crisisHelp: medical` (a blood-pressure reading: "seek medical care now").
 * - A milder rule marked `crisisHelp: lines` (a non-acute suicide-risk
 *   answer) shows the crisis lines with its result.
 * - Once a rule that shows the lines has fired in a session, every later
 *   result shows them (`src/core/machine.ts` keeps that in memory only).
 */
import type { FiredRule, Outcome } from './engine.ts';
import { own } from './own.ts';
import type { CrisisResources } from '../authoring/schema.ts';
import type { CrisisHelp, Tier } from './vocabulary.ts';
import type { Text } from './text.ts';

/** The part of a rule (or fired rule) that decides its help. */
export interface HelpMarks {
  tier: Tier;
  crisisHelp?: CrisisHelp | undefined;
}

/**
 * True when a rule, once fired, puts the crisis lines on the result.
 *
 * @example
 * showsCrisisLines({ tier: 'review', crisisHelp: 'lines' }) // true
 * showsCrisisLines({ tier: 'crisis', crisisHelp: 'medical' }) // false
 */
export function showsCrisisLines(rule: HelpMarks): boolean {
  // Own properties only: a host page's Object.prototype.crisisHelp must not hide the lines.
  const help = own(rule, 'crisisHelp');
  return help === 'lines' || (rule.tier === 'crisis' && help !== 'medical');
}

/**
 * True when the crisis help box says this fired rule's patient text first:
 * a crisis rule, or a rule that shows the lines.
 *
 * @example
 * isHelpReason({ tier: 'review', crisisHelp: 'lines' }) // true
 */
export function isHelpReason(rule: HelpMarks): boolean {
  return rule.tier === 'crisis' || showsCrisisLines(rule);
}

/** The crisis help box on a result screen. */
export interface ResultHelp {
  /** The box is on the screen. */
  shown: boolean;
  /** On top, carrying the screen's main heading (a crisis result or the crisis screen). */
  onTop: boolean;
  /** Titled "seek medical care now" (`crisisResources.medicalTitle`): a medical crisis and no crisis lines. */
  medical: boolean;
  /** Rules whose patient text the box says first (on top only): crisis rules and rules that show the lines. */
  reasons: FiredRule[];
}

/**
 * The help box for an outcome. Its `crisisLines` is the machine's memory that
 * a rule showing the lines fired earlier in the session (the machine's
 * outcome carries it).
 *
 * @example
 * resultHelp(snapshot.context.outcome).shown
 */
export function resultHelp(outcome: Outcome & { crisisLines: boolean }): ResultHelp {
  const onTop = outcome.tier === 'crisis';
  const lines = outcome.crisisLines || outcome.fired.some(showsCrisisLines);
  return {
    shown: onTop || lines,
    onTop,
    medical: onTop && !lines,
    reasons: onTop ? outcome.fired.filter(isHelpReason) : [],
  };
}

/**
 * The heading of the help box: "seek medical care now" (`medicalTitle`, when
 * the file has one) for a medical crisis alone, else the crisis-lines title.
 *
 * @example
 * helpTitle(ruleSet.crisisResources, resultHelp(outcome)) // ruleSet.crisisResources.title
 */
export function helpTitle(resources: CrisisResources, help: ResultHelp): Text {
  return help.medical && resources.medicalTitle ? resources.medicalTitle : resources.title;
}
