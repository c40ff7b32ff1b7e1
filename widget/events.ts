/**
 * Events for the host page (analytics, page logic). They say *that* the
 * patient moved on, never *what* they answered: an answer is health
 * information. The outcome tier is included only when the clinic opts in
 * with `share-outcome`.
 */
import type { Tier } from '../src/authoring/schema.ts';
import { type Screen, screenKey } from './screen.ts';

/** `screener-start`: the patient pressed the start button. */
export type ScreenerStartDetail = Record<string, never>;

/** `screener-step`: a question screen appeared. */
export interface ScreenerStepDetail {
  /** 1 for the first question shown, 2 for the next, … (Back lowers it). */
  step: number;
}

/** `screener-complete`: an outcome screen appeared. */
export interface ScreenerCompleteDetail {
  /** The rule set's `version`, e.g. "1.2.0". */
  rulesVersion: string;
  /** The compiled rule set's content hash, `sha256-…`. */
  rulesHash: string;
  /** Only with the `share-outcome` attribute: `crisis`, `not-suitable`, `review` or `candidate`. */
  tier?: Tier;
}

/**
 * Every event `<eligibility-screener>` dispatches. They bubble and are
 * composed, so a listener on `document` hears them.
 *
 * @example
 * document.addEventListener('screener-complete', (event) => {
 *   analytics.track('screener complete', { rules: event.detail.rulesVersion });
 * });
 */
export interface ScreenerEventMap {
  'screener-start': CustomEvent<ScreenerStartDetail>;
  'screener-step': CustomEvent<ScreenerStepDetail>;
  'screener-complete': CustomEvent<ScreenerCompleteDetail>;
}

declare global {
  interface HTMLElementEventMap extends ScreenerEventMap {}
  interface DocumentEventMap extends ScreenerEventMap {}
}

/** An event to dispatch: its type and detail. */
export type ScreenerEventInit = {
  [K in keyof ScreenerEventMap]: { type: K; detail: ScreenerEventMap[K]['detail'] };
}[keyof ScreenerEventMap];

/** What the events may know about the rule set and the clinic's choices. */
export interface EventContext {
  rulesVersion: string;
  rulesHash: string;
  shareOutcome: boolean;
}

/**
 * The events for a change of screen, built only from step numbers and the
 * tier: the function never sees an answer, so it cannot leak one.
 *
 * @example
 * eventsFor({ kind: 'intro' }, questionScreen, context)
 * // [{ type: 'screener-start', detail: {} }, { type: 'screener-step', detail: { step: 1 } }]
 */
export function eventsFor(previous: Screen | null, next: Screen, context: EventContext): ScreenerEventInit[] {
  const events: ScreenerEventInit[] = [];
  // The same screen (same question and step, or same outcome): nothing new to tell.
  if (previous && screenKey(previous) === screenKey(next)) return events;
  if (next.kind === 'question') {
    if (previous?.kind === 'intro') events.push({ type: 'screener-start', detail: {} });
    events.push({ type: 'screener-step', detail: { step: next.step } });
  } else if (next.kind !== 'intro') {
    const detail: ScreenerCompleteDetail = { rulesVersion: context.rulesVersion, rulesHash: context.rulesHash };
    if (context.shareOutcome) detail.tier = next.outcome.tier;
    events.push({ type: 'screener-complete', detail });
  }
  return events;
}

/**
 * Dispatches events from the element: bubbling and composed, so they leave
 * the shadow root. A throwing listener on the host page is its own problem:
 * `dispatchEvent` reports it without stopping us.
 *
 * @example
 * dispatchAll(element, eventsFor(previous, next, context));
 */
export function dispatchAll(target: EventTarget, events: ScreenerEventInit[]): void {
  for (const { type, detail } of events) {
    target.dispatchEvent(new CustomEvent(type, { detail: { ...detail }, bubbles: true, composed: true }));
  }
}
