/**
 * The clinic's booking link is the one URL the widget shows that does not
 * come from the reviewed rule file, so it gets its own gate: `https:` or a
 * relative path, nothing else (no `javascript:`, no plain `http:`).
 */

/**
 * The booking URL to use as an `href`, or null when it is missing or refused.
 * Parsing with `URL` strips tabs and newlines exactly as the browser would, so
 * `java\nscript:` cannot slip past.
 *
 * @example
 * safeBookingUrl('https://clinic.example/book') // 'https://clinic.example/book'
 * safeBookingUrl('/book')                       // '/book'
 * safeBookingUrl('javascript:alert(1)')         // null
 */
export function safeBookingUrl(value: string | null | undefined): string | null {
  const raw = (value ?? '').trim();
  if (!raw) return null;
  try {
    // A relative URL takes the base's https: scheme; an absolute one keeps its own.
    return new URL(raw, 'https://relative.invalid/').protocol === 'https:' ? raw : null;
  } catch {
    return null;
  }
}
