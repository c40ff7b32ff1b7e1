/**
 * Plain-text lines for the CLI (and the playground): invariant verdicts,
 * counterexamples and the time estimate, in words a clinician reads.
 */
import type { RuleSet, Tier } from '../authoring/schema.ts';
import { quote } from '../authoring/messages.ts';
import { describer } from './describe.ts';
import { resolveText } from '../core/text.ts';
import type { TimeEstimate, PathEstimate, ScreenTime } from './estimate.ts';
import type { PathStep } from './graph-walks.ts';
import type { InvariantResult } from './prove.ts';

/**
 * A path, one line per step: `“How old are you?” → 17 years`.
 *
 * @example
 * formatSteps(ruleSet, counterexample.steps).forEach((line, i) => console.log(`  ${i + 1}. ${line}`));
 */
export function formatSteps(ruleSet: RuleSet, steps: readonly PathStep[], locale?: string): string[] {
  const say = describer(ruleSet, locale);
  return steps.map((step) =>
    step.kind === 'answer'
      ? `${say.question(step.question)} → ${say.answer(step.question, step.answer)}`
      : `(crisis screen for ${step.interrupts.join(', ')}) → Continue the assessment`,
  );
}

/**
 * What an invariant promises, in words: `at least not-suitable`, or `the
 * crisis lines on every later result` for `shows: crisis-lines`.
 *
 * @example
 * promiseOf({ atLeast: 'review' }) // 'at least review'
 */
export function promiseOf(invariant: { atLeast?: Tier | undefined; shows?: 'crisis-lines' | undefined }): string {
  return invariant.shows === 'crisis-lines' ? 'the crisis lines on every later result' : `at least ${invariant.atLeast}`;
}

/**
 * The lines for one invariant: a tick line when proven, or a cross line, the
 * numbered counterexample and what it led to.
 *
 * @example
 * formatInvariantResult(ruleSet, result).join('\n')
 * // ✗ pregnancy-excluded: pregnant patients are never candidates
 * //     1. “How old are you?” → 18 years
 * //     2. “Are you pregnant?” → “Pregnant”
 * //     outcome: candidate (no rule fired); expected at least not-suitable
 */
export function formatInvariantResult(ruleSet: RuleSet, result: InvariantResult, locale?: string): string[] {
  if (result.status === 'proven') {
    const over = result.shows ? 'answer sets (in any order, with Back and changed answers)' : 'answer paths';
    return [`✓ ${result.id}: proven over ${result.explored.paths} ${over}`];
  }
  if (result.status === 'vacuous') return [`✗ ${result.id}: never applies: its condition is true on no answer path, so it proves nothing`];
  if (result.status === 'unproven') return [`? ${result.id}: not proven: too many answer combinations (${result.explored.paths})`];
  const c = result.counterexample!;
  const fired = c.fired.length ? `rules fired: ${c.fired.join(', ')}` : 'no rule fired';
  return [
    `✗ ${result.id}: ${result.description}`,
    ...formatSteps(ruleSet, c.steps, locale).map((line, i) => `    ${i + 1}. ${line}`),
    `    outcome: ${c.tier}${c.interrupted ? ' (questions stopped by a crisis answer)' : ''} (${fired}); expected ${promiseOf(result)}`,
  ];
}

/** The longest question text a screen-by-screen line quotes; longer ones end in "…". */
const QUESTION_CHARS = 60;

/**
 * The typical path screen by screen, for the time warning: a heading, then
 * one line a screen with its words and seconds, questions in `locale` (the
 * estimate's language). Nothing without a typical path.
 *
 * @example
 * formatScreenTimes(ruleSet, estimateTime(ruleSet, 'en'), 'en')
 * // ['Typical path, screen by screen (200 words a minute, plus 3 s for each answer):',
 * //  '   1. start screen: 118 words, 35.4 s',
 * //  '   2. question "age", “How old are you?”: 19 words, 8.7 s', …]
 */
export function formatScreenTimes(ruleSet: RuleSet, estimate: TimeEstimate, locale: string = ruleSet.locale): string[] {
  const screens = estimate.typical?.perScreen ?? [];
  if (screens.length === 0) return [];
  const width = String(screens.length).length;
  const name = (screen: ScreenTime): string => {
    if (screen.kind === 'intro') return 'start screen';
    if (screen.kind === 'crisis') return `crisis screen (${screen.interrupts.join(', ')})`;
    if (screen.kind === 'result') return `result (${screen.tier})`;
    const question = ruleSet.questions.find((q) => q.id === screen.question);
    const text = question ? resolveText(question.text, locale, ruleSet.locale).replace(/\s+/g, ' ').trim() : '';
    const short = text.length > QUESTION_CHARS ? `${text.slice(0, QUESTION_CHARS - 1).trimEnd()}…` : text;
    return `question ${quote(screen.question)}${short ? `, “${short}”` : ''}`;
  };
  return [
    `Typical path, screen by screen (${estimate.wordsPerMinute} words a minute, plus ${estimate.secondsPerAnswer} s for each answer):`,
    ...screens.map((screen, i) => `${String(i + 1).padStart(width + 2)}. ${name(screen)}: ${screen.words} words, ${screen.seconds} s`),
  ];
}

function pathLine(name: string, path: PathEstimate | null): string {
  if (!path) return `${name}: none`;
  return `${name}: ${path.screens} screens, ${path.answers} answers, ${path.words} words ≈ ${path.seconds} s (ends ${path.tier})`;
}

/**
 * The time-estimate lines; with the estimates of the file's other languages
 * (`screener check` on a bilingual file), their two paths too.
 *
 * @example
 * formatEstimate(estimate)
 * // ['Time at 200 words a minute plus 3 s an answer:',
 * //  'Typical path: 12 screens, 10 answers, 230 words ≈ 99 s (ends candidate)', …]
 */
export function formatEstimate(estimate: TimeEstimate & { languages?: Record<string, TimeEstimate> }): string[] {
  const others = Object.entries(estimate.languages ?? {}).slice(1);
  const lines = [
    `Time at ${estimate.wordsPerMinute} words a minute plus ${estimate.secondsPerAnswer} s an answer${others.length ? ` (in ${quote(Object.keys(estimate.languages ?? {})[0] ?? '')})` : ''}:`,
    `  ${pathLine('Typical path (quickest with nothing to flag)', estimate.typical)}`,
    `  ${pathLine('Longest path', estimate.longest)}`,
    `  Most answered screens on any path: ${estimate.maxAnsweredScreens}`,
  ];
  for (const [lang, other] of others) {
    lines.push(`  In ${quote(lang)}:`, `    ${pathLine('Typical path', other.typical)}`, `    ${pathLine('Longest path', other.longest)}`);
  }
  return lines;
}
