/**
 * Rule text: the safe Markdown subset and locale fallback.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText, resolveText, type TextPart } from '../../src/core/text.ts';

/** Writes parts back as source; parsing must lose nothing. */
function unparse(parts: TextPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'em') return `*${part.text}*`;
      if (part.kind === 'strong') return `**${part.text}**`;
      if (part.kind === 'link') return `[${part.text}](${part.href})`;
      return part.text;
    })
    .join('');
}

/** Strings made of the pieces markup is built from, so the parser's edge cases come up often. */
const markupish = fc
  .array(
    fc.oneof(
      fc.constantFrom('[', ']', '(', ')', '*', '**', ' ', '\n', 'a', 'call', '988'),
      fc.constantFrom('https:', 'HTTPS://x.org', 'tel:', 'mailto:', 'sms:', 'http:', 'javascript:', 'JaVaScRiPt:', 'data:', 'vbscript:', '//', 'alert(1)'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 20 },
  )
  .map((pieces) => pieces.join(''));

const RUNS = { numRuns: 500 };

describe('parseText()', () => {
  it('splits emphasis, strong and links', () => {
    expect(parseText('Call [988](tel:988) *now*, it is **free**.')).toEqual([
      { kind: 'text', text: 'Call ' },
      { kind: 'link', text: '988', href: 'tel:988' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'now' },
      { kind: 'text', text: ', it is ' },
      { kind: 'strong', text: 'free' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseText('[site](https://example.org/a?b=1) or [mail](mailto:care@example.org)')).toEqual([
      { kind: 'link', text: 'site', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'mail', href: 'mailto:care@example.org' },
    ]);
  });

  it('leaves unmatched or unsafe markup as the exact text', () => {
    for (const source of ['2 * 3 = 6', '**not closed', '*', '[no link]', '[x](javascript:alert(1))', '[x](http://example.org)', '[x](sms:741741)', '[a\nb](https://x.org)']) {
      expect(parseText(source).every((part) => part.kind !== 'link'), source).toBe(true);
      expect(unparse(parseText(source))).toBe(source);
    }
    expect(parseText('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[x](javascript:alert(1))' }]);
  });

  it('returns nothing for empty text', () => {
    expect(parseText('')).toEqual([]);
  });

  it('keeps any text exactly: the parts written back are the input', () => {
    fc.assert(
      fc.property(fc.oneof(markupish, fc.string(), fc.string({ unit: 'grapheme' })), (source) => {
        expect(unparse(parseText(source))).toBe(source);
      }),
      RUNS,
    );
  });

  it('turns text without [ or * into one plain part, unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => !/[[*]/.test(s)), (source) => {
        expect(parseText(source)).toEqual([{ kind: 'text', text: source }]);
      }),
      RUNS,
    );
  });

  it('only ever yields links to https:, tel: or mailto:, with a non-empty label', () => {
    fc.assert(
      fc.property(fc.oneof(markupish, fc.string()), (source) => {
        for (const part of parseText(source)) {
          if (part.kind !== 'link') continue;
          expect(part.href).toMatch(/^(https:|tel:|mailto:)/i);
          expect(part.href).not.toMatch(/[\s)]/);
          expect(part.text.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('never yields empty parts or two plain parts in a row', () => {
    fc.assert(
      fc.property(markupish, (source) => {
        const parts = parseText(source);
        parts.forEach((part, i) => {
          expect(part.text.length).toBeGreaterThan(0);
          if (i > 0) expect(part.kind === 'text' && parts[i - 1]!.kind === 'text').toBe(false);
        });
      }),
      RUNS,
    );
  });
});

describe('resolveText()', () => {
  const text = { en: 'Hello', es: 'Hola', 'pt-BR': 'Olá' };

  it('picks the exact locale', () => {
    expect(resolveText(text, 'pt-BR', 'en')).toBe('Olá');
    expect(resolveText(text, 'es', 'en')).toBe('Hola');
  });

  it('falls back to the language of a regional locale', () => {
    expect(resolveText(text, 'es-MX', 'en')).toBe('Hola');
  });

  it('falls back to the rule set\'s default locale', () => {
    expect(resolveText(text, 'de-AT', 'en')).toBe('Hello');
    expect(resolveText(text, 'fr', 'es')).toBe('Hola');
  });

  it('falls back to the first text when the default is missing too', () => {
    expect(resolveText({ fr: 'Bonjour', es: 'Hola' }, 'de', 'en')).toBe('Bonjour');
  });

  it('returns a plain string as is, whatever the locale', () => {
    expect(resolveText('Hello', 'es', 'en')).toBe('Hello');
  });

  it('always returns one of the texts, for any requested locale (even "constructor" or "__proto__")', () => {
    const locale = fc.oneof(
      fc.string(),
      fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'constructor-US', '__proto__-x'),
    );
    const map = fc.dictionary(fc.constantFrom('en', 'es', 'pt-BR', 'fr'), fc.string({ minLength: 1 }), { minKeys: 1 });
    fc.assert(
      fc.property(map, locale, locale, (texts, wanted, fallback) => {
        const picked = resolveText(texts, wanted, fallback);
        expect(typeof picked).toBe('string');
        expect(Object.values(texts)).toContain(picked);
      }),
      {
        ...RUNS,
        // Found by this property: resolveText returned Object.prototype.constructor (a function)
        // for lang="constructor", before the lookup was limited to own keys.
        examples: [
          [{ en: ' ' }, 'constructor', ''],
          [{ en: 'Hello' }, 'toString', '__proto__'],
        ],
      },
    );
  });
});
