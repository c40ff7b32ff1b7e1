/**
 * Words every part of the house must read the same way: the loader and
 * `screener check` on one side, the widget's run-time check of a fetched rule
 * set on the other. Plain data, no Zod and no Node, because it ships in the
 * widget; a property test (tests/unit/accept-agreement.test.ts) holds the two
 * readers together.
 */
import { own } from './own.ts';

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
export const LEAF_OPERATORS = Object.keys(LEAF_TESTS) as (keyof typeof LEAF_TESTS)[];
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
