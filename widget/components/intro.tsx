/** The first screen: what this is, how long, the notices, and the start button; the clinic may add a language switch. */
import { h } from './h.ts';
import type { ScreenContent } from '../../src/core/screens.ts';
import { languageOf } from '../../src/core/ui-strings.ts';
import { widgetStrings } from '../locale.ts';
import { paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

/**
 * The language switch's styles, added to the widget's sheet only in a bundle
 * that can show the switch (a script tag file has one language: no bytes).
 */
export const SWITCH_CSS =
  '.langs{display:flex;justify-content:flex-end;gap:.25em;min-width:0;margin:-.5em 0 .5em;padding:0;border:0}' +
  '.langs button{min-height:44px;padding:0 .75em;border:0;border-radius:6px;background:none;color:var(--a);font:inherit;font-size:.875em;text-decoration:underline;cursor:pointer}' +
  '.langs [aria-pressed=true]{color:inherit;font-weight:600;text-decoration:none}';

export interface IntroProps {
  view: View;
  content: ScreenContent & { kind: 'intro' };
  /** Languages to offer on the switch (`languages` attribute); fewer than two: no switch. */
  languages?: readonly string[] | undefined;
  /** The language shown now. */
  locale?: string | undefined;
  onLanguage?: ((lang: string) => void) | undefined;
}

/**
 * @example
 * <Intro view={view} content={describeScreen(ruleSet, { kind: 'intro' }, view)} />
 */
export function Intro(props: IntroProps) {
  const { view, content } = props;
  return (
    <section class="screen">
      {/* Read only in a bundle with several languages: a script tag file carries none of it. */}
      {__SCREENER_MULTILINGUAL__ && <Languages {...props} />}
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

/** The language switch: each language named in itself ("Español"), so a patient who cannot read the current one finds theirs. */
function Languages({ view, languages = [], locale = '', onLanguage }: IntroProps) {
  return (
    languages.length > 1 && (
      <fieldset class="langs" aria-label={view.strings.language}>
        {languages.map((lang) => (
          <button type="button" lang={lang} aria-pressed={languageOf(lang) === languageOf(locale)} onClick={() => onLanguage?.(lang)}>
            {widgetStrings(lang).languageName}
          </button>
        ))}
      </fieldset>
    )
  );
}
