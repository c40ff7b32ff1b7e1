/**
 * Where the CLI writes and reads, passed in so tests can run `main()` with
 * captured output and a fake environment instead of spawning a process.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { messages as M } from '../authoring/messages.ts';
import { MAX_RULE_FILE_BYTES } from '../core/vocabulary.ts';

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
    readFile: (path) => readPlainFile(path),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
  };
}

/** A file too large to read: `code` is `EFBIG`, `size` its size in bytes. */
export type TooBigError = NodeJS.ErrnoException & { code: 'EFBIG'; size: number };

/**
 * Reads a plain file as UTF-8, at most `maxBytes` of it. Anything else is
 * refused before it is read, so nothing can hang or fill the memory: a
 * folder (`EISDIR`), a device such as /dev/zero, a pipe or a socket
 * (`ENOTFILE`), a file over `maxBytes` (`EFBIG`, with its `size`).
 *
 * @example
 * readPlainFile('/dev/zero') // throws { code: 'ENOTFILE' }
 */
export function readPlainFile(path: string, maxBytes = MAX_RULE_FILE_BYTES): string {
  const refuse = (code: string, message: string, size?: number): never => {
    throw Object.assign(new Error(message), { code, path, ...(size === undefined ? {} : { size }) });
  };
  const check = (stats: { isFile(): boolean; isDirectory(): boolean; size: number }) => {
    if (stats.isDirectory()) refuse('EISDIR', 'it is a folder');
    if (!stats.isFile()) refuse('ENOTFILE', 'not a plain file');
    if (stats.size > maxBytes) refuse('EFBIG', M.fileTooBig(stats.size), stats.size);
  };
  // Looked at before it is opened: opening a pipe waits for a writer.
  check(statSync(path));
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    check(fstatSync(fd));
    // One byte more than allowed tells a file that grew since from one that fits.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) refuse('EFBIG', M.fileTooBig(length), length);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
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
