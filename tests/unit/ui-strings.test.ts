/**
 * The widget's own words: one table per language (src/core/locales/), each
 * with every key of every other, and every string filled in.
 */
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, UI_STRINGS } from '../../src/core/ui-strings.ts';
import { uiLanguages } from '../../widget/build/plugins.ts';

/** What a table says for some sample values, so function-valued words count too. */
function said(table: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table).map(([key, value]) => [key, typeof value === 'function' ? String(value(2, 9)) : String(value)]),
  );
}

describe('the locale tables', () => {
  it('are one file each, all of them in UI_STRINGS, English first', () => {
    expect(UI_LANGUAGES).toEqual(uiLanguages());
    expect(UI_LANGUAGES[0]).toBe('en');
  });

  it.each(UI_LANGUAGES)('%s has exactly the keys of every other table, none empty', (lang) => {
    const table = UI_STRINGS[lang]!;
    for (const other of UI_LANGUAGES)
      expect(Object.keys(table).sort(), `${lang} against ${other}`).toEqual(Object.keys(UI_STRINGS[other]!).sort());
    for (const [key, text] of Object.entries(said(table))) expect(text.trim(), `${lang}.${key}`).not.toBe('');
  });

  it('Spanish says no word of the English table, except where the words are the same', () => {
    const en = said(UI_STRINGS.en!);
    const es = said(UI_STRINGS.es!);
    const same = Object.keys(en).filter((key) => en[key] === es[key]);
    expect(same).toEqual([]);
  });
});
