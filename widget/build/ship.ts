/**
 * What of a compiled rule set ships to patients' browsers: the fields the
 * widget reads, in one language. Used by the widget build (the built-in
 * rules of each script tag file) and by the playground's "Download for your
 * website" (edited rules spliced into the prebuilt script), so both ship the
 * same. Pure: no Node, no DOM.
 */
import { mapLocalized } from '../../src/authoring/schema-walk.ts';
import { withoutClinicianNotes, type CompiledRuleSet } from '../../src/core/compile.ts';
import { resolveText } from '../../src/core/text.ts';

/**
 * The rule set without what only clinicians read: clinician notes,
 * citations, options' `noEffect` (a note to the checker) and invariants stay
 * in the reviewed file; they never show on screen and would cost a third of
 * the bundle. The sign-off ships only when it carries its hash, which
 * compiling through `withBoundSignOff` (src/authoring/review-hash.ts) leaves
 * only while it is bound to this content: the result then says "Reviewed by
 * … on …".
 *
 * @example
 * withoutClinicianFields(compiled).ruleSet.rules[0].clinicianNote // undefined
 */
export function withoutClinicianFields(compiled: CompiledRuleSet): CompiledRuleSet {
  // Clinician notes and sources are left out by compileRuleSet already (one definition: withoutClinicianNotes).
  const { signOff, invariants: _invariants, rules, ...rest } = withoutClinicianNotes(compiled.ruleSet);
  const questions = rest.questions.map((question) =>
    'options' in question ? { ...question, options: question.options.map(({ noEffect: _noEffect, ...option }) => option) } : question,
  );
  // Compiled through withBoundSignOff: a sign-off with its hash is bound to this content.
  return { ...compiled, ruleSet: { ...rest, ...(signOff?.contentHash ? { signOff } : {}), questions, rules } as unknown as CompiledRuleSet['ruleSet'] };
}

/**
 * The rule set in one language: every per-language text and link resolved
 * to `lang` (falling back as the widget does), and `locale` set to it, so
 * a bundle carries one language's words, not every translation. `hash` is
 * kept: the widget does not re-hash its built-in rules.
 *
 * @example
 * inLanguage(compiled, 'es').ruleSet.intro.start // 'Comenzar'
 */
export function inLanguage(compiled: CompiledRuleSet, lang: string): CompiledRuleSet {
  const { ruleSet } = compiled;
  const resolved = mapLocalized(ruleSet, (text) => resolveText(text, lang, ruleSet.locale));
  return { ...compiled, ruleSet: { ...resolved, locale: lang } };
}

/**
 * The default rules as shipped to patients: only what the widget reads
 * ({@link withoutClinicianFields}), in one language ({@link inLanguage}; by
 * default the rule file's own `locale`).
 *
 * @example
 * patientFacing(compiled).ruleSet.rules[0].clinicianNote // undefined
 * patientFacing(compiled, 'es').ruleSet.intro.title      // the Spanish title, a plain string
 */
export function patientFacing(compiled: CompiledRuleSet, lang: string = compiled.ruleSet.locale): CompiledRuleSet {
  return inLanguage(withoutClinicianFields(compiled), lang);
}
