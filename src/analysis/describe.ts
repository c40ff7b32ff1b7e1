/**
 * Conditions and answers in plain words, for the sign-off sheet and for
 * counterexamples: question text and option labels instead of ids.
 *
 * Wording follows the engine's semantics exactly: "is not answered" covers
 * hidden questions too, and `not` of a test is written so that it stays true
 * when the question is unanswered ("is not “Yes” (or not answered)").
 */
import { foldCondition } from '../core/conditions.ts';
import { has } from '../core/own.ts';
import type { Answer } from '../core/engine.ts';
import { resolveText } from '../core/text.ts';
import type { Condition, LeafCondition, Question, RuleSet } from '../authoring/schema.ts';

/** Plain-words helpers bound to one rule set and locale. */
export interface Describer {
  /** A condition, e.g. `“Your most recent blood pressure?” is “180/120 or higher”`. */
  condition(condition: Condition): string;
  /** An answer to a question, e.g. `“Pregnant”`, `“Opioids” and “Stimulants”`, `17 years`. */
  answer(questionId: string, answer: Answer): string;
  /** The question's text, quoted. */
  question(questionId: string): string;
}

const quote = (text: string) => `“${text}”`;

/**
 * Makes a describer for a rule set.
 *
 * @example
 * const say = describer(ruleSet);
 * say.condition({ question: 'age', lessThan: 18 }) // '“How old are you?” is under 18 years'
 * say.condition({ not: { question: 'pregnancy', equals: 'pregnant' } })
 * // '“Are you pregnant?” is not “Pregnant” (or not answered)'
 */
export function describer(ruleSet: RuleSet, locale: string = ruleSet.locale): Describer {
  const text = (value: Parameters<typeof resolveText>[0]) => resolveText(value, locale, ruleSet.locale);
  const find = (id: string): Question | undefined => ruleSet.questions.find((q) => q.id === id);
  const questionName = (id: string) => {
    const q = find(id);
    return q ? quote(text(q.text)) : `question ${quote(id)}`;
  };
  const label = (questionId: string, optionId: string) => {
    const q = find(questionId);
    const option = q && q.type !== 'number' ? q.options.find((o) => o.id === optionId) : undefined;
    return quote(option ? text(option.label) : optionId);
  };
  const list = (questionId: string, ids: readonly string[], joiner: string) => {
    const labels = ids.map((id) => label(questionId, id));
    return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${joiner} ${labels.at(-1)}`;
  };
  const amount = (questionId: string, value: number) => {
    const q = find(questionId);
    return q?.type === 'number' ? `${value} ${text(q.unit)}` : String(value);
  };

  function leaf(test: LeafCondition, negated: boolean): string {
    const q = questionName(test.question);
    if (has(test, 'answered')) return `${q} is ${test.answered !== negated ? 'answered' : 'not answered'}`;
    const unanswered = negated ? ' (or not answered)' : '';
    const is = negated ? 'is not' : 'is';
    if (has(test, 'equals')) return `${q} ${is} ${label(test.question, test.equals)}${unanswered}`;
    if (has(test, 'oneOf')) return `${q} ${is} ${list(test.question, test.oneOf, 'or')}${unanswered}`;
    if (has(test, 'noneOf')) {
      const many = find(test.question)?.type === 'multiple-choice';
      return negated
        ? `${q} ${many ? 'includes any of' : 'is'} ${list(test.question, test.noneOf, 'or')} (or not answered)`
        : `${q} is answered, and ${many ? 'includes none of' : 'not'} ${list(test.question, test.noneOf, 'or')}`;
    }
    if (has(test, 'includes'))
      return `${q} ${negated ? 'does not include' : 'includes'} ${label(test.question, test.includes)}${unanswered}`;
    if (has(test, 'includesAny')) {
      return `${q} ${negated ? 'includes none of' : 'includes any of'} ${list(test.question, test.includesAny, 'or')}${unanswered}`;
    }
    const [words, value] = numberWords(test, negated);
    return `${q} is ${words.replace('#', amount(test.question, value))}${unanswered}`;
  }

  /** A condition's words, once it is known whether a `not` above it negates it and whether it sits inside a group. */
  type Words = (negated: boolean, nested: boolean) => string;

  // De Morgan, so "not" lands on the tests, where it reads naturally: `all` joins with "and", or "or" when negated.
  const group =
    (isAll: boolean) =>
    (parts: Words[]): Words =>
    (negated, nested) => {
      if (parts.length === 1) return parts[0]!(negated, nested);
      const body = parts.map((part) => part(negated, true)).join(isAll !== negated ? ' and ' : ' or ');
      return nested ? `(${body})` : body;
    };

  function condition(c: Condition): string {
    return foldCondition<Words>(c, {
      leaf: (test) => (negated) => leaf(test, negated),
      all: group(true),
      any: group(false),
      not: (inner) => (negated, nested) => inner(!negated, nested),
    })(false, false);
  }

  function answer(questionId: string, value: Answer): string {
    if (typeof value === 'number') return amount(questionId, value);
    if (typeof value === 'string') return label(questionId, value);
    return list(questionId, value, 'and');
  }

  return { condition, answer, question: questionName };
}

/** "under #", "# or less"… with # standing for the number and unit; negation flips the test. */
function numberWords(test: LeafCondition, negated: boolean): [string, number] {
  if (has(test, 'lessThan')) return [negated ? '# or more' : 'under #', test.lessThan];
  if (has(test, 'atMost')) return [negated ? 'over #' : '# or less', test.atMost];
  if (has(test, 'greaterThan')) return [negated ? '# or less' : 'over #', test.greaterThan];
  if (has(test, 'atLeast')) return [negated ? 'under #' : '# or more', test.atLeast];
  return ['#', NaN];
}
