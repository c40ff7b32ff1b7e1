/**
 * YAML errors name the expected indentation column; one tab gives one error
 * (issue 13, finding 9). Each case breaks the minimal rule file in one place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/authoring/loader.ts';

const MINIMAL = readFileSync('tests/fixtures/loader/minimal.yaml', 'utf8');

function errorsOf(from: string, to: string) {
  expect(MINIMAL).toContain(from);
  const result = loadRuleSet(MINIMAL.replace(from, to), 'rules/test.yaml');
  return result.issues.filter((issue) => issue.severity === 'error');
}

const OPTION = '      - id: trying\n        label: Trying';

describe('indentation errors', () => {
  it('a label indented 7 spaces instead of 8 gets one error naming column 9 and what it lines up with', () => {
    const errors = errorsOf(OPTION, '      - id: trying\n       label: Trying');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'yaml-syntax', line: 31, column: 8 });
    expect(errors[0]!.message).toBe(
      'YAML syntax: this line is indented by 7 spaces (column 8), which lines up with nothing above it. Indent it by 8 spaces (column 9), to line up with "id" on line 30.',
    );
  });

  it('a label indented too deep under a line that has its value names the column too', () => {
    const errors = errorsOf(OPTION, '      - id: trying\n         label: Trying');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 31, column: 10 });
    expect(errors[0]!.message).toContain('Indent it by 8 spaces (column 9), to line up with "id" on line 30');
  });

  it('a list item out of line names the column of the items above', () => {
    const errors = errorsOf('      - id: trying\n', '     - id: trying\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Indent it by 6 spaces (column 7), to line up with "- id" on line 28');
  });

  it('one tab gives one error, with the column to use instead', () => {
    const errors = errorsOf(OPTION, '      - id: trying\n\tlabel: Trying');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'yaml-syntax', line: 31, column: 1 });
    expect(errors[0]!.message).toContain('Indent with spaces, never tabs');
    expect(errors[0]!.message).toContain('8 spaces (column 9)');
  });

  it('one tab before a blank line still gives one error, not a follow-on one', () => {
    const errors = errorsOf('    unit: years\n', '\tunit: years\n\n');
    expect(errors.map((error) => error.line)).toEqual([21]);
  });

  it('other syntax errors keep their own messages', () => {
    expect(errorsOf('    text: How old are you?\n', '    text: "How old are you?\n')[0]!.message).toContain(
      'quote opened here is never closed',
    );
    expect(errorsOf('    text: How old are you?\n', '    text: Note: how old are you?\n')[0]!.message).toContain('a second "name:"');
  });
});
