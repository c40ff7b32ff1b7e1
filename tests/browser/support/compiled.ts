/**
 * The default rules as a remote `rules` URL serves them: the compiled JSON of
 * CONTRACTS §3, made by the project's own compiler.
 */
import { compileRuleSet, type CompiledRuleSet } from '../../../src/compile.ts';
import { defaultRuleSet } from './scenarios.ts';

/**
 * The compiled default rule set.
 *
 * @example
 * compiledDefault().hash // 'sha256-…'
 */
export function compiledDefault(): CompiledRuleSet {
  return structuredClone(COMPILED);
}

// Hashing is async (Web Crypto); compiled once, handed out as fresh copies.
const COMPILED = await compileRuleSet(defaultRuleSet());

/**
 * The compiled default rule set as the JSON text a server sends.
 *
 * @example
 * server.route('/rules/ketamine.json', { body: compiledDefaultJson() });
 */
export function compiledDefaultJson(): string {
  return JSON.stringify(compiledDefault());
}
