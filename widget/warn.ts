/**
 * The widget's only way to complain: one prefixed console warning, so a
 * clinic's developer can find it, and never an exception into the host page.
 */
export const WARN_PREFIX = '[eligibility-screener]';

/**
 * Logs a prefixed warning; never throws, even when `console` is odd.
 *
 * @example
 * warn('booking-url must be https: or relative; the booking link is hidden');
 */
export function warn(message: string, detail?: unknown): void {
  try {
    if (detail === undefined) console.warn(`${WARN_PREFIX} ${message}`);
    else console.warn(`${WARN_PREFIX} ${message}`, detail);
  } catch {
    // Nothing sensible left to do: a broken console must not break the page.
  }
}
