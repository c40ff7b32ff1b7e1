/**
 * The summary a patient can save or print from a result (issue 14): made in
 * the browser from what the patient saw, sent nowhere. One description, read
 * by the widget's summary (widget/components/summary.tsx draws it for Print
 * and serialises it for Save) and by the tests; its texts come from the
 * result screen's own description (`describeScreen`), so the summary and the
 * screen cannot say different things.
 *
 * In order: the title, the clinic (when it gave its name), when it was made;
 * every question the patient was asked and their answer, in the order asked
 * (a question a later answer hid is left out, as the engine leaves out its
 * answer); the result's heading and reasons, the crisis box when it was
 * shown; the rules' title, version, content hash and sign-off (or that the
 * review is pending); the notices.
 */
import { findQuestion, type Answers } from './engine.ts';
import { own } from './own.ts';
import type { CrisisBox, ScreenContent, Words } from './screens.ts';
import type { RuleSet } from '../authoring/schema.ts';

/** A question as asked and the answer given, in the patient's language. */
export interface SummaryAnswer {
  question: string;
  /** One line per chosen option; a number with its unit. */
  answer: string[];
}

/** What the summary says, in order. */
export interface SummaryContent {
  title: string;
  clinic?: string | undefined;
  made: string;
  answers: SummaryAnswer[];
  resultTitle: string;
  /** The result screen's heading. */
  result: string;
  reasonsTitle?: string | undefined;
  reasons: string[];
  /** The crisis box, when the result showed it (on top or below). */
  help?: CrisisBox | undefined;
  /** The rules' title, version line, hash line and review line. */
  rules: string[];
  notices: string[];
}

/** What the summary is made from, besides the rules and the words. */
export interface SummarySource {
  /** The questions shown, in order (the machine's `path`). */
  path: readonly string[];
  answers: Answers;
  /** The result screen as described for the patient. */
  result: ScreenContent & { kind: 'result' };
  /** The rules' content hash (`sha256-…`). */
  hash: string;
  /** When the summary is made, already in words (`new Date().toLocaleString(locale)`). */
  made: string;
  /** The clinic's name (`clinic-name`), when it gave one. */
  clinic?: string | undefined;
}

/**
 * The summary of a finished assessment.
 *
 * @example
 * describeSummary(ruleSet, { path, answers, result, hash, made: 'May 4, 2026, 10:02' }, words).answers[0]
 * // { question: 'How old are you?', answer: ['34 years'] }
 */
export function describeSummary(ruleSet: RuleSet, source: SummarySource, { strings, t }: Words): SummaryContent {
  const { result, answers } = source;
  const asked: SummaryAnswer[] = [];
  for (const id of source.path) {
    const question = findQuestion(ruleSet, id);
    const answer = own(answers, id);
    if (!question || answer === undefined) continue;
    asked.push({
      question: t(question.text),
      answer:
        question.type === 'number'
          ? [`${answer} ${t(question.unit)}`]
          : question.options.filter((option) => [answer].flat().includes(option.id)).map((option) => t(option.label)),
    });
  }
  return {
    title: strings.summaryTitle,
    clinic: source.clinic || undefined,
    made: strings.made(source.made),
    answers: asked,
    resultTitle: strings.resultTitle,
    result: result.title,
    reasonsTitle: result.reasonsTitle,
    reasons: result.reasons,
    help: result.help ?? result.lines,
    rules: [
      t(ruleSet.title),
      result.version,
      strings.rulesHash(source.hash),
      // Signed for exactly this content, as the result screen says; anything else is a review still to come.
      result.reviewed ?? strings.reviewPending,
    ],
    notices: result.notices,
  };
}
