/**
 * Test helper: a small, valid rule set from just the questions and rules a
 * test cares about. Everything else (intro, notices, outcomes, crisis
 * resources) gets a short placeholder, and the result goes through
 * `RuleSet.parse`, so a test can never run on a rule set the schema rejects.
 */
import { RuleSet, type RuleSetInput } from '../../src/authoring/schema.ts';

type QuestionInput = RuleSetInput['questions'][number];
type RuleInput = RuleSetInput['rules'][number];

/** A rule with only the fields a test cares about; reason, note and source are filled in. */
export type RuleSketch = Pick<RuleInput, 'id' | 'when' | 'tier'> & Partial<RuleInput>;

const outcome = (title: string) => ({ title, body: `${title}.`, action: 'Book' });

/**
 * Builds a validated rule set.
 *
 * @example
 * const rs = buildRuleSet(
 *   [yesNo('smoker')],
 *   [{ id: 'smokes', tier: 'review', when: { question: 'smoker', equals: 'yes' } }],
 * );
 */
export function buildRuleSet(questions: QuestionInput[], rules: RuleSketch[]): RuleSet {
  return RuleSet.parse({
    id: 'test-rules',
    version: '1.0.0',
    title: 'Test rules',
    signOff: { reviewedBy: 'Test', reviewedOn: '2026-01-01' },
    intro: { title: 'Intro', body: 'A test.', start: 'Start' },
    notices: { adultsOnly: 'Adults.', notAdvice: 'Not advice.', notEmergency: 'Not emergency.', privacy: 'Private.' },
    questions,
    rules: rules.map((rule) => ({
      reason: `Reason for ${rule.id}`,
      clinicianNote: `Note for ${rule.id}`,
      source: `Source for ${rule.id}`,
      ...rule,
    })),
    outcomes: {
      crisis: outcome('Crisis'),
      'not-suitable': outcome('Not suitable'),
      review: outcome('Review'),
      candidate: outcome('Candidate'),
    },
    crisisResources: {
      title: 'Help',
      intro: 'Help now.',
      emergency: 'Not an emergency service.',
      resources: [{ name: '988', detail: 'Call.', href: 'tel:988', linkLabel: 'Call 988' }],
    },
  });
}

/** A yes/no single-choice question, optionally shown only when `showIf` holds. */
export function yesNo(id: string, showIf?: QuestionInput['showIf']): QuestionInput {
  return {
    id,
    text: `${id}?`,
    type: 'single-choice',
    options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
    ...(showIf ? { showIf } : {}),
  };
}

/** A multiple-choice question with options `a`, `b`, `c` and an exclusive `none`. */
export function pickMany(id: string, showIf?: QuestionInput['showIf']): QuestionInput {
  return {
    id,
    text: `${id}?`,
    type: 'multiple-choice',
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
      { id: 'none', label: 'None of these', exclusive: true },
    ],
    ...(showIf ? { showIf } : {}),
  };
}

/** A number question (whole numbers unless `step` says otherwise). */
export function numberQ(id: string, min: number, max: number, step?: number): QuestionInput {
  return { id, text: `${id}?`, type: 'number', unit: 'units', min, max, ...(step ? { step } : {}) };
}
