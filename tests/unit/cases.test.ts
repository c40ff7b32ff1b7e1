import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCases, runCases } from '../../src/authoring/cases.ts';
import { formatIssue, loadRuleSet } from '../../src/authoring/loader.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';

const DIR = 'tests/fixtures/loader';

function ruleSet(): RuleSet {
  const result = loadRuleSet(readFileSync(`${DIR}/minimal.yaml`, 'utf8'), `${DIR}/minimal.yaml`);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.ruleSet;
}

function load(source: string) {
  return loadCases(source, 'rules/test.cases.yaml', ruleSet());
}

function oneCase(answers: string, expect = '{ tier: candidate, fired: [] }'): string {
  return `cases:\n  - name: A case\n    answers: ${answers}\n    expect: ${expect}\n`;
}

describe('loadCases()', () => {
  it('loads a valid cases file with the line of each case', () => {
    const file = `${DIR}/minimal.cases.yaml`;
    const loaded = loadCases(readFileSync(file, 'utf8'), file, ruleSet());
    expect(loaded.issues).toEqual([]);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.cases.map((c) => [c.name, c.line])).toEqual([
      ['Adult, not pregnant, none of the conditions', 3],
      ['Under 18', 7],
      ['Pregnant with high blood pressure', 11],
      ['Answer to a hidden question does not count', 21],
    ]);
    expect(loaded.cases[0]!.answers).toEqual({ age: 34, pregnancy: 'no', conditions: ['none'] });
  });

  it('reports every broken case of a file, each at its line', () => {
    const file = `${DIR}/broken.cases.yaml`;
    const loaded = loadCases(readFileSync(file, 'utf8'), file, ruleSet());
    expect(loaded.ok).toBe(false);
    expect(loaded.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/loader/broken.cases.yaml:4:16 there is no question "ages". Did you mean "age"?",
        "tests/fixtures/loader/broken.cases.yaml:7:27 the question "pregnancy" has no option "pregnent". Did you mean "pregnant"? Its options are: pregnant, trying, no.",
        "tests/fixtures/loader/broken.cases.yaml:10:27 YAML read the answer to "pregnancy" (false) as a yes/no value, but answers are option ids. Put it in quotes, like "false"; the options are: pregnant, trying, no.",
        "tests/fixtures/loader/broken.cases.yaml:13:21 "age" is a number question, so its answer is a number; found the text "34". Remove the quotes so it is read as a number.",
        "tests/fixtures/loader/broken.cases.yaml:16:21 150 is not a possible answer to "age": it allows 0 to 120 in whole numbers.",
        "tests/fixtures/loader/broken.cases.yaml:19:28 "conditions" is a multiple-choice question, so its answer is a list of option ids, like [a, b]; found the text "none". Write [none].",
        "tests/fixtures/loader/broken.cases.yaml:22:28 "none" is exclusive in "conditions": it cannot be picked together with other options.",
        "tests/fixtures/loader/broken.cases.yaml:26:21 "tier:" is one of "crisis", "not-suitable", "review" or "candidate"; found the text "candidat". Did you mean "candidate"?",
        "tests/fixtures/loader/broken.cases.yaml:29:43 there is no rule "under18". Did you mean "under-18"?",
        "tests/fixtures/loader/broken.cases.yaml:31:5 a case has no field "answer". Did you mean "answers"? A case has: name, answers, expect.",
        "tests/fixtures/loader/broken.cases.yaml:33:11 the case name "Unknown option" is already used on line 6. Give each case its own name.",
      ]
    `);
  });

  // Each row: a case with one problem, the line it must be reported on and part of the message.
  const BROKEN: { what: string; source: string; line: number; says: string }[] = [
    { what: 'not a cases file', source: '- name: x\n', line: 1, says: 'a cases file starts with "cases:"' },
    { what: 'cases is not a list', source: 'cases: nothing\n', line: 1, says: 'found the text "nothing"' },
    { what: 'YAML syntax', source: 'cases:\n  - name: x\n    answers: { age: 34\n', line: 3, says: 'YAML syntax' },
    { what: 'duplicate key in a case', source: 'cases:\n  - name: x\n    name: y\n', line: 3, says: 'the field "name" is written twice' },
    { what: 'unknown question', source: oneCase('{ ages: 34 }'), line: 3, says: 'there is no question "ages". Did you mean "age"?' },
    { what: 'unknown option', source: oneCase('{ pregnancy: pregant }'), line: 3, says: 'has no option "pregant". Did you mean "pregnant"?' },
    { what: 'boolean where an option id is expected', source: oneCase('{ pregnancy: true }'), line: 3, says: 'Put it in quotes, like "true"' },
    { what: 'boolean inside a multiple-choice list', source: oneCase('{ conditions: [false] }'), line: 3, says: 'as a yes/no value' },
    { what: 'number as text', source: oneCase('{ age: "34" }'), line: 3, says: 'Remove the quotes' },
    { what: 'number off the step', source: oneCase('{ age: 34.5 }'), line: 3, says: '34.5 is not a possible answer to "age": it allows 0 to 120 in whole numbers' },
    { what: 'list for a single choice', source: oneCase('{ pregnancy: [no] }'), line: 3, says: 'single-choice question, so its answer is one option id' },
    { what: 'one id for a multiple choice', source: oneCase('{ conditions: none }'), line: 3, says: 'Write [none].' },
    { what: 'option listed twice', source: oneCase('{ conditions: [psychosis, psychosis] }'), line: 3, says: 'listed twice' },
    { what: 'exclusive option with another', source: oneCase('{ conditions: [none, high-bp] }'), line: 3, says: '"none" is exclusive' },
    { what: 'tier that does not exist', source: oneCase('{ age: 34 }', '{ tier: suitable, fired: [] }'), line: 4, says: 'found the text "suitable"' },
    { what: 'rule id that does not exist', source: oneCase('{ age: 16 }', '{ tier: not-suitable, fired: [under-eighteen] }'), line: 4, says: 'there is no rule "under-eighteen"' },
    { what: 'fired not a list', source: oneCase('{ age: 16 }', '{ tier: not-suitable, fired: under-18 }'), line: 4, says: '"fired:" is a list of rule ids' },
    { what: 'expect without fired', source: oneCase('{ age: 16 }', '{ tier: not-suitable }'), line: 4, says: 'this case is missing "fired:"' },
    { what: 'misspelt expect field', source: oneCase('{ age: 16 }', '{ tier: not-suitable, fire: [] }'), line: 4, says: 'Did you mean "fired"?' },
    { what: 'case without a name', source: 'cases:\n  - answers: { age: 3 }\n    expect: { tier: candidate, fired: [] }\n', line: 2, says: 'every case needs a "name:"' },
    { what: 'two cases with one name', source: `${oneCase('{ age: 34 }')}  - name: A case\n    answers: {}\n    expect: { tier: candidate, fired: [] }\n`, line: 5, says: 'already used on line 2' },
  ];

  it.each(BROKEN)('$what: reported on line $line', ({ source, line, says }) => {
    const loaded = load(source);
    expect(loaded.ok).toBe(false);
    const issue = loaded.issues.find((i) => i.message.includes(says));
    expect(issue, loaded.issues.map(formatIssue).join('\n')).toBeDefined();
    expect(issue!.line).toBe(line);
  });

  it('accepts answers to hidden questions (they simply do not count)', () => {
    const loaded = load(oneCase('{ age: 30, pregnancy: "no", pregnancy-weeks: 10 }'));
    expect(loaded.ok).toBe(true);
  });
});

describe('runCases()', () => {
  it('passes every case of the valid file', () => {
    const file = `${DIR}/minimal.cases.yaml`;
    const rules = ruleSet();
    const loaded = loadCases(readFileSync(file, 'utf8'), file, rules);
    if (!loaded.ok) throw new Error('cases should load');
    const results = runCases(rules, loaded.cases);
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true]);
    expect(results[2]!.actual).toEqual({ tier: 'not-suitable', fired: ['pregnant', 'blood-pressure'] });
  });

  it('fails with expected against actual tier, missing and unexpected rules, at the case line', () => {
    const file = `${DIR}/failing.cases.yaml`;
    const rules = ruleSet();
    const loaded = loadCases(readFileSync(file, 'utf8'), file, rules);
    if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
    const [passes, wrongTier, unexpected] = runCases(rules, loaded.cases);
    expect(passes!.passed).toBe(true);
    expect(passes!.issue).toBeUndefined();
    expect(wrongTier).toMatchObject({ passed: false, missing: ['blood-pressure'], unexpected: [], actual: { tier: 'not-suitable', fired: ['under-18'] } });
    expect(formatIssue(wrongTier!.issue!)).toBe(
      'tests/fixtures/loader/failing.cases.yaml:6:5 case "Wrong tier and a missing rule" failed: expected the outcome "review", got "not-suitable". expected rule "blood-pressure" to fire, but it did not.',
    );
    expect(unexpected).toMatchObject({ passed: false, missing: [], unexpected: ['blood-pressure'] });
    expect(unexpected!.issue!.line).toBe(9);
  });

  it('ignores the order of fired rules', () => {
    const rules = ruleSet();
    const loaded = load(oneCase('{ age: 16, conditions: [high-bp] }', '{ tier: not-suitable, fired: [blood-pressure, under-18] }'));
    if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
    expect(runCases(rules, loaded.cases)[0]!.passed).toBe(true);
  });
});

describe('src/authoring/cases.ts exports', () => {
  it('keeps its public API (the exports the CLI and the playground use)', async () => {
    const cases = await import('../../src/authoring/cases.ts');
    expect(Object.keys(cases).sort()).toEqual(['loadCases', 'runCases']);
  });
});
