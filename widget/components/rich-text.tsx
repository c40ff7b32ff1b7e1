/**
 * The only way rule text reaches the DOM: split by `parseText` into plain
 * text, emphasis and links, and built as elements and text nodes. There is no
 * `innerHTML` anywhere, so markup in a rule file stays visible characters.
 */
import type { ComponentChildren } from 'preact';
import { h } from './h.ts';
import { hasAllowedScheme, parseText, TEXT_LINK_SCHEMES } from '../../src/core/text.ts';

/**
 * Inline rule text as Preact children: strings become text nodes, never markup.
 *
 * @example
 * <p>{rich('Call [988](tel:988) *now*')}</p>
 */
export function rich(source: string): ComponentChildren[] {
  return parseText(source).map((part) =>
    part.kind === 'em' ? <em>{part.text}</em>
    : part.kind === 'strong' ? <strong>{part.text}</strong>
    // parseText already refuses other schemes; checked again because this is the last gate.
    : part.kind === 'link' && hasAllowedScheme(part.href, TEXT_LINK_SCHEMES) ? <a href={part.href} {...newTab(part.href)}>{part.text}</a>
    : part.text,
  );
}

/**
 * Rule text as paragraphs: a blank line in the rule file starts a new one.
 *
 * @example
 * {paragraphs(t(outcome.body))}
 */
export function paragraphs(source: string): ComponentChildren[] {
  return source.split(/\n\s*\n/).map((paragraph) => <p>{rich(paragraph.trim())}</p>);
}

/** `https:` links open in a new tab, so the patient keeps their place (and crisis help stays open). */
export function newTab(href: string): Record<string, string> {
  return /^\s*https:/i.test(href) ? { target: '_blank', rel: 'noopener noreferrer' } : {};
}
