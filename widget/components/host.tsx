/**
 * Everything inside the shadow root: the assessment inline, or (popup mode)
 * a launcher button and a modal `<dialog>` that holds it. The element owns
 * all state and re-renders this on every change; this only draws it.
 */
import { Fragment } from 'preact';
import { h } from './h.ts';
import type { Answers } from '../../src/core/engine.ts';
import { own } from '../../src/core/own.ts';
import type { Screen, ScreenContent } from '../../src/core/screens.ts';
import type { UiStrings } from '../../src/core/ui-strings.ts';
import { CrisisScreen } from './crisis.tsx';
import { Fallback, Loading } from './fallback.tsx';
import { Intro } from './intro.tsx';
import { QuestionScreen } from './question.tsx';
import { ResultScreen } from './result.tsx';
import type { View } from './view.ts';

/** What the assessment area shows: rules still loading, unusable, or a screen of a running assessment. */
export type Body =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | {
      state: 'ready';
      view: View;
      screen: Screen;
      content: ScreenContent;
      answers: Answers;
      error?: string | undefined;
      /** The intro's language switch (a bundle with several languages): the languages offered (none: no switch), the one shown, and the patient's pick. */
      languages?: string[];
      locale?: string;
      onLanguage?: (lang: string) => void;
    };

export interface HostProps {
  mode: 'inline' | 'popup';
  /** Popup opened from code (`EligibilityScreener.open`): no launcher button. */
  headless: boolean;
  dialogOpen: boolean;
  /** Null in popup mode until the patient opens it. */
  body: Body | null;
  locale: string;
  strings: UiStrings;
  bookingUrl: string | null;
  dialogLabel: string;
  /** Read out by screen readers when a new screen appears. */
  announcement: string;
  onOpen: () => void;
  onClose: () => void;
  onDialogClosed: () => void;
}

/**
 * @example
 * render(<Host mode="inline" body={{ state: 'loading' }} … />, mount);
 */
export function Host(props: HostProps) {
  const { body, strings } = props;
  const content = body && [
    <Screens body={body} strings={strings} bookingUrl={props.bookingUrl} />,
    <p class="sr-only" aria-live="polite" aria-atomic="true">{props.announcement}</p>,
  ];
  if (props.mode === 'inline') return <div class="card" lang={props.locale}>{content}</div>;
  return (
    <>
      {!props.headless && (
        <button type="button" class="button primary" lang={props.locale} aria-haspopup="dialog" onClick={props.onOpen}>{strings.openAssessment}</button>
      )}
      <dialog aria-label={props.dialogLabel} lang={props.locale} onClose={props.onDialogClosed}>
        <button type="button" class="close" aria-label={strings.close} onClick={props.onClose}>×</button>
        {props.dialogOpen && content}
      </dialog>
    </>
  );
}

function Screens({ body, strings, bookingUrl }: { body: Body; strings: UiStrings; bookingUrl: string | null }) {
  if (body.state === 'loading') return <Loading strings={strings} />;
  if (body.state === 'unavailable') return <Fallback strings={strings} bookingUrl={bookingUrl} />;
  const { view, screen, content } = body;
  if (content.kind === 'intro') {
    return __SCREENER_MULTILINGUAL__ ? <Intro view={view} content={content} languages={body.languages} locale={body.locale} onLanguage={body.onLanguage} /> : <Intro view={view} content={content} />;
  }
  if (content.kind === 'crisis') return <CrisisScreen view={view} content={content} />;
  if (content.kind === 'result') return <ResultScreen view={view} content={content} />;
  const { question } = screen as Screen & { kind: 'question' };
  return (
    <QuestionScreen
      key={question.id}
      view={view}
      question={question}
      content={content}
      previous={own(body.answers, question.id)}
      error={body.error}
    />
  );
}
