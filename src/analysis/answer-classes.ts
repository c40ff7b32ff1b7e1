/**
 * Answer classes: for each question, the groups of answers that no condition
 * in the rule set can tell apart. Two answers in one class make every leaf
 * test on that question come out the same, so they make every `showIf`, rule
 * and invariant come out the same: one representative answers for all.
 *
 * - single choice: options grouped by how the tests treat them (an option no
 *   test names joins the other unnamed ones);
 * - multiple choice: only options some test names matter one by one; the rest
 *   collapse to "some other option". Exclusive options stand alone, and an
 *   answer is never empty;
 * - number: the allowed values (min…max on the step) split at every threshold
 *   any test uses on the question; empty intervals are skipped.
 *
 * A visible question must be answered, so "unanswered" is never a class.
 */
import { has, own } from '../core/own.ts';
import { evaluateCondition, isValidAnswer, numberGrid, type Answer } from '../core/engine.ts';
import type { Finding } from '../authoring/finding.ts';
import type { ChoiceQuestion, Condition, LeafCondition, NumberQuestion, Question, RuleSet } from '../authoring/schema.ts';
import { leavesOf } from '../core/conditions.ts';
import { conditionsOf, leafKey, optionIdsOf } from './conditions.ts';

/** A group of answers no condition can tell apart. */
export interface AnswerClass {
  /** A valid answer that stands for the whole class. */
  answer: Answer;
  /** Single choice: the option ids in the class. Number: the lowest and highest value. */
  members: { kind: 'options'; options: string[] } | { kind: 'range'; from: number; to: number } | { kind: 'subsets' };
}

/**
 * More combinations than the analysis will list for one multiple-choice question.
 *
 * @example
 * try { lintRuleSet(ruleSet) } catch (e) { if (e instanceof TooManyClassesError) findings.push(e.toFinding(ruleSet)) }
 */
export class TooManyClassesError extends Error {
  constructor(
    readonly questionId: string,
    readonly count: number,
  ) {
    super(
      `question "${questionId}" has ${count} groups of options that rules test separately; ` +
        'the analysis lists at most 65536. Test fewer options one by one, or group them with includesAny.',
    );
    this.name = 'TooManyClassesError';
  }

  /** The error as a finding on the question, for the CLI to print like any other. */
  toFinding(ruleSet: RuleSet): Finding {
    const index = ruleSet.questions.findIndex((question) => question.id === this.questionId);
    return { code: 'too-many-classes', severity: 'error', path: ['questions', index], message: this.message };
  }
}

const MAX_FREE_GROUPS = 16;

/**
 * The answer classes of every question, keyed by question id, using every
 * `showIf`, rule `when` and invariant `when` of the rule set (plus `extra`).
 *
 * @example
 * const classes = answerClasses(ruleSet);
 * classes.get('age') // [{ answer: 17, members: { kind: 'range', from: 0, to: 17 } }, { answer: 18, … }]
 */
export function answerClasses(ruleSet: RuleSet, extra: readonly Condition[] = []): Map<string, AnswerClass[]> {
  const own = conditionsOf(ruleSet);
  const known = new Set(own.flatMap(leavesOf).map(leafKey));
  const adds = extra.flatMap(leavesOf).some((leaf) => !known.has(leafKey(leaf)));
  // Classes depend only on the leaf tests; every analysis of one rule set shares them.
  const cached = adds ? undefined : cache.get(ruleSet);
  if (cached) return cached;
  const leaves = leavesByQuestion(adds ? [...own, ...extra] : own);
  const classes = new Map(ruleSet.questions.map((question) => [question.id, classesOf(question, leaves.get(question.id) ?? [])]));
  if (!adds) cache.set(ruleSet, classes);
  return classes;
}

const cache = new WeakMap<RuleSet, Map<string, AnswerClass[]>>();

/**
 * Distinct leaf tests, grouped by the question they read.
 *
 * @example
 * leavesByQuestion([{ question: 'age', lessThan: 18 }]).get('age') // [{ question: 'age', lessThan: 18 }]
 */
export function leavesByQuestion(conditions: readonly Condition[]): Map<string, LeafCondition[]> {
  const byQuestion = new Map<string, Map<string, LeafCondition>>();
  for (const leaf of conditions.flatMap(leavesOf)) {
    const group = byQuestion.get(leaf.question) ?? new Map<string, LeafCondition>();
    group.set(leafKey(leaf), leaf);
    byQuestion.set(leaf.question, group);
  }
  return new Map([...byQuestion].map(([id, group]) => [id, [...group.values()]]));
}

/**
 * The classes of one question, given the leaf tests that read it.
 *
 * @example
 * classesOf(ageQuestion, [{ question: 'age', lessThan: 18 }]).map((c) => c.answer) // [17, 18]
 */
export function classesOf(question: Question, leaves: readonly LeafCondition[]): AnswerClass[] {
  if (question.type === 'number') return numberClasses(question, leaves);
  if (question.type === 'single-choice') return singleClasses(question, leaves);
  return multipleClasses(question, leaves);
}

function signature(questionId: string, answer: Answer, leaves: readonly LeafCondition[]): string {
  const counted = { [questionId]: answer };
  return leaves.map((leaf) => (evaluateCondition(leaf, counted) ? '1' : '0')).join('');
}

function singleClasses(question: ChoiceQuestion, leaves: readonly LeafCondition[]): AnswerClass[] {
  const groups = new Map<string, string[]>();
  for (const option of question.options) {
    const sig = signature(question.id, option.id, leaves);
    groups.set(sig, [...(groups.get(sig) ?? []), option.id]);
  }
  return [...groups.values()].map((options) => ({ answer: options[0]!, members: { kind: 'options', options } }));
}

/**
 * Multiple choice. Options that the same tests name are interchangeable
 * (picking one or several of them changes nothing), so each such group is
 * picked or not as a whole; an exclusive option is only ever picked alone.
 */
function multipleClasses(question: ChoiceQuestion, leaves: readonly LeafCondition[]): AnswerClass[] {
  const named = new Set(leaves.flatMap(optionIdsOf));
  const groups = new Map<string, string[]>();
  const exclusive: string[] = [];
  const unnamed: string[] = [];
  for (const option of question.options) {
    if (!named.has(option.id)) unnamed.push(option.id);
    else if (own(option, 'exclusive')) exclusive.push(option.id);
    else {
      const membership = leaves.map((leaf) => (optionIdsOf(leaf).includes(option.id) ? '1' : '0')).join('');
      groups.set(membership, [...(groups.get(membership) ?? []), option.id]);
    }
  }
  const free = [...groups.values()];
  if (free.length > MAX_FREE_GROUPS) throw new TooManyClassesError(question.id, 2 ** free.length);

  const candidates: string[][] = [];
  // "None of these" (an unnamed exclusive option) reads most naturally when nothing named is picked.
  const other = unnamed.find((id) => question.options.some((o) => o.id === id && own(o, 'exclusive'))) ?? unnamed[0];
  if (other !== undefined) candidates.push([other]);
  for (const id of exclusive) candidates.push([id]);
  const masks = Array.from({ length: 2 ** free.length - 1 }, (_, i) => i + 1).sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  for (const mask of masks) candidates.push(free.filter((_, i) => mask & (1 << i)).map((group) => group[0]!));

  const order = new Map(question.options.map((option, i) => [option.id, i]));
  const seen = new Set<string>();
  const classes: AnswerClass[] = [];
  for (const picked of candidates) {
    const answer = [...picked].sort((a, b) => order.get(a)! - order.get(b)!);
    if (!isValidAnswer(question, answer)) continue;
    const sig = signature(question.id, answer, leaves);
    if (seen.has(sig)) continue;
    seen.add(sig);
    classes.push({ answer, members: { kind: 'subsets' } });
  }
  return classes;
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m; m &= m - 1) count += 1;
  return count;
}

function thresholdOf(leaf: LeafCondition): number | null {
  if (has(leaf, 'lessThan')) return leaf.lessThan;
  if (has(leaf, 'atMost')) return leaf.atMost;
  if (has(leaf, 'greaterThan')) return leaf.greaterThan;
  if (has(leaf, 'atLeast')) return leaf.atLeast;
  return null;
}

/**
 * Number questions. The allowed values form a grid (min + k·step). A test's
 * value can only change between the grid points on either side of its
 * threshold, so those points (and the ends of the range) meet every class.
 * Each class is represented by its value next to a threshold — its lowest,
 * or its highest when it starts at `min` — so a counterexample shows the
 * boundary ("17", "160"), not an arbitrary number.
 */
function numberClasses(question: NumberQuestion, leaves: readonly LeafCondition[]): AnswerClass[] {
  // Exactly the values the engine accepts: one grid for both.
  const { last, at } = numberGrid(question);
  const step = own(question, 'step') ?? 1;
  const points = new Set<number>([0, last]);
  const thresholds = leaves.map(thresholdOf).filter((t): t is number => t !== null);
  for (const threshold of thresholds) {
    const k = (threshold - question.min) / step;
    for (const near of [Math.floor(k) - 1, Math.floor(k), Math.ceil(k), Math.ceil(k) + 1]) {
      if (near >= 0 && near <= last) points.add(near);
    }
  }
  const values = [...points]
    .sort((a, b) => a - b)
    .map(at)
    .filter((v) => isValidAnswer(question, v));

  const ranges: { sig: string; from: number; to: number }[] = [];
  for (const value of values) {
    const sig = signature(question.id, value, leaves);
    const previous = ranges.at(-1);
    if (previous && previous.sig === sig) previous.to = value;
    else ranges.push({ sig, from: value, to: value });
  }
  const lowest = values[0];
  return ranges.map(({ from, to }) => {
    let answer = from;
    // No threshold splits the range: any value will do, and a middle one reads naturally.
    if (ranges.length === 1) answer = at(Math.round(last / 2));
    else if (from === lowest) answer = to;
    return { answer, members: { kind: 'range', from, to } };
  });
}
