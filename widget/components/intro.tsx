/** The first screen: what this is, how long, the notices, and the start button. */
import { h } from './h.ts';
import { paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

/**
 * @example
 * <Intro view={view} />
 */
export function Intro({ view }: { view: View }) {
  const { intro, notices } = view.ruleSet;
  return (
    <section class="screen">
      <h2 class="title" tabIndex={-1}>{rich(view.t(intro.title))}</h2>
      {paragraphs(view.t(intro.body))}
      <ul class="notices">
        {[notices.adultsOnly, notices.notAdvice, notices.privacy, notices.notEmergency].map((notice) => <li>{rich(view.t(notice))}</li>)}
      </ul>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => view.send({ type: 'user.start' })}>
          {rich(view.t(intro.start))}
        </button>
      </div>
    </section>
  );
}
