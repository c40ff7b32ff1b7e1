/**
 * Crisis help, straight from the rule file: the resources as links and the
 * line saying the clinic is not an emergency service. Shown at once after an
 * interrupting answer, on top of a final crisis result, and below a result
 * where a milder suicide-risk rule fired.
 */
import { h } from './h.ts';
import type { CrisisBox, ScreenContent } from '../../src/core/screens.ts';
import { newTab, paragraphs, rich } from './rich-text.tsx';
import { hasAllowedScheme, RESOURCE_LINK_SCHEMES } from '../../src/core/text.ts';
import type { View } from './view.ts';

export interface CrisisHelpProps {
  box: CrisisBox;
  /** True when the help box carries the screen's main heading (focus moves there). */
  main: boolean;
}

/**
 * The help box: heading, what the rules behind it say, intro, resource links, the not-an-emergency line.
 *
 * @example
 * <CrisisHelp box={content.help} main />
 */
export function CrisisHelp({ box, main }: CrisisHelpProps) {
  const title = rich(box.title);
  return (
    <div class="crisis">
      {main ? <h2 class="title" tabIndex={-1}>{title}</h2> : <h3>{title}</h3>}
      {box.reasons.map((reason) => <p>{rich(reason)}</p>)}
      {paragraphs(box.intro)}
      <ul>
        {box.resources.map((resource) => (
          <li>
            <strong>{rich(resource.name)}</strong>
            <span>{rich(resource.detail)}</span>
            {/* Validated with the rules; checked again because this is the last gate (the screens, the saved summary). */}
            {hasAllowedScheme(resource.href, RESOURCE_LINK_SCHEMES) ? (
              <a class="button" href={resource.href} {...newTab(resource.href)}>{rich(resource.linkLabel)}</a>
            ) : (
              rich(resource.linkLabel)
            )}
          </li>
        ))}
      </ul>
      <p class="emergency">{rich(box.emergency)}</p>
    </div>
  );
}

/**
 * Shown at once after an interrupting answer, while questions remain.
 *
 * @example
 * <CrisisScreen view={view} content={describeScreen(ruleSet, { kind: 'crisis', outcome }, view)} />
 */
export function CrisisScreen({ view, content }: { view: View; content: ScreenContent & { kind: 'crisis' } }) {
  const { send } = view;
  return (
    <section class="screen" data-outcome="crisis">
      <CrisisHelp box={content.help} main />
      <div class="actions">
        <button type="button" class="button" onClick={() => send({ type: 'user.back' })}>{content.back}</button>
        {/* Getting help is the main action here; carrying on is offered, never pushed. */}
        <button type="button" class="button" onClick={() => send({ type: 'user.continue' })}>{content.next}</button>
      </div>
    </section>
  );
}
