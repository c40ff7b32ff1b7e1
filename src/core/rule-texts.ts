/**
 * Every text of a rule set, once: where it is, and whether it is crisis text
 * (the help a patient at risk reads: the crisis resources, the crisis
 * result, the reason of a rule that shows crisis help or interrupts, and the
 * adults-only message, which carries 988 for minors). The language checks
 * of `screener check`, the list of languages a file is written in and the
 * per-language time estimates read it, so they agree on what "every text" is.
 */
import type { Rule, RuleSet } from '../authoring/schema.ts';
import { own } from './own.ts';
import type { Text } from './text.ts';
import { TIERS } from './vocabulary.ts';

/** Where a text is in the rule set, as a path of keys and indexes. */
export type TextPath = (string | number)[];

/** Who reads a text: a patient in crisis, any patient, or only the reviewing clinician. */
export type TextKind = 'crisis' | 'patient' | 'clinician';

/**
 * True for a rule whose reason is crisis text.
 *
 * @example
 * isCrisisRule({ tier: 'review', crisisHelp: 'lines', … }) // true
 */
export function isCrisisRule(rule: Rule): boolean {
  return rule.tier === 'crisis' || rule.interrupt === true || rule.crisisHelp !== undefined;
}

/**
 * Calls `visit` for every text of the rule set, in file order.
 *
 * @example
 * eachText(ruleSet, (text, path, kind) => kind === 'crisis' && console.log(path.join('.')));
 */
export function eachText(ruleSet: RuleSet, visit: (text: Text, path: TextPath, kind: TextKind) => void): void {
  const fields = (parent: object, path: TextPath, keys: readonly string[], kind: TextKind) => {
    for (const key of keys) {
      const text = own(parent as Record<string, Text | undefined>, key);
      if (text !== undefined) visit(text, [...path, key], kind);
    }
  };
  fields(ruleSet, [], ['title'], 'patient');
  fields(ruleSet.intro, ['intro'], ['title', 'body', 'start'], 'patient');
  fields(ruleSet.notices, ['notices'], ['adultsOnly'], 'crisis');
  fields(ruleSet.notices, ['notices'], ['notAdvice', 'notEmergency', 'privacy'], 'patient');
  ruleSet.questions.forEach((question, q) => {
    fields(question, ['questions', q], ['text', 'help'], 'patient');
    if (question.type === 'number') fields(question, ['questions', q], ['unit'], 'patient');
    else question.options.forEach((option, o) => fields(option, ['questions', q, 'options', o], ['label'], 'patient'));
  });
  ruleSet.rules.forEach((rule, r) => {
    fields(rule, ['rules', r], ['reason'], isCrisisRule(rule) ? 'crisis' : 'patient');
    fields(rule, ['rules', r], ['clinicianNote'], 'clinician');
  });
  for (const tier of TIERS) fields(ruleSet.outcomes[tier], ['outcomes', tier], ['title', 'body', 'action'], tier === 'crisis' ? 'crisis' : 'patient');
  const crisis = ruleSet.crisisResources;
  fields(crisis, ['crisisResources'], ['title', 'intro', 'emergency', 'medicalTitle'], 'crisis');
  crisis.resources.forEach((resource, i) =>
    fields(resource, ['crisisResources', 'resources', i], ['name', 'detail', 'href', 'linkLabel'], 'crisis'),
  );
}

/**
 * The languages a rule set is written in: its own `locale` first, then
 * every other language any of its patient texts has, in order of first use.
 *
 * @example
 * ruleSetLanguages(bilingual) // ['en', 'es']
 */
export function ruleSetLanguages(ruleSet: RuleSet): string[] {
  const languages = new Set([ruleSet.locale]);
  eachText(ruleSet, (text, _path, kind) => {
    if (kind !== 'clinician' && typeof text !== 'string') for (const lang of Object.keys(text)) languages.add(lang);
  });
  return [...languages];
}
