/**
 * Compiles a validated rule set into the JSON the widget loads: the rule set
 * itself (defaults filled, invariants kept) plus a format tag and a content
 * hash, so a clinic can tell exactly which reviewed rules produced an outcome.
 *
 * Node only (uses `node:crypto`): the widget never compiles, it only reads the
 * hash. Imports nothing but types from the schema, so build scripts can use it
 * without pulling in Zod or the YAML parser.
 */
import { createHash } from 'node:crypto';
import type { RuleSet } from './schema.ts';

/** The file format the widget accepts through its `rules` attribute. */
export const COMPILED_FORMAT = 'eligibility-screener/rules';
/** Bumped only when the compiled shape changes incompatibly. */
export const COMPILED_FORMAT_VERSION = 1;

/** A rule set ready for the widget. */
export interface CompiledRuleSet {
  format: typeof COMPILED_FORMAT;
  formatVersion: typeof COMPILED_FORMAT_VERSION;
  /** `sha256-<base64>` of `JSON.stringify(ruleSet)`: the canonical content. */
  hash: string;
  /** Validated, defaults filled, invariants kept. */
  ruleSet: RuleSet;
}

/**
 * The content hash of a rule set: `sha256-<base64>` of `JSON.stringify(ruleSet)`.
 *
 * @example
 * ruleSetHash(ruleSet) // 'sha256-3q2+7w…='
 */
export function ruleSetHash(ruleSet: RuleSet): string {
  return `sha256-${createHash('sha256').update(JSON.stringify(ruleSet), 'utf8').digest('base64')}`;
}

/**
 * Wraps a validated rule set (from `loadRuleSet`) for the widget.
 *
 * @example
 * const result = loadRuleSet(yamlText, 'rules/ketamine.yaml');
 * if (result.ok) writeFileSync('rules/ketamine.json', JSON.stringify(compileRuleSet(result.ruleSet), null, 2));
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  return {
    format: COMPILED_FORMAT,
    formatVersion: COMPILED_FORMAT_VERSION,
    hash: ruleSetHash(ruleSet),
    ruleSet,
  };
}
