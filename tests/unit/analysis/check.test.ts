/**
 * The check pipeline (src/analysis/check.ts) on the default rule file and on
 * small built ones: what it proves, how it splits into a quick and a slow
 * part, and how it reports an analysis that cannot run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkQuick, runSteps, startCheck } from '../../../src/analysis/check.ts';
import { CHECK_STEPS, SLOW_STEPS, type CheckStep } from '../../../src/analysis/check-steps.ts';
import { summarize } from '../../../src/analysis/check-summary.ts';
import { RULES_DIR } from '../../support/load-rules.ts';
import { multiple, rule, ruleSet } from '../../support/rule-set-builder.ts';

const RULES = readFileSync(`${RULES_DIR}ketamine.yaml`, 'utf8');
const CASES = readFileSync(`${RULES_DIR}ketamine.cases.yaml`, 'utf8');
const NAMES = { rules: 'ketamine.yaml', cases: 'ketamine.cases.yaml' };

describe('the check pipeline on rules/ketamine.yaml', () => {
  it('proves every invariant over every answer path, with no errors, in seconds', () => {
    const started = performance.now();
    const context = startCheck({ names: NAMES, rules: RULES, readCases: () => CASES });
    const found = summarize(NAMES, [runSteps(context, CHECK_STEPS)]);
    const seconds = (performance.now() - started) / 1000;
    const invariants = found.steps.invariants ?? [];
    expect(invariants.length).toBeGreaterThan(0);
    for (const row of invariants) {
      expect(row.status, row.id).toBe('proven');
      expect(row.vacuous, row.id).toBe(false);
    }
    expect(found.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(found.steps.cases).toMatchObject({ present: true, loaded: true });
    // Billions of answer paths, folded into a few hundred merged screens.
    expect(found.steps.lint?.explored.paths).toBeGreaterThan(1e6);
    expect(found.steps.lint?.explored.nodes).toBeLessThan(1000);
    // Generous on a shared, busy 2-core machine; a quiet one takes under a second.
    expect(seconds).toBeLessThan(30);
  }, 60_000);

  it('lists words and seconds per screen of the typical path under the time warning, in each language', () => {
    const found = summarize(NAMES, [runSteps(startCheck({ names: NAMES, rules: RULES, readCases: () => CASES }), CHECK_STEPS)]);
    const warnings = found.issues.filter((issue) => issue.code === 'slow-typical-path');
    const languages = found.steps.time!.languages;
    expect(warnings.map((issue) => issue.message.slice(0, 12))).toEqual(['the typical ', 'in "es": the']);
    Object.values(languages).forEach((estimate, i) => {
      const detail = warnings[i]!.detail ?? [];
      const typical = estimate.typical!;
      // A heading, then one line a screen: the start screen, each question, the result.
      expect(detail[0]).toMatch(/^Typical path, screen by screen/);
      const lines = detail.slice(1);
      expect(lines).toHaveLength(typical.screens);
      for (const line of lines) expect(line).toMatch(/^ *\d+\. .+: \d+ words, \d+(\.\d)? s$/);
      expect(lines[1]).toContain('"age"');
      const words = lines.map((line) => Number(/: (\d+) words/.exec(line)![1]));
      expect(words.reduce((a, b) => a + b, 0)).toBe(typical.words);
    });
    // Spanish questions in Spanish.
    expect(warnings[1]!.detail!.join('\n')).toContain('¿Cuántos años tiene?');
  }, 60_000);

  it('gives the same result in two parts as in one go, and the slow part nothing after a failed load', () => {
    const whole = summarize(NAMES, [runSteps(startCheck({ names: NAMES, rules: RULES, readCases: () => CASES }), CHECK_STEPS)]);
    const context = startCheck({ names: NAMES, rules: RULES, readCases: () => CASES });
    const quick = checkQuick(context);
    expect(quick.ruleSet?.id).toBe('ketamine');
    expect(quick.steps.invariants).toBeUndefined();
    expect(summarize(NAMES, [quick, runSteps(context, SLOW_STEPS)])).toEqual(whole);

    const broken = startCheck({ names: NAMES, rules: 'id: [', readCases: () => CASES });
    expect(checkQuick(broken)).toMatchObject({ ruleSet: null, steps: { validate: { ok: false } } });
    expect(runSteps(broken, SLOW_STEPS)).toEqual({ issues: [], notes: [], summary: [], steps: {} });
  }, 60_000);
});

describe('runSteps()', () => {
  const names = { rules: 'wide.yaml', cases: 'wide.cases.yaml' };

  it('reports a rule set too wide to analyse once, on its question, and stops there', () => {
    const ids = Array.from({ length: 17 }, (_, i) => `o${i}`);
    const wide = ruleSet({
      questions: [multiple('many', [...ids, 'none!'])],
      rules: ids.map((id) => rule(`r-${id}`, { question: 'many', includes: id }, 'review')),
    });
    const source = stringify(wide);
    const found = summarize(names, [runSteps(startCheck({ names, rules: source, readCases: () => undefined }), CHECK_STEPS)]);
    expect(found.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.path])).toEqual([
      ['too-many-classes', ['questions', 0]],
    ]);
    expect(source.split('\n')[found.issues.find((issue) => issue.code === 'too-many-classes')!.line - 1]).toContain('id: many');
    expect(found.steps.invariants).toBeUndefined();
  });

  it('turns a crashing step into an error and runs the next one', () => {
    const boom: CheckStep = {
      name: 'boom',
      run: () => {
        throw new Error('kaput');
      },
    };
    const after: CheckStep = { name: 'after', run: () => ({ issues: [], data: 'ran' }) };
    const part = runSteps(startCheck({ names, rules: '', readCases: () => undefined }), [boom, after]);
    expect(part.issues).toEqual([expect.objectContaining({ code: 'internal-error', file: 'wide.yaml', line: 1, column: 1 })]);
    expect(part.steps).toEqual({ after: 'ran' });
  });
});
