/**
 * What the playground's worker posts for the two texts (demo/playground/
 * check-sources.ts): the check pipeline's quick part, then its slow part, as
 * plain data the page can show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckPart, QuickPart } from '../../src/analysis/index.ts';
import { checkSources } from '../../demo/playground/check-sources.ts';
import { summarize } from '../../src/analysis/check-summary.ts';
import type { CheckResult } from '../../demo/playground/protocol.ts';
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

/** The worker's replies to one request, in order. */
function check(rules: string, cases: string): CheckResult[] {
  const replies: CheckResult[] = [];
  checkSources({ rules, cases, names: NAMES }, (reply) => replies.push(reply));
  return replies;
}

/** Thrown from `post` to stop after the quick part: the tests of that part need not wait for the proofs. */
class QuickPartSeen extends Error {}

/** The quick part, which is posted before the slow part starts. */
function validate(rules: string, cases: string): QuickPart {
  let quick: QuickPart | undefined;
  try {
    checkSources({ rules, cases, names: NAMES }, (reply) => {
      if (reply.kind !== 'validation') throw new Error(`expected the quick part first, got ${reply.kind}`);
      quick = reply.validation;
      throw new QuickPartSeen();
    });
  } catch (error) {
    if (!(error instanceof QuickPartSeen)) throw error;
  }
  if (!quick) throw new Error('no quick part was posted');
  return quick;
}

/** The slow part, which comes second when the rules are valid. */
function analyze(rules: string): CheckPart {
  const [, second] = check(rules, '');
  if (second?.kind !== 'analysis') throw new Error(`expected the slow part second, got ${second?.kind}`);
  return second.analysis;
}

describe('checkSources(): the quick part', () => {
  it('accepts the default rules and runs every case, all passing', () => {
    const v = validate(RULES, CASES);
    expect(v.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(v.ruleSet?.id).toBe('ketamine');
    const cases = v.steps.cases;
    if (!cases?.present || !cases.loaded) throw new Error(`cases did not run: ${JSON.stringify(cases)}`);
    expect(cases.results.length).toBeGreaterThan(0);
    expect(cases.results.filter((row) => !row.passed)).toEqual([]);
  });

  it('gives an unknown question id its line, does not run the cases and sends nothing more', () => {
    const at = lines.findIndex((line, i) => i > RULES_START && line.includes('question: pregnancy,'));
    const broken = lines.map((line, i) => (i === at ? line.replace('question: pregnancy,', 'question: pregnancyy,') : line)).join('\n');
    const replies = check(broken, CASES);
    expect(replies).toHaveLength(1);
    const v = validate(broken, CASES);
    expect(v.ruleSet).toBeNull();
    expect(v.steps.cases).toBeUndefined();
    expect(v.issues.map((issue) => [issue.file, issue.line, issue.code])).toEqual([['ketamine.yaml', at + 1, 'unknown-question']]);
  });

  it('reports a failing case at its line with expected and actual', () => {
    const cases = 'cases:\n  - name: Teen\n    answers: { age: 16 }\n    expect: { tier: candidate, fired: [] }\n';
    const v = validate(RULES, cases);
    expect(v.steps.cases).toMatchObject({
      present: true,
      loaded: true,
      results: [
        expect.objectContaining({
          name: 'Teen',
          line: 2,
          passed: false,
          expected: { tier: 'candidate', fired: [] },
          actual: { tier: 'not-suitable', fired: ['under-18'] },
        }),
      ],
    });
    expect(v.issues.filter((issue) => issue.file === NAMES.cases).map((issue) => [issue.line, issue.code])).toEqual([[2, 'case-failed']]);
  });

  it('leaves out a case with a problem of its own, and refuses a cases file that does not load', () => {
    const v = validate(RULES, 'cases:\n  - name: X\n    answers: { agee: 16 }\n    expect: { tier: candidate, fired: [] }\n');
    expect(v.steps.cases).toEqual({ file: NAMES.cases, present: true, loaded: true, total: 1, passed: 0, notRun: 1, results: [] });
    expect(validate(RULES, 'cases: [\n').steps.cases).toEqual({ file: NAMES.cases, present: true, loaded: false });
    expect(v.issues.find((issue) => issue.file === NAMES.cases)).toMatchObject({ line: 3, code: 'unknown-question' });
  });

  it('lists a missing Spanish text at its line, as the problems panel shows it: a warning, or an error in the crisis help', () => {
    const label = lines.indexOf("      - { id: 'yes', label: { en: 'Yes', es: Sí } }");
    const crisisTitle = lines.indexOf('crisisResources:') + 1;
    expect(label > 0 && lines[crisisTitle]).toBe('  title:');
    const edited = lines.map((line, i) => (i === label ? line.replace(', es: Sí }', ' }') : i === crisisTitle + 2 ? '' : line)).join('\n');
    // The panel lists summarize()'s issues of the quick part (then of the slow part too).
    const problems = summarize(NAMES, [validate(edited, CASES)]).issues.filter((issue) => /language/.test(issue.code));
    expect(problems.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
      { code: 'missing-language', severity: 'warning', line: label + 1 },
      { code: 'missing-crisis-language', severity: 'error', line: crisisTitle + 2 }, // the map's first line
    ]);
    expect(problems[0]!.message).toContain('no "es" version');
  });

  it('takes an emptied cases editor for no cases file', () => {
    expect(validate(RULES, '  \n').steps.cases).toEqual({ file: NAMES.cases, present: false });
  });
});

describe('checkSources(): the slow part', () => {
  it('proves every invariant of the default rules and draws the flowchart', () => {
    const ruleSet = validate(RULES, '').ruleSet!;
    const a = analyze(RULES);
    expect(a.steps.invariants?.length).toBe(ruleSet.invariants.length);
    expect(a.steps.invariants?.filter((row) => row.status !== 'proven')).toEqual([]);
    expect(a.issues.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(a.steps.diagram?.mermaid.startsWith('flowchart TD')).toBe(true);
    expect(a.notes.filter((line) => line.startsWith('Time at 200 words a minute plus 3 s an answer'))).toHaveLength(1);
    expect(a.notes).toContain('  In "es":');
  }, 60_000);

  it('gives a counterexample in words, and the invariant its line, when the pregnancy rule is gone', () => {
    const source = withoutRule('pregnancy');
    const ruleSet = validate(source, '').ruleSet!;
    const row = analyze(source).steps.invariants!.find((r) => r.id === 'pregnant-is-not-suitable')!;
    expect(row.status).toBe('broken');
    const question = ruleSet.questions.find((q) => q.id === 'pregnancy')!;
    const pregnant = question.type === 'number' ? undefined : question.options.find((o) => o.id === 'pregnant');
    const en = (text: Text | undefined) => resolveText(text ?? '', 'en', ruleSet.locale);
    expect(row.steps.some((step) => step.startsWith(`“${en(question.text)}” → “${en(pregnant?.label)}”`))).toBe(true);
    expect(row.counterexample?.tier).not.toMatch(/crisis|not-suitable/);
    expect(source.split('\n')[row.line - 1]).toContain('pregnant-is-not-suitable');
  }, 60_000);
});
