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
  /** Which help the result shows for this rule: crisis lines, or urgent medical care. */
  crisisHelp?: 'lines' | 'medical';
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

/** A condition compiled to a closure over counted answers (no eval: plain closures). */
type Test = (counted: Answers) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;
/** An answer by id, reading own keys only: a question id like `constructor` is data, not a prototype key. */
function own(answers: Answers, id: string): Answer | undefined {
  return hasOwn.call(answers, id) ? answers[id] : undefined;
}

const compiledConditions = new WeakMap<Condition, Test>();

/** Compiles a condition once; later calls with the same object reuse the closure. */
function compileCondition(condition: Condition): Test {
  let test = compiledConditions.get(condition);
  if (!test) {
    test = buildTest(condition);
    compiledConditions.set(condition, test);
  }
  return test;
}

function buildTest(condition: Condition): Test {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (counted) => parts.every((part) => part(counted));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (counted) => parts.some((part) => part(counted));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (counted) => !inner(counted);
  }
  return buildLeaf(condition);
}

function buildLeaf(leaf: LeafCondition): Test {
  const id = leaf.question;
  if ('answered' in leaf) {
    const wanted = leaf.answered;
    return (counted) => wanted === (own(counted, id) !== undefined);
  }
  if ('equals' in leaf) {
    const option = leaf.equals;
    return (counted) => own(counted, id) === option;
  }
  if ('oneOf' in leaf) {
    const options = new Set(leaf.oneOf);
    return (counted) => {
      const answer = own(counted, id);
      return typeof answer === 'string' && options.has(answer);
    };
  }
  if ('noneOf' in leaf) {
    const options = new Set(leaf.noneOf);
    return (counted) => {
      const answer = own(counted, id);
      if (typeof answer === 'string') return !options.has(answer);
      if (Array.isArray(answer)) return !answer.some((a) => options.has(a));
      return false;
    };
  }
  if ('includes' in leaf) {
    const option = leaf.includes;
    return (counted) => {
      const answer = own(counted, id);
      return Array.isArray(answer) && answer.includes(option);
    };
  }
  if ('includesAny' in leaf) {
    const options = new Set(leaf.includesAny);
    return (counted) => {
      const answer = own(counted, id);
      return Array.isArray(answer) && answer.some((a) => options.has(a));
    };
  }
  const number = (check: (value: number) => boolean): Test => (counted) => {
    const answer = own(counted, id);
    return typeof answer === 'number' && check(answer);
  };
  if ('lessThan' in leaf) {
    const limit = leaf.lessThan;
    return number((value) => value < limit);
  }
  if ('atMost' in leaf) {
    const limit = leaf.atMost;
    return number((value) => value <= limit);
  }
  if ('greaterThan' in leaf) {
    const limit = leaf.greaterThan;
    return number((value) => value > limit);
  }
  const limit = leaf.atLeast;
  return number((value) => value >= limit);
}

/**
 * Evaluates a condition against answers that already count (see
 * {@link countedAnswers}). Conditions are compiled to closures on first use
 * and cached, so evaluating the same rule set again costs no parsing.
 *
 * @example
 * evaluateCondition({ question: 'age', lessThan: 18 }, { age: 17 }) // true
 * evaluateCondition({ not: { question: 'age', lessThan: 18 } }, {}) // true: unanswered
 */
export function evaluateCondition(condition: Condition, counted: Answers): boolean {
  return compileCondition(condition)(counted);
}

/** A rule set prepared once for fast, repeated evaluation. */
interface Plan {
  questions: { id: string; showIf: Test | null; accepts: (answer: Answer) => boolean }[];
  /** Rules most serious first, file order within a tier (a stable sort). */
  rules: { when: Test; fired: FiredRule }[];
  index: Map<string, number>;
}

const plans = new WeakMap<RuleSet, Plan>();

function planFor(ruleSet: RuleSet): Plan {
  let plan = plans.get(ruleSet);
  if (!plan) {
    plan = {
      questions: ruleSet.questions.map((question) => ({
        id: question.id,
        showIf: question.showIf ? compileCondition(question.showIf) : null,
        accepts: answerCheck(question),
      })),
      rules: ruleSet.rules
        .map((rule) => ({ when: compileCondition(rule.when), fired: toFired(rule) }))
        .sort((a, b) => tierRank(a.fired.tier) - tierRank(b.fired.tier)),
      index: new Map(ruleSet.questions.map((question, i) => [question.id, i])),
    };
    plans.set(ruleSet, plan);
  }
  return plan;
}

/**
 * Walks the questions in order, keeping the answers that count; calls
 * `onVisible` for each visible question. One pass suffices because `showIf`
 * may only refer to earlier questions.
 */
function walk(plan: Plan, answers: Answers, onVisible?: (id: string) => void): Record<string, Answer> {
  const counted: Record<string, Answer> = {};
  for (const question of plan.questions) {
    if (question.showIf !== null && !question.showIf(counted)) continue;
    onVisible?.(question.id);
    const answer = own(answers, question.id);
    if (answer !== undefined && question.accepts(answer)) counted[question.id] = answer;
  }
  return counted;
}

/**
 * The answers that count: those to visible questions, in question order.
 */
export function countedAnswers(ruleSet: RuleSet, answers: Answers): Record<string, Answer> {
  return walk(planFor(ruleSet), answers);
}

/** The ids of the questions visible for these answers, in order. */
export function visibleQuestionIds(ruleSet: RuleSet, answers: Answers): string[] {
  const visible: string[] = [];
  walk(planFor(ruleSet), answers, (id) => visible.push(id));
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
  return ruleSet.rules.filter((rule) => compileCondition(rule.when)(counted)).map(toFired);
}

/**
 * The outcome for these answers: the most serious tier fired, or `candidate`.
 *
 * @example
 * const { tier, fired } = evaluate(ruleSet, { age: 16 });
 * // tier === 'not-suitable', fired[0].id === 'under-18'
 */
export function evaluate(ruleSet: RuleSet, answers: Answers): Outcome {
  const plan = planFor(ruleSet);
  const counted = walk(plan, answers);
  const fired: FiredRule[] = [];
  for (const rule of plan.rules) if (rule.when(counted)) fired.push({ ...rule.fired });
  return { tier: fired[0]?.tier ?? 'candidate', fired };
}

/** True when an interrupting rule fires: the assessment should stop and show the result. */
export function shouldInterrupt(ruleSet: RuleSet, answers: Answers): boolean {
  const plan = planFor(ruleSet);
  const counted = walk(plan, answers);
  return plan.rules.some((rule) => rule.fired.interrupt && rule.when(counted));
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
  return answerCheck(question)(answer);
}

const answerChecks = new WeakMap<Question, (answer: Answer) => boolean>();

function answerCheck(question: Question): (answer: Answer) => boolean {
  let check = answerChecks.get(question);
  if (!check) {
    check = buildAnswerCheck(question);
    answerChecks.set(question, check);
  }
  return check;
}

function buildAnswerCheck(question: Question): (answer: Answer) => boolean {
  if (question.type === 'number') {
    const { min, max } = question;
    const step = question.step ?? 1;
    return (answer) => {
      if (typeof answer !== 'number' || !Number.isFinite(answer)) return false;
      if (answer < min || answer > max) return false;
      const steps = (answer - min) / step;
      return Math.abs(steps - Math.round(steps)) < 1e-9;
    };
  }
  const ids = new Set(question.options.map((o) => o.id));
  if (question.type === 'single-choice') return (answer) => typeof answer === 'string' && ids.has(answer);
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.id));
  return (answer) => {
    if (!Array.isArray(answer) || answer.length === 0) return false;
    for (let i = 0; i < answer.length; i += 1) {
      const option = answer[i] as string;
      // Known, not repeated, and an exclusive option ("None of these") only on its own.
      if (!ids.has(option) || answer.indexOf(option) !== i) return false;
      if (answer.length > 1 && exclusive.has(option)) return false;
    }
    return true;
  };
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

function questionIndex(ruleSet: RuleSet): Map<string, number> {
  return planFor(ruleSet).index;
}

function toFired(rule: Rule): FiredRule {
  return {
    id: rule.id,
    tier: rule.tier,
    reason: rule.reason,
    source: rule.source,
    interrupt: rule.interrupt === true,
    ...(rule.crisisHelp ? { crisisHelp: rule.crisisHelp } : {}),
  };
}
