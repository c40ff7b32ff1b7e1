/**
 * A small, complete rule-set document for tests that need every field filled
 * and every kind of branch: a crisis answer that interrupts while questions
 * remain, one that interrupts on the last question, a follow-up question shown
 * only for some answers, a multiple choice with an exclusive option, a number.
 *
 * Returned fresh on each call, so a test can mutate its copy.
 */
import type { RuleSetInput } from '../../src/authoring/schema.ts';

/**
 * @example
 * const doc = sampleRuleSetInput();
 * doc.title = '<script>alert(1)</script>';
 * RuleSet.safeParse(doc).success // false
 */
export function sampleRuleSetInput(): RuleSetInput {
  return {
    id: 'sample',
    version: '1.0.0',
    title: 'A short check before you book',
    signOff: { reviewedBy: 'Dr Sample Reviewer', reviewedOn: '2026-01-15' },
    locale: 'en',
    intro: { title: 'Is this treatment a fit for you?', body: 'A few questions. A clinician will decide.', start: 'Start' },
    notices: {
      adultsOnly: 'This check is for adults.',
      notAdvice: 'This is not medical advice.',
      notEmergency: 'We are not an emergency service.',
      privacy: 'Your answers stay on this device.',
    },
    questions: [
      {
        id: 'mood',
        text: 'Have you wished you were dead in the past week?',
        type: 'single-choice',
        options: [
          { id: 'no', label: 'No' },
          { id: 'yes', label: 'Yes' },
        ],
      },
      {
        id: 'conditions',
        text: 'Do any of these apply to you?',
        help: 'Pick all that apply.',
        type: 'multiple-choice',
        options: [
          { id: 'heart', label: 'Heart problems' },
          { id: 'liver', label: 'Liver problems' },
          { id: 'none', label: 'None of these', exclusive: true },
        ],
      },
      {
        id: 'age',
        text: 'How old are you?',
        type: 'number',
        unit: 'years',
        min: 0,
        max: 120,
      },
      {
        id: 'care',
        text: 'Does someone help you every day?',
        showIf: { question: 'age', atLeast: 65 },
        type: 'single-choice',
        options: [
          { id: 'no', label: 'No' },
          { id: 'yes', label: 'Yes' },
        ],
      },
      {
        id: 'safe',
        text: 'Are you safe right now?',
        type: 'single-choice',
        options: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
      },
    ],
    rules: [
      {
        id: 'wish-dead',
        when: { question: 'mood', equals: 'yes' },
        tier: 'crisis',
        interrupt: true,
        reason: 'You told us you have had thoughts of death.',
        clinicianNote: 'Positive screen on the first suicide-risk item.',
        source: 'Sample source 1',
      },
      {
        id: 'heart',
        when: { question: 'conditions', includes: 'heart' },
        tier: 'review',
        reason: 'A clinician will look at your heart history.',
        clinicianNote: 'Cardiac history needs review.',
        source: 'Sample source 2',
      },
      {
        id: 'under-18',
        when: { question: 'age', lessThan: 18 },
        tier: 'not-suitable',
        reason: 'This treatment is for adults.',
        clinicianNote: 'Minors are excluded.',
        source: 'Sample source 3',
      },
      {
        id: 'needs-care',
        when: { all: [{ question: 'care', equals: 'yes' }, { not: { question: 'conditions', includes: 'none' } }] },
        tier: 'review',
        reason: 'A clinician will talk with you about support at home.',
        clinicianNote: 'Daily care with other conditions.',
        source: 'Sample source 4',
      },
      {
        id: 'not-safe',
        when: { any: [{ question: 'safe', equals: 'no' }] },
        tier: 'crisis',
        interrupt: true,
        reason: 'You told us you are not safe right now.',
        clinicianNote: 'Acute risk.',
        source: 'Sample source 5',
      },
    ],
    outcomes: {
      crisis: { title: 'Please get help now', body: 'You do not have to wait.', action: 'Talk to our team' },
      'not-suitable': { title: 'This may not be right for you', body: 'A clinician can talk about other options.', action: 'Talk to our team' },
      review: { title: 'A clinician will look at your answers', body: 'You may still book.', action: 'Book a call' },
      candidate: { title: 'You may book a first visit', body: 'A clinician will decide with you.', action: 'Book a visit' },
    },
    crisisResources: {
      title: 'Help is here',
      intro: 'You can reach someone now.',
      emergency: 'If you are in danger, call 911.',
      medicalTitle: 'Get medical care now',
      resources: [
        { name: '988 Lifeline', detail: 'Call or text, any time.', href: 'tel:988', linkLabel: 'Call 988' },
        { name: 'Crisis Text Line', detail: 'Text HOME.', href: 'sms:741741', linkLabel: 'Text 741741' },
      ],
    },
    invariants: [
      {
        id: 'wish-dead-is-crisis',
        description: 'Thoughts of death always lead to crisis help.',
        when: { question: 'mood', equals: 'yes' },
        atLeast: 'crisis',
      },
    ],
  };
}
