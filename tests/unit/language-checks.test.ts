/**
 * `screener check` knows languages (issue 12): a file is written in its
 * `locale` and every language its patient texts use; crisis text lacking one
 * is an error, any other patient text a warning, each at its line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSteps, startCheck } from '../../src/analysis/check.ts';
import { CHECK_STEPS } from '../../src/analysis/check-steps.ts';
import { summarize } from '../../src/analysis/check-summary.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import fc from 'fast-check';
import { mapLocalized } from '../../src/authoring/schema-walk.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { eachText, ruleSetLanguages } from '../../src/core/rule-texts.ts';
import { ruleSetArb } from '../support/arbitraries.ts';

const MINI = readFileSync(new URL('../components/fixtures/mini.yaml', import.meta.url), 'utf8');

function issuesOf(source: string) {
  const result = loadRuleSet(source, 'mini.yaml');
  return result.issues.filter((issue) => issue.code === 'missing-crisis-language' || issue.code === 'missing-language');
}

const lineOf = (source: string, text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('the languages of a rule file', () => {
  it('are its locale, then every language its texts use', () => {
    const result = loadRuleSet(MINI, 'mini.yaml');
    expect(result.ok && ruleSetLanguages(result.ruleSet)).toEqual(['en', 'es']);
    const english = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'ketamine.yaml');
    expect(english.ok && ruleSetLanguages(english.ruleSet)[0]).toBe('en');
  });
});

describe('a text without one of them', () => {
  it('is an error in the crisis help, at its line', () => {
    const source = MINI.replace('  title: Please reach out for help now', '  title:\n    en: Please reach out for help now');
    const issues = issuesOf(source);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      code: 'missing-crisis-language',
      line: lineOf(source, 'en: Please reach out for help now'),
    });
    expect(issues[0]!.message).toMatch(/crisis text has no "es" version/);
    expect(loadRuleSet(source, 'mini.yaml').ok).toBe(false);
  });

  it('is a warning anywhere else, and the file still loads', () => {
    const source = MINI.replace('    es: Empezar las preguntas\n', '');
    const issues = issuesOf(source);
    expect(issues.map((issue) => [issue.severity, issue.code])).toEqual([['warning', 'missing-language']]);
    expect(issues[0]!.message).toMatch(/patients reading "es" see it in another language/);
    expect(loadRuleSet(source, 'mini.yaml').ok).toBe(true);
  });

  it('is not a plain string, which reads the same in every language', () => {
    expect(issuesOf(MINI)).toEqual([]);
  });
});

describe('the time estimate', () => {
  it('covers each language the file is written in, each held to the same budget', () => {
    // Spanish made long enough to pass the two-minute budget, English left as it is.
    const long = Array.from({ length: 400 }, () => 'palabra').join(' ');
    const source = MINI.replace('    es: Unas preguntas, unos *dos minutos*.', `    es: ${long}`);
    const context = startCheck({ names: { rules: 'mini.yaml', cases: 'mini.cases.yaml' }, rules: source, readCases: () => undefined });
    const found = summarize({ rules: 'mini.yaml', cases: 'mini.cases.yaml' }, [runSteps(context, CHECK_STEPS)]);
    const time = found.steps.time!;
    expect(Object.keys(time.languages)).toEqual(['en', 'es']);
    expect(time.languages.es!.typical!.seconds).toBeGreaterThan(time.languages.en!.typical!.seconds + 100);
    expect(found.notes.join('\n')).toMatch(/In "es":\n\s+Typical path: .* ≈ \d+(\.\d)? s/);
    const slow = found.issues.filter((issue) => issue.code === 'slow-typical-path');
    expect(slow.map((issue) => issue.message.slice(0, 30))).toEqual(['in "es": the typical path take']);
  });
});

describe('every text of a rule set', () => {
  // eachText (the core: no Zod) lists the fields by hand; mapLocalized finds them from the schema.
  // They must name the same places, or a check and the build would disagree on what a text is.
  const places = (ruleSet: RuleSet) => {
    const listed: string[] = [];
    eachText(ruleSet, (_text, path) => listed.push(path.join('.')));
    const found: string[] = [];
    mapLocalized(ruleSet, (text, path) => (found.push(path.join('.')), text));
    return { listed: listed.sort(), found: found.sort() };
  };

  it('is the same list in the core and in the schema, for the ketamine rules and random rule sets', () => {
    const ketamine = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'ketamine.yaml');
    if (!ketamine.ok) throw new Error('rules/ketamine.yaml does not load');
    const { listed, found } = places(ketamine.ruleSet);
    expect(listed.length).toBeGreaterThan(100);
    expect(listed).toEqual(found);
    fc.assert(
      fc.property(ruleSetArb, (ruleSet) => {
        const both = places(ruleSet);
        expect(both.listed).toEqual(both.found);
      }),
      { numRuns: 50 },
    );
  });
});
