/**
 * The `screener` command line for clinicians and CI:
 * `check` (validate, cases, lint, invariants, time), `compile` (the widget's
 * JSON), `graph` (the sign-off sheet) and `schema` (the editors' JSON Schema).
 * Run `screener --help` for usage and exit codes.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBudget, PathGraphTooLargeError, ruleSetToMarkdown, sheetToHtml, TooManyClassesError, withAnalysisBudget } from '../analysis/index.ts';
import { reviewHash } from '../authoring/review-hash.ts';
import { loadCases } from '../authoring/cases.ts';
import { compileRuleSet, MAX_COMPILED_BYTES } from '../core/compile.ts';
import { findingPlacer, formatIssue, loadRuleSet } from '../authoring/loader.ts';
import { messages as M } from '../authoring/messages.ts';
import { ruleSetJsonSchema, type RuleSet } from '../authoring/schema.ts';
import { closest } from '../authoring/suggest.ts';
import { printReport, runCheck } from './check.ts';
import { processIo, type Io } from './io.ts';
import { casesFileFor, type CasesData, type TimeData } from '../analysis/index.ts';
import type { InvariantResult } from '../analysis/prove.ts';
import { pickSelfTest } from '../core/self-test.ts';
import { signedSource, SIGN_OFF_CODES } from './sign.ts';
import { withBoundSignOff } from '../authoring/review-hash.ts';

/** Exit codes, as documented in `screener --help`. */
export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;

const COMMANDS = ['check', 'compile', 'graph', 'sign', 'schema', 'help'] as const;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where `screener schema` writes by default. */
export const SCHEMA_FILE = join(REPO_ROOT, 'rules', 'rules.schema.json');

interface Args {
  files: string[];
  flags: Set<string>;
  out?: string;
}

class UsageError extends Error {}

/**
 * Runs the CLI and returns the exit code (never calls `process.exit`, so
 * tests can call it with a captured {@link Io}).
 *
 * @example
 * process.exitCode = await main(['check', 'rules/ketamine.yaml']);
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(M.cliHelp);
      return EXIT.ok;
    }
    switch (command) {
      case 'check':
        return check(parseArgs('check', rest, ['--json', '--strict']), io);
      case 'compile':
        return await compile(parseArgs('compile', rest, [], true), io);
      case 'graph':
        return graph(parseArgs('graph', rest, ['--html'], true), io);
      case 'sign':
        return sign(rest, io);
      case 'schema':
        return schema(parseArgs('schema', rest, [], true), io);
      default:
        io.err(M.cliUnknownCommand(command, closest(command, COMMANDS)));
        return EXIT.unreadable;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT.unreadable;
    }
    throw error;
  }
}

function parseArgs(command: string, args: readonly string[], flags: readonly string[], takesOut = false): Args {
  const parsed: Args = { files: [], flags: new Set() };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') parsed.flags.add('--help');
    else if (takesOut && (arg === '-o' || arg === '--out')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('-')) throw new UsageError(M.cliMissingValue(arg));
      parsed.out = value;
      i += 1;
    } else if (takesOut && arg.startsWith('--out=')) parsed.out = arg.slice('--out='.length);
    else if (flags.includes(arg)) parsed.flags.add(arg);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(M.cliUnknownOption(command, arg));
    else parsed.files.push(arg);
  }
  return parsed;
}

function oneFile(command: string, args: Args): string {
  const [file, extra] = args.files;
  if (file === undefined) throw new UsageError(M.cliMissingFile(command));
  if (extra !== undefined) throw new UsageError(M.cliTooManyFiles(command, extra));
  return file;
}

/**
 * Reads the rule file, or reports why not: the exit code 2 when it cannot be
 * read, 1 when it is over the size limit (a problem with the file).
 */
function readRuleFile(file: string, io: Io, json = false): string | { code: number } {
  try {
    return io.readFile(file);
  } catch (error) {
    const { code, message, size } = error as NodeJS.ErrnoException & { size?: number };
    const tooBig = code === 'EFBIG' && size !== undefined;
    const text = tooBig ? M.cliTooBigToRead(file, size) : M.cliCannotRead(file, code, message);
    const exitCode = tooBig ? EXIT.problems : EXIT.unreadable;
    if (json) io.out(JSON.stringify({ file, ok: false, exitCode, error: text }, null, 2));
    else io.err(text);
    return { code: exitCode };
  }
}

function check(args: Args, io: Io): number {
  if (args.flags.has('--help')) return help(io);
  const file = oneFile('check', args);
  const json = args.flags.has('--json');
  const source = readRuleFile(file, io, json);
  if (typeof source !== 'string') return source.code;
  const readOptional = optionalReader(io);
  const report = runCheck(file, source, readOptional, { strict: args.flags.has('--strict') });
  if (json) io.out(JSON.stringify(report, null, 2));
  else printReport(report, io);
  return report.exitCode;
}

function optionalReader(io: Io) {
  return (path: string): string | undefined => {
    try {
      return io.readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}

/** Loads a rule file for compile and graph, printing its errors; the exit code when it does not load. */
function loadForWriting(file: string, io: Io): { ruleSet: RuleSet; source: string; code?: never } | { code: number; ruleSet?: never } {
  const source = readRuleFile(file, io);
  if (typeof source !== 'string') return source;
  const result = loadRuleSet(source, file);
  for (const issue of result.issues) io.err(formatIssue(issue));
  if (!result.ok) {
    io.err(M.cliNotWritten(file, result.issues.filter((i) => i.severity === 'error').length));
    return { code: EXIT.problems };
  }
  return { ruleSet: result.ruleSet, source };
}

function write(file: string, text: string, io: Io): boolean {
  try {
    io.writeFile(file, text);
    return true;
  } catch (error) {
    io.err(M.cliCannotWrite(file, (error as Error).message));
    return false;
  }
}

async function compile(args: Args, io: Io): Promise<number> {
  if (args.flags.has('--help')) return help(io);
  const file = oneFile('compile', args);
  // The loader refuses what the widget's own check refuses (unsafe text,
  // conditions nested too deep, tests on the wrong question type); the size
  // is only known once compiled.
  const loaded = loadForWriting(file, io);
  if (!loaded.ruleSet) return loaded.code;
  const out = args.out ?? file.replace(/\.ya?ml$/i, '') + '.json';
  // A few of the rule set's own scenario cases go in as its self-test (src/core/self-test.ts).
  const casesFile = casesFileFor(file);
  let casesSource: string | undefined;
  try {
    casesSource = optionalReader(io)(casesFile);
  } catch (error) {
    // A cases file that is there but cannot be read (a folder, a device, over the size limit): said, nothing written.
    const { code, message, size } = error as NodeJS.ErrnoException & { size?: number };
    const tooBig = code === 'EFBIG' && size !== undefined;
    io.err(tooBig ? M.cliTooBigToRead(casesFile, size) : M.cliCannotRead(casesFile, code, message));
    return tooBig ? EXIT.problems : EXIT.unreadable;
  }
  const cases = casesSource === undefined ? undefined : loadCases(casesSource, casesFile, loaded.ruleSet);
  if (cases && !cases.ok) {
    for (const issue of cases.issues) io.err(formatIssue(issue));
    io.err(M.cliNotWritten(casesFile, cases.issues.filter((i) => i.severity === 'error').length));
    return EXIT.problems;
  }
  const compiled = await compileRuleSet(withBoundSignOff(loaded.ruleSet), cases ? pickSelfTest(loaded.ruleSet, cases.cases) : undefined);
  const text = `${JSON.stringify(compiled, null, 2)}\n`;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_COMPILED_BYTES) {
    io.err(M.cliTooBig(file, bytes, MAX_COMPILED_BYTES));
    return EXIT.problems;
  }
  if (!write(out, text, io)) return EXIT.unreadable;
  io.out(M.cliWrote(out, `version ${loaded.ruleSet.version}, ${compiled.hash}, ${compiled.selfTest?.length ?? 0} self-test cases`));
  return EXIT.ok;
}

/**
 * `screener sign <file> --by "<name, role>" [--on <date>]`: records the review in the file's
 * `signOff`, bound to its review hash (src/authoring/review-hash.ts). Only rules that pass
 * `check` (sign-off findings aside) are signed; the rest of the file is left byte for byte.
 */
function sign(argv: readonly string[], io: Io): number {
  const rest = [...argv];
  const take = (name: string): string | undefined => {
    const at = rest.indexOf(name);
    if (at < 0) return undefined;
    const value = rest[at + 1];
    if (value === undefined || value.startsWith('-')) throw new UsageError(name === '--by' ? M.cliSignNeedsBy : M.cliSignBadDate(''));
    rest.splice(at, 2);
    return value;
  };
  const by = take('--by')?.trim();
  const on = take('--on') ?? new Date().toISOString().slice(0, 10);
  const args = parseArgs('sign', rest, []);
  if (args.flags.has('--help')) return help(io);
  const file = oneFile('sign', args);
  if (!by) throw new UsageError(M.cliSignNeedsBy);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) throw new UsageError(M.cliSignBadDate(on));
  const source = readRuleFile(file, io);
  if (typeof source !== 'string') return source.code;
  const report = runCheck(file, source, optionalReader(io), { strict: false });
  // The sign-off's own findings (pending, stale, not bound) are what signing settles.
  const errors = report.issues.filter((issue) => issue.severity === 'error' && !SIGN_OFF_CODES.includes(issue.code));
  if (errors.length > 0) {
    printReport(report, io);
    io.err(M.cliSignRefused(file, errors.length));
    return EXIT.problems;
  }
  const signed = signedSource(source, file, { reviewedBy: by, reviewedOn: on });
  if (!signed.ok) {
    io.err(M.cliSignNotWritten(file, signed.problem));
    return EXIT.problems;
  }
  if (!write(file, signed.source, io)) return EXIT.unreadable;
  io.out(M.cliSigned(file, by, on, signed.hash));
  return EXIT.ok;
}

function graph(args: Args, io: Io): number {
  if (args.flags.has('--help')) return help(io);
  const file = oneFile('graph', args);
  const loaded = loadForWriting(file, io);
  if (!loaded.ruleSet) return loaded.code;
  const html = args.flags.has('--html');
  const out = args.out ?? file.replace(/\.ya?ml$/i, '') + (html ? '.html' : '.md');
  // The sheet names its source the same way whichever folder it is run from.
  const shown = relative(process.cwd(), resolve(file)).split(sep).join('/');
  let sheet: string;
  try {
    // The sheet carries what `check` finds (cases, proofs, time), so the reviewer signs the results too.
    const report = runCheck(shown, loaded.source, optionalReader(io));
    const steps = report.steps as { invariants?: Pick<InvariantResult, 'id' | 'status'>[]; cases?: CasesData; time?: TimeData };
    sheet = withAnalysisBudget(checkBudget(), () =>
      ruleSetToMarkdown(loaded.ruleSet, {
        file: shown,
        ...(steps.invariants ? { proofs: steps.invariants } : {}),
        check: { summary: report.summary.replace(/^[^:]*: /, ''), cases: steps.cases, time: steps.time },
      }),
    );
  } catch (error) {
    // Over a limit of the analysis (the flowchart follows every answer path): the limit, at the file.
    const finding =
      error instanceof PathGraphTooLargeError
        ? error.toFinding()
        : error instanceof TooManyClassesError
          ? error.toFinding(loaded.ruleSet)
          : null;
    if (!finding) throw error;
    io.err(formatIssue(findingPlacer(loaded.source, file)(finding)));
    io.err(M.cliNotWritten(file, 1));
    return EXIT.problems;
  }
  // The printable page is converted from this very Markdown: one sheet, two forms.
  const text = html ? sheetToHtml(sheet, { hash: reviewHash(loaded.ruleSet) }) : sheet;
  if (!write(out, text, io)) return EXIT.unreadable;
  io.out(M.cliWrote(out, `${loaded.ruleSet.questions.length} questions, ${loaded.ruleSet.rules.length} rules${html ? ', printable HTML' : ''}`));
  return EXIT.ok;
}

function schema(args: Args, io: Io): number {
  if (args.flags.has('--help')) return help(io);
  if (args.files.length > 0) throw new UsageError(M.cliTooManyFiles('schema', args.files[0]!));
  const out = args.out ?? SCHEMA_FILE;
  if (!write(out, schemaText(), io)) return EXIT.unreadable;
  io.out(M.cliWrote(relative(process.cwd(), out) || out, 'JSON Schema for rule files'));
  return EXIT.ok;
}

/**
 * The text of `rules/rules.schema.json`, exactly as `screener schema` writes it.
 *
 * @example
 * readFileSync(SCHEMA_FILE, 'utf8') === schemaText() // true when up to date
 */
export function schemaText(): string {
  return `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
}

function help(io: Io): number {
  io.out(M.cliHelp);
  return EXIT.ok;
}
