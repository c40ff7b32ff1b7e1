/**
 * Builds small, valid rule sets in a few lines, for tests that care about
 * questions, rules and invariants rather than the boilerplate around them.
 *
 * Every filler text is ONE word ("Title", "Body" …), so tests that count
 * words can add them up by hand. The result goes through `RuleSet.parse`, so
 * a helper bug fails loudly instead of testing something else.
 */
import { RuleSet, type Condition, type RuleSetInput, type Tier } from '../../src/authoring/schema.ts';

type QuestionInput = RuleSetInput['questions'][number];
type RuleInput = RuleSetInput['rules'][number];
type InvariantInput = NonNullable<RuleSetInput['invariants']>[number];
type Extra = { showIf?: Condition; help?: string; text?: string };

/** `["a", "b"]` → options `a`/`b` labelled "A"/"B"; a trailing `!` marks an exclusive option. */
function options(ids: readonly string[]) {
  return ids.map((raw) => {
    const id = raw.replace(/!$/, '');
    return { id, label: id.charAt(0).toUpperCase() + id.slice(1), ...(raw.endsWith('!') ? { exclusive: true } : {}) };
  });
}

/**
 * A single-choice question whose text is its id (one word).
 *
 * @example
 * single('pregnancy', ['no', 'pregnant'])
 */
export function single(id: string, ids: readonly string[], extra: Extra = {}): QuestionInput {
  return { id, text: extra.text ?? id, type: 'single-choice', options: options(ids), ...pick(extra) };
}

/**
 * A multiple-choice question; `none!` makes an exclusive option.
 *
 * @example
 * multiple('meds', ['opioids', 'stimulants', 'none!'])
 */
export function multiple(id: string, ids: readonly string[], extra: Extra = {}): QuestionInput {
  return { id, text: extra.text ?? id, type: 'multiple-choice', options: options(ids), ...pick(extra) };
}

/**
 * A number question with unit "units".
 *
 * @example
 * number('age', 0, 120)
 */
export function number(id: string, min: number, max: number, extra: Extra & { step?: number } = {}): QuestionInput {
  const { step, ...rest } = extra;
  return { id, text: rest.text ?? id, type: 'number', unit: 'units', min, max, ...(step ? { step } : {}), ...pick(rest) };
}

function pick(extra: Extra) {
  return {
    ...(extra.showIf ? { showIf: extra.showIf } : {}),
    ...(extra.help ? { help: extra.help } : {}),
  };
}

/**
 * A rule with one-word reason and note, and a real-looking source.
 *
 * @example
 * rule('under-18', { question: 'age', lessThan: 18 }, 'not-suitable')
 */
export function rule(id: string, when: Condition, tier: RuleInput['tier'], extra: Partial<RuleInput> = {}): RuleInput {
  return { id, when, tier, reason: 'Reason', clinicianNote: 'Note', source: 'Test label section 4', ...extra };
}

/**
 * An invariant: whenever `when` holds, the outcome is at least `atLeast`.
 *
 * @example
 * invariant('minors', { question: 'age', lessThan: 18 }, 'not-suitable')
 */
export function invariant(id: string, when: Condition, atLeast: Tier): InvariantInput {
  return { id, description: `${id} holds`, when, atLeast };
}

/**
 * A whole, valid rule set around the given questions, rules and invariants.
 *
 * @example
 * const set = ruleSet({ questions: [number('age', 0, 120)], rules: [rule('r', { question: 'age', lessThan: 18 }, 'review')] });
 */
export function ruleSet(parts: {
  questions: QuestionInput[];
  rules: RuleInput[];
  invariants?: InvariantInput[];
  overrides?: Partial<RuleSetInput>;
}): RuleSet {
  const outcome = { title: 'Title', body: 'Body', action: 'Action' };
  const input: RuleSetInput = {
    id: 'built',
    version: '1.0.0',
    title: 'Built',
    signOff: { reviewedBy: 'Dr Reviewer', reviewedOn: '2026-01-15' },
    locale: 'en',
    intro: { title: 'Intro', body: 'Welcome', start: 'Start' },
    notices: { adultsOnly: 'Adults', notAdvice: 'Advice', notEmergency: 'Emergency', privacy: 'Private' },
    questions: parts.questions,
    rules: parts.rules,
    outcomes: { crisis: outcome, 'not-suitable': outcome, review: outcome, candidate: outcome },
    crisisResources: {
      title: 'Help',
      intro: 'Call',
      emergency: 'Emergency',
      resources: [{ name: 'Line', detail: 'Always', href: 'tel:988', linkLabel: 'Call' }],
    },
    invariants: parts.invariants ?? [],
    ...parts.overrides,
  };
  return RuleSet.parse(input);
}
