import { parseText } from '../src/core/text.ts';

/**
 * Rule text without its formatting marks, for places that take plain text
 * (an `aria-label`, a live-region announcement).
 *
 * @example
 * plainText('Call [988](tel:988) *now*') // 'Call 988 now'
 */
export function plainText(source: string): string {
  return parseText(source).map((part) => part.text).join('');
}
