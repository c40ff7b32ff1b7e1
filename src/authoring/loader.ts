/**
 * Turns the YAML text of a rule file into a validated rule set, or into a
 * list of issues a clinician can act on: each with file, line, column, path
 * and a message saying what was expected, what was found and how to fix it.
 *
 * Three passes, each only when the one before succeeded: YAML syntax (with
 * duplicate keys as errors), shape (the Zod schema, with its issues reworded),
 * then meaning (ids, tests against question types, branching order, ranges).
 *
 * Pure: no file system. The CLI reads the file; the playground passes the
 * editor's text.
 */
import { Composer, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';
import { MAX_QUESTIONS, MAX_RULE_FILE_BYTES, MAX_YAML_DEPTH } from '../core/vocabulary.ts';
import { tooDeepConditions } from './condition-shape.ts';
import type { Finding } from './finding.ts';
import { messages as M, describe } from './messages.ts';
import { checkRuleSet } from './rule-checks.ts';
import { RuleSet } from './schema.ts';
import { indentProblems } from './yaml-indent.ts';
import { locate, positionAt } from './yaml-positions.ts';
import { translateIssues } from './zod-issues.ts';
import { sortIssues, type RuleIssue } from './rule-issue.ts';

export { formatIssue, sortIssues, type RuleIssue } from './rule-issue.ts';

/** A validated rule set (with warnings), or the errors that stop it loading. */
export type LoadResult = { ok: true; ruleSet: RuleSet; issues: RuleIssue[] } | { ok: false; issues: RuleIssue[] };

/** A parsed YAML file with what is needed to point into it. */
export interface ParsedYaml {
  file: string;
  source: string;
  doc: Document;
  lineCounter: LineCounter;
  /** The plain value, when the YAML is well-formed. */
  value: unknown;
  /** Syntax errors and warnings (duplicate keys included). */
  issues: RuleIssue[];
}

/**
 * Parses YAML text with positions; syntax problems become issues.
 * Shared by the rule loader and the cases loader.
 *
 * @example
 * const parsed = parseYaml('id: x\nid: y\n', 'a.yaml');
 * parsed.issues[0].code // 'duplicate-key'
 */
export function parseYaml(source: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const refused = (offset: number, code: string, message: string): ParsedYaml => {
    const counter = new LineCounter();
    const doc = composeFirst([], '', counter);
    counter.addNewLine(0);
    for (let at = source.indexOf('\n'); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
    const { line, column } = positionAt(counter, offset);
    return {
      file,
      source,
      doc,
      lineCounter: counter,
      value: undefined,
      issues: [{ code, severity: 'error', file, line, column, path: [], message }],
    };
  };
  // Limits first (rules/README.md, "Limits"): a file too large or nested too deep is not read further.
  const bytes = utf8Length(source);
  if (bytes > MAX_RULE_FILE_BYTES) return refused(0, 'file-too-big', M.fileTooBig(bytes));
  // The syntax tree is read once: measured for depth, then composed into the document.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const tooDeep = tooDeepAt(tokens);
  if (tooDeep !== undefined) return refused(tooDeep, 'yaml-too-deep', M.yamlTooDeep());
  const doc = composeFirst(tokens, source, lineCounter);
  const issues: RuleIssue[] = [];
  const seenLines = new Set<number>();
  for (const error of doc.errors) {
    // An unclosed quote is only noticed at the end of the file; point at where it opened.
    // So is an unclosed [ or {: point at the line that opened it.
    const quote = error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? unclosedQuoteAt(source) : undefined;
    const bracket = /end with a ([\]}])/.exec(error.message)?.[1];
    const opener = bracket === '}' ? '{' : '[';
    const openedAt = bracket ? unclosedBracketBefore(source, error.pos[0], opener, bracket) : undefined;
    const { line, column } = positionAt(lineCounter, quote ?? openedAt ?? error.pos[0]);
    // One syntax slip often yields several parser errors on a line; the first says most.
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    const duplicate = error.code === 'DUPLICATE_KEY';
    const message = duplicate
      ? M.duplicateKey(keyText(source, error.pos[0]))
      : quote !== undefined
        ? M.yamlSyntax('MISSING_QUOTE', '')
        : openedAt !== undefined
          ? M.unclosedBracket(opener, bracket!)
          : M.yamlSyntax(error.code, firstLine(error.message));
    issues.push({ code: duplicate ? 'duplicate-key' : 'yaml-syntax', severity: 'error', file, line, column, path: [], message });
  }
  // An indentation slip makes the parser complain on other lines (a missing colon, a second
  // "name:"); one error at the slip, naming the column it should start at, says more.
  const syntax = issues.filter((issue) => issue.code === 'yaml-syntax');
  if (syntax.length > 0) {
    const slips = indentProblems(source);
    const firstLine = Math.min(...syntax.map((issue) => issue.line));
    if (slips.length > 0 && (slips[0]!.how === 'tab' || slips[0]!.line <= firstLine + 1)) {
      const kept = issues.filter((issue) => issue.code !== 'yaml-syntax');
      issues.length = 0;
      issues.push(
        ...kept,
        ...slips.map((slip) => ({
          code: 'yaml-syntax',
          severity: 'error' as const,
          file,
          line: slip.line,
          column: slip.how === 'tab' ? 1 : slip.found + 1,
          path: [],
          message: M.yamlIndent(slip.found, slip.how, slip.expected, slip.alternative),
        })),
      );
    }
  }
  for (const warning of doc.warnings) {
    const { line, column } = positionAt(lineCounter, warning.pos[0]);
    issues.push({
      code: 'yaml-warning',
      severity: 'warning',
      file,
      line,
      column,
      path: [],
      message: M.yamlWarning(firstLine(warning.message)),
    });
  }
  let value: unknown;
  if (!issues.some((issue) => issue.severity === 'error')) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      issues.push({
        code: 'yaml-syntax',
        severity: 'error',
        file,
        line: 1,
        column: 1,
        path: [],
        message: M.yamlUnreadable(String((error as Error).message)),
      });
    }
  }
  return { file, source, doc, lineCounter, value, issues };
}

/**
 * Gives a finding its file, line and column.
 *
 * @example
 * placeFinding(parseYaml(source, 'a.yaml'), { code: 'x', severity: 'error', path: ['rules', 0], message: '…' }).line
 */
export function placeFinding(parsed: ParsedYaml, finding: Finding): RuleIssue {
  const located = locate(parsed.doc, parsed.lineCounter, finding.path);
  const position = finding.at === 'key' && located.keyPosition ? located.keyPosition : located.position;
  return {
    code: finding.code,
    severity: finding.severity,
    file: parsed.file,
    line: position.line,
    column: position.column,
    path: finding.path,
    message: finding.message,
  };
}

/**
 * A function that gives findings about `source` (from lint or the prover) a
 * line and column, by the same rules as the loader's own issues.
 *
 * @example
 * const place = findingPlacer(source, 'rules/ketamine.yaml');
 * lintRuleSet(ruleSet).map(place).map(formatIssue)
 */
export function findingPlacer(source: string, file: string): (finding: Finding) => RuleIssue {
  const parsed = parseYaml(source, file);
  return (finding) => placeFinding(parsed, finding);
}

/**
 * Parses and validates a rule file. A caller that has parsed `source` already
 * (to place other findings in it) passes that parse, which is only read.
 *
 * @example
 * const result = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'rules/ketamine.yaml');
 * if (!result.ok) result.issues.forEach((issue) => console.error(formatIssue(issue)));
 */
export function loadRuleSet(source: string, file = 'rules.yaml', parsed: ParsedYaml = parseYaml(source, file)): LoadResult {
  const warnings = parsed.issues.filter((issue) => issue.severity === 'warning');
  if (parsed.issues.some((issue) => issue.severity === 'error')) return { ok: false, issues: parsed.issues };

  const { value } = parsed;
  if (value === null || value === undefined) {
    return { ok: false, issues: [...warnings, issueAtStart(file, 'empty-file', M.emptyFile())] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [...warnings, issueAtStart(file, 'invalid-type', M.notAMap(describe(value)))] };
  }

  // Before the schema: a rule set over the limit of questions is refused, not analysed.
  const questions = (value as { questions?: unknown }).questions;
  if (Array.isArray(questions) && questions.length > MAX_QUESTIONS) {
    const finding = {
      code: 'too-many-questions',
      severity: 'error' as const,
      path: ['questions'],
      message: M.tooManyQuestions(questions.length),
    };
    return { ok: false, issues: sortIssues([...warnings, placeFinding(parsed, { ...finding, at: 'key' })]) };
  }

  // Before the schema: a condition nested past the widget's limit is refused, not walked.
  const tooDeep = tooDeepConditions(value);
  if (tooDeep.length > 0) return { ok: false, issues: sortIssues([...warnings, ...tooDeep.map((f) => placeFinding(parsed, f))]) };

  const shape = RuleSet.safeParse(value);
  if (!shape.success) {
    const findings = translateIssues(shape.error.issues, value, RuleSet);
    return { ok: false, issues: sortIssues([...warnings, ...findings.map((f) => placeFinding(parsed, f))]) };
  }

  const lineOf = (path: (string | number)[]) => locate(parsed.doc, parsed.lineCounter, path).position.line;
  const meaning = checkRuleSet(shape.data, lineOf).map((f) => placeFinding(parsed, f));
  const issues = sortIssues([...warnings, ...meaning]);
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  return { ok: true, ruleSet: shape.data, issues };
}

/** The length of a text in UTF-8 bytes, as it is stored in the file. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // One more byte from U+0080, two more from U+0800; a surrogate pair is 4 bytes for 2 units.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * Where the YAML first nests lists and maps deeper than {@link MAX_YAML_DEPTH},
 * if it does. Reads the parser's syntax tree without recursion, so a file
 * nested thousands deep is measured, not a stack overflow.
 */
function tooDeepAt(tokens: readonly object[]): number | undefined {
  type Token = { type?: string; offset?: number; items?: { key?: unknown; value?: unknown }[]; key?: unknown; value?: unknown };
  const stack: [Token, number][] = [];
  for (const token of tokens) stack.push([token as Token, 0]);
  while (stack.length > 0) {
    const [token, above] = stack.pop()!;
    const depth = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection' ? above + 1 : above;
    if (depth > MAX_YAML_DEPTH) return token.offset ?? 0;
    const children = [token.key, token.value, ...(token.items ?? []).flatMap((item) => [item.key, item.value])];
    for (const child of children) if (child && typeof child === 'object') stack.push([child as Token, depth]);
  }
  return undefined;
}

/**
 * The first document of a parsed syntax tree, as yaml's `parseDocument` makes
 * it (same options, and a second document is a MULTIPLE_DOCS error), from
 * tokens already read.
 */
function composeFirst(tokens: Parameters<Composer['compose']>[0], source: string, lineCounter: LineCounter): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ lineCounter, uniqueKeys: true, prettyErrors: false }).compose(tokens, true, source.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

function issueAtStart(file: string, code: string, message: string): RuleIssue {
  return { code, severity: 'error', file, line: 1, column: 1, path: [], message };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/[.:]\s*$/, '');
}

/** Offset of the first quote that a line opens and does not close, if any. */
function unclosedQuoteAt(source: string): number | undefined {
  let offset = 0;
  for (const text of source.split('\n')) {
    const match = /^(\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?)(["'])/.exec(text);
    if (match) {
      const quote = match[2]!;
      const body = text.slice(match[1]!.length + 1);
      const closed = quote === '"' ? /(^|[^\\])"/.test(body) : body.replace(/''/g, '').includes("'");
      if (!closed) return offset + match[1]!.length;
    }
    offset += text.length + 1;
  }
  return undefined;
}

/** Offset of the last `open` that is not closed on its own line, on the nearest such line before `offset`. */
function unclosedBracketBefore(source: string, offset: number, open: string, close: string): number | undefined {
  const lines = source.slice(0, offset).split('\n');
  let end = offset;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const text = lines[i]!;
    const start = end - text.length;
    // Ignore comments and quoted text, where brackets are just characters.
    const code = text.replace(/(["'])(?:(?!\1).)*\1/g, (m) => ' '.repeat(m.length)).replace(/\s#.*$/, '');
    const stack: number[] = [];
    for (let j = 0; j < code.length; j += 1) {
      if (code[j] === open) stack.push(j);
      else if (code[j] === close) stack.pop();
    }
    if (stack.length > 0) return start + stack.at(-1)!;
    end = start - 1;
  }
  return undefined;
}

/** The key written at an offset (`  id: x` → `id`), for duplicate-key messages. */
function keyText(source: string, offset: number): string {
  const rest = source.slice(offset, source.indexOf('\n', offset) === -1 ? undefined : source.indexOf('\n', offset));
  const match = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#]+?))\s*:/.exec(rest);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? rest).trim();
}
