/**
 * The widget's own words (buttons, progress, errors): everything that is not
 * in the rule file. Rule text is translated in the rule file itself. English
 * only for now; a language is added as one more entry of `STRINGS`.
 */

/** Words the widget itself shows, in one language. */
export interface UiStrings {
  continue: string;
  back: string;
  startAgain: string;
  continueAssessment: string;
  openAssessment: string;
  close: string;
  progress: (step: number, total: number) => string;
  chooseAll: string;
  range: (min: number, max: number) => string;
  needChoice: string;
  needChoices: string;
  needNumber: (min: number, max: number) => string;
  needStep: (step: number) => string;
  /** A number typed with other digits (٤٢, ४२) or letters: asked for 0–9, not for a range. */
  needDigits: string;
  reasonsTitle: string;
  rulesVersion: (version: string) => string;
  loading: string;
  unavailableTitle: string;
  unavailableBody: string;
  unavailableLink: string;
}

const en: UiStrings = {
  continue: 'Continue',
  back: 'Back',
  startAgain: 'Start again',
  continueAssessment: 'Continue the assessment',
  openAssessment: 'Take the two-minute assessment',
  close: 'Close',
  progress: (step, total) => `Question ${step} of about ${total}`,
  chooseAll: 'Choose all that apply.',
  range: (min, max) => `Enter a number from ${min} to ${max}.`,
  needChoice: 'Please choose an answer to continue.',
  needChoices: 'Please choose at least one answer to continue.',
  needNumber: (min, max) => `Please enter a number from ${min} to ${max}.`,
  needStep: (step) => (step === 1 ? 'Please enter a whole number.' : `Please enter a number in steps of ${step}.`),
  needDigits: 'Please type the number with the digits 0 to 9.',
  reasonsTitle: 'What a clinician will want to talk about',
  rulesVersion: (version) => `Screening rules version ${version}`,
  loading: 'Loading the assessment…',
  unavailableTitle: 'The assessment is not available right now',
  unavailableBody: 'Please contact the clinic, and our team will help you with your options.',
  unavailableLink: 'Contact the clinic',
};

const STRINGS: Record<string, UiStrings> = { en };

/** The languages the widget's own words exist in. */
export const UI_LANGUAGES = Object.keys(STRINGS);

/**
 * The widget's words for a language tag, English when there are none.
 *
 * @example
 * uiStrings('en-US').continue // 'Continue'
 * uiStrings('fr').continue    // 'Continue'
 */
export function uiStrings(lang: string): UiStrings {
  return STRINGS[languageOf(lang)] ?? en;
}

/**
 * The primary language subtag, lower-case.
 *
 * @example
 * languageOf('pt-BR') // 'pt'
 */
export function languageOf(lang: string): string {
  return (lang.split('-')[0] ?? '').toLowerCase();
}
