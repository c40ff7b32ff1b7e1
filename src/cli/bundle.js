// The CLI's prebuilt bundle (written by build-cli.js): where it lives and
// whether it may run. Plain JavaScript with nothing but Node built-ins, as
// bin.js reads it before anything else is loaded.
//
// The bundle's first line lists every file it was built from, each with its
// size and modification time. It may run only while every one of them is
// exactly as listed: a bundle of older code must never answer for the
// current rules code, so anything else (a file changed, moved or gone, a
// bundle missing or unreadable) means "run the TypeScript itself".
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is src/cli/bundle.js). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The bundle of src/cli/main.ts. Two folders below the root, like main.ts
 * itself, so main.ts finds the repository from its own location either way.
 */
export const BUNDLE = join(ROOT, '.cache', 'cli', 'main.mjs');

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
