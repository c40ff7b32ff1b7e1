/**
 * Running the `screener` command line inside a test: with captured output
 * and the real file system ({@link runCli}), or entirely in memory, keeping
 * what it would write ({@link writtenBy}).
 */
import { readFileSync } from 'node:fs';
import { processIo, type Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

/**
 * Runs `screener <argv>`; returns its exit code and what it printed.
 *
 * @example
 * const { code, out } = await runCli(['check', 'rules/ketamine.yaml']);
 */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { ...processIo(), color: false, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Runs `screener <argv>` reading the real files but writing nothing: returns
 * the text it would write to `path`. Anything it prints as an error, or a
 * non-zero exit, fails the test.
 *
 * @example
 * const sheet = await writtenBy(['graph', 'rules/ketamine.yaml'], 'rules/ketamine.md');
 */
export async function writtenBy(argv: string[], path: string): Promise<string> {
  const written = new Map<string, string>();
  const io: Io = {
    out: () => {},
    err: (text) => {
      throw new Error(text);
    },
    color: false,
    readFile: (file) => readFileSync(file, 'utf8'),
    writeFile: (file, text) => written.set(file, text),
  };
  const code = await main(argv, io);
  if (code !== 0) throw new Error(`screener ${argv.join(' ')} exited ${code}`);
  const text = written.get(path);
  if (text === undefined) throw new Error(`screener ${argv.join(' ')} wrote ${[...written.keys()].join(', ') || 'nothing'}, not ${path}`);
  return text;
}
