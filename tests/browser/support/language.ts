/**
 * Does a screen speak one language? The words of another language that must
 * not be on it — the widget's own (src/core/locales/, the function ones
 * rendered with sample arguments and cut at the numbers) and the rule set's
 * text — and a check of the widget's shadow root against them: its text
 * (the live region's included), its labelling attributes, and the `lang`
 * every piece of it is marked with.
 */
import type { Locator } from 'playwright-core';
import { uiStrings, type UiStrings } from '../../../src/core/ui-strings.ts';
import type { Text } from '../../../src/core/text.ts';
import { defaultRuleSet, plain } from './scenarios.ts';

/** Arguments the function-valued words are rendered with: the `1` branches, and plain numbers. */
const SAMPLE_ARGUMENTS = [[1, 1], [2, 12], [90_001, 90_002]];

/** Numbers (and version numbers) in a rendered string: what the sample arguments put there. */
const NUMBER = /\d+(?:[.,]\d+)*/;

/**
 * Every phrase of a table of the widget's words: each string, and each
 * function's output cut at its numbers ("Question 1 of about 12" gives
 * "Question" and "of about").
 *
 * @example
 * uiPhrases(uiStrings('en')) // ['Continue', 'Back', …, 'Question', 'of about', …]
 */
export function uiPhrases(strings: UiStrings): string[] {
  const rendered = Object.values(strings).flatMap((value: string | ((...args: unknown[]) => string)) =>
    typeof value === 'string' ? [value] : SAMPLE_ARGUMENTS.map((args) => value(...args)),
  );
  return unique(rendered.flatMap((text) => text.split(NUMBER)).map((part) => part.trim()).filter((part) => /\p{L}/u.test(part)));
}

/** Every text of the rule set with a string in each of `langs`, as maps of language to plain text. */
function ruleTexts(langs: readonly string[]): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value);
    const isText = entries.length > 0 && entries.every(([key, v]) => /^[a-z]{2}(-[A-Z]{2})?$/.test(key) && typeof v === 'string');
    if (isText && langs.every((lang) => lang in value)) {
      found.push(Object.fromEntries(langs.map((lang) => [lang, plain(value as Text, lang)])));
      return;
    }
    entries.forEach(([, v]) => visit(v));
  };
  visit(defaultRuleSet());
  return found;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function wordPattern(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  // Whole words only: "Continue" is not in "Continuar".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The foreign phrases of {@link foreignPhrases}, by where they come from. */
export interface ForeignPhrases {
  /** The widget's own words (src/core/locales/). */
  ui: string[];
  /** The rule set's text. */
  rules: string[];
}

/**
 * The phrases of language `other` that a screen in `lang` must not show: the
 * widget's own words and the rule text of `other`, less any phrase that is
 * also said in `lang` (a number, a name, a word both languages share).
 *
 * @example
 * foreignPhrases('es', 'en').ui // ['Continue', 'Back', 'Start again', …, 'Question', 'of about', …]
 */
export function foreignPhrases(lang: string, other = 'en'): ForeignPhrases {
  const texts = ruleTexts([lang, other]);
  const own = [...uiPhrases(uiStrings(lang)), ...texts.map((text) => text[lang]!)];
  const foreign = (phrase: string) => !own.some((said) => wordPattern(phrase).test(said));
  return {
    ui: uiPhrases(uiStrings(other)).filter(foreign),
    rules: unique(texts.map((text) => text[other]!).filter((text) => text !== '' && foreign(text))),
  };
}

/** A piece of what the widget shows or says: text, or a labelling attribute, with the language it is marked in. */
export interface ScreenPiece {
  /** `text`, or the attribute's name (`aria-label`). */
  kind: string;
  text: string;
  /** The `lang` in effect on it (its element's, else the host's or the page's). */
  lang: string;
}

const LABELS = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];

/**
 * Everything the widget of `widget` (the element, or anything inside its
 * shadow root) shows or says now: each text node of its shadow root (hidden
 * ones and the live region included) and each labelling attribute.
 *
 * @example
 * (await screenPieces(page.locator('eligibility-screener'))).map((p) => p.text)
 */
export async function screenPieces(widget: Locator): Promise<ScreenPiece[]> {
  return widget.first().evaluate((el, labels) => {
    const root = el.shadowRoot ?? el.getRootNode();
    if (!(root instanceof ShadowRoot)) throw new Error('not an <eligibility-screener> or inside one');
    const host = root.host;
    const langOf = (element: Element | null): string =>
      element?.closest('[lang]')?.getAttribute('lang') ?? host.closest('[lang]')?.getAttribute('lang') ?? '';
    const pieces: Array<{ kind: string; text: string; lang: string }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) pieces.push({ kind: 'text', text, lang: langOf(node.parentElement) });
    }
    for (const element of [host, ...root.querySelectorAll('*')]) {
      for (const name of labels) {
        const text = element.getAttribute(name)?.replace(/\s+/g, ' ').trim();
        if (text) pieces.push({ kind: name, text, lang: langOf(element === host ? host : element) });
      }
    }
    return pieces;
  }, LABELS);
}

/**
 * What is wrong with the widget's screen for a patient reading `lang`: any
 * phrase of `other` on it (see {@link foreignPhrases}) and any piece with
 * letters marked with another language (or none). An empty list: it speaks `lang`.
 *
 * @example
 * expect(await languageProblems(page.locator('eligibility-screener'), 'es'), 'intro').toEqual([]);
 */
export async function languageProblems(widget: Locator, lang: string, other = 'en'): Promise<string[]> {
  const phrases = foreignPhrases(lang, other);
  const problems: string[] = [];
  for (const piece of await screenPieces(widget)) {
    const where = `${piece.kind === 'text' ? '' : `${piece.kind} `}"${piece.text.slice(0, 80)}"`;
    for (const [source, list] of Object.entries(phrases) as Array<[keyof ForeignPhrases, string[]]>) {
      for (const phrase of list.filter((p) => wordPattern(p).test(piece.text))) {
        problems.push(`${other} ${source === 'ui' ? "widget's own words" : 'rule text'} "${phrase}" in ${where}`);
      }
    }
    if (/\p{L}/u.test(piece.text) && piece.lang.split('-')[0]?.toLowerCase() !== lang) {
      problems.push(`lang="${piece.lang}" on ${where}`);
    }
  }
  return problems;
}
