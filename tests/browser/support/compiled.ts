/**
 * The default rules as a remote `rules` URL serves them: the compiled JSON of
 * src/core/compile.ts (`CompiledRuleSet`), made by the project's own compiler, with the self-test picked
 * from rules/ketamine.cases.yaml as `screener compile` and the build pick it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCases } from '../../../src/authoring/cases.ts';
import { compileRuleSet, type CompiledRuleSet } from '../../../src/core/compile.ts';
import { pickSelfTest } from '../../../src/core/self-test.ts';
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
const COMPILED = await compileRuleSet(defaultRuleSet(), selfTest());

function selfTest() {
  const file = fileURLToPath(new URL('../../../rules/ketamine.cases.yaml', import.meta.url));
  const loaded = loadCases(readFileSync(file, 'utf8'), file, defaultRuleSet());
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return pickSelfTest(defaultRuleSet(), loaded.cases);
}

/**
 * The compiled default rule set as the JSON text a server sends.
 *
 * @example
 * server.route('/rules/ketamine.json', { body: compiledDefaultJson() });
 */
export function compiledDefaultJson(): string {
  return JSON.stringify(compiledDefault());
}
