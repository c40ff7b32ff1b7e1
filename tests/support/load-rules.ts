/**
 * Test helper: reads a YAML rule file (and its cases file) from `rules/`.
 *
 * It parses with `yaml` and validates with the `RuleSet` schema directly, so
 * rule tests do not depend on the loader's error reporting; the loader has
 * its own tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Answers } from '../../src/core/engine.ts';
import { RuleSet, type Tier } from '../../src/authoring/schema.ts';

/** The repository's `rules/` folder. */
// Paths, not `new URL(…)`: under happy-dom (component tests) the global URL is the DOM's.
export const RULES_DIR = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../rules')}/`;

/**
 * Reads and validates `rules/<name>.yaml`; throws with Zod's issues when invalid.
 *
 * @example
 * const ruleSet = loadRules('ketamine');
 */
export function loadRules(name: string): RuleSet {
  const source = readFileSync(`${RULES_DIR}${name}.yaml`, 'utf8');
  const result = RuleSet.safeParse(parse(source));
  if (!result.success) {
    throw new Error(`rules/${name}.yaml is invalid:\n${JSON.stringify(result.error.issues, null, 2)}`);
  }
  return result.data;
}

/** One scenario case from `rules/<name>.cases.yaml` (format: rules/README.md, "Scenario cases"). */
export interface ScenarioCase {
  name: string;
  answers: Answers;
  expect: { tier: Tier; fired: string[] };
}

/**
 * Reads `rules/<name>.cases.yaml` with a minimal shape check.
 *
 * @example
 * for (const c of loadCaseFile('ketamine')) evaluate(ruleSet, c.answers);
 */
export function loadCaseFile(name: string): ScenarioCase[] {
  const doc = parse(readFileSync(`${RULES_DIR}${name}.cases.yaml`, 'utf8')) as { cases?: unknown };
  if (!Array.isArray(doc?.cases)) throw new Error(`rules/${name}.cases.yaml has no "cases" list`);
  return doc.cases.map((raw, index) => {
    const c = raw as Partial<ScenarioCase>;
    if (typeof c.name !== 'string' || typeof c.answers !== 'object' || !c.expect) {
      throw new Error(`case ${index + 1} needs name, answers and expect`);
    }
    for (const [id, answer] of Object.entries(c.answers ?? {})) {
      // YAML 1.1 readers turn yes/no into booleans; an option id is always a string.
      if (typeof answer === 'boolean') throw new Error(`case "${c.name}": answer to ${id} is a boolean; quote it`);
    }
    return { name: c.name, answers: c.answers as Answers, expect: { tier: c.expect.tier as Tier, fired: c.expect.fired ?? [] } };
  });
}

/**
 * The answers most people give to the default ketamine rules, in question
 * order: an adult after two antidepressants, with nothing to flag.
 *
 * @example
 * evaluate(loadRules('ketamine'), TYPICAL_KETAMINE_ANSWERS).tier // 'candidate'
 */
export const TYPICAL_KETAMINE_ANSWERS: Readonly<Record<string, string | readonly string[] | number>> = {
  age: 34,
  'death-wish': 'no',
  'suicide-attempt': 'no',
  antidepressants: 'two-or-more',
  'mental-health': ['none'],
  pregnancy: ['none'],
  'blood-pressure': 'under-140-90',
  health: ['none'],
  substances: ['none'],
  medicines: ['none'],
};
