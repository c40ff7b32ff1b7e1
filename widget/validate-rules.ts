/**
 * A small, hand-written check of a compiled rule set fetched at run time
 * (the `rules` attribute). Full Zod stays out of the bundle; this checks
 * every field the engine and the screens read, so a broken or hostile file
 * shows the contact-the-clinic fallback instead of a wrong result. A problem
 * is named by where it is (`questions[2]`); `npx screener check` on the
 * source file explains in full.
 */
import { COMPILED_FORMAT, COMPILED_FORMAT_VERSION, type CompiledRuleSet } from '../src/core/compile.ts';
import { isValidAnswer } from '../src/core/engine.ts';
import { unsafeHrefReason, unsafeTextReason } from '../src/core/text.ts';
import {
  CRISIS_HELP,
  HASH_PATTERN,
  ID_PATTERN,
  LEAF_TESTS,
  MAX_CONDITION_DEPTH,
  MAX_QUESTIONS,
  numbersWithinLimits,
  RULE_TIERS,
  testFitsType,
  TIERS,
  VERSION_PATTERN,
  type LeafOperator,
} from '../src/core/vocabulary.ts';

/** The outcome of {@link validateCompiled}: the file, or the first problem found. */
/** A trusted rule set, with the languages every one of its texts is written in (its own `locale` first). */
export type ValidationResult = { ok: true; compiled: CompiledRuleSet; languages: string[] } | { ok: false; problem: string };

/** Languages of every text map seen so far in this check (a plain string is in every language). */
let covered: string[] | undefined;

// Loosely typed on purpose: this is the code that finds out what the data is.
// biome-ignore lint/suspicious/noExplicitAny: see above; the checks narrow each value before use.
type J = Record<string, any>;

/** Every patient-facing text of the rule set outside its lists. */
const under = (parent: string, keys: string) => keys.split(' ').map((key) => parent + key);
const TEXTS = [
  'title',
  ...under('intro.', 'title body start'),
  ...under('notices.', 'adultsOnly notAdvice notEmergency privacy'),
  ...under('crisisResources.', 'title intro emergency'),
  ...TIERS.flatMap((tier) => under(`outcomes.${tier}.`, 'title body action')),
];

/**
 * Checks that `data` is a compiled rule set the widget can trust.
 *
 * @example
 * const result = validateCompiled(JSON.parse(text));
 * if (!result.ok) warn(`rules refused: ${result.problem}`);
 */
export function validateCompiled(data: unknown): ValidationResult {
  let at = 'the file';
  covered = undefined;
  try {
    const d = data as J;
    const r = d.ruleSet;
    check(d.format === COMPILED_FORMAT && d.formatVersion === COMPILED_FORMAT_VERSION && HASH_PATTERN.test(d.hash));
    check(VERSION_PATTERN.test(r.version) && typeof r.locale === 'string' && typeof r.showReasons === 'boolean');
    const links: unknown[] = r.crisisResources.resources;
    // No prose anywhere may carry HTML, an event handler or a script URL. A
    // resource's link is not prose (`?online=true` is a query): it gets the link rule below.
    JSON.stringify(r, function (this: unknown, key, value) {
      // A resource's link, one or one per language, is left out of this walk.
      if (key === 'href' && links.includes(this)) return undefined;
      if (typeof value === 'string') safe(unsafeTextReason(value));
      return value;
    });
    for (at of TEXTS) text(at.split('.').reduce((node, key) => node?.[key], r));
    if (r.crisisResources.medicalTitle !== undefined) text(r.crisisResources.medicalTitle);
    each(r.crisisResources.resources, 'resources', (resource) => {
      texts(resource, 'name detail linkLabel');
      for (const href of text(resource.href)) safe(unsafeHrefReason(href));
    });

    // Questions by id so far: a test is checked against its question's type and options.
    const asked = new Map<string, J>();
    each(r.questions, 'questions', (q) => {
      // showIf may only read earlier questions: the engine relies on it.
      if (q.showIf !== undefined) condition(q.showIf, asked, 1);
      unique(q.id, asked);
      asked.set(q.id, q);
      // At most MAX_QUESTIONS, as the loader allows.
      check(asked.size <= MAX_QUESTIONS);
      texts(q, q.help === undefined ? 'text' : 'text help');
      if (q.type === 'number') {
        text(q.unit);
        // Within the limits of rules/README.md (vocabulary.ts), as the loader checks.
        check(num(q.min) && num(q.max) && q.min <= q.max && (q.step === undefined || (num(q.step) && q.step > 0)) && numbersWithinLimits(q as never));
      } else {
        check(q.type === 'single-choice' || q.type === 'multiple-choice');
        const ids = new Set<string>();
        check(q.options.length > 1);
        for (const option of q.options) {
          unique(option.id, ids);
          text(option.label);
        }
      }
    });

    const ruleIds = new Set<string>();
    each(r.rules, 'rules', (rule) => {
      unique(rule.id, ruleIds);
      condition(rule.when, asked, 1);
      check(RULE_TIERS.includes(rule.tier) && [undefined, ...CRISIS_HELP].includes(rule.crisisHelp));
      text(rule.reason);
    });
    // The build ships rules without invariants; a compiled file keeps them, checked as `screener check` does.
    if (r.invariants !== undefined && (!Array.isArray(r.invariants) || r.invariants.length)) {
      const invariantIds = new Set<string>();
      each(r.invariants, 'invariants', (invariant) => {
        unique(invariant.id, invariantIds);
        condition(invariant.when, asked, 1);
      });
    }
    // The self-test (optional: older files have none, and then none runs): answers to real
    // questions, each one the question accepts, and a tier with the two flags.
    if (d.selfTest !== undefined) {
      each(d.selfTest, 'selfTest', (c) => {
        check(TIERS.includes(c.tier) && typeof c.interrupted === 'boolean' && typeof c.crisisLines === 'boolean');
        for (const [id, answer] of Object.entries(c.answers))
          check(asked.has(id) && isValidAnswer(asked.get(id) as never, answer as never));
      });
    }
    return { ok: true, compiled: d as CompiledRuleSet, languages: [...new Set([r.locale, ...(covered ?? [])])] };
  } catch (error) {
    return { ok: false, problem: `${at}: ${error instanceof Problem ? error.message : 'missing or wrong'}` };
  }

  function each(list: J[], name: string, check: (item: J) => void): void {
    at = name;
    if (!Array.isArray(list) || !list.length) throw new Problem('is not a list');
    list.forEach((item, i) => {
      at = `${name}[${i}]`;
      check(item);
    });
  }
}

class Problem extends Error {}

/** A condition `depth` levels deep (1 at the top) on questions in `asked`, each test fitting its question. */
function condition(c: J, asked: Map<string, J>, depth: number): void {
  const keys = Object.keys(c);
  const op = keys.find((key) => key !== 'question') ?? '';
  const value = c[op];
  check(depth <= MAX_CONDITION_DEPTH, `a condition nested deeper than ${MAX_CONDITION_DEPTH} levels`);
  if (keys.length === 1 && op === 'not') return condition(value, asked, depth + 1);
  if (keys.length === 1 && (op === 'all' || op === 'any')) {
    check(value.length > 0);
    for (const inner of value) condition(inner, asked, depth + 1);
    return;
  }
  const question = asked.get(c.question);
  const operand = testFitsType(op, question?.type) && LEAF_TESTS[op as LeafOperator].operand;
  const optionIds: string[] = question?.options?.map((o: J) => o.id) ?? [];
  const isOption = (v: unknown) => optionIds.includes(v as string);
  check(
    keys.length === 2 &&
      (operand === 'boolean'
        ? typeof value === 'boolean'
        : operand === 'option'
          ? isOption(value)
          : operand === 'options'
            ? value.length > 0 && value.every(isOption)
            : operand === 'number' && num(value)),
  );
}

function texts(parent: J, keys: string): void {
  for (const key of keys.split(' ')) text(parent[key]);
}

/** Rule text, or a resource's link: a non-empty string, or a map of locale to non-empty strings. Returns the strings. */
function text(value: unknown): string[] {
  const values = typeof value === 'string' ? [value] : Object.values(value as J);
  if (typeof value !== 'string') covered = Object.keys(value as J).filter((lang) => !covered || covered.includes(lang));
  check(values.length > 0 && values.every((v) => typeof v === 'string' && v.trim() !== ''));
  return values;
}

function unique(value: unknown, seen: Set<string> | Map<string, J>): void {
  check(typeof value === 'string' && ID_PATTERN.test(value as string) && !seen.has(value));
  if (seen instanceof Set) seen.add(value as string);
}

function num(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Refuses the file for an unsafe text or link, named by `reason` (null: it is safe). */
function safe(reason: string | null): void {
  if (reason) throw new Problem(reason);
}

function check(ok: boolean, problem?: string | null): true {
  if (!ok) throw new Problem(problem ?? 'missing or wrong');
  return true;
}
