/**
 * The default rule set and its scenario cases, read from `rules/` as the
 * clinicians wrote them, and the path a patient takes through a case. The
 * path comes from the core machine, so the browser tests check that the
 * widget shows exactly what the machine decides, screen by screen.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Answer, FiredRule } from '../../../src/core/engine.ts';
import { createAssessment, currentQuestion, progress } from '../../../src/core/machine.ts';
import { formatIssue, loadRuleSet } from '../../../src/authoring/loader.ts';
import type { Question, RuleSet, Tier } from '../../../src/authoring/schema.ts';
import { parseText, resolveText, type Text } from '../../../src/core/text.ts';

const RULES_FILE = fileURLToPath(new URL('../../../rules/ketamine.yaml', import.meta.url));
const CASES_FILE = fileURLToPath(new URL('../../../rules/ketamine.cases.yaml', import.meta.url));

/** The language the tests read the widget in unless a test says otherwise (the rules' own). */
export const LOCALE = 'en';

export interface ScenarioCase {
  name: string;
  answers: Record<string, Answer>;
  expect: { tier: Tier; fired?: string[] };
}

let cachedRuleSet: RuleSet | undefined;

/**
 * The default ketamine rule set, loaded and validated as the build loads it.
 *
 * @example
 * defaultRuleSet().outcomes.candidate.title
 */
export function defaultRuleSet(): RuleSet {
  if (!cachedRuleSet) {
    const result = loadRuleSet(readFileSync(RULES_FILE, 'utf8'), 'rules/ketamine.yaml');
    if (!result.ok) throw new Error(`rules/ketamine.yaml is not valid:\n${result.issues.map(formatIssue).join('\n')}`);
    cachedRuleSet = result.ruleSet;
  }
  return cachedRuleSet;
}

/**
 * The scenario cases of `rules/ketamine.cases.yaml`.
 *
 * @example
 * scenarioCases().filter((c) => c.expect.tier === 'review')
 */
export function scenarioCases(): ScenarioCase[] {
  const doc = parse(readFileSync(CASES_FILE, 'utf8')) as { cases?: ScenarioCase[] };
  if (!Array.isArray(doc?.cases)) throw new Error(`${CASES_FILE} has no "cases" list`);
  return doc.cases;
}

/**
 * Rule text as a patient reads it on screen in `locale` (English unless
 * given), with the safe-markdown marks (`*`, `**`, `[label](href)`) reduced
 * to their words.
 *
 * @example
 * plain({ en: 'Call [988](tel:988) *now*' }) // 'Call 988 now'
 * plain({ en: 'Call 911', es: 'Llame al 911' }, 'es') // 'Llame al 911'
 */
export function plain(text: Text, locale: string = LOCALE): string {
  const resolved = resolveText(text, locale, defaultRuleSet().locale);
  return parseText(resolved)
    .map((part) => part.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One screen of a patient's path: the question shown and the answer given. */
export interface PlannedStep {
  question: Question;
  answer: Answer;
  /** "Question `step` of about `total`", as the machine counts it. */
  step: number;
  total: number;
}

/** The path of a case through the assessment, as the core machine runs it. */
export interface Plan {
  name: string;
  steps: PlannedStep[];
  /** Indexes of steps whose answer brings up the crisis screen before the patient continues. */
  crisisAfter: number[];
  tier: Tier;
  /** The result came from an interrupting (crisis) answer before the last question. */
  interrupted: boolean;
  /** "Continue the assessment" is offered on the result. */
  canContinue: boolean;
  /** The question "Continue the assessment" leads to, when it is offered. */
  continuesWith: Question | null;
  fired: FiredRule[];
}

/**
 * Runs a case through the machine. Returns the plan, or the id of the first
 * question the case leaves unanswered (such a case cannot drive the widget).
 * With `continueAfterCrisis`, the patient presses "Continue the assessment"
 * after each interrupting answer (recorded in `crisisAfter`) and answers on.
 *
 * @example
 * const plan = planCase(scenarioCases()[0]!);
 * if (!('unanswered' in plan)) console.log(plan.tier, plan.steps.length);
 */
export function planCase(scenario: ScenarioCase, options: { continueAfterCrisis?: boolean } = {}): Plan | { unanswered: string } {
  const ruleSet = defaultRuleSet();
  const actor = createAssessment(ruleSet);
  actor.send({ type: 'user.start' });
  const steps: PlannedStep[] = [];
  const crisisAfter: number[] = [];
  for (let guard = 0; ; guard += 1) {
    const snapshot = actor.getSnapshot();
    if (!snapshot.hasTag('question')) {
      if (!options.continueAfterCrisis || !snapshot.can({ type: 'user.continue' })) break;
      crisisAfter.push(steps.length - 1);
      actor.send({ type: 'user.continue' });
      continue;
    }
    const context = snapshot.context;
    const question = currentQuestion(context);
    if (!question || guard > 2 * ruleSet.questions.length) throw new Error(`machine did not advance in "${scenario.name}"`);
    const answer = scenario.answers[question.id];
    if (answer === undefined) return { unanswered: question.id };
    steps.push({ question, answer, ...progress(context) });
    actor.send({ type: 'user.answer', value: answer });
    if (actor.getSnapshot().context.path.length === context.path.length && actor.getSnapshot().hasTag('question')) {
      throw new Error(`case "${scenario.name}": the machine refused the answer ${JSON.stringify(answer)} to "${question.id}"`);
    }
  }
  const snapshot = actor.getSnapshot();
  const outcome = snapshot.context.outcome;
  if (!outcome) throw new Error(`case "${scenario.name}" did not reach a result`);
  const canContinue = snapshot.can({ type: 'user.continue' });
  let continuesWith: Question | null = null;
  if (canContinue) {
    actor.send({ type: 'user.continue' });
    continuesWith = currentQuestion(actor.getSnapshot().context);
  }
  actor.stop();
  return {
    name: scenario.name,
    steps,
    crisisAfter,
    tier: outcome.tier,
    interrupted: snapshot.context.interrupted,
    canContinue,
    continuesWith,
    fired: outcome.fired,
  };
}

export interface PlanQuery {
  /** Only a result reached by an interrupting answer (true) or by the last question (false). */
  interrupted?: boolean;
  /** Only a case whose path shows at least one question of this type. */
  withType?: Question['type'];
  /** Skip this many matching cases (for a second, different patient). */
  skip?: number;
}

/**
 * The first scenario case that drives the widget to `tier`, for tests that
 * need "a patient who ends at …". Fails with the list of cases when none fits,
 * so a gap in the cases file is reported, not papered over.
 *
 * @example
 * const plan = findPlan('crisis', { interrupted: true });
 */
export function findPlan(tier: Tier, query: PlanQuery = {}): Plan {
  const seen: string[] = [];
  let skip = query.skip ?? 0;
  for (const scenario of scenarioCases()) {
    const plan = planCase(scenario);
    if ('unanswered' in plan) {
      seen.push(`${scenario.name}: leaves "${plan.unanswered}" unanswered`);
      continue;
    }
    seen.push(`${scenario.name}: ${plan.tier}${plan.interrupted ? ' (interrupted)' : ''}`);
    if (plan.tier !== tier) continue;
    if (query.interrupted !== undefined && plan.interrupted !== query.interrupted) continue;
    if (query.withType && !plan.steps.some((s) => s.question.type === query.withType)) continue;
    if (skip-- > 0) continue;
    return plan;
  }
  throw new Error(
    `no scenario case in rules/ketamine.cases.yaml reaches "${tier}" ${JSON.stringify(query)} with every asked question answered:\n  ` +
      seen.join('\n  '),
  );
}

/**
 * The visible label of an option of a choice question, in `locale` (English unless given).
 *
 * @example
 * optionLabel(question, 'depression') // 'Depression'
 * optionLabel(question, 'depression', 'es') // 'Depresión'
 */
export function optionLabel(question: Question, optionId: string, locale: string = LOCALE): string {
  if (question.type === 'number') throw new Error(`"${question.id}" is a number question`);
  const option = question.options.find((o) => o.id === optionId);
  if (!option) throw new Error(`"${question.id}" has no option "${optionId}"`);
  return plain(option.label, locale);
}
