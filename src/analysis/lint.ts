/**
 * Lint: problems in a valid rule set that only show when you follow every
 * path. Each finding has a `path` into the rule set (e.g. `['rules', 3]`) so
 * the CLI can point at a line with the loader's position helpers.
 *
 * | code                     | severity | meaning |
 * |--------------------------|----------|---------|
 * | no-first-question        | error    | no question is visible at the start, so the assessment cannot begin |
 * | unreachable-question     | error    | no answer path ever shows the question |
 * | rule-never-fires         | error    | no answer path ever makes the rule fire |
 * | rule-always-overridden   | warning  | wherever the rule fires, a more serious rule fires too, so its tier never decides the outcome |
 * | unused-option            | warning  | no rule or `showIf` names the option (see {@link unusedOptions} for the exceptions) |
 * | no-effect-option-read    | warning  | an option marked `noEffect: true` is named by a rule or `showIf` after all |
 * | unused-question          | warning  | no rule or `showIf` reads the question at all |
 * | missing-source           | error    | a rule's `source` is empty or a placeholder like "TODO" |
 * | missing-sign-off         | error    | `signOff` names no real reviewer or date |
 * | sign-off-pending         | warning  | `signOff.reviewedBy` says the review is still to come ("PENDING", "draft", "awaiting …") |
 */
import type { Finding } from '../authoring/finding.ts';
import { tierRank } from '../core/engine.ts';
import { TIERS } from '../core/vocabulary.ts';
import type { ChoiceQuestion, Condition, RuleSet } from '../authoring/schema.ts';
import { leavesOf } from '../core/conditions.ts';
import { optionIdsOf } from './conditions.ts';
import { foldReachable } from './graph-walks.ts';
import { buildPathGraph, type PathGraph } from './path-graph.ts';

const PLACEHOLDER =
  /^(?:todo|tbd|tba|fixme|xxx+|\?+|-+|\.+|…|n\/?a|none|unknown|source|sources|citation(?: needed)?|placeholder|reviewer|name|nobody|someone|lorem ipsum.*)$/i;
const PLACEHOLDER_WORD = /\b(?:TODO|TBD|FIXME|XXX)\b/;
/** Words that say the review is still to come. */
export const PENDING = /\b(?:pending|draft|awaiting|unsigned|unreviewed|not (?:yet )?(?:signed|reviewed))\b/i;

/**
 * True when a text is empty or only says that something is missing.
 *
 * @example
 * isPlaceholder('TODO') // true
 * isPlaceholder('Spravato label, section 4') // false
 */
export function isPlaceholder(text: string): boolean {
  const value = text.trim();
  return value === '' || PLACEHOLDER.test(value) || PLACEHOLDER_WORD.test(value);
}

/**
 * Every lint finding for a rule set, errors and warnings mixed, in file order
 * within each kind. `graph` (the plain path graph) may be passed in when the
 * caller already built it.
 *
 * The CLI maps each `path` to a line and prints `file:line:column <message>`
 * (warnings marked as such); any `error` makes `check` exit 1.
 *
 * @example
 * for (const f of lintRuleSet(ruleSet)) console.log(f.severity, f.path.join('.'), f.message);
 */
export function lintRuleSet(ruleSet: RuleSet, graph: PathGraph = buildPathGraph(ruleSet)): Finding[] {
  return [...reachability(ruleSet, graph), ...ruleFiring(ruleSet, graph), ...unusedOptions(ruleSet), ...paperwork(ruleSet)];
}

function reachability(ruleSet: RuleSet, graph: PathGraph): Finding[] {
  if (!graph.root) {
    return [
      {
        code: 'no-first-question',
        severity: 'error',
        path: ['questions', 0, 'showIf'],
        message: 'no question is shown at the start, so the assessment cannot begin; the first question needs no showIf',
      },
    ];
  }
  const asked = new Set(graph.nodes.map((node) => node.question.id));
  return ruleSet.questions.flatMap((question, index): Finding[] =>
    asked.has(question.id)
      ? []
      : [
          {
            code: 'unreachable-question',
            severity: 'error',
            path: ['questions', index],
            message:
              `no answer path ever shows question "${question.id}"` +
              (question.showIf ? ': its showIf is never true when the patient gets there; check the showIf' : ''),
          },
        ],
  );
}

/**
 * Rules that never fire, and rules whose tier never decides the outcome, read
 * off the plain path graph: a rule fires on a path exactly when it is in the
 * `decidedFired` of an edge on it or among the one-question rules of the
 * edge's answer class (it stays fired, being decided), or in the
 * `pendingFired` of its result screen. So it fires somewhere iff it appears
 * anywhere, and it decides the outcome somewhere iff one of those places can
 * still reach a result screen of its own tier.
 */
function ruleFiring(ruleSet: RuleSet, graph: PathGraph): Finding[] {
  // For each node, a bit mask of the tiers (bit = rank) of the result screens it can reach.
  const reach = foldReachable(
    (terminal) => 1 << tierRank(terminal.tier),
    (a, b) => a | b,
  );
  const seen = new Map<string, number>(); // rule id → tiers of the result screens reachable where it fired
  const mark = (ruleIds: readonly string[], mask: number) => {
    for (const id of ruleIds) seen.set(id, (seen.get(id) ?? 0) | mask);
  };
  if (graph.root) mark(graph.rootFired, reach(graph.root));
  for (const node of graph.nodes) {
    for (const edge of node.edges) {
      let mask = edge.to.kind === 'terminal' ? 1 << tierRank(edge.to.tier) : reach(edge.to);
      if (edge.to.kind === 'terminal') mark(edge.to.pendingFired, 1 << tierRank(edge.to.tier));
      if (edge.continueTo) {
        mask |= reach(edge.continueTo.node);
        mark(edge.continueTo.decidedFired, reach(edge.continueTo.node));
      }
      mark(edge.decidedFired, mask);
      const own = graph.localFired[node.index]!;
      for (const classIndex of edge.classes) mark(own[classIndex]!, mask);
    }
  }

  const findings: Finding[] = [];
  ruleSet.rules.forEach((rule, index) => {
    const mask = seen.get(rule.id);
    if (mask === undefined) {
      findings.push({
        code: 'rule-never-fires',
        severity: 'error',
        path: ['rules', index],
        message:
          `rule "${rule.id}" never fires: no answer path makes its "when" true ` +
          '(a question it reads may be hidden on every path where the others match); check the question and option ids, and the showIfs',
      });
      return;
    }
    if ((mask & (1 << tierRank(rule.tier))) === 0) {
      const least = TIERS.filter((_, rank) => mask & (1 << rank)).at(-1)!;
      findings.push({
        code: 'rule-always-overridden',
        severity: 'warning',
        path: ['rules', index, 'tier'],
        message:
          `rule "${rule.id}" (${rule.tier}) only fires together with a more serious rule: wherever it fires the outcome is ` +
          `${least} or more serious, so its tier never decides the outcome (its reason is still listed). ` +
          'If that is intended, ignore this; otherwise check its "when", or its tier',
      });
    }
  });
  return findings;
}

/**
 * Options that no rule or `showIf` names. Invariants do not count: they check
 * the rules, they do not change an outcome. Not reported, because they are
 * what "nothing to flag" looks like:
 * - an exclusive option of a multiple choice ("None of these");
 * - the one unnamed option of a single choice whose other options are all named ("No");
 * - an option marked `noEffect: true`: the author says it deliberately changes
 *   nothing (then a rule or `showIf` naming it is `no-effect-option-read`);
 * - the options of a question no rule or `showIf` reads at all (one
 *   `unused-question` warning instead).
 *
 * @example
 * unusedOptions(ruleSet).map((f) => f.path) // [['questions', 4, 'options', 2]]
 */
export function unusedOptions(ruleSet: RuleSet): Finding[] {
  const acting = [
    ...ruleSet.questions.flatMap((question) => (question.showIf ? [question.showIf] : [])),
    ...ruleSet.rules.map((rule) => rule.when),
  ].flatMap(leavesOf);
  const findings: Finding[] = [];
  ruleSet.questions.forEach((question, index) => {
    const reading = acting.filter((leaf) => leaf.question === question.id);
    if (reading.length === 0) {
      findings.push({
        code: 'unused-question',
        severity: 'warning',
        path: ['questions', index],
        message: `no rule or showIf reads question "${question.id}", so its answer never changes the outcome; add a rule that uses it, or remove it to save the patient time`,
      });
      return;
    }
    if (question.type === 'number') return;
    const named = new Set(reading.flatMap(optionIdsOf));
    question.options.forEach((option, optionIndex) => {
      if (!option.noEffect || !named.has(option.id)) return;
      findings.push({
        code: 'no-effect-option-read',
        severity: 'warning',
        path: ['questions', index, 'options', optionIndex],
        message:
          `option "${option.id}" of question "${question.id}" is marked noEffect: true, but ${namedBy(ruleSet, question.id, option.id)} ` +
          'names it; remove noEffect, or the option from that condition',
      });
    });
    const unnamed = unnamedOptions(question, named);
    for (const optionIndex of unnamed) {
      const option = question.options[optionIndex]!;
      findings.push({
        code: 'unused-option',
        severity: 'warning',
        path: ['questions', index, 'options', optionIndex],
        message:
          `no rule or showIf names option "${option.id}" of question "${question.id}", so choosing it counts the same as ` +
          `${unnamed.length > 1 ? 'the other unnamed options' : 'choosing nothing of note'}; add it to a rule if it should matter`,
      });
    }
  });
  return findings;
}

/** What names an option: `rule "x"`, or `the showIf of question "y"` (the first one, in file order). */
function namedBy(ruleSet: RuleSet, questionId: string, optionId: string): string {
  const names = (condition: Condition) =>
    leavesOf(condition).some((leaf) => leaf.question === questionId && optionIdsOf(leaf).includes(optionId));
  const question = ruleSet.questions.find((q) => q.showIf && names(q.showIf));
  if (question) return `the showIf of question "${question.id}"`;
  return `rule "${ruleSet.rules.find((rule) => names(rule.when))?.id ?? '?'}"`;
}

function unnamedOptions(question: ChoiceQuestion, named: ReadonlySet<string>): number[] {
  const unnamed = question.options
    .map((option, i) => ({ option, i }))
    .filter(({ option }) => !named.has(option.id) && !option.noEffect && !(question.type === 'multiple-choice' && option.exclusive));
  // A single choice needs one answer that flags nothing: that one is expected.
  if (question.type === 'single-choice' && unnamed.length <= 1) return [];
  return unnamed.map(({ i }) => i);
}

/** Missing sources and sign-off: the schema asks for text, this asks for real text. */
function paperwork(ruleSet: RuleSet): Finding[] {
  const findings: Finding[] = [];
  ruleSet.rules.forEach((rule, index) => {
    if (isPlaceholder(rule.source)) {
      findings.push({
        code: 'missing-source',
        severity: 'error',
        path: ['rules', index, 'source'],
        message: `rule "${rule.id}" needs a source a reviewer can check (a label section, guideline or paper); found ${JSON.stringify(rule.source)}`,
      });
    }
  });
  const { reviewedBy, reviewedOn } = ruleSet.signOff;
  if (isPlaceholder(reviewedBy)) {
    findings.push({
      code: 'missing-sign-off',
      severity: 'error',
      path: ['signOff', 'reviewedBy'],
      message: `signOff.reviewedBy needs the name of the clinician who reviewed these rules; found ${JSON.stringify(reviewedBy)}`,
    });
  } else if (PENDING.test(reviewedBy)) {
    // Honest and visible, unlike a "TODO": a draft may be checked and previewed, but is not signed.
    findings.push({
      code: 'sign-off-pending',
      severity: 'warning',
      path: ['signOff', 'reviewedBy'],
      message:
        `signOff.reviewedBy says the review is still to come (${JSON.stringify(reviewedBy)}); ` +
        'a clinician must review these rules and put their name and the date here before patients use them',
    });
  }
  if (!isRealDate(reviewedOn)) {
    findings.push({
      code: 'missing-sign-off',
      severity: 'error',
      path: ['signOff', 'reviewedOn'],
      message: `signOff.reviewedOn needs the real date of the review, like 2026-01-15; found ${JSON.stringify(reviewedOn)}`,
    });
  }
  return findings;
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
