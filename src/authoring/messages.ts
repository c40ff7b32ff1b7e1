/**
 * Every message a clinician can see from the loader, the case runner and the
 * CLI, in one place (as Zod keeps its text in `locales/en.ts`). Each says what
 * was expected, what was found and how to fix it, in plain words.
 */
import {
  MAX_CONDITION_DEPTH,
  MAX_NUMBER,
  MAX_QUESTIONS,
  MIN_NUMBER_STEP,
  MAX_RULE_FILE_BYTES,
  MAX_YAML_DEPTH,
  TIERS,
} from '../core/vocabulary.ts';

/**
 * Quotes a value the way it would be written in the file.
 *
 * @example
 * quote('pregnancy') // '"pregnancy"'
 */
export function quote(value: string): string {
  return `"${value}"`;
}

/**
 * A list of ids, quoted.
 *
 * @example
 * listOf(['a', 'b', 'c']) // '"a", "b" or "c"'
 */
export function listOf(values: readonly string[], joiner = 'or'): string {
  const quoted = values.map(quote);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}

/**
 * Names a found value in words.
 *
 * @example
 * describe('18') // 'the text "18"'
 * describe(undefined) // 'nothing'
 */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return value.trim() === '' ? 'empty text' : `the text ${JSON.stringify(short)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value} (a yes/no value)`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty map' : `a map with ${listOf(keys, 'and')}`;
  }
  return String(value);
}

const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Did you mean ${quote(suggestion)}?` : '');

/** Names for Zod's expected types, as a clinician would say them. */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map of fields',
  date: 'a date',
};

/** The message texts, grouped by where they come from. */
export const messages = {
  // ---- YAML ----------------------------------------------------------------
  yamlSyntax: (code: string, detail: string) =>
    `YAML syntax: ${messages.yamlPlain[code] ?? `${detail}. Check the indentation and punctuation on this line.`}`,
  /** Parser errors in plain words, by the `yaml` package's error code. */
  yamlPlain: {
    TAB_AS_INDENT: 'a tab is used to indent this line. Indent with spaces, never tabs.',
    MULTILINE_IMPLICIT_KEY: 'this line has no colon, or the next line is indented too far. Write "name: value".',
    BLOCK_AS_IMPLICIT_KEY:
      'a second "name:" on the same line. Put each "name: value" on its own line, or put text that contains ": " in quotes.',
    MISSING_CHAR: 'something is missing here: a colon after a name, or a closing ] or }.',
    MISSING_QUOTE: 'a quote opened here is never closed. Add the closing quote at the end of the text.',
    BAD_INDENT: 'this line does not line up with the lines above, or a [ or { before it is not closed.',
    UNEXPECTED_TOKEN: 'this line does not fit here. Check its indentation, and that it reads "name: value" or "- item".',
    MULTIPLE_DOCS: 'a "---" line starts a second document, but a rule file holds one rule set. Remove it.',
    BAD_DQ_ESCAPE: 'inside "double quotes" a backslash starts an escape. Use single quotes, or write \\\\ for a backslash.',
    BAD_ALIAS: 'anchors (&) and aliases (*) are not needed in rule files. Write the value out.',
  } as Record<string, string>,
  /** An indentation the lines above explain: where the line starts, where it should, and why. */
  yamlIndent: (
    found: number,
    how: 'tab' | 'between' | 'deeper',
    expected: { spaces: number; what: string; line: number },
    alternative?: { spaces: number; what: string; line: number },
  ) => {
    const at = (place: { spaces: number; what: string; line: number }) =>
      `${place.spaces} space${place.spaces === 1 ? '' : 's'} (column ${place.spaces + 1}), to line up with ${quote(place.what)} on line ${place.line}`;
    const fix = `${at(expected)}${alternative ? `, or by ${at(alternative)}` : ''}.`;
    if (how === 'tab') return `YAML syntax: a tab is used to indent this line. Indent with spaces, never tabs: here by ${fix}`;
    const indented = `this line is indented by ${found} space${found === 1 ? '' : 's'} (column ${found + 1})`;
    return how === 'deeper'
      ? `YAML syntax: ${indented}, deeper than line ${expected.line}, which already has its value. Indent it by ${fix}`
      : `YAML syntax: ${indented}, which lines up with nothing above it. Indent it by ${fix}`;
  },
  unclosedBracket: (open: string, close: string) =>
    `YAML syntax: the ${open} opened here is never closed. Add ${close} at the end of the ${open === '{' ? 'map' : 'list'}.`,
  duplicateKey: (key: string) =>
    `the field ${quote(key)} is written twice in the same place; it is not clear which one is meant. Keep only one.`,
  emptyFile: () => 'the file is empty. A rule set starts with "id:", "version:", "title:" and goes on to "questions:" and "rules:".',
  notAMap: (found: string) => `expected a rule set: fields like "id: ketamine" and "questions:", one per line; found ${found}.`,
  yamlUnreadable: (reason: string) => `the file could not be read as YAML: ${reason}.`,
  yamlWarning: (detail: string) => `YAML: ${detail}.`,

  // ---- Limits (rules/README.md, "Limits") -----------------------------------
  fileTooBig: (bytes: number) =>
    `the file is ${bytes.toLocaleString('en-US')} bytes, over the limit of ${MAX_RULE_FILE_BYTES.toLocaleString('en-US')} bytes (${MAX_RULE_FILE_BYTES / 1024} KB) for a rule file, which is also the most the widget loads; it was not read. Shorten the longest texts, or split the questionnaire.`,
  yamlTooDeep: () =>
    `lists and maps are nested more than ${MAX_YAML_DEPTH} levels deep here, over the limit for a rule file; it was not read further. Check the indentation, and that every [ and { is closed. (A condition can be nested at most ${MAX_CONDITION_DEPTH} levels: write it flatter, or split it into two rules.)`,
  tooManyQuestions: (count: number) =>
    `the rule set has ${count} questions, over the limit of ${MAX_QUESTIONS}. A screen this long cannot be checked (or answered in a few minutes): split it into shorter questionnaires.`,
  numberTooLarge: (field: string, value: number) =>
    field === 'step' && value < MIN_NUMBER_STEP
      ? `"step" is ${value}, below the limit of ${MIN_NUMBER_STEP}. Use a step a patient could actually type, such as 0.1 or 1.`
      : `"${field}" is ${value}, beyond the limit of ${MAX_NUMBER.toLocaleString('en-US')} (either sign) for the numbers of a number question. Use a range a patient could actually type.`,
  analysisTooLarge: (limit: 'nodes' | 'edges' | 'check-nodes' | 'check-steps' | 'seconds', max: number) =>
    `the answer paths of this rule set are too many to analyse: ${
      limit === 'nodes'
        ? `they need more than ${max.toLocaleString('en-US')} merged question screens (the limit of one analysis)`
        : limit === 'edges'
          ? `they need more than ${max.toLocaleString('en-US')} answer steps (the limit of one analysis)`
          : limit === 'check-steps'
            ? `all the analyses together need more than ${max.toLocaleString('en-US')} answer steps (the limit of one check)`
            : limit === 'check-nodes'
              ? `all the analyses together need more than ${max.toLocaleString('en-US')} merged question screens (the limit of one check)`
              : `the analysis took longer than ${max} seconds (the limit of one check)`
    }, so the rest was not checked. Usually a rule, showIf or invariant reads many questions at once (an "all:" over a dozen questions): split it into smaller rules, or read fewer questions in one condition.`,

  // ---- Shape (from the schema) ----------------------------------------------
  missingField: (key: string, where: string) => `${where} is missing the field ${quote(key)}. Add "${key}: …" to it.`,
  invalidType: (field: string, expected: string, found: unknown, hint = '') =>
    `${field} must be ${EXPECTED[expected] ?? expected}; found ${describe(found)}.${hint ? ` ${hint}` : ''}`,
  emptyValue: (key: string) => `the field ${quote(key)} has no value. Write it after the colon, or remove the line.`,
  hintQuoteBoolean: 'YAML reads true/false as a yes/no value; put it in quotes, like "true", to mean the word.',
  hintUnquoteNumber: 'Remove the quotes so it is read as a number.',
  hintOnlyNumber: 'Write only the number; the unit belongs in "unit:".',
  hintWriteList: 'Write a list, like [a, b], or one "- item" per line.',
  hintQuoteText: 'Put it in quotes to keep it as text.',
  hintTryId: (id: string) => `Try ${quote(id)}.`,
  hintIdFormat: (id: string) => `Ids use lower-case letters, digits and hyphens: try ${quote(id)}.`,
  unknownField: (key: string, where: string, suggestion: string | undefined, allowed: readonly string[]) =>
    `${where} has no field ${quote(key)}.${didYouMean(suggestion)}${allowed.length ? ` Allowed fields: ${allowed.join(', ')}.` : ''}`,
  notOneOf: (field: string, values: readonly string[], found: unknown, suggestion: string | undefined) =>
    `${field} must be one of ${listOf(values)}; found ${describe(found)}.${didYouMean(suggestion)}`,
  withFound: (schemaMessage: string, found: unknown, suggestion?: string) =>
    `${schemaMessage}; found ${describe(found)}.${didYouMean(suggestion)}`,
  tooFew: (minimum: number, what: string, found: number) => `needs at least ${minimum} ${what}${minimum === 1 ? '' : 's'}; found ${found}.`,
  tooSmall: (minimum: number, found: unknown) => `must be at least ${minimum}; found ${describe(found)}.`,
  badLocale: (found: string) =>
    `${quote(found)} is not a language code. Use codes like "en", "es" or "pt-BR" as the keys of translated text.`,
  notText: (field: string, found: unknown) =>
    `${field} must be text, or a map of language to text like { en: "Yes", es: "Sí" }; found ${describe(found)}.${
      typeof found === 'boolean' ? ` ${messages.hintQuoteBoolean}` : typeof found === 'number' ? ` ${messages.hintQuoteText}` : ''
    }`,
  /** How a field is named at the start of a message: `"min"`, or `this item` inside a list. */
  fieldName: (key: string | number | undefined) => (typeof key === 'string' ? quote(key) : 'this item'),
  invalidGeneric: (detail: string) => `${detail}.`,

  // ---- Conditions ------------------------------------------------------------
  conditionTests: 'equals, oneOf, noneOf, includes, includesAny, lessThan, atMost, greaterThan, atLeast, answered, all, any, not',
  conditionNotMap: (found: unknown) => `expected a condition like { question: age, lessThan: 18 }; found ${describe(found)}.`,
  conditionUnknownKey: (key: string, suggestion: string | undefined) =>
    `a condition has no test ${quote(key)}.${didYouMean(suggestion)} Tests are: ${messages.conditionTests}.`,
  conditionNoTest: (keys: readonly string[]) =>
    `this condition has no test${keys.length ? ` (it only has ${listOf(keys, 'and')})` : ''}. Add one of: ${messages.conditionTests}.`,
  conditionManyTests: (tests: readonly string[]) =>
    `a condition holds exactly one test; this one has ${listOf(tests, 'and')}. Split them with "all:" (every one true) or "any:" (at least one true).`,
  conditionCombinatorWithQuestion: (combinator: string) =>
    `"${combinator}:" combines whole conditions and takes no "question:"; put "question:" inside each condition of the list.`,
  conditionMissingQuestion: (test: string) =>
    `the test "${test}" needs the question it reads: add "question: <question id>" to this condition.`,
  conditionOperand: (test: string, expected: string, found: unknown, hint = '') =>
    `"${test}" takes ${expected}; found ${describe(found)}.${hint ? ` ${hint}` : ''}`,
  conditionEmptyList: (test: string) => `"${test}:" needs at least one item; found an empty list.`,
  conditionTooDeep: (max: number) =>
    `this condition is nested more than ${max} levels deep (each all, any and not is a level, and the test itself one more); the widget refuses a rule file with it. Conditions can be nested at most ${max} levels: write it flatter, for example with one "any:" list instead of nested ones, or split it into two rules.`,

  // ---- Meaning ---------------------------------------------------------------
  unknownQuestion: (id: string, suggestion: string | undefined, known: readonly string[]) =>
    `there is no question ${quote(id)}.${didYouMean(suggestion)}${suggestion ? '' : ` Questions are: ${known.join(', ')}.`}`,
  unknownOption: (option: string, questionId: string, suggestion: string | undefined, known: readonly string[]) =>
    `the question ${quote(questionId)} has no option ${quote(option)}.${didYouMean(suggestion)} Its options are: ${[...new Set(known)].join(', ')}.`,
  operatorMismatch: (test: string, questionId: string, type: string, instead: string) =>
    `"${test}" does not work on ${quote(questionId)}, a ${type} question. ${instead}`,
  useNumberTests: 'Compare numbers with lessThan, atMost, greaterThan or atLeast.',
  useSingleTests: 'For a single choice, use equals, oneOf or noneOf.',
  useMultipleTests: 'For a multiple choice, use includes, includesAny or noneOf.',
  duplicateId: (kind: string, id: string, firstLine: number) =>
    `the ${kind} id ${quote(id)} is already used on line ${firstLine}. Each ${kind} needs its own id.`,
  showIfSelf: (questionId: string) =>
    `the "showIf" of ${quote(questionId)} reads its own answer, which it cannot have yet. Make it read an earlier question.`,
  showIfLater: (questionId: string, refId: string, refLine: number) =>
    `the "showIf" of ${quote(questionId)} reads ${quote(refId)}, which is asked later (line ${refLine}). A question can only depend on questions before it: move ${quote(refId)} above ${quote(questionId)}, or change the condition.`,
  numberRangeEmpty: (min: number, max: number) =>
    `the range is empty: "min" (${min}) must be less than "max" (${max}). Swap them or fix the numbers.`,
  numberStepTooBig: (step: number, min: number, max: number) =>
    `"step" (${step}) is larger than the whole range ${min}–${max}, so only ${min} could be entered. Use a smaller step.`,
  numberStepUneven: (step: number, min: number, max: number) =>
    `the range ${min}–${max} is not a whole number of steps of ${step}, so ${max} itself cannot be entered. Adjust "max" or "step".`,
  severalExclusive: (questionId: string, ids: readonly string[]) =>
    `${quote(questionId)} has ${ids.length} exclusive options (${listOf(ids, 'and')}); picking any of them clears all the others. Fine if intended.`,
  exclusiveOnSingle: (questionId: string) =>
    `"exclusive" only matters on a multiple-choice question; ${quote(questionId)} is single-choice, where one answer is already the rule. Remove it.`,
  missingLanguage: (missing: readonly string[], declared: readonly string[], crisis: boolean) =>
    `this ${crisis ? 'crisis text' : 'text'} has no ${listOf(missing, 'and')} version, though the file is written in ${listOf(declared, 'and')}` +
    (crisis
      ? ': a patient at risk would read the crisis help in another language. Add it.'
      : `; patients reading ${listOf(missing, 'or')} see it in another language. Add "${missing[0]}: …".`),

  // ---- Cases -----------------------------------------------------------------
  casesNotList: (found: unknown) => `a cases file starts with "cases:" and a list of cases ("- name: …"); found ${describe(found)}.`,
  caseNotMap: (found: unknown) => `a case is a map with "name:", "answers:" and "expect:"; found ${describe(found)}.`,
  caseUnknownField: (key: string, suggestion: string | undefined) =>
    `a case has no field ${quote(key)}.${didYouMean(suggestion)} A case has: name, answers, expect.`,
  caseMissing: (key: string) => `this case is missing "${key}:".`,
  caseNameMissing: () => 'every case needs a "name:" in plain words, so a failure says which one.',
  caseDuplicateName: (name: string, firstLine: number) =>
    `the case name ${quote(name)} is already used on line ${firstLine}. Give each case its own name.`,
  caseAnswersNotMap: (found: unknown) => `"answers:" is a map of question id to answer, like "age: 34"; found ${describe(found)}.`,
  caseExpectUnknownField: (key: string, suggestion: string | undefined) =>
    `"expect:" has no field ${quote(key)}.${didYouMean(suggestion)} It has: tier, fired.`,
  caseUnknownTier: (found: unknown, suggestion: string | undefined) =>
    `"tier:" is one of ${listOf(TIERS)}; found ${describe(found)}.${didYouMean(suggestion)}`,
  caseFiredNotList: (found: unknown) => `"fired:" is a list of rule ids, like [under-18] (or [] for none); found ${describe(found)}.`,
  caseUnknownRule: (id: unknown, suggestion: string | undefined) =>
    `there is no rule ${typeof id === 'string' ? quote(id) : describe(id)}.${didYouMean(suggestion)}`,
  caseBooleanAnswer: (questionId: string, written: string, options: readonly string[]) =>
    `YAML read the answer to ${quote(questionId)} (${written}) as a yes/no value, but answers are option ids. Put it in quotes, like "${written}"; the options are: ${options.join(', ')}.`,
  caseNumberExpected: (questionId: string, found: unknown, hint = '') =>
    `${quote(questionId)} is a number question, so its answer is a number; found ${describe(found)}.${hint ? ` ${hint}` : ''}`,
  caseNumberOutOfRange: (questionId: string, value: number, min: number, max: number, step: number) =>
    `${value} is not a possible answer to ${quote(questionId)}: it allows ${min} to ${max}${step === 1 ? ' in whole numbers' : ` in steps of ${step}`}.`,
  caseSingleExpected: (questionId: string, found: unknown) =>
    `${quote(questionId)} is a single-choice question, so its answer is one option id; found ${describe(found)}.`,
  caseMultipleExpected: (questionId: string, found: unknown) =>
    `${quote(questionId)} is a multiple-choice question, so its answer is a list of option ids, like [a, b]; found ${describe(found)}.${
      typeof found === 'string' ? ` Write [${found}].` : ''
    }`,
  caseExclusiveMixed: (questionId: string, exclusive: string) =>
    `${quote(exclusive)} is exclusive in ${quote(questionId)}: it cannot be picked together with other options.`,
  caseRepeatedOption: (questionId: string, option: string) =>
    `the option ${quote(option)} is listed twice in the answer to ${quote(questionId)}.`,
  caseTier: (expected: string, actual: string) => `expected the outcome ${quote(expected)}, got ${quote(actual)}.`,
  caseFiredMissing: (ids: readonly string[]) =>
    `expected rule${ids.length > 1 ? 's' : ''} ${listOf(ids, 'and')} to fire, but ${ids.length > 1 ? 'they did' : 'it did'} not.`,
  caseFiredUnexpected: (ids: readonly string[]) =>
    `rule${ids.length > 1 ? 's' : ''} ${listOf(ids, 'and')} fired but ${ids.length > 1 ? 'are' : 'is'} not in "fired:".`,
  caseFailed: (name: string, details: readonly string[]) => `case ${quote(name)} failed: ${details.join(' ')}`,

  // ---- Command line ----------------------------------------------------------
  cliHelp: [
    'screener: check, compile and print eligibility-screener rule files.',
    '',
    'Usage:',
    '  screener check <rules.yaml> [--json] [--strict]',
    '      Validate the rule file, run <rules>.cases.yaml beside it (if present), lint it,',
    '      prove its invariants over every answer path and estimate the completion time.',
    '      Prints each problem as file:line:column message, then a one-line summary.',
    '      --json    print one machine-readable report instead',
    '      --strict  count warnings as problems (exit 1)',
    '  screener compile <rules.yaml> [-o <out.json>]',
    '      Validate the rule file and write the JSON the widget loads, with a content hash.',
    '      Default output: the same path with .json (rules/ketamine.yaml → rules/ketamine.json).',
    '  screener graph <rules.yaml> [--html] [-o <out.md>]',
    '      Write the sign-off sheet: a Mermaid flowchart and a table of every rule.',
    '      Default output: the same path with .md (rules/ketamine.yaml → rules/ketamine.md).',
    '      --html  write the same sheet as a printable HTML page instead (default: .html)',
    '  screener sign <rules.yaml> --by "<name, role>" [--on <YYYY-MM-DD>]',
    '      Record a clinician\'s review: who, when (default: today), and the hash of everything',
    '      clinical and patient-facing. check then fails if the rules change after it.',
    '  screener schema [-o <out.json>]',
    '      Write the JSON Schema editors use to check rule files (default: rules/rules.schema.json).',
    '  screener --help',
    '',
    'Exit codes: 0 all good (warnings allowed unless --strict); 1 problems found',
    '(errors, failing cases, broken invariants, a file over a limit: see the Limits',
    'section of rules/README.md); 2 the file could not be read (a folder, a device or',
    'a pipe included), or the command was used wrongly.',
  ].join('\n'),
  cliSignNeedsBy: 'screener sign: who reviewed the rules? For example: screener sign rules/ketamine.yaml --by "Dr Ana Ruiz, medical director"',
  cliSignBadDate: (value: string) => `screener sign: --on takes the date of the review, like 2026-12-05; found ${quote(value)}.`,
  cliSignRefused: (file: string, errors: number) =>
    `screener sign: ${file} is not signed: fix the ${errors} error${errors === 1 ? '' : 's'} \`screener check\` reports first (a sign-off is for rules that pass).`,
  cliSigned: (file: string, by: string, on: string, hash: string) =>
    `signed ${file}: reviewed by ${by} on ${on}, bound to ${hash}. Any later change to the rules makes \`screener check\` fail until they are signed again.`,
  cliSignNotWritten: (file: string, detail: string) => `screener sign: ${file} was left as it was: ${detail}`,
  cliUnknownCommand: (command: string, suggestion: string | undefined) =>
    `screener: unknown command ${quote(command)}.${didYouMean(suggestion)} Run "screener --help" to see the commands.`,
  cliUnknownOption: (command: string, option: string) =>
    `screener ${command}: unknown option ${quote(option)}. Run "screener --help" to see the options.`,
  cliMissingFile: (command: string) => `screener ${command}: which rule file? For example: screener ${command} rules/ketamine.yaml`,
  cliTooManyFiles: (command: string, extra: string) => `screener ${command}: one rule file at a time; unexpected ${quote(extra)}.`,
  cliMissingValue: (option: string) => `screener: ${option} needs a file name after it.`,
  cliCannotRead: (file: string, code: string | undefined, detail: string) =>
    `screener: cannot read ${file}: ${
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ENOTFILE'
              ? 'it is not a plain file (a device, a pipe or a socket); rule files are plain text files'
              : detail
    }.`,
  cliTooBigToRead: (file: string, bytes: number) => `${file}:1:1 ${messages.fileTooBig(bytes)}`,
  cliCannotWrite: (file: string, detail: string) => `screener: cannot write ${file}: ${detail}.`,
  cliStepCrashed: (step: string, detail: string) =>
    `the ${step} step stopped unexpectedly (${detail}). This is a bug in the screener, not in your file; please report it.`,
  cliWrote: (file: string, detail: string) => `wrote ${file} (${detail})`,
  cliTooBig: (file: string, bytes: number, max: number) =>
    `${file}: the compiled rule set is ${bytes} bytes, over the ${max} bytes (${max / 1024} KB) the widget loads, so the widget would refuse it; nothing written. Shorten the longest texts (clinician notes and sources count too) or split the questionnaire.`,
  cliNotWritten: (file: string, errors: number) =>
    `${file}: ${errors} error${errors === 1 ? '' : 's'}; nothing written. Fix the problems above and run it again.`,
  cliNoCases: (file: string) => `no cases file (${file})`,
  cliCasesNotRun: 'cases not run',
  cliNotLoaded: 'the file did not load, so cases, lint, invariants and time were not checked',
  cliCasesPassed: (passed: number, total: number, notRun = 0) => `${passed}/${total} cases passed${notRun ? ` (${notRun} not run)` : ''}`,
  cliInvariantsProven: (proven: number, total: number) => `${proven}/${total} invariants proven`,
  cliNoInvariants: 'no invariants',
  cliCounts: (errors: number, warnings: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  cliCaseDiff: (
    expected: { tier: string; fired: readonly string[] },
    actual: { tier: string; fired: readonly string[] },
    missing: readonly string[],
    unexpected: readonly string[],
  ): string[] => {
    const list = (ids: readonly string[]) => `[${ids.join(', ')}]`;
    return [
      `tier:  expected ${expected.tier}, got ${actual.tier}${expected.tier === actual.tier ? ' (same)' : ''}`,
      `fired: expected ${list(expected.fired)}`,
      `       got      ${list(actual.fired)}`,
      ...(missing.length ? [`       missing  ${list(missing)}`] : []),
      ...(unexpected.length ? [`       extra    ${list(unexpected)}`] : []),
    ];
  },
} as const;

/**
 * Names a place in the rule set for a message: `question 3 ("age")`,
 * `option 2 of question "pregnancy"`, `rule 5 ("under-18")`, `"signOff"`.
 * `idAt` reads the id written at a path, if any.
 *
 * @example
 * placeName(['rules', 4], (path) => valueAt(raw, path)) // 'rule 5 ("under-18")'
 */
export function placeName(path: readonly (string | number)[], idAt: (path: (string | number)[]) => unknown): string {
  const named = (kind: string, at: (string | number)[]) => {
    const index = at.at(-1);
    const id = idAt([...at, 'id']);
    return `${kind} ${typeof index === 'number' ? index + 1 : ''}${typeof id === 'string' ? ` (${quote(id)})` : ''}`.trim();
  };
  const [first, second, third, fourth] = path;
  if (path.length === 0) return 'the rule set';
  if (first === 'questions' && path.length === 2) return named('question', path.slice(0, 2));
  if (first === 'questions' && third === 'options' && path.length === 4) {
    const questionId = idAt(['questions', second!, 'id']);
    return `option ${Number(fourth) + 1} of ${typeof questionId === 'string' ? `question ${quote(questionId)}` : `question ${Number(second) + 1}`}`;
  }
  if (first === 'rules' && path.length === 2) return named('rule', path.slice(0, 2));
  if (first === 'invariants' && path.length === 2) return named('invariant', path.slice(0, 2));
  if (first === 'crisisResources' && second === 'resources' && path.length === 3) return `crisis resource ${Number(third) + 1}`;
  if (first === 'outcomes' && path.length === 2) return `the ${quote(String(second))} outcome`;
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return last === undefined ? 'this item' : `"${last}"`;
}
