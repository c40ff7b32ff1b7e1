/**
 * What the patient sees when the rules cannot be loaded or trusted: a short
 * note and the way to the clinic, never a result. Needs no rule set, so it
 * works when everything else has failed. `Loading` holds the same space while
 * a remote rule file arrives.
 */
import { h } from './h.ts';
import type { UiStrings } from '../../src/core/ui-strings.ts';

/**
 * @example
 * <Fallback strings={uiStrings('en')} bookingUrl="https://clinic.example/contact" />
 */
export function Fallback({ strings, bookingUrl }: { strings: UiStrings; bookingUrl: string | null }) {
  return (
    <section class="screen" data-outcome="unavailable">
      <h2 class="title" tabIndex={-1}>{strings.unavailableTitle}</h2>
      <p>{strings.unavailableBody}</p>
      {bookingUrl && (
        <p>
          <a class="button primary" href={bookingUrl}>{strings.unavailableLink}</a>
        </p>
      )}
    </section>
  );
}

/**
 * @example
 * <Loading strings={uiStrings('en')} />
 */
export function Loading({ strings }: { strings: UiStrings }) {
  return <p class="screen hint" aria-busy="true">{strings.loading}</p>;
}
