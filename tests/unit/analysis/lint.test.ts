import { describe, expect, it } from 'vitest';
import { isPlaceholder, lintRuleSet } from '../../../src/analysis/lint.ts';
import { multiple, number, rule, ruleSet, single } from '../../support/rule-set-builder.ts';

const codes = (findings: ReturnType<typeof lintRuleSet>) => findings.map((f) => [f.code, f.severity, f.path]);

describe('lintRuleSet()', () => {
  it('finds nothing wrong in a tidy rule set', () => {
    const set = ruleSet({
      questions: [number('age', 10, 110), single('pregnancy', ['no', 'pregnant'])],
      rules: [
        rule('minor', { question: 'age', lessThan: 18 }, 'not-suitable'),
        rule('pregnant', { question: 'pregnancy', equals: 'pregnant' }, 'not-suitable'),
      ],
    });
    expect(lintRuleSet(set)).toEqual([]);
  });

  it('reports a question no path shows (its showIf can never be true), pointing at the question', () => {
    const set = ruleSet({
      questions: [
        single('q1', ['a', 'b']),
        single('q2', ['x', 'y'], { showIf: { all: [{ question: 'q1', equals: 'a' }, { question: 'q1', equals: 'b' }] } }),
      ],
      rules: [rule('r', { question: 'q1', equals: 'a' }, 'review'), rule('s', { question: 'q2', equals: 'x' }, 'review')],
    });
    const findings = lintRuleSet(set);
    expect(codes(findings)).toContainEqual(['unreachable-question', 'error', ['questions', 1]]);
    expect(findings.find((f) => f.code === 'unreachable-question')!.message).toMatchInlineSnapshot(
      `"no answer path ever shows question "q2": its showIf is never true when the patient gets there; check the showIf"`,
    );
  });

  it('reports a rule that can never fire because the question it needs is hidden whenever the rest matches', () => {
    const set = ruleSet({
      questions: [single('sex', ['female', 'male']), single('pregnancy', ['no', 'pregnant'], { showIf: { question: 'sex', equals: 'female' } })],
      rules: [
        rule('pregnant', { question: 'pregnancy', equals: 'pregnant' }, 'not-suitable'),
        rule('pregnant-male', { all: [{ question: 'sex', equals: 'male' }, { question: 'pregnancy', equals: 'pregnant' }] }, 'review'),
      ],
    });
    expect(codes(lintRuleSet(set))).toEqual([['rule-never-fires', 'error', ['rules', 1]]]);
  });

  it('does not report a rule that fires only on the result screen an interrupt shows', () => {
    const set = ruleSet({
      questions: [single('q1', ['no', 'yes']), single('q2', ['a', 'b'])],
      rules: [
        rule('crisis', { question: 'q1', equals: 'yes' }, 'crisis', { interrupt: true }),
        rule('before-q2', { all: [{ question: 'q1', equals: 'yes' }, { question: 'q2', answered: false }] }, 'crisis'),
        rule('b', { question: 'q2', equals: 'b' }, 'review'),
      ],
    });
    expect(codes(lintRuleSet(set))).toEqual([]);
  });

  it('warns about a rule whose tier is always overridden where it fires', () => {
    const set = ruleSet({
      questions: [single('bp', ['normal', 'high', 'crisis'])],
      rules: [
        rule('very-high', { question: 'bp', equals: 'crisis' }, 'crisis'),
        // Fires only for "crisis" too, so its review never decides anything.
        rule('needs-check', { question: 'bp', oneOf: ['crisis'] }, 'review'),
        rule('high', { question: 'bp', equals: 'high' }, 'not-suitable'),
      ],
    });
    const findings = lintRuleSet(set);
    expect(codes(findings)).toEqual([['rule-always-overridden', 'warning', ['rules', 1, 'tier']]]);
    expect(findings[0]!.message).toContain('wherever it fires the outcome is crisis or more serious');
  });

  it('does not warn when the rule decides the outcome on at least one path', () => {
    const set = ruleSet({
      questions: [single('bp', ['normal', 'high', 'crisis'])],
      rules: [rule('very-high', { question: 'bp', equals: 'crisis' }, 'crisis'), rule('raised', { question: 'bp', oneOf: ['high', 'crisis'] }, 'review')],
    });
    expect(lintRuleSet(set)).toEqual([]);
  });

  it('warns about options no rule or showIf names, but not the one "no" answer or an exclusive "None of these"', () => {
    const set = ruleSet({
      questions: [
        single('mood', ['fine', 'low', 'sad', 'angry']), // "fine" is the expected unnamed answer… but three are unnamed
        single('pregnancy', ['no', 'pregnant']), // one unnamed option: fine
        multiple('meds', ['opioids', 'vitamins', 'none!']), // vitamins unnamed; "none" exclusive: fine
        single('follow', ['a', 'b'], { showIf: { question: 'mood', equals: 'low' } }),
      ],
      rules: [
        rule('pregnant', { question: 'pregnancy', equals: 'pregnant' }, 'not-suitable'),
        rule('opioids', { question: 'meds', includes: 'opioids' }, 'review'),
        rule('follow', { question: 'follow', equals: 'a' }, 'review'),
      ],
      // Invariants do not count as using an option: they check, they do not act.
      invariants: [{ id: 'sad', description: 'sad is reviewed', when: { question: 'mood', equals: 'sad' }, atLeast: 'candidate' }],
    });
    expect(codes(lintRuleSet(set))).toEqual([
      ['unused-option', 'warning', ['questions', 0, 'options', 0]],
      ['unused-option', 'warning', ['questions', 0, 'options', 2]],
      ['unused-option', 'warning', ['questions', 0, 'options', 3]],
      ['unused-option', 'warning', ['questions', 2, 'options', 1]],
    ]);
  });

  it('warns once about a question nothing reads, instead of once per option', () => {
    const set = ruleSet({
      questions: [multiple('goals', ['depression', 'anxiety', 'pain']), number('age', 10, 110)],
      rules: [rule('minor', { question: 'age', lessThan: 18 }, 'not-suitable')],
    });
    const findings = lintRuleSet(set);
    expect(codes(findings)).toEqual([['unused-question', 'warning', ['questions', 0]]]);
    expect(findings[0]!.message).toContain('its answer never changes the outcome');
  });

  it('reports a placeholder source and a placeholder sign-off as errors', () => {
    const set = ruleSet({
      questions: [single('q', ['a', 'b'])],
      rules: [rule('r', { question: 'q', equals: 'a' }, 'review', { source: 'TODO: find the label section' })],
      overrides: { signOff: { reviewedBy: 'TBD', reviewedOn: '2026-02-30' } },
    });
    const findings = lintRuleSet(set);
    expect(codes(findings)).toEqual([
      ['missing-source', 'error', ['rules', 0, 'source']],
      ['missing-sign-off', 'error', ['signOff', 'reviewedBy']],
      ['missing-sign-off', 'error', ['signOff', 'reviewedOn']],
    ]);
    expect(findings[0]!.message).toMatchInlineSnapshot(
      `"rule "r" needs a source a reviewer can check (a label section, guideline or paper); found "TODO: find the label section""`,
    );
  });

  it('warns, without failing, when the sign-off says the review is still to come', () => {
    const set = ruleSet({
      questions: [single('q', ['a', 'b'])],
      rules: [rule('r', { question: 'q', equals: 'a' }, 'review')],
      overrides: { signOff: { reviewedBy: 'PENDING: draft, awaiting the clinical lead', reviewedOn: '2026-01-15' } },
    });
    expect(codes(lintRuleSet(set))).toEqual([['sign-off-pending', 'warning', ['signOff', 'reviewedBy']]]);
  });

  it('reports a rule set that cannot start because no question is shown first', () => {
    // The loader refuses a showIf that looks forward; lint still copes if one slips through.
    const set = ruleSet({
      questions: [single('q1', ['a', 'b'], { showIf: { question: 'q2', equals: 'x' } }), single('q2', ['x', 'y'], { showIf: { question: 'q1', equals: 'a' } })],
      rules: [rule('r', { question: 'q1', equals: 'a' }, 'review')],
    });
    expect(codes(lintRuleSet(set))[0]).toEqual(['no-first-question', 'error', ['questions', 0, 'showIf']]);
  });
});

describe('isPlaceholder()', () => {
  it.each([
    // [text, is it a placeholder?]
    ['', true],
    ['  TODO ', true],
    ['tbd', true],
    ['n/a', true],
    ['???', true],
    ['Spravato label, section 4 (TODO page)', true],
    ['Spravato (esketamine) prescribing information, section 4', false],
    ['Dr Ana Ruiz, MD', false],
  ])('%j → %s', (text, expected) => {
    expect(isPlaceholder(text)).toBe(expected);
  });
});
