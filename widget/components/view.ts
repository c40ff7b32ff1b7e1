/**
 * What every screen needs besides its own data: the rule set, the language,
 * the widget's words, the booking link and a way to send events. Passed as a
 * plain object (no hooks, no context) to keep the bundle small.
 */
import type { AssessmentEvent } from '../../src/core/machine.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { resolveText, type Text } from '../../src/core/text.ts';
import type { UiStrings } from '../../src/core/ui-strings.ts';

export interface View {
  ruleSet: RuleSet;
  strings: UiStrings;
  /** The checked booking URL, or null when there is none to show. */
  bookingUrl: string | null;
  /** Keeps element ids unique when several widgets share a page. */
  idPrefix: string;
  /** Rule text in the widget's language. */
  t: (text: Text) => string;
  send: (event: AssessmentEvent) => void;
  /** True when the machine would accept the event now (`snapshot.can`). */
  can: (event: AssessmentEvent) => boolean;
  /** Shows why an answer was refused, and puts focus back on the first input. */
  showError: (message: string) => void;
  /** On a result: save or print the patient's summary (absent with `summary="off"`). */
  summary?: { save: () => void; print: () => void } | undefined;
}

/**
 * Builds the view for a locale.
 *
 * @example
 * const view = makeView({ ruleSet, locale: 'en', strings, bookingUrl: '/book', idPrefix: 'es1', send, can, showError });
 */
export function makeView(parts: Omit<View, 't'> & { locale: string }): View {
  const { locale, ...rest } = parts;
  return { ...rest, t: (text) => resolveText(text, locale, parts.ruleSet.locale) };
}
