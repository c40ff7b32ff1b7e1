/**
 * `screener check` and the playground read one check pipeline; this holds
 * them together. For the same rule and cases texts, what the CLI reports
 * (issues, counts, summary line, notes, step data) is the very data the
 * playground's worker posts, put together the way the page does.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { summarize, type CheckPart } from '../../src/analysis/index.ts';
import { jsonSteps, runCheck } from '../../src/cli/check.ts';
import { checkSources } from '../../demo/playground/check-sources.ts';
import { ruleSetInputArb } from '../support/arbitraries.ts';
import { RULES_DIR } from '../support/load-rules.ts';

const NAMES = { rules: 'ketamine.yaml', cases: 'ketamine.cases.yaml' };
const RULES = readFileSync(`${RULES_DIR}ketamine.yaml`, 'utf8');
const CASES = readFileSync(`${RULES_DIR}ketamine.cases.yaml`, 'utf8');
/** One case whatever the rules: no answers, nothing fires (it fails when a rule fires on nothing). */
const NOTHING_CASE = 'cases:\n  - name: Nothing\n    answers: {}\n    expect: { tier: candidate, fired: [] }\n';

/** What the CLI reports, and what the playground shows, for the same two texts. */
function bothSides(rules: string, cases: string) {
  const cli = runCheck(NAMES.rules, rules, (path) => (path === NAMES.cases ? cases : undefined));
  const parts: CheckPart[] = [];
  checkSources({ rules, cases, names: NAMES }, (reply) => {
    if (reply.kind === 'failed') throw new Error(reply.message);
    parts.push(reply.kind === 'validation' ? reply.validation : reply.analysis);
  });
  // What the page does with the replies (app.tsx collectProblems), minus the playground-only diagram.
  const { diagram: _diagram, ...steps } = summarize(NAMES, parts).steps;
  return { cli, playground: { ...summarize(NAMES, parts), steps } };
}

function expectAgreement(rules: string, cases: string) {
  const { cli, playground } = bothSides(rules, cases);
  expect(playground.issues).toEqual(cli.issues);
  expect([playground.errors, playground.warnings, playground.ok]).toEqual([cli.errors, cli.warnings, cli.ok]);
  expect(playground.summary).toBe(cli.summary);
  expect(playground.notes).toEqual(cli.notes);
  expect(jsonSteps(playground.steps)).toEqual(cli.steps);
  return { cli, playground };
}

/** rules/ketamine.yaml with one edit, checked to apply. */
function edited(from: string, to: string): string {
  expect(RULES).toContain(from);
  return RULES.replace(from, to);
}

describe('screener check and the playground', () => {
  it('agree on rules/ketamine.yaml and its cases', () => {
    const { cli } = expectAgreement(RULES, CASES);
    expect(cli.exitCode).toBe(0);
  }, 60_000);

  it('agree when a rule that an invariant needs is gone (broken invariant, failing cases)', () => {
    const { cli, playground } = expectAgreement(edited('includesAny: [pregnant, trying]', 'includesAny: [trying]'), CASES);
    expect(cli.issues.map((issue) => issue.code)).toContain('invariant-broken');
    expect(playground.steps.invariants?.some((row) => row.status === 'broken' && row.steps.length > 0)).toBe(true);
  }, 60_000);

  it('agree when the rule file does not load', () => {
    const { cli } = expectAgreement(edited('question: pregnancy,', 'question: pregnancyy,'), CASES);
    expect(cli.summary).toContain('the file did not load');
  });

  it('agree on random rule sets with invariants, proven and broken', () => {
    const withInvariants = ruleSetInputArb.map((input) => ({
      ...input,
      // Each rule's own condition: at least its tier holds; at least crisis is broken unless the rule is a crisis rule.
      invariants: input.rules.flatMap((rule, i) => [
        { id: `own-${i}`, description: 'Its own tier.', when: rule.when, atLeast: rule.tier },
        { id: `crisis-${i}`, description: 'Always crisis.', when: rule.when, atLeast: 'crisis' as const },
      ]),
    }));
    const seen = { loaded: 0, broken: 0 };
    fc.assert(
      fc.property(withInvariants, (input) => {
        const { cli } = expectAgreement(stringify(input), NOTHING_CASE);
        if (cli.steps.invariants) seen.loaded++;
        if (cli.issues.some((issue) => issue.code === 'invariant-broken')) seen.broken++;
      }),
      { numRuns: 25, seed: 11 },
    );
    // The property compares real analyses, not two identical load failures.
    expect(seen.loaded).toBeGreaterThan(10);
    expect(seen.broken).toBeGreaterThan(0);
  }, 120_000);
});
