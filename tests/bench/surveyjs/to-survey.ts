/**
 * Turns one of our rule sets into an equivalent SurveyJS questionnaire: the
 * same intro (title, body, notices) on a start page with a Start button, then
 * one question per page with the same text, options, help, units, ranges and
 * branching (`showIf` → `visibleIf`), a progress bar, Back and Next.
 *
 * Rules and outcomes are not part of it: SurveyJS has no rule tiers, and the
 * timing stops at the first question. Both pages carry their whole
 * questionnaire, so the size comparison stays fair.
 */
import { resolveText } from '../../../src/core/text.ts';
import type { Condition, Question, RuleSet } from '../../../src/authoring/schema.ts';

type Text = Parameters<typeof resolveText>[0];

const quote = (value: string): string => `'${value.replaceAll("'", "\\'")}'`;
const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;

/**
 * A SurveyJS expression with our semantics for unanswered answers (every test
 * false, so each one also asks `notempty`). SurveyJS keeps hidden answers out
 * with `clearInvisibleValues: 'onHidden'`.
 *
 * @example
 * toExpression({ question: 'age', lessThan: 18 }) // "({age} notempty and {age} < 18)"
 */
export function toExpression(condition: Condition): string {
  if ('all' in condition) return `(${condition.all.map(toExpression).join(' and ')})`;
  if ('any' in condition) return `(${condition.any.map(toExpression).join(' or ')})`;
  if ('not' in condition) return `!(${toExpression(condition.not)})`;
  const q = `{${condition.question}}`;
  if ('answered' in condition) return condition.answered ? `${q} notempty` : `${q} empty`;
  const test = 'equals' in condition ? `${q} = ${quote(condition.equals)}`
    : 'oneOf' in condition ? `${q} anyof ${list(condition.oneOf)}`
    : 'noneOf' in condition ? `${q} noneof ${list(condition.noneOf)}`
    : 'includes' in condition ? `${q} contains ${quote(condition.includes)}`
    : 'includesAny' in condition ? `${q} anyof ${list(condition.includesAny)}`
    : 'lessThan' in condition ? `${q} < ${condition.lessThan}`
    : 'atMost' in condition ? `${q} <= ${condition.atMost}`
    : 'greaterThan' in condition ? `${q} > ${condition.greaterThan}`
    : `${q} >= ${condition.atLeast}`;
  return `(${q} notempty and ${test})`;
}

function toElement(question: Question, text: (t: Text) => string): Record<string, unknown> {
  const common = {
    name: question.id,
    title: text(question.text),
    isRequired: true,
    ...(question.help ? { description: text(question.help) } : {}),
    ...(question.showIf ? { visibleIf: toExpression(question.showIf) } : {}),
  };
  if (question.type === 'number') {
    return {
      ...common,
      type: 'text',
      inputType: 'number',
      min: question.min,
      max: question.max,
      step: question.step ?? 1,
      // SurveyJS has no unit field; a suffix-like description keeps it visible, as ours is.
      description: [question.help ? text(question.help) : '', text(question.unit)].filter(Boolean).join(' · '),
    };
  }
  return {
    ...common,
    type: question.type === 'single-choice' ? 'radiogroup' : 'checkbox',
    choices: question.options.map((option) => ({
      value: option.id,
      text: text(option.label),
      ...(option.exclusive ? { isExclusive: true } : {}),
    })),
  };
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The SurveyJS JSON for a rule set, in its default locale or in `locale`
 * (the rules' text in that language, and SurveyJS's own words in it when
 * its locale file is loaded: `locale` is set in the JSON).
 *
 * @example
 * const json = toSurveyJson(ruleSet);
 * json.pages.length === ruleSet.questions.length + 1 // the start page first
 * toSurveyJson(ruleSet, 'es').locale // 'es'
 */
export function toSurveyJson(ruleSet: RuleSet, locale = ruleSet.locale): { pages: unknown[]; [key: string]: unknown } {
  const text = (t: Text): string => resolveText(t, locale, ruleSet.locale);
  const notices = Object.values(ruleSet.notices).map((n) => `<li>${escapeHtml(text(n))}</li>`).join('');
  const intro = {
    name: 'intro',
    elements: [
      {
        type: 'html',
        name: 'intro-text',
        html: `<h2>${escapeHtml(text(ruleSet.intro.title))}</h2><p>${escapeHtml(text(ruleSet.intro.body))}</p><ul>${notices}</ul>`,
      },
    ],
  };
  // No survey title: our widget shows none above its intro either.
  return {
    ...(locale === ruleSet.locale ? {} : { locale }),
    firstPageIsStartPage: true,
    startSurveyText: text(ruleSet.intro.start),
    showProgressBar: true,
    progressBarType: 'questions',
    showQuestionNumbers: 'off',
    clearInvisibleValues: 'onHidden',
    checkErrorsMode: 'onNextPage',
    pages: [intro, ...ruleSet.questions.map((question) => ({ name: `page-${question.id}`, elements: [toElement(question, text)] }))],
  };
}
