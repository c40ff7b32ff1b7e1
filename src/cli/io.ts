/**
 * Where the CLI writes and reads, passed in so tests can run `main()` with
 * captured output and a fake environment instead of spawning a process.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The outside world as the CLI sees it. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour only for a terminal, and never when NO_COLOR is set. */
  color: boolean;
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
}

/**
 * The real process: stdout, stderr, the file system.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), processIo());
 */
export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
  };
}

/**
 * ANSI styles that vanish when colour is off.
 *
 * @example
 * styles(io.color).red('1 error')
 */
export function styles(color: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}
