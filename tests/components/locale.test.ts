import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../widget/locale.ts';
import { uiStrings } from '../../src/core/ui-strings.ts';
import { fixtureRuleSet } from './support.ts';

describe('pickLocale()', () => {
  const ruleSet = fixtureRuleSet();
  it.each([
    ['es', 'es'],
    ['es-MX', 'es-MX'],
    ['en', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
    ['constructor', 'en'],
  ])('turns lang=%j into %j for a rule set in English and Spanish', (lang, locale) => {
    expect(pickLocale(lang, ruleSet)).toBe(locale);
  });
});

describe('uiStrings()', () => {
  it('falls back to English words', () => {
    expect(uiStrings('fr').continue).toBe('Continue');
    expect(uiStrings('en-GB').progress(3, 11)).toBe('Question 3 of about 11');
  });
});
