/**
 * Languages: a rule file is written in its `locale` and every language any
 * of its patient texts has. A text map that lacks one of them is an error
 * for crisis text (a patient at risk must read the help in their language)
 * and a warning for any other patient text. A plain string is taken as the
 * same in every language ("988", "911").
 */
import { eachText, ruleSetLanguages } from '../core/rule-texts.ts';
import type { Finding } from './finding.ts';
import { messages as M } from './messages.ts';
import type { RuleSet } from './schema.ts';

/**
 * Findings for texts that lack a language the file is written in.
 *
 * @example
 * languageFindings(ruleSet).filter((f) => f.code === 'missing-crisis-language') // errors
 */
export function languageFindings(ruleSet: RuleSet): Finding[] {
  const declared = ruleSetLanguages(ruleSet);
  const findings: Finding[] = [];
  eachText(ruleSet, (text, path, kind) => {
    if (kind === 'clinician' || typeof text === 'string') return;
    const missing = declared.filter((lang) => !Object.hasOwn(text, lang));
    if (missing.length === 0) return;
    const crisis = kind === 'crisis';
    findings.push({
      code: crisis ? 'missing-crisis-language' : 'missing-language',
      severity: crisis ? 'error' : 'warning',
      path,
      message: M.missingLanguage(missing, declared, crisis),
    });
  });
  return findings;
}
