import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadRuleSet, type RuleIssue } from '../../src/authoring/loader.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import { resolveText } from '../../src/core/text.ts';
import { MAX_CONDITION_DEPTH, MAX_YAML_DEPTH } from '../../src/core/vocabulary.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';

const MINIMAL_FILE = 'tests/fixtures/loader/minimal.yaml';
const MINIMAL = readFileSync(MINIMAL_FILE, 'utf8');

/** The minimal rule set with one piece of text replaced (the replaced text must exist). */
function broken(from: string, to: string): string {
  expect(MINIMAL, `fixture text to replace: ${from}`).toContain(from);
  return MINIMAL.replace(from, to);
}

/** 1-based line and column of the first occurrence of `marker`. */
function positionOf(source: string, marker: string): { line: number; column: number } {
  const offset = source.indexOf(marker);
  expect(offset, `marker ${marker}`).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function errorsOf(source: string): RuleIssue[] {
  const result = loadRuleSet(source, 'rules/test.yaml');
  expect(result.ok).toBe(false);
  return result.issues.filter((issue) => issue.severity === 'error');
}

describe('loadRuleSet() on valid files', () => {
  it('loads the minimal rule set with defaults filled and no issues', () => {
    const result = loadRuleSet(MINIMAL, MINIMAL_FILE);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet.questions.map((q) => q.id)).toEqual(['age', 'pregnancy', 'pregnancy-weeks', 'conditions']);
    expect(result.ruleSet.locale).toBe('en');
    expect(result.ruleSet.signOff.reviewedOn).toBe('2026-01-15');
  });

  it('accepts translated text that includes the default language', () => {
    const result = loadRuleSet(broken('  start: Start', '  start: { en: Start, es: Empezar }'));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it('loads with a warning (not an error) when two options are exclusive', () => {
    const result = loadRuleSet(broken('        label: High blood pressure', '        label: High blood pressure\n        exclusive: true'));
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'exclusive-option']]);
  });
});

// Each row breaks the minimal file in one way. `at` is text in the broken file
// where the problem must be reported (its line and column); `says` is part of
// the message the clinician must see.
const BROKEN: { what: string; from: string; to: string; code: string; at: string; says: string[] }[] = [
  // --- wrong types
  { what: 'number written as a word', from: '    min: 0', to: '    min: zero', code: 'invalid-type', at: 'zero', says: ['"min" must be a number', 'found the text "zero"'] },
  { what: 'number in quotes', from: '    max: 120', to: '    max: "120"', code: 'invalid-type', at: '"120"', says: ['Remove the quotes'] },
  { what: 'number with its unit', from: '    max: 120', to: '    max: 120 years', code: 'invalid-type', at: '120 years', says: ['Write only the number'] },
  { what: 'text that YAML reads as a boolean', from: '        label: Trying', to: '        label: true', code: 'invalid-type', at: 'true', says: ['"label" must be text', 'put it in quotes'] },
  { what: 'options not a list', from: '    options:\n      - id: psychosis', to: '    options: psychosis\n    xoptions:\n      - id: psychosis', code: 'invalid-type', at: 'psychosis\n', says: ['"options" must be a list', 'Write a list'] },
  { what: 'empty value', from: '    unit: years', to: '    unit:', code: 'invalid-type', at: 'unit:', says: ['the field "unit" has no value'] },
  // --- unknown and missing fields
  { what: 'misspelt field', from: '    text: How old are you?', to: '    txt: How old are you?', code: 'unknown-field', at: 'txt', says: ['question 1 ("age") has no field "txt"', 'Did you mean "text"?'] },
  { what: 'field of a number question on a choice question', from: '    type: single-choice', to: '    type: single-choice\n    unit: years', code: 'unknown-field', at: 'unit: years\n    options', says: ['has no field "unit"', 'Allowed fields: id, text, help, showIf, type, options'] },
  { what: 'missing clinician note', from: '    clinicianNote: Adults only.\n', to: '', code: 'missing-field', at: 'id: under-18', says: ['rule 1 ("under-18") is missing the field "clinicianNote"'] },
  { what: 'misspelt outcome', from: '  review: { title', to: '  reviw: { title', code: 'unknown-field', at: 'reviw', says: ['Did you mean "review"?'] },
  // --- bad values
  { what: 'tier that does not exist', from: '    tier: review', to: '    tier: reveiw', code: 'unknown-tier', at: 'reveiw', says: ['"tier" must be one of "crisis", "not-suitable" or "review"', 'Did you mean "review"?'] },
  { what: 'candidate is not a rule tier', from: '    tier: review', to: '    tier: candidate', code: 'unknown-tier', at: 'candidate\n', says: ['found the text "candidate"'] },
  { what: 'invariant floor that does not exist', from: '    atLeast: not-suitable', to: '    atLeast: notsuitable', code: 'unknown-tier', at: 'notsuitable', says: ['Did you mean "not-suitable"?'] },
  { what: 'question type misspelt', from: '    type: number\n    unit: years', to: '    type: numbr\n    unit: years', code: 'invalid-value', at: 'numbr', says: ['Did you mean "number"?'] },
  { what: 'id with capitals and spaces', from: '  - id: under-18', to: '  - id: Under 18', code: 'invalid-id', at: 'Under 18', says: ['lower-case', 'Try "under-18"'] },
  { what: 'date in the wrong format', from: 'reviewedOn: 2026-01-15', to: 'reviewedOn: 15/01/2026', code: 'invalid-value', at: '15/01/2026', says: ['YYYY-MM-DD'] },
  { what: 'choice question with one option', from: '      - id: psychosis\n        label: Psychosis now\n      - id: high-bp\n        label: High blood pressure\n', to: '', code: 'too-few', at: '- id: none', says: ['needs at least 2 options; found 1'] },
  { what: 'no rules', from: 'rules:\n  - id: under-18', to: 'rules: []\nold-rules:\n  - id: under-18', code: 'too-few', at: '[]', says: ['needs at least 1 rule; found 0'] },
  { what: 'translated text with a made-up language key', from: '  body: This takes about a minute.', to: '  body: { english: This takes about a minute. }', code: 'invalid-locale', at: 'english', says: ['"english" is not a language code'] },
  // --- unsafe text
  { what: 'HTML in a reason', from: 'reason: This service is for adults.', to: 'reason: This service is <b>for adults</b>.', code: 'unsafe-text', at: 'This service is <b>', says: ['HTML is not allowed'] },
  { what: 'script link in text', from: '  body: This takes about a minute.', to: '  body: "[more](javascript:alert(1))"', code: 'unsafe-text', at: '"[more]', says: ['script URLs'] },
  { what: 'event handler in text', from: '  start: Start', to: '  start: Start onclick=alert(1)', code: 'unsafe-text', at: 'Start onclick', says: ['event-handler'] },
  { what: 'crisis link that is not a phone or https link', from: 'href: tel:988', to: 'href: javascript:alert(1)', code: 'invalid-value', at: 'javascript:', says: ['starts with https:, tel:, sms: or mailto:'] },
  // --- condition shapes
  { what: 'misspelt test', from: '{ question: age, lessThan: 18 }', to: '{ question: age, lesThan: 18 }', code: 'invalid-condition', at: 'lesThan', says: ['no test "lesThan"', 'Did you mean "lessThan"?', 'Tests are: equals, oneOf, noneOf, includes, includesAny, lessThan, atMost, greaterThan, atLeast, answered, all, any, not'] },
  { what: 'two tests in one condition', from: '{ question: age, lessThan: 18 }', to: '{ question: age, lessThan: 18, atLeast: 3 }', code: 'invalid-condition', at: 'atLeast: 3', says: ['exactly one test', '"lessThan" and "atLeast"', '"all:"'] },
  { what: 'no test at all', from: '{ question: age, lessThan: 18 }', to: '{ question: age }', code: 'invalid-condition', at: '{ question: age }', says: ['has no test (it only has "question")'] },
  { what: 'test without its question', from: '{ question: age, lessThan: 18 }', to: '{ lessThan: 18 }', code: 'invalid-condition', at: '{ lessThan: 18 }', says: ['"lessThan" needs the question it reads'] },
  { what: 'number test given text', from: '{ question: age, lessThan: 18 }', to: "{ question: age, lessThan: 'eighteen' }", code: 'invalid-condition', at: "'eighteen'", says: ['"lessThan" takes a number; found the text "eighteen"'] },
  { what: 'oneOf given a single id', from: 'oneOf: [pregnant, trying]', to: 'oneOf: pregnant', code: 'invalid-condition', at: 'pregnant }\n    tier', says: ['"oneOf" takes a list of option ids'] },
  { what: 'all with a question', from: '{ question: age, lessThan: 18 }', to: '{ question: age, all: [{ question: age, lessThan: 18 }] }', code: 'invalid-condition', at: 'question: age, all', says: ['"all:" combines whole conditions and takes no "question:"'] },
  { what: 'misspelt test deep inside all/not', from: '{ question: age, lessThan: 18 }', to: '{ all: [{ question: age, lessThan: 18 }, { not: { question: age, atleast: 3 } }] }', code: 'invalid-condition', at: 'atleast', says: ['Did you mean "atLeast"?'] },
  { what: 'missing when', from: '    when: { question: age, lessThan: 18 }\n', to: '', code: 'missing-field', at: 'id: under-18', says: ['rule 1 ("under-18") is missing the field "when"'] },
  // --- meaning: ids
  { what: 'unknown question in a rule', from: '{ question: age, lessThan: 18 }', to: '{ question: ages, lessThan: 18 }', code: 'unknown-question', at: 'ages', says: ['there is no question "ages". Did you mean "age"?'] },
  { what: 'unknown question with no close match lists the questions', from: '{ question: age, lessThan: 18 }', to: '{ question: weight, lessThan: 18 }', code: 'unknown-question', at: 'weight', says: ['Questions are: age, pregnancy, pregnancy-weeks, conditions'] },
  { what: 'unknown question in showIf', from: 'showIf: { question: pregnancy, equals: pregnant }', to: 'showIf: { question: pregnancey, equals: pregnant }', code: 'unknown-question', at: 'pregnancey', says: ['Did you mean "pregnancy"?'] },
  { what: 'unknown question in an invariant', from: 'when: { question: pregnancy, equals: pregnant }\n    atLeast', to: 'when: { question: pregnant, equals: pregnant }\n    atLeast', code: 'unknown-question', at: 'pregnant, equals: pregnant }\n    atLeast', says: ['there is no question "pregnant"'] },
  { what: 'unknown option in a list', from: 'oneOf: [pregnant, trying]', to: 'oneOf: [pregnant, tryng]', code: 'unknown-option', at: 'tryng', says: ['the question "pregnancy" has no option "tryng". Did you mean "trying"?', 'Its options are: pregnant, trying, no'] },
  { what: 'unknown option in an invariant', from: 'equals: pregnant }\n    atLeast', to: 'equals: pregnent }\n    atLeast', code: 'unknown-option', at: 'pregnent', says: ['Did you mean "pregnant"?'] },
  { what: 'unknown option in includes', from: 'includes: psychosis', to: 'includes: psychoses', code: 'unknown-option', at: 'psychoses', says: ['"conditions" has no option "psychoses"'] },
  // --- meaning: tests against question types
  { what: 'lessThan on a choice question', from: '{ question: pregnancy, oneOf: [pregnant, trying] }', to: '{ question: pregnancy, lessThan: 3 }', code: 'operator-mismatch', at: 'lessThan: 3', says: ['"lessThan" does not work on "pregnancy", a single-choice question', 'use equals, oneOf or noneOf'] },
  { what: 'includes on a single choice', from: '{ question: pregnancy, oneOf: [pregnant, trying] }', to: '{ question: pregnancy, includes: pregnant }', code: 'operator-mismatch', at: 'includes: pregnant', says: ['"includes" does not work on "pregnancy", a single-choice question'] },
  { what: 'equals on a multiple choice', from: '{ question: conditions, includes: psychosis }', to: '{ question: conditions, equals: psychosis }', code: 'operator-mismatch', at: 'equals: psychosis', says: ['use includes, includesAny or noneOf'] },
  { what: 'equals on a number', from: '{ question: age, lessThan: 18 }', to: '{ question: age, equals: young }', code: 'operator-mismatch', at: 'equals: young', says: ['"age", a number question', 'lessThan, atMost, greaterThan or atLeast'] },
  // --- meaning: duplicates
  { what: 'two questions with one id', from: '  - id: pregnancy-weeks', to: '  - id: age', code: 'duplicate-id', at: 'age\n    text: How many weeks', says: ['the question id "age" is already used on line 18'] },
  { what: 'two options with one id', from: '      - id: trying', to: '      - id: pregnant', code: 'duplicate-id', at: 'pregnant\n        label: Trying', says: ['the option id "pregnant" is already used on line 28'] },
  { what: 'two rules with one id', from: '  - id: psychosis\n    when', to: '  - id: pregnant\n    when', code: 'duplicate-id', at: 'pregnant\n    when: { question: conditions', says: ['the rule id "pregnant" is already used on line 59'] },
  { what: 'two invariants with one id', from: 'invariants:\n', to: 'invariants:\n  - id: pregnant-not-suitable\n    description: Copy.\n    when: { question: age, lessThan: 18 }\n    atLeast: not-suitable\n', code: 'duplicate-id', at: 'pregnant-not-suitable\n    description: A pregnant', says: ['the invariant id "pregnant-not-suitable" is already used on line 92'] },
  // --- meaning: branching and ranges
  { what: 'showIf on a later question', from: 'showIf: { question: pregnancy, equals: pregnant }', to: 'showIf: { question: conditions, includes: psychosis }', code: 'show-if-order', at: 'conditions, includes: psychosis }\n', says: ['reads "conditions", which is asked later (line 41)', 'move "conditions" above "pregnancy-weeks"'] },
  { what: 'showIf on its own question', from: 'showIf: { question: pregnancy, equals: pregnant }', to: 'showIf: { question: pregnancy-weeks, atLeast: 3 }', code: 'show-if-order', at: 'pregnancy-weeks, atLeast', says: ['reads its own answer'] },
  { what: 'empty number range', from: '    min: 1\n    max: 45', to: '    min: 45\n    max: 1', code: 'number-range', at: '45\n    max: 1', says: ['the range is empty: "min" (45) must be less than "max" (1)'] },
  { what: 'equal min and max', from: '    min: 1\n    max: 45', to: '    min: 45\n    max: 45', code: 'number-range', at: '45\n    max: 45', says: ['the range is empty'] },
  { what: 'step larger than the range', from: '    max: 45', to: '    max: 45\n    step: 50', code: 'number-range', at: '50', says: ['"step" (50) is larger than the whole range 1–45'] },
];

describe('loadRuleSet() on deeply nested conditions', () => {
  /** The minimal file with the first rule's condition wrapped in `levels - 1` nots (`levels` counts the test too). */
  function nested(levels: number): string {
    const leaf = '{ question: age, lessThan: 18 }';
    return broken(`when: ${leaf}`, `when: ${'{ not: '.repeat(levels - 1)}${leaf}${' }'.repeat(levels - 1)}`);
  }

  it(`loads a condition ${MAX_CONDITION_DEPTH} levels deep, the widget's limit`, () => {
    expect(loadRuleSet(nested(MAX_CONDITION_DEPTH), 'rules/test.yaml').ok).toBe(true);
  });

  it.each([MAX_CONDITION_DEPTH + 1, 800])('refuses a condition %i levels deep, at its line, as the widget would', (levels) => {
    const source = nested(levels);
    const errors = errorsOf(source);
    // Past the limit on YAML nesting (rules/README.md, "Limits") the file is not read further: that error names the condition limit too.
    const issue = errors.find((e) => e.code === (levels > MAX_YAML_DEPTH ? 'yaml-too-deep' : 'condition-too-deep'));
    expect(issue, `issues: ${errors.map(formatIssue).join('\n')}`).toBeDefined();
    expect(issue!.line).toBe(positionOf(source, 'when: { not').line);
    expect(issue!.message).toContain(`at most ${MAX_CONDITION_DEPTH} levels`);
  });
});

describe('loadRuleSet() on broken files', () => {
  it.each(BROKEN)('$what → $code at the break', ({ from, to, code, at, says }) => {
    const source = broken(from, to);
    const errors = errorsOf(source);
    const issue = errors.find((e) => e.code === code);
    expect(issue, `issues: ${errors.map(formatIssue).join('\n')}`).toBeDefined();
    expect({ line: issue!.line, column: issue!.column }).toEqual(positionOf(source, at));
    for (const text of says) expect(issue!.message).toContain(text);
    expect(issue!.file).toBe('rules/test.yaml');
  });

  it('reports a YAML syntax error with its line and a hint', () => {
    const file = 'tests/fixtures/loader/yaml-syntax.yaml';
    const result = loadRuleSet(readFileSync(file, 'utf8'), file);
    expect(result.ok).toBe(false);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/loader/yaml-syntax.yaml:6:3 YAML syntax: this line has no colon, or the next line is indented too far. Write "name: value".",
      ]
    `);
  });

  it('reports a duplicate key as an error at the second key', () => {
    const file = 'tests/fixtures/loader/duplicate-key.yaml';
    const result = loadRuleSet(readFileSync(file, 'utf8'), file);
    expect(result.ok).toBe(false);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/loader/duplicate-key.yaml:9:5 the field "tier" is written twice in the same place; it is not clear which one is meant. Keep only one.",
      ]
    `);
  });

  it('points an unclosed quote at the line where it opened, not the end of the file', () => {
    const source = broken('title: Minimal screener', 'title: "Minimal screener');
    const [issue] = errorsOf(source);
    expect(issue!.code).toBe('yaml-syntax');
    expect(issue!.line).toBe(4);
    expect(issue!.message).toContain('quote');
  });

  it('reports tabs used for indentation', () => {
    const [issue] = errorsOf(broken('  reviewedOn: 2026-01-15', '\treviewedOn: 2026-01-15'));
    expect(issue).toMatchObject({ code: 'yaml-syntax', line: 7 });
    expect(issue!.message).toContain('Indent with spaces, never tabs');
  });

  it('explains an empty file and a file that is not a map', () => {
    expect(errorsOf('')[0]).toMatchObject({ code: 'empty-file', line: 1, column: 1 });
    expect(errorsOf('# only a comment\n')[0]!.message).toContain('the file is empty');
    expect(errorsOf('- a\n- b\n')[0]!.message).toContain('found a list');
  });

  it('reports every shape problem at once, in file order', () => {
    const source = broken('    min: 0', '    min: zero').replace('    tier: review', '    tier: reveiw');
    const lines = errorsOf(source).map((e) => e.line);
    expect(lines).toEqual([22, 73]);
  });

  it('does not also report a field as missing when it is only misspelt', () => {
    const errors = errorsOf(broken('    text: How old are you?', '    txt: How old are you?'));
    expect(errors.map((e) => e.code)).toEqual(['unknown-field']);
  });
});

describe('loadRuleSet() on a resource link per language', () => {
  const perLanguage = (es: string) => broken('      href: tel:988', `      href: { en: "https://988lifeline.org/chat", es: "${es}" }`);

  it('loads a link per language, and each language resolves to its own', () => {
    const result = loadRuleSet(perLanguage('https://988lineadevida.org'), 'r.yaml');
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('not loaded');
    const { href } = result.ruleSet.crisisResources.resources[0]!;
    expect(resolveText(href, 'es-MX', 'en')).toBe('https://988lineadevida.org');
    expect(resolveText(href, 'en-US', 'en')).toBe('https://988lifeline.org/chat');
    expect(resolveText(href, 'fr', 'en')).toBe('https://988lifeline.org/chat');
  });

  // An unsafe link in one language only: refused by screener check, and by the widget when compiled.
  it.each([
    ['a script URL', 'javascript:alert(1)', 'a resource link starts with https:, tel:, sms: or mailto:'],
    ['plain http', 'http://988lineadevida.org', 'a resource link starts with https:, tel:, sms: or mailto:'],
    ['a space', 'https://988lineadevida.org/a b', 'a resource link cannot contain spaces, quotes or < >'],
  ])('refuses %s in the Spanish link, at that line, and so does the widget', async (_what, es, says) => {
    const source = perLanguage(es);
    const result = loadRuleSet(source, 'r.yaml');
    expect(result.ok).toBe(false);
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((e) => e.message.slice(0, says.length))).toEqual([says]);
    expect(errors[0]!.line).toBe(positionOf(source, 'href: {').line);

    const valid = loadRuleSet(perLanguage('https://988lineadevida.org'), 'r.yaml');
    if (!valid.ok) throw new Error('not loaded');
    const compiled = await compileRuleSet(valid.ruleSet);
    compiled.ruleSet.crisisResources.resources[0]!.href = { en: 'https://988lifeline.org/chat', es };
    const widget = validateCompiled(compiled);
    expect(widget.ok).toBe(false);
    expect(widget.ok ? '' : widget.problem).toMatch(/^resources\[0\]: a resource link/);
  });
});

describe('loadRuleSet() warnings', () => {
  it('warns when translated text lacks the default language', () => {
    const result = loadRuleSet(broken('  body: This takes about a minute.', '  body: { es: Tarda un minuto. }'), 'r.yaml');
    expect(result.ok).toBe(true);
    expect(result.issues.map(formatIssue)).toEqual([
      'r.yaml:10:9 warning: this text has no "en" version, though the file is written in "en" and "es"; patients reading "en" see it in another language. Add "en: …".',
    ]);
  });

  it('warns when a step does not divide the range', () => {
    const result = loadRuleSet(broken('    max: 45', '    max: 45\n    step: 5'));
    expect(result.ok).toBe(true);
    expect(result.issues[0]).toMatchObject({ severity: 'warning', code: 'number-range', line: 40 });
  });

  it('warns about exclusive on a single choice', () => {
    const result = loadRuleSet(broken('        label: Trying', '        label: Trying\n        exclusive: true'));
    expect(result.ok).toBe(true);
    expect(result.issues[0]).toMatchObject({ severity: 'warning', code: 'exclusive-option' });
  });
});

describe('formatIssue()', () => {
  it('prints file:line:column then the message', () => {
    const issue: RuleIssue = { code: 'x', severity: 'error', file: 'rules/a.yaml', line: 3, column: 7, path: [], message: 'oops.' };
    expect(formatIssue(issue)).toBe('rules/a.yaml:3:7 oops.');
    expect(formatIssue({ ...issue, severity: 'warning' })).toBe('rules/a.yaml:3:7 warning: oops.');
  });
});

// The same kinds of break in a copy of the real default rules: the clinician's
// view. Each `from` is the first occurrence in rules/ketamine.yaml.
describe('loadRuleSet() on a copy of rules/ketamine.yaml broken in one place', () => {
  const KETAMINE = readFileSync('rules/ketamine.yaml', 'utf8');
  const rows: { what: string; from: string; to: string; code: string; at: string }[] = [
    { what: 'YAML syntax (lost colon)', from: 'showReasons: true', to: 'showReasons true', code: 'yaml-syntax', at: 'showReasons true' },
    { what: 'wrong type', from: '    max: 110', to: '    max: a hundred', code: 'invalid-type', at: 'a hundred' },
    { what: 'unknown field', from: '    unit:\n      en: years', to: '    units:\n      en: years', code: 'unknown-field', at: 'units' },
    { what: 'bad tier', from: '    tier: not-suitable', to: '    tier: not-suitible', code: 'unknown-tier', at: 'not-suitible' },
    { what: 'unknown question', from: "showIf: { question: age, atLeast: 18 }", to: "showIf: { question: agee, atLeast: 18 }", code: 'unknown-question', at: 'agee' },
    { what: 'unknown option', from: "- { question: death-wish, equals: 'yes' }", to: "- { question: death-wish, equals: 'yess' }", code: 'unknown-option', at: "'yess'" },
    { what: 'duplicate question id', from: '  - id: death-wish\n', to: '  - id: age\n', code: 'duplicate-id', at: 'age\n    text:\n      en: In the past few weeks' },
    { what: 'showIf to a later question', from: "showIf: { question: age, atLeast: 18 }", to: "showIf: { question: medicines, answered: true }", code: 'show-if-order', at: 'medicines, answered: true }' },
    { what: 'empty number range', from: '    min: 10\n    max: 110', to: '    min: 110\n    max: 10', code: 'number-range', at: '110\n    max: 10' },
    { what: 'HTML in patient text', from: '    es: Comenzar\n', to: '    es: <b>Comenzar</b>\n', code: 'unsafe-text', at: '<b>Comenzar' },
  ];

  it.each(rows)('$what → $code at the line of the break', ({ from, to, code, at }) => {
    expect(KETAMINE, `rules/ketamine.yaml no longer contains ${JSON.stringify(from)}; update this row`).toContain(from);
    const source = KETAMINE.replace(from, to);
    const result = loadRuleSet(source, 'rules/ketamine.yaml');
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === code);
    expect(issue, result.issues.map(formatIssue).join('\n')).toBeDefined();
    expect({ line: issue!.line, column: issue!.column }).toEqual(positionOf(source, at));
  });
});

describe('src/authoring/loader.ts exports', () => {
  it('keeps its public API (the exports the CLI and the playground use)', async () => {
    const loader = await import('../../src/authoring/loader.ts');
    expect(Object.keys(loader).sort()).toEqual(['findingPlacer', 'formatIssue', 'loadRuleSet', 'parseYaml', 'placeFinding', 'sortIssues']);
  });
});

describe('a rule file with a second YAML document', () => {
  it('is refused at the "---" line that starts it, in plain words', () => {
    const source = readFileSync(new URL('../../rules/ketamine.yaml', import.meta.url), 'utf8');
    const lines = source.split('\n').length;
    const result = loadRuleSet(`${source.trimEnd()}\n---\nid: another\n`, 'two.yaml');
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === 'yaml-syntax');
    expect(issue?.message).toContain('a "---" line starts a second document');
    expect(issue?.line).toBe(lines);
  });
});
