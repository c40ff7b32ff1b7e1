/**
 * Checks of meaning on a rule set that already has the right shape: ids that
 * point nowhere, tests that cannot work on their question, duplicate ids,
 * branching that looks forward, number ranges that admit nothing.
 */
import { numberGrid } from '../core/engine.ts';
import { has } from '../core/own.ts';
import type { Finding } from './finding.ts';
import { languageFindings } from './language-checks.ts';
import { messages as M } from './messages.ts';
import type { Condition, LeafCondition, Question, RuleSet } from './schema.ts';
import { closest } from './suggest.ts';
import { foldCondition } from '../core/conditions.ts';
import { numbersWithinLimits, testFitsType } from '../core/vocabulary.ts';

type Path = (string | number)[];
/** The 1-based line a path starts on in the file. */
export type LineOf = (path: Path) => number;

/**
 * Every problem of meaning in a schema-valid rule set.
 *
 * @example
 * checkRuleSet(ruleSet, (path) => 1) // [] when all is well
 */
export function checkRuleSet(ruleSet: RuleSet, lineOf: LineOf): Finding[] {
  const findings: Finding[] = [];
  findings.push(
    ...duplicateIds(
      ruleSet.questions.map((q) => q.id),
      ['questions'],
      'question',
      lineOf,
    ),
  );
  findings.push(
    ...duplicateIds(
      ruleSet.rules.map((r) => r.id),
      ['rules'],
      'rule',
      lineOf,
    ),
  );
  findings.push(
    ...duplicateIds(
      ruleSet.invariants.map((i) => i.id),
      ['invariants'],
      'invariant',
      lineOf,
    ),
  );

  const byId = new Map<string, { question: Question; index: number }>();
  ruleSet.questions.forEach((question, index) => {
    if (!byId.has(question.id)) byId.set(question.id, { question, index });
  });
  const known = [...byId.keys()];

  ruleSet.questions.forEach((question, index) => {
    const path: Path = ['questions', index];
    if (question.type === 'number') findings.push(...numberRange(question, path));
    else {
      findings.push(
        ...duplicateIds(
          question.options.map((o) => o.id),
          [...path, 'options'],
          'option',
          lineOf,
        ),
      );
      findings.push(...exclusiveNotes(question, path));
    }
    if (!question.showIf) return;
    for (const [leaf, leafPath] of leaves(question.showIf, [...path, 'showIf'])) {
      const target = byId.get(leaf.question);
      if (target?.index === index) {
        findings.push(error('show-if-order', [...leafPath, 'question'], M.showIfSelf(question.id)));
      } else if (target && target.index > index) {
        const refLine = lineOf(['questions', target.index]);
        findings.push(error('show-if-order', [...leafPath, 'question'], M.showIfLater(question.id, leaf.question, refLine)));
      }
    }
  });

  const conditions: [Condition, Path][] = [
    ...ruleSet.questions.flatMap((q, i): [Condition, Path][] => (q.showIf ? [[q.showIf, ['questions', i, 'showIf']]] : [])),
    ...ruleSet.rules.map((r, i): [Condition, Path] => [r.when, ['rules', i, 'when']]),
    ...ruleSet.invariants.map((v, i): [Condition, Path] => [v.when, ['invariants', i, 'when']]),
  ];
  for (const [condition, path] of conditions) {
    for (const [leaf, leafPath] of leaves(condition, path)) {
      const target = byId.get(leaf.question)?.question;
      if (!target) {
        findings.push(
          error('unknown-question', [...leafPath, 'question'], M.unknownQuestion(leaf.question, closest(leaf.question, known), known)),
        );
      } else findings.push(...leafAgainstQuestion(leaf, target, leafPath));
    }
  }
  findings.push(...languageFindings(ruleSet));
  return findings;
}

/**
 * Each leaf test of a condition, with its path.
 *
 * @example
 * leaves({ not: { question: 'age', lessThan: 18 } }, ['rules', 0, 'when'])
 * // [[{ question: 'age', lessThan: 18 }, ['rules', 0, 'when', 'not']]]
 */
export function leaves(condition: Condition, path: Path): [LeafCondition, Path][] {
  type Found = [LeafCondition, Path][];
  // Folded bottom-up, so each group puts its own keys in front of its leaves' paths.
  const under =
    (...keys: Path) =>
    (found: Found): Found =>
      found.map(([leaf, at]) => [leaf, [...keys, ...at]]);
  const group = (key: string) => (parts: Found[]) => parts.flatMap((found, i) => under(key, i)(found));
  const found = foldCondition<Found>(condition, { leaf: (leaf) => [[leaf, []]], all: group('all'), any: group('any'), not: under('not') });
  return under(...path)(found);
}

function leafAgainstQuestion(leaf: LeafCondition, question: Question, path: Path): Finding[] {
  const test = Object.keys(leaf).find((k) => k !== 'question')!;
  const mismatch = (instead: string) => [
    { ...error('operator-mismatch', [...path, test], M.operatorMismatch(test, question.id, question.type, instead)), at: 'key' as const },
  ];
  // One table (vocabulary.ts) says which tests fit which question types, here and in the widget.
  if (!testFitsType(test, question.type)) {
    return mismatch(
      question.type === 'number' ? M.useNumberTests : question.type === 'single-choice' ? M.useSingleTests : M.useMultipleTests,
    );
  }
  if (question.type === 'number') return [];

  const options = question.options.map((o) => o.id);
  const referenced: [string, Path][] = has(leaf, 'equals')
    ? [[leaf.equals, [...path, 'equals']]]
    : has(leaf, 'includes')
      ? [[leaf.includes, [...path, 'includes']]]
      : has(leaf, 'oneOf')
        ? leaf.oneOf.map((id, i): [string, Path] => [id, [...path, 'oneOf', i]])
        : has(leaf, 'noneOf')
          ? leaf.noneOf.map((id, i): [string, Path] => [id, [...path, 'noneOf', i]])
          : has(leaf, 'includesAny')
            ? leaf.includesAny.map((id, i): [string, Path] => [id, [...path, 'includesAny', i]])
            : [];
  return referenced
    .filter(([id]) => !options.includes(id))
    .map(([id, at]) => error('unknown-option', at, M.unknownOption(id, question.id, closest(id, options), options)));
}

function duplicateIds(ids: readonly string[], path: Path, kind: string, lineOf: LineOf): Finding[] {
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  ids.forEach((id, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else findings.push(error('duplicate-id', [...path, index, 'id'], M.duplicateId(kind, id, lineOf([...path, earlier, 'id']))));
  });
  return findings;
}

function numberRange(question: Extract<Question, { type: 'number' }>, path: Path): Finding[] {
  const { min, max } = question;
  const step = question.step ?? 1;
  // Numbers beyond any real answer break the arithmetic of the grid (±1.7e308 overflows to Infinity).
  if (!numbersWithinLimits(question)) {
    const field = (['min', 'max', 'step'] as const).find((key) => !numbersWithinLimits({ min: 0, max: 0, [key]: question[key] }))!;
    return [error('number-too-large', [...path, field], M.numberTooLarge(field, question[field]!))];
  }
  if (min >= max) return [error('number-range', [...path, 'min'], M.numberRangeEmpty(min, max))];
  if (step > max - min) return [error('number-range', [...path, 'step'], M.numberStepTooBig(step, min, max))];
  // max itself is an answer only when it is on the grid the engine accepts.
  const grid = numberGrid(question);
  if (grid.at(grid.last) !== max) {
    return [warning('number-range', [...path, question.step === undefined ? 'max' : 'step'], M.numberStepUneven(step, min, max))];
  }
  return [];
}

function exclusiveNotes(question: Extract<Question, { options: unknown }>, path: Path): Finding[] {
  const exclusive = question.options.map((o, i) => [o, i] as const).filter(([o]) => o.exclusive);
  if (exclusive.length === 0) return [];
  if (question.type === 'single-choice') {
    return [warning('exclusive-option', [...path, 'options', exclusive[0]![1], 'exclusive'], M.exclusiveOnSingle(question.id))];
  }
  if (exclusive.length > 1) {
    const ids = exclusive.map(([o]) => o.id);
    return [warning('exclusive-option', [...path, 'options', exclusive[1]![1], 'exclusive'], M.severalExclusive(question.id, ids))];
  }
  return [];
}

function error(code: string, path: Path, message: string): Finding {
  return { code, severity: 'error', path, message };
}

function warning(code: string, path: Path, message: string): Finding {
  return { code, severity: 'warning', path, message };
}
