/**
 * Proves a `shows: crisis-lines` invariant: once its `when` has been true at
 * any moment of a session, every later result shows the crisis lines.
 *
 * The machine keeps the lines once a rule that shows them has fired on the
 * answers recorded at any moment (`crisisLines` in `src/core/machine.ts`), and a
 * moment's answers are the answers that count after some answer was given —
 * forward, or after Back and a changed answer, in any order. So the promise
 * holds when every set of counted answers on which `when` is true fires a rule
 * that shows the lines. The check goes over every such set, not only forward
 * paths: each question that `when` or a lines rule reads (and each question
 * their visibility depends on) takes every answer class or no answer, and
 * answers to hidden questions are dropped as the engine drops them. That is
 * more sets than a patient can produce, so a proof is sound; a counterexample
 * is the one that fires the fewest rules, then has the fewest answers (no
 * answer in it fires a rule it could do without).
 */
import { countedAnswers, evaluateCondition, firedRules, questionRefs, type Answer } from '../core/engine.ts';
import { showsCrisisLines } from '../core/crisis-help.ts';
import type { Condition, RuleSet } from '../authoring/schema.ts';
import { answerClasses } from './answer-classes.ts';

/** The most answer sets one `shows` proof looks at before it gives up with a clear message. */
export const MAX_SHOWS_COMBINATIONS = 1_000_000;

/** The verdict of {@link proveShowsLines}. */
export interface ShowsProof {
  /** Answer sets looked at. */
  combinations: number;
  /** True when `when` holds on at least one of them. */
  applies: boolean;
  /** The cleanest set of counted answers on which `when` holds and no rule shows the lines (fewest rules fired, then fewest answers), or null. */
  counterexample: Record<string, Answer> | null;
  /** Set when there were more than {@link MAX_SHOWS_COMBINATIONS} sets: nothing was proven. */
  tooLarge: boolean;
}

/**
 * The questions whose answers can change whether `when` holds or a lines
 * rule fires: those they read, and those the visibility of these depends on.
 */
function coneOf(ruleSet: RuleSet, conditions: readonly Condition[]): string[] {
  const byId = new Map(ruleSet.questions.map((question) => [question.id, question]));
  const cone = new Set<string>();
  const add = (id: string) => {
    if (cone.has(id) || !byId.has(id)) return;
    cone.add(id);
    const showIf = byId.get(id)!.showIf;
    if (showIf) questionRefs(showIf).forEach(add);
  };
  conditions.flatMap(questionRefs).forEach(add);
  return ruleSet.questions.map((question) => question.id).filter((id) => cone.has(id));
}

/**
 * Checks that every set of counted answers where `when` holds fires a rule
 * that shows the crisis lines.
 *
 * @example
 * proveShowsLines(ruleSet, { question: 'death-wish', equals: 'yes' }).counterexample // null when proven
 */
export function proveShowsLines(ruleSet: RuleSet, when: Condition): ShowsProof {
  const linesRules = ruleSet.rules.filter(showsCrisisLines);
  const cone = coneOf(ruleSet, [when, ...linesRules.map((rule) => rule.when)]);
  const classes = answerClasses(ruleSet, [when]);
  const choices: (Answer | undefined)[][] = cone.map((id) => [undefined, ...(classes.get(id) ?? []).map((c) => c.answer)]);
  const combinations = choices.reduce((product, list) => product * list.length, 1);
  if (combinations > MAX_SHOWS_COMBINATIONS) return { combinations, applies: false, counterexample: null, tooLarge: true };

  let applies = false;
  let best: Record<string, Answer> | null = null;
  let bestCost = Infinity;
  // Fewest rules fired first: a set has at most one answer a question, so answers never outweigh a rule.
  const perRule = ruleSet.questions.length + 1;
  const picks = cone.map(() => 0);
  for (let n = 0; n < combinations; n += 1) {
    const given: Record<string, Answer> = {};
    cone.forEach((id, i) => {
      const answer = choices[i]![picks[i]!];
      if (answer !== undefined) given[id] = answer;
    });
    const counted = countedAnswers(ruleSet, given);
    if (evaluateCondition(when, counted)) {
      applies = true;
      const fired = firedRules(ruleSet, counted);
      const cost = fired.length * perRule + Object.keys(counted).length;
      if (cost < bestCost && !fired.some(showsCrisisLines)) {
        best = counted;
        bestCost = cost;
      }
    }
    // Next combination, the last question fastest (an odometer).
    for (let i = cone.length - 1; i >= 0; i -= 1) {
      picks[i] = (picks[i]! + 1) % choices[i]!.length;
      if (picks[i] !== 0) break;
    }
  }
  return { combinations, applies, counterexample: best, tooLarge: false };
}
