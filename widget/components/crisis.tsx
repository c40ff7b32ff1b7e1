/**
 * Crisis help, straight from the rule file: the resources as links and the
 * line saying the clinic is not an emergency service. Shown at once after an
 * interrupting answer, on top of a final crisis result, and below a result
 * where a milder suicide-risk rule fired.
 */
import { h } from './h.ts';
import { helpTitle, resultHelp } from '../../src/core/crisis-help.ts';
import type { AssessmentOutcome } from '../../src/core/machine.ts';
import { newTab, paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

export interface CrisisHelpProps {
  view: View;
  outcome: AssessmentOutcome;
  /** True when the help box carries the screen's main heading (focus moves there). */
  main: boolean;
}

/**
 * The help box: heading, intro, resource links, the not-an-emergency line.
 *
 * @example
 * <CrisisHelp view={view} outcome={outcome} main />
 */
export function CrisisHelp({ view, outcome, main }: CrisisHelpProps) {
  const { t, ruleSet } = view;
  const help = ruleSet.crisisResources;
  const shown = resultHelp(outcome);
  const title = rich(t(helpTitle(help, shown)));
  return (
    <div class="crisis">
      {main ? <h2 class="title" tabIndex={-1}>{title}</h2> : <h3>{title}</h3>}
      {/* What the rules behind the help say first: for a blood-pressure crisis, what to do now; a
          suicide-risk answer is never hidden behind it. */}
      {main && [...new Set(shown.reasons.map((rule) => t(rule.reason)))].map((reason) => <p>{rich(reason)}</p>)}
      {paragraphs(t(help.intro))}
      <ul>
        {help.resources.map((resource) => (
          <li>
            <strong>{rich(t(resource.name))}</strong>
            <span>{rich(t(resource.detail))}</span>
            <a class="button" href={t(resource.href)} {...newTab(t(resource.href))}>{rich(t(resource.linkLabel))}</a>
          </li>
        ))}
      </ul>
      <p class="emergency">{rich(t(help.emergency))}</p>
    </div>
  );
}

/**
 * Shown at once after an interrupting answer, while questions remain.
 *
 * @example
 * <CrisisScreen view={view} outcome={outcome} />
 */
export function CrisisScreen({ view, outcome }: { view: View; outcome: AssessmentOutcome }) {
  const { strings, send } = view;
  return (
    <section class="screen" data-outcome="crisis">
      <CrisisHelp view={view} outcome={outcome} main />
      <div class="actions">
        <button type="button" class="button" onClick={() => send({ type: 'user.back' })}>{strings.back}</button>
        {/* Getting help is the main action here; carrying on is offered, never pushed. */}
        <button type="button" class="button" onClick={() => send({ type: 'user.continue' })}>{strings.continueAssessment}</button>
      </div>
    </section>
  );
}
