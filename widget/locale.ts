/**
 * Which language the widget speaks: the clinic's `lang` when the rule file
 * has text in it, the rule file's own `locale` otherwise (so an unsupported
 * `lang` falls back to English for the default rules). The widget's own
 * words follow, in English where they have no translation.
 */
import type { RuleSet } from '../src/authoring/schema.ts';
import { languageOf } from '../src/core/ui-strings.ts';

/**
 * The locale to render rule text in.
 *
 * @example
 * pickLocale('es', ruleSetWithSpanish) // 'es'
 * pickLocale('fr', ruleSetWithSpanish) // 'en'
 */
export function pickLocale(requested: string | null | undefined, ruleSet: RuleSet): string {
  const language = languageOf((requested ?? '').trim());
  const title = ruleSet.intro.title;
  const speaks =
    language === languageOf(ruleSet.locale) ||
    (typeof title !== 'string' && Object.keys(title).some((key) => languageOf(key) === language));
  return language && speaks ? requested!.trim() : ruleSet.locale;
}
