/**
 * The rule engine: pure functions from a rule set and answers to what the
 * patient sees next and what the answers mean. No DOM, no Zod, no XState.
 *
 * ## Semantics of missing answers (read this before writing rules)
 *
 * - An answer counts only while its question is **visible**. An answer to a
 *   question that is hidden (its `showIf` is false) is ignored everywhere, as
 *   if it had never been given.
 * - A test on a question without a counted answer (hidden, skipped or not yet
 *   reached) is **false** — every test, including `noneOf` and number
 *   comparisons. The one exception is `answered: false`, which is true then.
 * - `not` is plain negation of its inner condition. So
 *   `not: { question: sex, equals: male }` is **true** when `sex` is hidden or
 *   unanswered. To mean "answered, and not male", write
 *   `{ question: sex, noneOf: [male] }`.
 * - `all` of an empty list cannot be written (the schema asks for at least one).
 */
import type { Condition, LeafCondition, Question, Rule, RuleSet, RuleTier, Tier } from './schema.ts';

/** One answer: an option id (single choice), option ids (multiple choice) or a number. */
export type Answer = string | readonly string[] | number;
/** Answers by question id. Answers to hidden questions may be present; they never count. */
export type Answers = Readonly<Record<string, Answer>>;

/** A rule that fired, with what is needed to explain the outcome. */
export interface FiredRule {
  id: string;
  tier: RuleTier;
  reason: Rule['reason'];
  source: string;
  interrupt: boolean;
}

/** The outcome of an assessment: the most serious tier fired, and why. */
export interface Outcome {
  tier: Tier;
  /** Fired rules, most serious first, then in file order. */
  fired: FiredRule[];
}

/** Tiers from most to least serious. */
export const TIER_ORDER: readonly Tier[] = ['crisis', 'not-suitable', 'review', 'candidate'];

/** 0 for crisis … 3 for candidate: lower is more serious. */
export function tierRank(tier: Tier): number {
  return TIER_ORDER.indexOf(tier);
}

/** True when `tier` is at least as serious as `floor`. */
export function isAtLeast(tier: Tier, floor: Tier): boolean {
  return tierRank(tier) <= tierRank(floor);
}

/**
 * Evaluates a condition against answers that already count (see
 * {@link countedAnswers}).
 *
 * @example
 * evaluateCondition({ question: 'age', lessThan: 18 }, { age: 17 }) // true
 * evaluateCondition({ not: { question: 'age', lessThan: 18 } }, {}) // true: unanswered
 */
export function evaluateCondition(condition: Condition, counted: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, counted));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, counted));
  if ('not' in condition) return !evaluateCondition(condition.not, counted);
  return evaluateLeaf(condition, counted[condition.question]);
}

function evaluateLeaf(leaf: LeafCondition, answer: Answer | undefined): boolean {
  if ('answered' in leaf) return leaf.answered === (answer !== undefined);
  if (answer === undefined) return false;
  if ('equals' in leaf) return answer === leaf.equals;
  if ('oneOf' in leaf) return typeof answer === 'string' && leaf.oneOf.includes(answer);
  if ('noneOf' in leaf) {
    if (typeof answer === 'string') return !leaf.noneOf.includes(answer);
    if (Array.isArray(answer)) return !answer.some((a) => leaf.noneOf.includes(a));
    return false;
  }
  if ('includes' in leaf) return Array.isArray(answer) && answer.includes(leaf.includes);
  if ('includesAny' in leaf) return Array.isArray(answer) && answer.some((a) => leaf.includesAny.includes(a));
  if (typeof answer !== 'number') return false;
  if ('lessThan' in leaf) return answer < leaf.lessThan;
  if ('atMost' in leaf) return answer <= leaf.atMost;
  if ('greaterThan' in leaf) return answer > leaf.greaterThan;
  return answer >= leaf.atLeast;
}

/**
 * The answers that count: those to visible questions, in question order.
 * One pass suffices because `showIf` may only refer to earlier questions.
 */
export function countedAnswers(ruleSet: RuleSet, answers: Answers): Record<string, Answer> {
  const counted: Record<string, Answer> = {};
  for (const question of ruleSet.questions) {
    if (question.showIf && !evaluateCondition(question.showIf, counted)) continue;
    const answer = answers[question.id];
    if (answer !== undefined && isValidAnswer(question, answer)) counted[question.id] = answer;
  }
  return counted;
}

/** The ids of the questions visible for these answers, in order. */
export function visibleQuestionIds(ruleSet: RuleSet, answers: Answers): string[] {
  const counted: Record<string, Answer> = {};
  const visible: string[] = [];
  for (const question of ruleSet.questions) {
    if (question.showIf && !evaluateCondition(question.showIf, counted)) continue;
    visible.push(question.id);
    const answer = answers[question.id];
    if (answer !== undefined && isValidAnswer(question, answer)) counted[question.id] = answer;
  }
  return visible;
}

/** True when `questionId` is visible for these answers. */
export function isVisible(ruleSet: RuleSet, questionId: string, answers: Answers): boolean {
  return visibleQuestionIds(ruleSet, answers).includes(questionId);
}

/**
 * The next visible question after `currentId` (or the first, when null), or
 * null when there is none left.
 */
export function nextQuestionId(ruleSet: RuleSet, answers: Answers, currentId: string | null): string | null {
  const visible = visibleQuestionIds(ruleSet, answers);
  if (currentId === null) return visible[0] ?? null;
  const order = questionIndex(ruleSet);
  const current = order.get(currentId) ?? -1;
  return visible.find((id) => (order.get(id) ?? -1) > current) ?? null;
}

/**
 * How many questions after `currentId` the patient may still see, at most.
 * A later question counts unless its `showIf` is already false and every
 * question it depends on comes before the current one (so cannot change
 * without going back). The current question's own answer is not final: the
 * patient is still choosing it.
 */
export function remainingAtMost(ruleSet: RuleSet, answers: Answers, currentId: string | null): number {
  const order = questionIndex(ruleSet);
  const current = currentId === null ? -1 : (order.get(currentId) ?? -1);
  const counted = countedAnswers(ruleSet, answers);
  let count = 0;
  for (const [index, question] of ruleSet.questions.entries()) {
    if (index <= current) continue;
    if (!question.showIf) {
      count += 1;
      continue;
    }
    const decided = questionRefs(question.showIf).every((id) => (order.get(id) ?? Infinity) < current);
    if (!decided || evaluateCondition(question.showIf, counted)) count += 1;
  }
  return count;
}

/** The rules that fire for these answers, in file order. */
export function firedRules(ruleSet: RuleSet, answers: Answers): FiredRule[] {
  const counted = countedAnswers(ruleSet, answers);
  return ruleSet.rules.filter((rule) => evaluateCondition(rule.when, counted)).map(toFired);
}

/**
 * The outcome for these answers: the most serious tier fired, or `candidate`.
 *
 * @example
 * const { tier, fired } = evaluate(ruleSet, { age: 16 });
 * // tier === 'not-suitable', fired[0].id === 'under-18'
 */
export function evaluate(ruleSet: RuleSet, answers: Answers): Outcome {
  const fired = firedRules(ruleSet, answers).sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  return { tier: fired[0]?.tier ?? 'candidate', fired };
}

/** True when an interrupting rule fires: the assessment should stop and show the result. */
export function shouldInterrupt(ruleSet: RuleSet, answers: Answers): boolean {
  const counted = countedAnswers(ruleSet, answers);
  return ruleSet.rules.some((rule) => rule.interrupt === true && evaluateCondition(rule.when, counted));
}

/**
 * Drops answers to questions that are hidden now, so an answer given on a
 * path the patient has since left can never count later.
 */
export function pruneHidden(ruleSet: RuleSet, answers: Answers): Record<string, Answer> {
  const visible = new Set(visibleQuestionIds(ruleSet, answers));
  const kept: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(answers)) if (visible.has(id)) kept[id] = answer;
  return kept;
}

/**
 * True when `answer` is a possible answer to `question`: a known option, known
 * distinct options (an exclusive option alone), or a number in range on the step.
 */
export function isValidAnswer(question: Question, answer: Answer): boolean {
  if (question.type === 'number') {
    if (typeof answer !== 'number' || !Number.isFinite(answer)) return false;
    if (answer < question.min || answer > question.max) return false;
    const step = question.step ?? 1;
    const steps = (answer - question.min) / step;
    return Math.abs(steps - Math.round(steps)) < 1e-9;
  }
  const ids = new Set(question.options.map((o) => o.id));
  if (question.type === 'single-choice') return typeof answer === 'string' && ids.has(answer);
  if (!Array.isArray(answer) || answer.length === 0) return false;
  if (new Set(answer).size !== answer.length || !answer.every((a) => ids.has(a))) return false;
  const exclusive = question.options.filter((o) => o.exclusive).map((o) => o.id);
  return answer.length === 1 || !answer.some((a) => exclusive.includes(a));
}

/** Every question id a condition reads. */
export function questionRefs(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionRefs);
  if ('any' in condition) return condition.any.flatMap(questionRefs);
  if ('not' in condition) return questionRefs(condition.not);
  return [condition.question];
}

/** The question with this id, or undefined. */
export function findQuestion(ruleSet: RuleSet, id: string): Question | undefined {
  return ruleSet.questions.find((question) => question.id === id);
}

const indexCache = new WeakMap<RuleSet, Map<string, number>>();
function questionIndex(ruleSet: RuleSet): Map<string, number> {
  let index = indexCache.get(ruleSet);
  if (!index) {
    index = new Map(ruleSet.questions.map((question, i) => [question.id, i]));
    indexCache.set(ruleSet, index);
  }
  return index;
}

function toFired(rule: Rule): FiredRule {
  return {
    id: rule.id,
    tier: rule.tier,
    reason: rule.reason,
    source: rule.source,
    interrupt: rule.interrupt === true,
  };
}
