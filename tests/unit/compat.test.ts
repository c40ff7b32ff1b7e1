/**
 * Rule files keep working: every released version of the default rules, kept
 * here as it was (tests/fixtures/compat/), still passes `screener check` with
 * no errors and every case, and still compiles to rules the widget accepts.
 * A change of format that breaks one of them needs `screener migrate` first
 * (issue 13), with this test extended to the migrated file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { runCheck } from '../../src/cli/check.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import { patientFacing } from '../../widget/build/ship.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';

const DIR = 'tests/fixtures/compat';
const FILES = readdirSync(DIR).filter((name) => /^ketamine-[\d.]+\.yaml$/.test(name));

describe.each(FILES)('%s, as it was released', (name) => {
  const file = join(DIR, name);
  const source = readFileSync(file, 'utf8');

  it('passes screener check: no errors, every case, every invariant', () => {
    const report = runCheck(file, source, (path) => readFileSync(path, 'utf8'));
    expect(report.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.summary).toMatch(/(\d+)\/\1 cases passed, (\d+)\/\2 invariants proven/);
  }, 60_000);

  it('compiles to rules the widget accepts', async () => {
    const loaded = loadRuleSet(source, file);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const checked = validateCompiled(patientFacing(await compileRuleSet(loaded.ruleSet)));
    expect(checked.ok ? 'accepted' : checked.problem).toBe('accepted');
  });
});

it('keeps at least the two released versions of the default rules', () => {
  expect(FILES).toEqual(expect.arrayContaining(['ketamine-1.1.0.yaml', 'ketamine-1.2.0.yaml']));
});
