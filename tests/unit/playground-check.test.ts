/**
 * What the playground's worker computes from the two texts (demo/playground/
 * check-sources.ts): the same verdicts as `screener check`, as plain data the
 * page can show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, validate } from '../../demo/playground/check-sources.ts';
import { resolveText, type Text } from '../../src/core/text.ts';

const RULES = readFileSync(new URL('../../rules/ketamine.yaml', import.meta.url), 'utf8');
const CASES = readFileSync(new URL('../../rules/ketamine.cases.yaml', import.meta.url), 'utf8');
const NAMES = { rules: 'ketamine.yaml', cases: 'ketamine.cases.yaml' };
const lines = RULES.split('\n');
const RULES_START = lines.indexOf('rules:');

/** The rule file with the rule `id` (a block under `rules:`) cut out. */
function withoutRule(id: string): string {
  const start = lines.findIndex((line, i) => i > RULES_START && line === `  - id: ${id}`);
  const end = lines.findIndex((line, i) => i > start && /^ {2}- id: /.test(line));
  if (start < 0 || end < 0) throw new Error(`rule ${id} not found in rules/ketamine.yaml`);
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

describe('validate()', () => {
  it('accepts the default rules and runs every case, all passing', () => {
    const v = validate(RULES, CASES, NAMES);
    expect(v.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(v.ruleSet?.id).toBe('ketamine');
    expect(v.cases.state).toBe('ran');
    if (v.cases.state !== 'ran') return;
    expect(v.cases.rows.length).toBeGreaterThan(0);
    expect(v.cases.rows.filter((row) => !row.passed)).toEqual([]);
  });

  it('gives an unknown question id its line and does not run the cases', () => {
    const at = lines.findIndex((line, i) => i > RULES_START && line.includes('question: pregnancy,'));
    const broken = lines.map((line, i) => (i === at ? line.replace('question: pregnancy,', 'question: pregnancyy,') : line)).join('\n');
    const v = validate(broken, CASES, NAMES);
    expect(v.ruleSet).toBeNull();
    expect(v.cases).toEqual({ state: 'not-run', reason: 'the rules have errors' });
    expect(v.issues.map((issue) => [issue.file, issue.line, issue.code])).toEqual([['ketamine.yaml', at + 1, 'unknown-question']]);
  });

  it('reports a failing case at its line with expected and actual', () => {
    const cases = 'cases:\n  - name: Teen\n    answers: { age: 16 }\n    expect: { tier: candidate, fired: [] }\n';
    const v = validate(RULES, cases, NAMES);
    if (v.cases.state !== 'ran') throw new Error(`cases did not run: ${v.cases.state}`);
    expect(v.cases.rows).toEqual([
      expect.objectContaining({ name: 'Teen', line: 2, passed: false, expected: { tier: 'candidate', fired: [] }, actual: { tier: 'not-suitable', fired: ['under-18'] } }),
    ]);
    expect(v.cases.issues.map((issue) => [issue.file, issue.line, issue.code])).toEqual([['ketamine.cases.yaml', 2, 'case-failed']]);
  });

  it('refuses a cases file with a problem of its own', () => {
    const v = validate(RULES, 'cases:\n  - name: X\n    answers: { agee: 16 }\n    expect: { tier: candidate, fired: [] }\n', NAMES);
    expect(v.cases.state).toBe('invalid');
    if (v.cases.state === 'invalid') expect(v.cases.issues[0]).toMatchObject({ line: 3, code: 'unknown-question' });
  });

  it('does not run an empty cases file', () => {
    expect(validate(RULES, '  \n', NAMES).cases).toEqual({ state: 'not-run', reason: 'the cases file is empty' });
  });
});

describe('analyze()', () => {
  it('proves every invariant of the default rules and draws the flowchart', () => {
    const ruleSet = validate(RULES, '', NAMES).ruleSet!;
    const a = analyze(ruleSet, RULES, NAMES.rules);
    expect(a.invariants.length).toBe(ruleSet.invariants.length);
    expect(a.invariants.filter((row) => row.status !== 'proven')).toEqual([]);
    expect(a.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(a.mermaid.startsWith('flowchart TD')).toBe(true);
    expect(a.estimate[0]).toMatch(/^Time at 200 words a minute/);
  }, 60_000);

  it('gives a counterexample in words, and the invariant its line, when the pregnancy rule is gone', () => {
    const source = withoutRule('pregnancy');
    const ruleSet = validate(source, '', NAMES).ruleSet!;
    const row = analyze(ruleSet, source, NAMES.rules).invariants.find((r) => r.id === 'pregnant-is-not-suitable')!;
    expect(row.status).toBe('broken');
    const question = ruleSet.questions.find((q) => q.id === 'pregnancy')!;
    const pregnant = question.type === 'number' ? undefined : question.options.find((o) => o.id === 'pregnant');
    const en = (text: Text | undefined) => resolveText(text ?? '', 'en', ruleSet.locale);
    expect(row.steps.some((step) => step.startsWith(`“${en(question.text)}” → “${en(pregnant?.label)}”`))).toBe(true);
    expect(row.outcome?.tier).not.toMatch(/crisis|not-suitable/);
    expect(source.split('\n')[row.line - 1]).toContain('pregnant-is-not-suitable');
  }, 60_000);
});
