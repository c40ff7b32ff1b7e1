/**
 * `noEffect: true` on an option (issue 13, finding 7): a clinician says the
 * option deliberately changes nothing ("No", "One"), so the unused-option lint
 * stays quiet about it. It is for the checker only: the widget never reads it,
 * and the bundle does not ship it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRuleSet } from '../../src/analysis/lint.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { withoutClinicianFields } from '../../widget/build/ship.ts';

const FILE = 'tests/fixtures/loader/minimal.yaml';
// Only "pregnant" changes anything: "trying" and "no" are two options no rule names.
const SOURCE = readFileSync(FILE, 'utf8').replace(
  'when: { question: pregnancy, oneOf: [pregnant, trying] }',
  'when: { question: pregnancy, equals: pregnant }',
);
const TRYING = '      - id: trying\n        label: Trying\n';

function load(source: string) {
  const result = loadRuleSet(source, FILE);
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.line}: ${issue.message}`).join('\n'));
  return result.ruleSet;
}

const unused = (source: string) =>
  lintRuleSet(load(source))
    .filter((finding) => finding.code === 'unused-option')
    .map((finding) => finding.path.join('.'));

describe('noEffect: true on an option', () => {
  it('silences the unused-option lint for that option', () => {
    expect(SOURCE).toContain(TRYING);
    expect(unused(SOURCE)).toEqual(['questions.1.options.1', 'questions.1.options.2']);
    const marked = SOURCE.replace(TRYING, `${TRYING}        noEffect: true\n`);
    // "no" is then the one ordinary answer of the question, as before.
    expect(unused(marked)).toEqual([]);
  });

  it('must be true or false, and is a warning when a rule reads the option after all', () => {
    const wrong = loadRuleSet(SOURCE.replace(TRYING, `${TRYING}        noEffect: sometimes\n`), FILE);
    expect(wrong.ok).toBe(false);
    const read = SOURCE.replace('      - id: pregnant\n        label: Yes, pregnant\n', '      - id: pregnant\n        label: Yes, pregnant\n        noEffect: true\n');
    const findings = lintRuleSet(load(read)).filter((finding) => finding.code === 'no-effect-option-read');
    expect(findings.map((finding) => [finding.severity, finding.path.join('.')])).toEqual([['warning', 'questions.1.options.0']]);
    expect(findings[0]!.message).toContain('but the showIf of question "pregnancy-weeks" names it');
  });

  it('does not ship in the bundle, and the widget accepts a compiled file that has it', async () => {
    const ruleSet = load(SOURCE.replace(TRYING, `${TRYING}        noEffect: true\n`));
    const compiled = await compileRuleSet(ruleSet);
    expect(validateCompiled(compiled).ok).toBe(true);
    expect(JSON.stringify(withoutClinicianFields(compiled))).not.toContain('noEffect');
  });
});
