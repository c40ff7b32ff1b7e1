/**
 * Words every part of the house must read the same way: the loader and
 * `screener check` on one side, the widget's run-time check of a fetched rule
 * set on the other. Plain data, no Zod and no Node, because it ships in the
 * widget; a property test (tests/unit/accept-agreement.test.ts) holds the readers together.
 *
 * The compiled format (its name, version, `CompiledRuleSet` and the one
 * hash) is the other shared word; it lives in compile.ts, which every
 * reader imports.
 */
import { own } from './own.ts';

/**
 * Every outcome, most serious first: the order is the meaning (a rule set's
 * result is the first tier any fired rule raises). `candidate` is what
 * remains when no rule fires.
 *
 * @example
 * TIERS.indexOf('review') < TIERS.indexOf('candidate') // true: review is more serious
 */
export const TIERS = ['crisis', 'not-suitable', 'review', 'candidate'] as const;
export type Tier = (typeof TIERS)[number];

/** The tiers a rule can raise: every tier but `candidate`, in the same order. */
export const RULE_TIERS = ['crisis', 'not-suitable', 'review'] as const satisfies readonly Tier[];
export type RuleTier = (typeof RULE_TIERS)[number];

/** Which help a rule's result shows: the crisis lines, or urgent medical care. */
export const CRISIS_HELP = ['lines', 'medical'] as const;
export type CrisisHelp = (typeof CRISIS_HELP)[number];

/**
 * Ids of rule sets, questions, options, rules and invariants: lower-case
 * letters and digits, joined by single hyphens.
 *
 * @example
 * ID_PATTERN.test('blood-pressure') // true
 * ID_PATTERN.test('Blood_Pressure') // false
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A rule set's version: three numbers, like 1.0.0. */
export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
/** A locale: a language code, with a region when needed ("en", "es", "pt-BR"). */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** A content hash, as `hashRuleSet` (compile.ts) and `reviewHash` (the sign-off) write it: `sha256-` and the digest in base64. */
export const HASH_PATTERN = /^sha256-[\w+/]+=*$/;

/** The groups a condition can make of other conditions; every other condition is one leaf test. */
export const COMBINATORS = ['all', 'any', 'not'] as const;

/** The kinds of question a rule set can ask. */
export const QUESTION_TYPES = ['single-choice', 'multiple-choice', 'number'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What a leaf test compares the answer with. */
export type Operand = 'option' | 'options' | 'number' | 'boolean';

/**
 * Each leaf test: what it takes, and the question types it works on.
 * `equals` on a multiple-choice answer (a list) is never true, so a rule
 * written that way silently never fires: both checkers refuse it.
 *
 * @example
 * LEAF_TESTS.includes.types.includes('single-choice') // false
 */
export const LEAF_TESTS = {
  equals: { operand: 'option', types: ['single-choice'] },
  oneOf: { operand: 'options', types: ['single-choice'] },
  noneOf: { operand: 'options', types: ['single-choice', 'multiple-choice'] },
  includes: { operand: 'option', types: ['multiple-choice'] },
  includesAny: { operand: 'options', types: ['multiple-choice'] },
  lessThan: { operand: 'number', types: ['number'] },
  atMost: { operand: 'number', types: ['number'] },
  greaterThan: { operand: 'number', types: ['number'] },
  atLeast: { operand: 'number', types: ['number'] },
  answered: { operand: 'boolean', types: QUESTION_TYPES },
} as const satisfies Record<string, { operand: Operand; types: readonly QuestionType[] }>;

/** The leaf tests a condition can use, in the order the guide lists them. */
// Pure, so a bundle that reads only LEAF_TESTS leaves it out.
export const LEAF_OPERATORS = /* @__PURE__ */ Object.keys(LEAF_TESTS) as (keyof typeof LEAF_TESTS)[];
export type LeafOperator = keyof typeof LEAF_TESTS;

/**
 * True when the test `operator` works on a question of `type`.
 *
 * @example
 * testFitsType('equals', 'multiple-choice') // false
 */
export function testFitsType(operator: string, type: string): boolean {
  const test = own(LEAF_TESTS, operator as LeafOperator);
  return !!test && (test.types as readonly string[]).includes(type);
}

/**
 * How deep a condition may be, counting the test itself and each `all`,
 * `any` and `not` above it: `{ not: { question: age, lessThan: 18 } }` is 2.
 * The widget walks conditions recursively on a patient's phone; no real rule
 * needs more than a handful.
 */
export const MAX_CONDITION_DEPTH = 24;

// ---- Limits -----------------------------------------------------------------
// What `screener check`, `graph` and `compile` accept, and what the widget
// accepts, stated once. Above a limit the tools stop with a message naming it
// (exit 1) and the widget shows its fallback; nothing crashes or hangs.
// rules/README.md ("Limits") documents each one.

/**
 * The largest rule file the tools read, and the largest compiled file the
 * widget fetches (its `rules` attribute): 512 KB. A rule file within it
 * compiles to a file of about the same size, which compile checks again.
 */
export const MAX_RULE_FILE_BYTES = 512 * 1024;

/** The most questions a rule set may ask. A two-minute screen asks about a dozen. */
export const MAX_QUESTIONS = 100;

/**
 * How deeply a rule file's YAML may nest lists and maps. A condition at the
 * deepest {@link MAX_CONDITION_DEPTH} takes at most two YAML levels a
 * level (`- all:`), inside a rule inside `rules:`; this leaves room for that
 * and stops a file nested thousands deep before it is read.
 */
export const MAX_YAML_DEPTH = 4 * MAX_CONDITION_DEPTH;

/**
 * The largest number (either sign) a number question's `min`, `max` and
 * `step` may be: well inside what arithmetic keeps exact, and far beyond any
 * age, dose or reading a patient types.
 */
export const MAX_NUMBER = 1_000_000_000;
/** The smallest `step` of a number question: with {@link MAX_NUMBER}, at most 2·10¹⁵ values, all exact. */
export const MIN_NUMBER_STEP = 0.000001;

/**
 * True when a number question's `min`, `max` and `step` (when given) are
 * within {@link MAX_NUMBER} and {@link MIN_NUMBER_STEP}.
 *
 * @example
 * numbersWithinLimits({ min: -1.7e308, max: 1.7e308 }) // false
 */
export function numbersWithinLimits(question: { min: number; max: number; step?: number | undefined }): boolean {
  const { min, max, step } = question;
  return (
    Math.abs(min) <= MAX_NUMBER && Math.abs(max) <= MAX_NUMBER && (step === undefined || (step >= MIN_NUMBER_STEP && step <= MAX_NUMBER))
  );
}
