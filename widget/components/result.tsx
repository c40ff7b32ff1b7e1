/**
 * The result: a heading and text for the tier in non-advisory words, the
 * reasons in plain words (unless the rule set turns them off), the link to
 * the clinic, the notices and the rules version. Crisis help goes on top for
 * a crisis result, and below the text whenever the crisis lines are shown
 * (`resultHelp` in src/core/crisis-help.ts: a milder suicide-risk rule fired, or
 * did earlier in the session).
 */
import { h } from './h.ts';
import { resultHelp } from '../../src/core/crisis-help.ts';
import type { AssessmentOutcome } from '../../src/core/machine.ts';
import { CrisisHelp } from './crisis.tsx';
import { paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

/**
 * @example
 * <ResultScreen view={view} outcome={snapshot.context.outcome} />
 */
export function ResultScreen({ view, outcome }: { view: View; outcome: AssessmentOutcome }) {
  const { ruleSet, strings, t, bookingUrl, send } = view;
  const { tier } = outcome;
  const text = ruleSet.outcomes[tier];
  const crisis = tier === 'crisis';
  const help = resultHelp(outcome);
  const title = rich(t(text.title));
  // Reasons explain a review or not-suitable result; each is said once.
  const reasons =
    ruleSet.showReasons && (tier === 'review' || tier === 'not-suitable')
      ? [...new Set(outcome.fired.filter((rule) => rule.tier !== 'crisis').map((rule) => t(rule.reason)))]
      : [];
  // Booking is the main action for candidate and review; a quieter "talk to our team" otherwise.
  const linkClass = tier === 'candidate' || tier === 'review' ? 'button primary' : crisis ? '' : 'button';

  return (
    <section class="screen" data-outcome={tier}>
      {crisis && <CrisisHelp view={view} outcome={outcome} main />}
      {crisis ? <h3>{title}</h3> : <h2 class="title" tabIndex={-1}>{title}</h2>}
      {paragraphs(t(text.body))}
      {reasons.length > 0 && (
        <div class="reasons">
          <h3>{strings.reasonsTitle}</h3>
          <ul>{reasons.map((reason) => <li>{rich(reason)}</li>)}</ul>
        </div>
      )}
      {bookingUrl && (
        <p>
          <a class={linkClass} href={bookingUrl}>{rich(t(text.action))}</a>
        </p>
      )}
      {help.shown && !help.onTop && <CrisisHelp view={view} outcome={outcome} main={false} />}
      <ul class="notices">
        <li>{rich(t(ruleSet.notices.notAdvice))}</li>
        {!crisis && <li>{rich(t(ruleSet.notices.notEmergency))}</li>}
      </ul>
      <div class="actions">
        <button type="button" class="button" onClick={() => send({ type: 'user.back' })}>{strings.back}</button>
        <button type="button" class="button" onClick={() => send({ type: 'user.restart' })}>{strings.startAgain}</button>
      </div>
      <p class="small">{strings.rulesVersion(ruleSet.version)}</p>
    </section>
  );
}
