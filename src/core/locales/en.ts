/**
 * The widget's own words in English (the fallback for any language without a
 * table of its own).
 */
import type { UiStrings } from '../ui-strings.ts';

/** English. */
export const strings: UiStrings = {
  continue: 'Continue',
  back: 'Back',
  startAgain: 'Start again',
  continueAssessment: 'Continue the assessment',
  openAssessment: 'Take the two-minute assessment',
  close: 'Close',
  languageName: 'English',
  language: 'Language',
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
  reviewed: (by, on) => `Reviewed by ${by} on ${on}`,
  save: 'Save my answers',
  print: 'Print',
  keepPrivate: 'The file holds your health answers. Keep it private; on a shared computer, delete it.',
  summaryTitle: 'My pre-screening answers',
  made: (when) => `Made on ${when}`,
  resultTitle: 'The result I was shown',
  rulesHash: (hash) => `Rules hash: ${hash}`,
  reviewPending: 'Clinical review of these rules: pending',
  loading: 'Loading the assessment…',
  unavailableTitle: 'The assessment is not available right now',
  unavailableBody: 'Please contact the clinic, and our team will help you with your options.',
  unavailableLink: 'Contact the clinic',
};
