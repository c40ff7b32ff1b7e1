// The CLI's prebuilt bundle (written by build-cli.js): where it lives and
// whether it may run. Plain JavaScript with nothing but Node built-ins, as
// bin.js reads it before anything else is loaded.
//
// The bundle's first line lists every file it was built from, each with its
// size and modification time. It may run only while every one of them is
// exactly as listed: a bundle of older code must never answer for the
// current rules code, so anything else (a file changed, moved or gone, a
// bundle missing or unreadable) means "run the TypeScript itself".
//
// The bundle is CommonJS run through V8 directly (loadBundle), so that V8's
// compiled code can be kept beside it and start-up skips compiling it again.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The repository root (this file is src/cli/bundle.js). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The bundle of src/cli/main.ts. Two folders below the root, like main.ts
 * itself, so main.ts finds the repository from its own location either way.
 */
export const BUNDLE = join(ROOT, '.cache', 'cli', 'main.cjs');

/** How the bundle's first line starts; the JSON of its inputs follows. */
export const MANIFEST_PREFIX = '// screener-cli-bundle ';

/**
 * What a file is now, as the manifest records it: [size, mtimeMs], or null when it cannot be read.
 *
 * @param {string} file
 * @returns {[number, number] | null}
 */
export function fileStamp(file) {
  try {
    const stat = statSync(file);
    return stat.isFile() ? [stat.size, stat.mtimeMs] : null;
  } catch {
    return null;
  }
}

/**
 * The inputs a bundle lists (paths relative to the root, with their stamps), or null when it has none.
 *
 * @param {string} bundle
 * @returns {Record<string, [number, number]> | null}
 */
export function readManifest(bundle) {
  try {
    const bytes = readFileSync(bundle);
    const end = bytes.indexOf(10);
    const first = bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
    if (!first.startsWith(MANIFEST_PREFIX)) return null;
    const manifest = JSON.parse(first.slice(MANIFEST_PREFIX.length));
    const inputs = manifest?.inputs;
    if (!inputs || typeof inputs !== 'object' || Object.keys(inputs).length === 0) return null;
    return inputs;
  } catch {
    return null;
  }
}

/**
 * True when the bundle exists and every file it was built from is unchanged (same size, same modification time).
 *
 * @param {string} [bundle]
 * @param {string} [root] what the manifest's paths are relative to
 * @returns {boolean}
 */
export function bundleIsFresh(bundle = BUNDLE, root = ROOT) {
  const inputs = readManifest(bundle);
  if (!inputs) return false;
  for (const [file, recorded] of Object.entries(inputs)) {
    const now = fileStamp(resolve(root, file));
    if (!now || !Array.isArray(recorded) || now[0] !== recorded[0] || now[1] !== recorded[1]) return false;
  }
  return true;
}

/**
 * Where V8's compiled code of a bundle is kept for one command (`check`,
 * `graph`, …): each command compiles its own part of the bundle. The name
 * holds a hash of the bundle's text, as V8 itself only checks a cache
 * against the length of the code it was made from.
 *
 * @param {string} bundle
 * @param {string} source the bundle's text
 * @param {string} command
 * @returns {string}
 */
export function codeCacheFor(bundle, source, command) {
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return `${bundle}.${command.replace(/[^a-z-]/g, '') || 'none'}.${hash}.v8`;
}

/**
 * Runs the bundle and returns its exports, starting from V8's compiled code
 * for `command` when a previous run kept some that fits (V8 checks it against
 * the source and this Node, and refuses any other). `keepCode` keeps the
 * compiled code when none fitted: call it once the command is done, so it
 * holds everything the command compiled. A cache that cannot be read or
 * written only costs the time it would have saved.
 *
 * @param {string} command
 * @param {string} [bundle]
 * @returns {{ exports: { main(argv: string[]): Promise<number> }, keepCode(): void }}
 */
export function loadBundle(command, bundle = BUNDLE) {
  const source = readFileSync(bundle, 'utf8');
  const cache = codeCacheFor(bundle, source, command);
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  // CommonJS's own wrapper, on the first line so that line numbers stay the bundle's.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const fitted = script.cachedDataRejected === false;
  return {
    exports: module.exports,
    keepCode() {
      if (fitted) return;
      const temporary = `${cache}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cache);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
