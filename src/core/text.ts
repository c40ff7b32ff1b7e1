/**
 * Text in a rule file: a plain string, or a map of locale to string.
 *
 * Patient-facing text may use a tiny, safe subset of Markdown: `*emphasis*`,
 * `**strong**` and `[label](https://…)` links whose target is `https:`, `tel:`
 * or `mailto:`. Nothing else is markup: the widget renders every piece as text,
 * so HTML never reaches the DOM. The validator rejects HTML tags, event-handler
 * attributes and script URLs outright, so a rule file that tries is refused
 * instead of being silently "cleaned".
 */
import { own } from './own.ts';

/** A string, or a map of locale (`en`, `es`, `pt-BR`) to string. */
export type Text = string | Record<string, string>;

/** Link targets allowed inside rule text. */
export const TEXT_LINK_SCHEMES = ['https:', 'tel:', 'mailto:'] as const;

/** Link targets allowed for crisis resources (adds `sms:` for text lines). */
export const RESOURCE_LINK_SCHEMES = ['https:', 'tel:', 'sms:', 'mailto:'] as const;

/** A piece of rendered rule text. The widget maps each to a text node or element. */
export type TextPart =
  | { kind: 'text'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

/**
 * Picks the string for a locale: the exact locale, then its language
 * (`es-MX` → `es`), then the rule set's default locale, then the first one.
 *
 * @example
 * resolveText({ en: 'Hello', es: 'Hola' }, 'es-MX', 'en') // 'Hola'
 */
export function resolveText(text: Text, locale: string, fallback: string): string {
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0] ?? locale;
  // Own keys only: `lang="constructor"` on the host page must not pick Object.prototype.constructor.
  return own(text, locale) ?? own(text, language) ?? own(text, fallback) ?? Object.values(text)[0] ?? '';
}

/** True when `href` starts with one of `schemes` (case-insensitive, after trimming). */
export function hasAllowedScheme(href: string, schemes: readonly string[]): boolean {
  const value = href.trim().toLowerCase();
  return schemes.some((scheme) => value.startsWith(scheme));
}

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/y;
const STRONG = /\*\*([^*\n]+)\*\*/y;
const EM = /\*([^*\n]+)\*/y;

/**
 * Splits rule text into parts. Links with a target outside
 * {@link TEXT_LINK_SCHEMES} stay plain text, so even text that skipped
 * validation cannot produce a `javascript:` link.
 *
 * @example
 * parseText('Call [988](tel:988) *now*')
 * // [{kind:'text',text:'Call '},{kind:'link',text:'988',href:'tel:988'},
 * //  {kind:'text',text:' '},{kind:'em',text:'now'}]
 */
export function parseText(source: string): TextPart[] {
  const parts: TextPart[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) parts.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '[' || ch === '*') {
      let match: RegExpExecArray | null = null;
      let part: TextPart | null = null;
      if (ch === '[') {
        LINK.lastIndex = i;
        match = LINK.exec(source);
        if (match && hasAllowedScheme(match[2]!, TEXT_LINK_SCHEMES)) {
          part = { kind: 'link', text: match[1]!, href: match[2]! };
        }
      } else {
        STRONG.lastIndex = i;
        match = STRONG.exec(source);
        if (match) part = { kind: 'strong', text: match[1]! };
        else {
          EM.lastIndex = i;
          match = EM.exec(source);
          if (match) part = { kind: 'em', text: match[1]! };
        }
      }
      if (match && part) {
        flush();
        parts.push(part);
        i += match[0].length;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
  return parts;
}

/** Why a string is unsafe as rule text, or null when it is fine. */
export function unsafeTextReason(value: string): string | null {
  if (/<\s*\/?\s*[a-z!?]/i.test(value)) {
    return 'HTML is not allowed in rule text; write plain words, *emphasis* or [a link](https://…)';
  }
  if (/\bon[a-z]+\s*=/i.test(value)) {
    return 'event-handler attributes (onclick=…) are not allowed in rule text';
  }
  if (/(?:java|vb)script\s*:/i.test(value) || /\bdata\s*:\s*text\/html/i.test(value)) {
    return 'script URLs (javascript:, vbscript:, data:text/html) are not allowed in rule text';
  }
  const links = value.matchAll(/\[([^\]\n]+)\]\(([^)\s]*)\)/g);
  for (const link of links) {
    if (!hasAllowedScheme(link[2] ?? '', TEXT_LINK_SCHEMES)) {
      return `the link target "${link[2]}" is not allowed; links must start with https:, tel: or mailto:`;
    }
  }
  return null;
}

/**
 * Why a crisis resource's link is unsafe, or null when it is fine. A link is
 * not prose: `?online=true` is a query, not an event handler, so links get
 * this rule and prose gets {@link unsafeTextReason}. The loader and the
 * widget both use it.
 *
 * @example
 * unsafeHrefReason('https://988lifeline.org/chat?online=true') // null
 * unsafeHrefReason('javascript:alert(1)') // 'a resource link starts with …'
 */
export function unsafeHrefReason(href: string): string | null {
  if (!hasAllowedScheme(href, RESOURCE_LINK_SCHEMES)) {
    return `a resource link starts with https:, tel:, sms: or mailto:; found ${JSON.stringify(href)}`;
  }
  // No URL needs raw quotes, angle brackets or spaces; they only serve to break out of markup.
  if (/[\s"'`<>]/.test(href)) {
    return `a resource link cannot contain spaces, quotes or < >; found ${JSON.stringify(href)} (write %20 for a space)`;
  }
  return null;
}
