/**
 * The result: a heading and text for the tier in non-advisory words, the
 * reasons in plain words (unless the rule set turns them off), the link to
 * the clinic, Save my answers and Print (widget/components/summary.tsx), the
 * notices and the rules version. Crisis help goes on top for
 * a crisis result, and below the text whenever the crisis lines are shown
 * (`resultHelp` in src/core/crisis-help.ts: a milder suicide-risk rule fired, or
 * did earlier in the session).
 */
import { h } from './h.ts';
import type { ScreenContent } from '../../src/core/screens.ts';
import { CrisisHelp } from './crisis.tsx';
import { paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

/**
 * @example
 * <ResultScreen view={view} content={describeScreen(ruleSet, { kind: 'result', outcome }, view)} />
 */
export function ResultScreen({ view, content }: { view: View; content: ScreenContent & { kind: 'result' } }) {
  const { bookingUrl, send, summary } = view;
  const { tier, help, lines, reasons } = content;
  const title = rich(content.title);
  // Booking is the main action for candidate and review; a quieter "talk to our team" otherwise.
  const linkClass = tier === 'candidate' || tier === 'review' ? 'button primary' : help ? '' : 'button';

  return (
    <section class="screen" data-outcome={tier}>
      {help && <CrisisHelp box={help} main />}
      {help ? <h3>{title}</h3> : <h2 class="title" tabIndex={-1}>{title}</h2>}
      {paragraphs(content.body)}
      {reasons.length > 0 && (
        <div class="reasons">
          <h3>{content.reasonsTitle}</h3>
          <ul>{reasons.map((reason) => <li>{rich(reason)}</li>)}</ul>
        </div>
      )}
      {bookingUrl && (
        <p>
          <a class={linkClass} href={bookingUrl}>{rich(content.action)}</a>
        </p>
      )}
      {lines && <CrisisHelp box={lines} main={false} />}
      {/* Quiet, after crisis help and booking: the patient's own copy of their answers (issue 14). */}
      {summary && (
        <div class="actions">
          <button type="button" class="link" onClick={summary.save}>{content.save}</button>
          <button type="button" class="link" onClick={summary.print}>{content.print}</button>
          <p class="hint">{content.keepPrivate}</p>
        </div>
      )}
      <ul class="notices">{content.notices.map((notice) => <li>{rich(notice)}</li>)}</ul>
      <div class="actions">
        <button type="button" class="button" onClick={() => send({ type: 'user.back' })}>{content.back}</button>
        <button type="button" class="button" onClick={() => send({ type: 'user.restart' })}>{content.next}</button>
      </div>
      <p class="small">{content.version}</p>
      {content.reviewed && <p class="small">{content.reviewed}</p>}
    </section>
  );
}
