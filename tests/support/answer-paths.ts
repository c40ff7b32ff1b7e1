/**
 * Test helper: every path a patient can take through a rule set, explored by
 * answer classes instead of raw combinations.
 *
 * A question whose answer can change what happens next (it is read by a
 * `showIf`, or by any condition in `relevant`) gets every distinct value:
 * each option of a single choice, every valid subset of a multiple choice
 * (or, when asked for `singletons`, each option alone and all together),
 * and for a number the range ends plus each threshold a condition uses and its
 * neighbours. Any other question gets one valid answer, because no choice on
 * it can change the route. That keeps the exploration exhaustive for routing
 * while staying small.
 */
import { isValidAnswer, nextQuestionId, questionRefs, type Answer } from '../../src/core/engine.ts';
import type { Condition, Question, RuleSet } from '../../src/authoring/schema.ts';

/** One complete path: the questions shown, in order, and the answers given. */
export interface AnswerPath {
  questions: string[];
  answers: Record<string, Answer>;
}

/** Number thresholds a condition compares `questionId` against. */
function thresholds(condition: Condition, questionId: string): number[] {
  if ('all' in condition) return condition.all.flatMap((c) => thresholds(c, questionId));
  if ('any' in condition) return condition.any.flatMap((c) => thresholds(c, questionId));
  if ('not' in condition) return thresholds(condition.not, questionId);
  if (condition.question !== questionId) return [];
  if ('lessThan' in condition) return [condition.lessThan];
  if ('atMost' in condition) return [condition.atMost];
  if ('greaterThan' in condition) return [condition.greaterThan];
  if ('atLeast' in condition) return [condition.atLeast];
  return [];
}

/**
 * The distinct answers worth trying for `question`, given the conditions that
 * may read it. With no such condition, a single valid answer.
 *
 * @example
 * answerClasses(ageQuestion, [{ question: 'age', lessThan: 18 }]) // [10, 17, 18, 19, 110]
 * answerClasses(listQuestion, [{ question: 'list', includes: 'a' }], 'singletons') // [['none'], ['a'], ['b'], ['a', 'b']]
 */
export function answerClasses(question: Question, conditions: readonly Condition[], mode: 'all' | 'singletons' = 'all'): Answer[] {
  const reads = conditions.some((condition) => questionRefs(condition).includes(question.id));
  if (question.type === 'number') {
    const step = question.step ?? 1;
    const candidates = [question.min, question.max];
    if (reads) {
      for (const t of conditions.flatMap((c) => thresholds(c, question.id))) candidates.push(t - step, t, t + step);
    }
    const valid = [...new Set(candidates)].filter((value) => isValidAnswer(question, value)).sort((a, b) => a - b);
    return reads ? valid : valid.slice(0, 1);
  }
  const ids = question.options.map((option) => option.id);
  if (question.type === 'single-choice') return reads ? ids : ids.slice(0, 1);
  const exclusive = question.options.filter((option) => option.exclusive).map((option) => option.id);
  if (!reads) return [exclusive.length > 0 ? [exclusive[0]!] : [ids[0]!]];
  const plain = ids.filter((id) => !exclusive.includes(id));
  if (mode === 'singletons') return [...exclusive.map((id) => [id]), ...plain.map((id) => [id]), plain];
  if (plain.length > 12) throw new Error(`${question.id}: too many options to try every subset`);
  const subsets: Answer[] = exclusive.map((id) => [id]);
  for (let mask = 1; mask < 1 << plain.length; mask += 1) {
    subsets.push(plain.filter((_, bit) => mask & (1 << bit)));
  }
  return subsets;
}

/** Every `showIf` in the rule set: what decides the route. */
export function routingConditions(ruleSet: RuleSet): Condition[] {
  return ruleSet.questions.flatMap((question) => (question.showIf ? [question.showIf] : []));
}

/**
 * Every complete path through the rule set (answering each question shown,
 * never going back), with answer classes from {@link answerClasses}.
 *
 * @example
 * const longest = Math.max(...allPaths(ruleSet).map((path) => path.questions.length));
 */
export function allPaths(ruleSet: RuleSet, relevant: readonly Condition[] = routingConditions(ruleSet)): AnswerPath[] {
  const classes = new Map(ruleSet.questions.map((question) => [question.id, answerClasses(question, relevant)]));
  const paths: AnswerPath[] = [];
  const walk = (current: string | null, questions: string[], answers: Record<string, Answer>) => {
    const next = nextQuestionId(ruleSet, answers, current);
    if (next === null) {
      paths.push({ questions, answers });
      return;
    }
    for (const value of classes.get(next)!) walk(next, [...questions, next], { ...answers, [next]: value });
  };
  walk(null, [], {});
  return paths;
}
