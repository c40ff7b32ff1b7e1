/** The first screen: what this is, how long, the notices, and the start button. */
import { h } from './h.ts';
import type { ScreenContent } from '../../src/core/screens.ts';
import { paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

/**
 * @example
 * <Intro view={view} content={describeScreen(ruleSet, { kind: 'intro' }, view)} />
 */
export function Intro({ view, content }: { view: View; content: ScreenContent & { kind: 'intro' } }) {
  return (
    <section class="screen">
      <h2 class="title" tabIndex={-1}>{rich(content.title)}</h2>
      {paragraphs(content.body)}
      <ul class="notices">{content.notices.map((notice) => <li>{rich(notice)}</li>)}</ul>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => view.send({ type: 'user.start' })}>
          {rich(content.start)}
        </button>
      </div>
    </section>
  );
}
