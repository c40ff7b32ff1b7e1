/**
 * The clinic's booking link is the one URL the widget shows that does not
 * come from the reviewed rule file, so it gets its own gate: `https:` or a
 * path on the page's own site, nothing else (no `javascript:`, no plain
 * `http:` elsewhere, no `//host` or backslash form that only looks relative).
 */

/**
 * The booking URL to use as an `href` (absolute), or null when it is missing
 * or refused. A relative URL is resolved against the page's own address, not
 * the document's `<base href>`, which a page (or an injected tag) may point
 * elsewhere. Parsing with `URL` strips tabs and newlines exactly as the
 * browser would, so `java\nscript:` cannot slip past.
 *
 * @example
 * safeBookingUrl('https://clinic.example/book') // 'https://clinic.example/book'
 * safeBookingUrl('/book')                       // 'https://clinic.example/book' on https://clinic.example/
 * safeBookingUrl('//evil.example/book')         // null
 * safeBookingUrl('javascript:alert(1)')         // null
 */
export function safeBookingUrl(value: string | null | undefined): string | null {
  const raw = (value ?? '').trim();
  // Browsers read "\" as "/" in web URLs: "/\host" and "\\host" are "//host", another site.
  if (!raw || /^\/\/|\\/.test(raw)) return null;
  try {
    const url = new URL(raw, location.href);
    return url.protocol === 'https:' || url.origin === location.origin ? url.href : null;
  } catch {
    return null;
  }
}
