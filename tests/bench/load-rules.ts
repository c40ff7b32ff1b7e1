/**
 * Reads a rule file for the benchmark. Uses `src/authoring/loader.ts` once it exists
 * (it adds the meaning checks), else YAML + the schema, which is all the
 * engines need.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RuleSet } from '../../src/authoring/schema.ts';

/**
 * Loads and validates a YAML rule file; throws with the issues if invalid.
 *
 * @example
 * const ruleSet = await loadRules('rules/ketamine.yaml');
 */
export async function loadRules(file: string): Promise<RuleSet> {
  const source = readFileSync(file, 'utf8');
  const loader = await optionalLoader();
  if (loader && typeof loader.loadRuleSet === 'function') {
    const result = loader.loadRuleSet(source, file);
    if (result.ok) return result.ruleSet;
    throw new Error(`bench: ${file} is not a valid rule set:\n${result.issues.map(loader.formatIssue).join('\n')}`);
  }
  return RuleSet.parse(parse(source));
}

interface LoaderModule {
  loadRuleSet(source: string, file?: string):
    | { ok: true; ruleSet: RuleSet }
    | { ok: false; issues: unknown[] };
  formatIssue(issue: unknown): string;
}

/** The loader module, or null while it is not written yet (a URL keeps tsc from requiring it). */
async function optionalLoader(): Promise<LoaderModule | null> {
  const url = new URL('../../src/authoring/loader.ts', import.meta.url).href;
  try {
    return (await import(url)) as LoaderModule;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}
