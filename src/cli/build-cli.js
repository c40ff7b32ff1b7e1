// Bundles the CLI (src/cli/main.ts and all it imports, packages included)
// into one JavaScript file, .cache/cli/main.cjs, so `screener` starts without
// compiling TypeScript on every run. `npm install` runs it (the `prepare`
// script); `npm run build:cli` runs it by hand. bin.js runs the bundle only
// while every file it was built from is unchanged (see bundle.js), and the
// TypeScript through tsx otherwise, so a stale bundle is never used.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, fileStamp, MANIFEST_PREFIX, ROOT } from './bundle.js';

/**
 * Files that shape the bundle without being in it: this build and its
 * settings, the manifest's reader, the bundler's version.
 */
const SETTINGS = ['src/cli/build-cli.js', 'src/cli/bundle.js', 'tsconfig.json', 'tsconfig.base.json', 'node_modules/esbuild/package.json'];

/** How far a file's modification time may be off the clock that `Date.now()` reads (coarse file system clocks). */
const CLOCK_SLACK_MS = 2000;

/**
 * Builds the bundle to `outfile` (written whole, then renamed into place).
 *
 * @param {string} [outfile]
 * @returns {Promise<{ outfile: string; inputs: number }>}
 */
export async function buildCli(outfile = BUNDLE) {
  const target = resolve(outfile);
  const { build } = await import('esbuild');
  for (let attempt = 1; ; attempt += 1) {
    const started = Date.now();
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli/main.ts'],
      bundle: true,
      platform: 'node',
      // CommonJS, run by bundle.js's loadBundle through V8 with a code cache.
      format: 'cjs',
      target: 'node20',
      // Inputs by the path they are imported by (node_modules may be a link), so a relinked folder counts as a change.
      preserveSymlinks: true,
      write: false,
      metafile: true,
      outfile: target,
      logLevel: 'warning',
      // main.ts finds the repository from its own file's URL.
      define: { 'import.meta.url': '__screenerBundleUrl' },
      banner: { js: "const __screenerBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    const finished = Date.now();
    const inputs = {};
    for (const file of [...Object.keys(result.metafile.inputs), ...SETTINGS]) {
      const stamp = fileStamp(join(ROOT, file));
      if (!stamp) throw new Error(`cannot read ${file}, an input of the CLI bundle`);
      inputs[relative(ROOT, join(ROOT, file))] = stamp;
    }
    // A file written while the bundle was built may be in it as it was before: its stamp would
    // then vouch for code the bundle does not hold. Build again once such a write is well past.
    const touched = Object.values(inputs)
      .map(([, mtimeMs]) => mtimeMs)
      .filter((mtimeMs) => mtimeMs >= started - CLOCK_SLACK_MS && mtimeMs <= finished + CLOCK_SLACK_MS);
    if (touched.length > 0) {
      if (attempt === 3) throw new Error('the sources kept changing while they were bundled');
      await new Promise((done) => setTimeout(done, Math.max(...touched) + CLOCK_SLACK_MS - Date.now() + 10));
      continue;
    }
    const code = result.outputFiles.find((file) => file.path === target)?.text;
    if (code === undefined) throw new Error('esbuild wrote no bundle');
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, `${MANIFEST_PREFIX}${JSON.stringify({ inputs })}\n${code}`);
      renameSync(temporary, target);
      // V8 code kept for the bundle before this one (bundle.js, codeCacheFor) no longer fits.
      for (const file of readdirSync(dirname(target))) {
        if (file.startsWith(`${basename(target)}.`) && file.endsWith('.v8')) rmSync(join(dirname(target), file), { force: true });
      }
    } finally {
      rmSync(temporary, { force: true });
    }
    return { outfile: target, inputs: Object.keys(inputs).length };
  }
}

// `node src/cli/build-cli.js`: never fails `npm install`; without the bundle, bin.js runs the TypeScript.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { outfile, inputs } = await buildCli();
    console.log(`screener: bundled the CLI into ${relative(process.cwd(), outfile) || outfile} (${inputs} files)`);
  } catch (error) {
    console.warn(`screener: could not bundle the CLI (${error.message}); it runs from the TypeScript instead, more slowly.`);
  }
}
