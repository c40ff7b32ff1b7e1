/**
 * The widget's own words (buttons, progress, errors): everything that is not
 * in the rule file. Rule text is translated in the rule file itself. One file
 * per language in src/core/locales/ (`export const strings: UiStrings`);
 * adding a language is adding its file here and in {@link UI_STRINGS}, with
 * tests/unit/ui-strings.test.ts holding every table to the same keys. The
 * widget build ships only the languages of each bundle (widget/build).
 */
import { strings as en } from './locales/en.ts';
import { own } from './own.ts';
import { strings as es } from './locales/es.ts';

/** Words the widget itself shows, in one language. */
export interface UiStrings {
  continue: string;
  back: string;
  startAgain: string;
  continueAssessment: string;
  openAssessment: string;
  close: string;
  /** This language's own name, on the language switch (`languages` attribute). */
  languageName: string;
  /** The language switch's label for screen readers. */
  language: string;
  progress: (step: number, total: number) => string;
  chooseAll: string;
  range: (min: number, max: number) => string;
  needChoice: string;
  needChoices: string;
  needNumber: (min: number, max: number) => string;
  needStep: (step: number) => string;
  /** A number typed with other digits (٤٢, ४२) or letters: asked for 0–9, not for a range. */
  needDigits: string;
  reasonsTitle: string;
  rulesVersion: (version: string) => string;
  /** Under the rules version, when the rules were signed for exactly their content (`screener sign`). */
  reviewed: (by: string, on: string) => string;
  /** The result's two quiet actions (issue 14): save the summary as a file, print it. */
  save: string;
  print: string;
  /** Next to them: the file holds health answers. */
  keepPrivate: string;
  /** The summary's own words (src/core/summary.ts). */
  summaryTitle: string;
  made: (when: string) => string;
  resultTitle: string;
  rulesHash: (hash: string) => string;
  /** In the summary, for rules not signed for exactly their content. */
  reviewPending: string;
  loading: string;
  unavailableTitle: string;
  unavailableBody: string;
  unavailableLink: string;
}

/** The widget's words in every language, by primary language subtag; the first is the fallback. */
export type UiStringTables = Readonly<Record<string, UiStrings>>;

/**
 * Every language the widget's own words exist in. The widget bundle does not
 * read this: it gets the tables of its own languages from the build.
 */
export const UI_STRINGS: UiStringTables = { en, es };

/** The languages the widget's own words exist in. */
export const UI_LANGUAGES = Object.keys(UI_STRINGS);

/**
 * The words for a language tag from some tables, the first table's when
 * there are none in that language.
 *
 * @example
 * pickUiStrings({ en, es }, 'es-MX').continue // 'Continuar'
 */
export function pickUiStrings(tables: UiStringTables, lang: string): UiStrings {
  return own(tables, languageOf(lang)) ?? (Object.values(tables)[0] as UiStrings);
}

/**
 * The widget's words for a language tag, English when there are none.
 *
 * @example
 * uiStrings('es').continue // 'Continuar'
 * uiStrings('fr').continue // 'Continue'
 */
export function uiStrings(lang: string): UiStrings {
  return pickUiStrings(UI_STRINGS, lang);
}

/**
 * The primary language subtag, lower-case.
 *
 * @example
 * languageOf('pt-BR') // 'pt'
 */
export function languageOf(lang: string): string {
  return (lang.split('-')[0] ?? '').toLowerCase();
}
