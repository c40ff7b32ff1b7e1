/**
 * What each screen shows, in the order it shows it: one description read by
 * the widget's Preact screens (widget/components/), the screen-reader
 * announcement (widget/element.tsx), the time estimate
 * (src/analysis/estimate.ts counts its words) and the sign-off sheet (which
 * prints it). Every text is resolved to the patient's language here.
 *
 * - intro: title, body, the four notices, the start button;
 * - question: the progress line, the question, its help, then the unit and
 *   the number range (a number), or "Choose all that apply." (multiple
 *   choice) and the options; Back and Continue;
 * - crisis (an interrupt, before "Continue"): the crisis box, Back and
 *   "Continue the assessment";
 * - result: the crisis box on top (a crisis result), the tier's title, body,
 *   the reasons under their heading (review and not-suitable, when
 *   `showReasons`), the booking link's words, the crisis box below (the
 *   crisis lines with a milder result), Save my answers, Print and the
 *   privacy line beside them (src/core/summary.ts), the notices, Back, Start
 *   again and the rules version.
 *
 * The crisis box: its title, the patient text of the rules behind it (on top
 * only), its intro, each resource (name, detail, link), the emergency line.
 */
import { helpTitle, resultHelp } from './crisis-help.ts';
import { own } from './own.ts';
import type { AssessmentOutcome } from './machine.ts';
import type { Question, RuleSet } from '../authoring/schema.ts';
import type { Text } from './text.ts';
import type { Tier } from './vocabulary.ts';
import type { UiStrings } from './ui-strings.ts';

/** The screen a running assessment is on (widget/screen.ts reads it from the machine's snapshot). */
export type Screen =
  | { kind: 'intro' }
  | { kind: 'question'; question: Question; step: number; total: number }
  /** Shown at once after an interrupting answer, while questions remain. */
  | { kind: 'crisis'; outcome: AssessmentOutcome }
  | { kind: 'result'; outcome: AssessmentOutcome };

/** A crisis resource, in the patient's language. */
export interface ResourceContent {
  name: string;
  detail: string;
  /** A link target: never words on screen. */
  href: string;
  linkLabel: string;
}

/** The crisis help box. */
export interface CrisisBox {
  title: string;
  /** What the rules behind the help say first (only when the box is on top). */
  reasons: string[];
  intro: string;
  resources: ResourceContent[];
  emergency: string;
}

/** An option of a choice question (`id` is its value, never words on screen). */
export interface OptionContent {
  id: string;
  label: string;
  exclusive?: boolean | undefined;
}

/** What one screen shows, its texts in the patient's language, in screen order. */
export type ScreenContent =
  | { kind: 'intro'; title: string; body: string; notices: string[]; start: string }
  | {
      kind: 'question';
      /** "Question 3 of about 12", and the numbers the progress bar shows. */
      progress: string;
      step: number;
      total: number;
      title: string;
      help?: string | undefined;
      /** A number question's unit (drawn beside the input, before the hint). */
      unit?: string | undefined;
      /** "Choose all that apply." above the options, or the number range below the input. */
      hint?: string | undefined;
      options: OptionContent[];
      back: string;
      next: string;
    }
  | { kind: 'crisis'; help: CrisisBox; back: string; next: string }
  | {
      kind: 'result';
      tier: Tier;
      /** On top, with the screen's main heading: a crisis result. */
      help?: CrisisBox | undefined;
      title: string;
      body: string;
      /** The heading of the reasons, when the tier lists them (review, not-suitable, `showReasons`). */
      reasonsTitle?: string | undefined;
      reasons: string[];
      /** The booking link's words (the widget draws the link only when the clinic set one). */
      action: string;
      /** Below the text: the crisis lines with a milder result. */
      lines?: CrisisBox | undefined;
      /** The summary's quiet actions and the privacy line beside them (the widget leaves them out with `summary="off"`). */
      save: string;
      print: string;
      keepPrivate: string;
      notices: string[];
      back: string;
      next: string;
      version: string;
      /** "Reviewed by … on …": only for rules signed for exactly their content. */
      reviewed?: string | undefined;
    };

/** The words a screen is drawn in: the widget's own (`strings`) and the rule text in one language (`t`). */
export interface Words {
  strings: UiStrings;
  t: (text: Text) => string;
}

/**
 * What a screen shows.
 *
 * @example
 * describeScreen(ruleSet, { kind: 'intro' }, { strings, t }).title // 'Ketamine therapy check'
 */
export function describeScreen(ruleSet: RuleSet, screen: Screen, { strings, t }: Words): ScreenContent {
  const { notices } = ruleSet;
  if (screen.kind === 'intro') {
    const { intro } = ruleSet;
    return {
      kind: 'intro',
      title: t(intro.title),
      body: t(intro.body),
      notices: [notices.adultsOnly, notices.notAdvice, notices.privacy, notices.notEmergency].map(t),
      start: t(intro.start),
    };
  }
  if (screen.kind === 'question') {
    const { question } = screen;
    const number = question.type === 'number';
    return {
      kind: 'question',
      progress: strings.progress(screen.step, screen.total),
      step: screen.step,
      total: screen.total,
      title: t(question.text),
      help: question.help && t(question.help),
      unit: number ? t(question.unit) : undefined,
      hint: number ? strings.range(question.min, question.max) : question.type === 'multiple-choice' ? strings.chooseAll : undefined,
      options: number ? [] : question.options.map((option) => ({ id: option.id, label: t(option.label), exclusive: option.exclusive })),
      back: strings.back,
      next: strings.continue,
    };
  }
  const { outcome } = screen;
  const shown = resultHelp(outcome);
  const resources = ruleSet.crisisResources;
  const box = (top: boolean): CrisisBox => ({
    title: t(helpTitle(resources, shown)),
    // A suicide-risk answer is never hidden behind a blood-pressure crisis's "what to do now".
    reasons: top ? unique(shown.reasons.map((rule) => t(rule.reason))) : [],
    intro: t(resources.intro),
    resources: resources.resources.map((resource) => ({
      name: t(resource.name),
      detail: t(resource.detail),
      href: t(resource.href),
      linkLabel: t(resource.linkLabel),
    })),
    emergency: t(resources.emergency),
  });
  if (screen.kind === 'crisis') return { kind: 'crisis', help: box(true), back: strings.back, next: strings.continueAssessment };
  const { tier } = outcome;
  const text = ruleSet.outcomes[tier];
  const signOff = own(ruleSet, 'signOff');
  const listed = ruleSet.showReasons && (tier === 'review' || tier === 'not-suitable');
  return {
    kind: 'result',
    tier,
    help: shown.onTop ? box(true) : undefined,
    title: t(text.title),
    body: t(text.body),
    reasonsTitle: listed ? strings.reasonsTitle : undefined,
    // Each reason is said once; a crisis rule's is said in the crisis box.
    reasons: listed ? unique(outcome.fired.filter((rule) => rule.tier !== 'crisis').map((rule) => t(rule.reason))) : [],
    action: t(text.action),
    lines: shown.shown && !shown.onTop ? box(false) : undefined,
    save: strings.save,
    print: strings.print,
    keepPrivate: strings.keepPrivate,
    notices: (tier === 'crisis' ? [notices.notAdvice] : [notices.notAdvice, notices.notEmergency]).map(t),
    back: strings.back,
    next: strings.startAgain,
    version: strings.rulesVersion(ruleSet.version),
    // Signed with `screener sign` (check fails if the content changed since; what ships to patients carries a
    // sign-off with its hash only while it is bound to the content: withBoundSignOff, src/authoring/review-hash.ts).
    reviewed: signOff?.contentHash ? strings.reviewed(signOff.reviewedBy, signOff.reviewedOn) : undefined,
  };
}

/**
 * The screen's main heading: what focus moves to and what a screen reader
 * is told when the screen appears (a question: the progress line; the
 * question itself is read on focus).
 *
 * @example
 * announcementOf(describeScreen(ruleSet, screen, words)) // 'Question 2 of about 12'
 */
export function announcementOf(content: ScreenContent): string {
  if (content.kind === 'question') return content.progress;
  if (content.kind === 'intro') return content.title;
  return content.help?.title ?? (content as { title: string }).title;
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}
