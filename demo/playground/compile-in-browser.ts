/**
 * The browser's twin of `src/compile.ts` (which needs `node:crypto`): the
 * same compiled JSON, hashed with Web Crypto, so the preview loads exactly
 * what `screener compile` would write.
 */
import type { CompiledRuleSet } from '../../src/compile.ts';
import type { RuleSet } from '../../src/schema.ts';

/**
 * Compiles a validated rule set as `compileRuleSet` does.
 *
 * @example
 * const compiled = await compileInBrowser(ruleSet);
 * compiled.hash // 'sha256-…'
 */
export async function compileInBrowser(ruleSet: RuleSet): Promise<CompiledRuleSet> {
  const compiled = { format: 'eligibility-screener/rules', formatVersion: 1, ruleSet } as const;
  // Web Crypto exists only on secure pages (https, localhost). Without it the
  // widget skips its hash check too, so a placeholder of the right shape does.
  if (!globalThis.crypto?.subtle) return { ...compiled, hash: 'sha256-unchecked' };
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(ruleSet))));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return { ...compiled, hash: `sha256-${btoa(binary)}` };
}
