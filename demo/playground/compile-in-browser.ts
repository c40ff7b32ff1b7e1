/**
 * Compiles in the playground exactly as `screener compile` does (the same
 * `compileRuleSet`, hashed with Web Crypto), so the preview loads what the
 * CLI would write.
 */
import { compileRuleSet, COMPILED_FORMAT, COMPILED_FORMAT_VERSION, type CompiledRuleSet } from '../../src/core/compile.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { withBoundSignOff } from '../../src/authoring/review-hash.ts';

/**
 * Compiles a validated rule set as `compileRuleSet` does.
 *
 * @example
 * const compiled = await compileInBrowser(ruleSet);
 * compiled.hash // 'sha256-…'
 */
export async function compileInBrowser(ruleSet: RuleSet): Promise<CompiledRuleSet> {
  // Web Crypto exists only on secure pages (https, localhost). Without it the
  // widget skips its hash check too, so a placeholder of the right shape does.
  if (!globalThis.crypto?.subtle) {
    return { format: COMPILED_FORMAT, formatVersion: COMPILED_FORMAT_VERSION, hash: 'sha256-unchecked', ruleSet };
  }
  return compileRuleSet(withBoundSignOff(ruleSet));
}
