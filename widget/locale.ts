/**
 * Which language the widget speaks: the clinic's `lang` attribute; else the
 * host page's `<html lang>`; else the rule file's own `locale`. A language
 * counts only when the rule file is written in it throughout and this
 * bundle has the widget's own words in it (each bundle carries the tables
 * of its own languages: widget/build/plugins.ts, uiStringsPlugin).
 */
import shipped from 'virtual:eligibility-screener/ui-strings';
import { languageOf, pickUiStrings, type UiStrings } from '../src/core/ui-strings.ts';
import { own } from '../src/core/own.ts';

/**
 * The locale to render in, from the wished-for tags in order (the `lang`
 * attribute, the page's language) and the languages the rules cover (their
 * own `locale` first, the fallback); before the rules are loaded (the popup
 * button), the languages this bundle has words in.
 *
 * @example
 * pickLocale(['es-MX', 'en'], ['en', 'es']) // 'es-MX'
 * pickLocale(['fr', 'de'], ['en', 'es'])    // 'en'
 */
export function pickLocale(wished: readonly (string | null | undefined)[], covered: readonly string[] = Object.keys(shipped)): string {
  const fits = (tag: string) => covered.some((lang) => languageOf(lang) === languageOf(tag)) && !!own(shipped, languageOf(tag));
  return wished.map((tag) => (tag ?? '').trim()).find((tag) => tag && fits(tag)) ?? (covered[0] as string);
}

/**
 * The languages the intro's switch offers, from the `languages` attribute:
 * those the rules cover throughout and this bundle has words in, one per
 * language, in the attribute's order; none unless two or more are left. A
 * script tag file carries one language (the size budget), so only a bundle
 * with several (the package's module) ever shows the switch.
 *
 * @example
 * offeredLanguages('en es fr', ['en', 'es']) // ['en', 'es']
 * offeredLanguages('en fr', ['en', 'es'])    // []
 */
export function offeredLanguages(list: string, covered: readonly string[]): string[] {
  const offered: string[] = [];
  for (const tag of list.split(/[\s,]+/)) {
    if (tag && pickLocale([tag], covered) === tag && !offered.some((lang) => languageOf(lang) === languageOf(tag))) offered.push(tag);
  }
  return offered.length > 1 ? offered : [];
}

/**
 * The widget's own words in a locale: this bundle's table for its language,
 * else its first (the rules' fallback language is always shipped).
 *
 * @example
 * widgetStrings('es').continue // 'Continuar' in a bundle with Spanish
 */
export function widgetStrings(locale: string): UiStrings {
  return pickUiStrings(shipped, locale);
}
