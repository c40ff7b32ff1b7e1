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
// Rule data and answers are read through these, never with `in` or a bare optional field: own keys only (see own.ts).
import { has, own, record } from './own.ts';
import { predicateOf, leavesOf } from './conditions.ts';
import { TIERS, type CrisisHelp, type RuleTier, type Tier } from './vocabulary.ts';
import type { Condition, LeafCondition, NumberQuestion, Question, Rule, RuleSet } from '../authoring/schema.ts';

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
  crisisHelp?: CrisisHelp;
}

/** The outcome of an assessment: the most serious tier fired, and why. */
export interface Outcome {
  tier: Tier;
  /** Fired rules, most serious first, then in file order. */
  fired: FiredRule[];
}

/** 0 for crisis … 3 for candidate: lower is more serious (the order of {@link TIERS}). */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** True when `tier` is at least as serious as `floor`. */
export function isAtLeast(tier: Tier, floor: Tier): boolean {
  return tierRank(tier) <= tierRank(floor);
}

/** True when a leaf test holds for a counted answer (undefined when there is none). */
function leafHolds(leaf: LeafCondition, answer: Answer | undefined): boolean {
  if (has(leaf, 'answered')) return leaf.answered === (answer !== undefined);
  if (has(leaf, 'equals')) return answer === leaf.equals;
  if (has(leaf, 'oneOf')) return typeof answer === 'string' && leaf.oneOf.includes(answer);
  if (has(leaf, 'noneOf')) {
    const options = leaf.noneOf;
    return typeof answer === 'string' ? !options.includes(answer) : Array.isArray(answer) && !answer.some((a) => options.includes(a));
  }
  if (has(leaf, 'includes')) return Array.isArray(answer) && answer.includes(leaf.includes);
  if (has(leaf, 'includesAny')) {
    const options = leaf.includesAny;
    return Array.isArray(answer) && answer.some((a) => options.includes(a));
  }
  return (
    typeof answer === 'number' &&
    (has(leaf, 'lessThan')
      ? answer < leaf.lessThan
      : has(leaf, 'atMost')
        ? answer <= leaf.atMost
        : has(leaf, 'greaterThan')
          ? answer > leaf.greaterThan
          : answer >= leaf.atLeast)
  );
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
  let predicate = evaluators.get(condition);
  if (!predicate) {
    predicate = predicateOf(condition, (leaf) => (answers: Answers) => leafHolds(leaf, own(answers, leaf.question)));
    evaluators.set(condition, predicate);
  }
  return predicate(counted);
}

// Rule data does not change once loaded, so each condition becomes a predicate once (the prover asks again and again).
const evaluators = new WeakMap<Condition, (counted: Answers) => boolean>();

/** A condition as a predicate for one rule set: it reads the plan's counted answers (no eval: plain closures). */
type Test = () => boolean;

/**
 * A rule set prepared once for fast, repeated evaluation.
 *
 * {@link walk} keeps the answers that count in two arrays indexed by slot
 * (the index of the first question with that id): `values`, the answers, and
 * `masks`, their option bits (see {@link AnswerCheck}); undefined when the
 * question's answer does not count. Reading an array index instead of a key
 * and building no record per call is what makes {@link evaluate} fast; most
 * tests on a choice question then take one AND. Evaluation is synchronous,
 * so one pair of arrays per rule set suffices.
 */
interface Plan {
  questions: { id: string; slot: number; showIf: Test | undefined; check: AnswerCheck }[];
  /** Rules in file order; `ranked` has them most serious first, file order within a tier (a stable sort). */
  rules: PlannedRule[];
  ranked: PlannedRule[];
  index: Map<string, number>;
  values: (Answer | undefined)[];
  masks: (number | undefined)[];
}

/** A rule: it fires when `holds()` for the answers last walked (most are one AND, see `maskOf`). */
interface PlannedRule {
  holds: Test;
  fired: FiredRule;
}

const plans = new WeakMap<RuleSet, Plan>();

function planFor(ruleSet: RuleSet): Plan {
  let plan = plans.get(ruleSet);
  if (!plan) {
    const values: Plan['values'] = [];
    const masks: Plan['masks'] = [];
    const { questions } = ruleSet;
    // Each id's first question (its slot) and whether another question has the same id, found once.
    const first = new Map<string, number>();
    const twins = new Set<string>();
    questions.forEach(({ id }, i) => (first.has(id) ? twins.add(id) : first.set(id, i)));
    const slotOf = (id: string) => first.get(id) ?? -1;
    // The bits of the options for which a test on a choice answer holds, found by asking the
    // test itself (so it cannot drift from `leafHolds`). 0, meaning "call the test", unless that
    // is exact: the test is false while unanswered, its question is the only one with its id and
    // has at most 32 options (one bit each), and on a list answer the test holds as soon as one
    // of the options does alone (every test but noneOf).
    const maskOf = (condition: LeafCondition): number => {
      let mask = 0;
      const id = condition.question;
      const question = questions[slotOf(id)];
      if (question && question.type !== 'number' && !twins.has(id) && question.options.length < 33 && !leafHolds(condition, undefined)) {
        const single = question.type === 'single-choice';
        if (single || !has(condition, 'noneOf')) {
          question.options.forEach((option, i) => (mask |= +leafHolds(condition, single ? option.id : [option.id]) << i));
        }
      }
      return mask;
    };
    const testOf = (condition: Condition): Test =>
      predicateOf<void>(condition, (leaf) => {
        const slot = slotOf(leaf.question);
        const mask = maskOf(leaf);
        // undefined & mask is 0: an answer that does not count fails the test, as it should.
        return mask ? () => ((masks[slot] as number) & mask) !== 0 : () => leafHolds(leaf, values[slot]);
      });
    const rules = ruleSet.rules.map((rule) => ({ holds: testOf(rule.when), fired: toFired(rule) }));
    plan = {
      questions: questions.map((question) => {
        const showIf = own(question, 'showIf');
        return { id: question.id, slot: slotOf(question.id), showIf: showIf && testOf(showIf), check: answerCheck(question) };
      }),
      rules,
      ranked: [...rules].sort((a, b) => tierRank(a.fired.tier) - tierRank(b.fired.tier)),
      index: new Map(questions.map((question, i) => [question.id, i])),
      values,
      masks,
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
function walk(plan: Plan, answers: Answers, onVisible?: (question: Plan['questions'][number]) => void): Plan {
  const { values, masks } = plan;
  // Clear every slot first: what the last call kept must not count now.
  for (const { slot } of plan.questions) values[slot] = masks[slot] = undefined;
  for (const question of plan.questions) {
    if (question.showIf?.() === false) continue;
    onVisible?.(question);
    const answer = own(answers, question.id);
    const bits = answer !== undefined && question.check(answer);
    if (bits === false) continue;
    values[question.slot] = answer;
    masks[question.slot] = bits;
  }
  return plan;
}

/**
 * The answers that count: those to visible questions, in question order.
 */
export function countedAnswers(ruleSet: RuleSet, answers: Answers): Record<string, Answer> {
  const counted = record<Answer>();
  walk(planFor(ruleSet), answers, ({ id, check }) => {
    const answer = own(answers, id);
    if (answer !== undefined && check(answer) !== false) counted[id] = answer;
  });
  return counted;
}

/** The ids of the questions visible for these answers, in order. */
export function visibleQuestionIds(ruleSet: RuleSet, answers: Answers): string[] {
  const visible: string[] = [];
  walk(planFor(ruleSet), answers, ({ id }) => visible.push(id));
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
  const plan = walk(planFor(ruleSet), answers);
  const order = plan.index;
  const current = currentId === null ? -1 : (order.get(currentId) ?? -1);
  let count = 0;
  for (const [index, question] of ruleSet.questions.entries()) {
    if (index <= current) continue;
    const showIf = own(question, 'showIf');
    if (!showIf) {
      count += 1;
      continue;
    }
    const decided = questionRefs(showIf).every((id) => (order.get(id) ?? Infinity) < current);
    // The compiled `showIf` reads the answers just walked: those that count.
    if (!decided || plan.questions[index]!.showIf!()) count += 1;
  }
  return count;
}

/** The rules that fire for these answers, in file order (frozen records, shared like {@link evaluate}'s). */
export function firedRules(ruleSet: RuleSet, answers: Answers): FiredRule[] {
  const plan = walk(planFor(ruleSet), answers);
  return plan.rules.filter((rule) => rule.holds()).map((rule) => rule.fired);
}

/**
 * The outcome for these answers: the most serious tier fired, or `candidate`.
 * Each fired rule is a frozen record, the same object every time it fires.
 *
 * @example
 * const { tier, fired } = evaluate(ruleSet, { age: 16 });
 * // tier === 'not-suitable', fired[0].id === 'under-18'
 */
export function evaluate(ruleSet: RuleSet, answers: Answers): Outcome {
  const plan = walk(planFor(ruleSet), answers);
  const fired: FiredRule[] = [];
  for (const rule of plan.ranked) if (rule.holds()) fired.push(rule.fired);
  return { tier: fired[0]?.tier ?? 'candidate', fired };
}

/** True when an interrupting rule fires: the assessment should stop and show the result. */
export function shouldInterrupt(ruleSet: RuleSet, answers: Answers): boolean {
  const plan = walk(planFor(ruleSet), answers);
  return plan.rules.some((rule) => rule.fired.interrupt && rule.holds());
}

/**
 * Drops answers to questions that are hidden now, so an answer given on a
 * path the patient has since left can never count later.
 */
export function pruneHidden(ruleSet: RuleSet, answers: Answers): Record<string, Answer> {
  const visible = new Set(visibleQuestionIds(ruleSet, answers));
  const kept = record<Answer>();
  for (const [id, answer] of Object.entries(answers)) if (visible.has(id)) kept[id] = answer;
  return kept;
}

/**
 * True when `answer` is a possible answer to `question`: a known option, known
 * distinct options (an exclusive option alone), or a number in range on the step.
 */
export function isValidAnswer(question: Question, answer: Answer): boolean {
  return answerCheck(question)(answer) !== false;
}

/**
 * False for an impossible answer; else the bits of its options: bit i for
 * option i (none past the 32nd), 0 for a number.
 */
type AnswerCheck = (answer: Answer) => number | false;

const answerChecks = new WeakMap<Question, AnswerCheck>();

function answerCheck(question: Question): AnswerCheck {
  let check = answerChecks.get(question);
  if (!check) {
    check = buildAnswerCheck(question);
    answerChecks.set(question, check);
  }
  return check;
}

/** The values a number question allows: `at(0)` = min … `at(last)` ≤ max. */
export interface NumberGrid {
  /** The index of the highest allowed value. */
  last: number;
  /** The k-th allowed value, min + k·step, as a patient would type it. */
  at(k: number): number;
  /** The index of an allowed value; null for anything else (off the grid, out of range, not a finite number). */
  indexOf(value: unknown): number | null;
}

/**
 * The one definition of which numbers a number question accepts, shared by
 * the engine ({@link isValidAnswer}) and the prover's answer classes, so what
 * is proven is what the widget lets through.
 *
 * A value counts only when it *is* a grid value, exactly: 36.6 on
 * min 35, step 0.1, but not 36.6000001, nor 17.9999999999 on whole years.
 * Such a value is refused (the patient is asked for a number in steps), never
 * rounded: rounding would record a number the patient did not type, and
 * 17.9999999999 rounded to 18 would turn "under 18" into an adult. Grid
 * values are min + k·step rounded to 10 decimals, which is what parsing the
 * typed decimal gives (35 + 16·0.1 is 36.60000000000001 before rounding).
 *
 * @example
 * const grid = numberGrid({ …question, min: 35, max: 42, step: 0.1 });
 * grid.at(16) // 36.6
 * grid.indexOf(36.6) // 16
 * grid.indexOf(36.65) // null
 */
export function numberGrid(question: NumberQuestion): NumberGrid {
  const { min, max } = question;
  const step = own(question, 'step') ?? 1;
  const at = (k: number) => Number((min + k * step).toFixed(10));
  let last = Math.floor((max - min) / step + 1e-9);
  while (last > 0 && at(last) > max) last -= 1;
  return {
    last,
    at,
    indexOf: (value) => {
      if (typeof value !== 'number' || !(value >= min && value <= max)) return null;
      const k = Math.round((value - min) / step);
      return k <= last && at(k) === value ? k : null;
    },
  };
}

function buildAnswerCheck(question: Question): AnswerCheck {
  if (question.type === 'number') {
    const grid = numberGrid(question);
    return (answer) => grid.indexOf(answer) !== null && 0;
  }
  // 2 ** i | 0 is 0 past bit 31: such options are known but carry no bit.
  const bits = new Map(question.options.map((o, i) => [o.id, (2 ** i) | 0]));
  if (question.type === 'single-choice') return (answer) => bits.get(answer as string) ?? false;
  const exclusive = new Set(question.options.filter((o) => own(o, 'exclusive')).map((o) => o.id));
  return (answer) => {
    if (!Array.isArray(answer) || answer.length === 0) return false;
    let mask = 0;
    for (let i = 0; i < answer.length; i += 1) {
      const option = answer[i] as string;
      const bit = bits.get(option);
      // Known, not repeated, and an exclusive option ("None of these") only on its own.
      if (bit === undefined || answer.indexOf(option) !== i) return false;
      if (answer.length > 1 && exclusive.has(option)) return false;
      mask |= bit;
    }
    return mask;
  };
}

/** Every question id a condition reads. */
export function questionRefs(condition: Condition): string[] {
  return leavesOf(condition).map((leaf) => leaf.question);
}

/** The question with this id, or undefined. */
export function findQuestion(ruleSet: RuleSet, id: string): Question | undefined {
  return ruleSet.questions.find((question) => question.id === id);
}

function questionIndex(ruleSet: RuleSet): Map<string, number> {
  return planFor(ruleSet).index;
}

function toFired(rule: Rule): FiredRule {
  const crisisHelp = own(rule, 'crisisHelp');
  return Object.freeze({
    id: rule.id,
    tier: rule.tier,
    reason: rule.reason,
    source: rule.source,
    interrupt: own(rule, 'interrupt') === true,
    ...(crisisHelp ? { crisisHelp } : {}),
  });
}
