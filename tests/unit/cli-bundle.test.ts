/**
 * The CLI's prebuilt bundle (src/cli/build-cli.js, src/cli/bundle.js): bin.js
 * runs it only while every file it was built from is unchanged, and the
 * TypeScript through tsx otherwise. A stale bundle would answer for code
 * that is no longer there, so these tests hold the fallback.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { processIo, type Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

const exec = promisify(execFile);
const ROOT = resolve('.');

interface BundleModule {
  ROOT: string;
  BUNDLE: string;
  MANIFEST_PREFIX: string;
  fileStamp(file: string): [number, number] | null;
  readManifest(bundle: string): Record<string, [number, number]> | null;
  bundleIsFresh(bundle?: string, root?: string): boolean;
  codeCacheFor(bundle: string, source: string, command: string): string;
  loadBundle(command: string, bundle?: string): { exports: Cli; keepCode(): void };
}
interface BuildModule {
  buildCli(outfile?: string): Promise<{ outfile: string; inputs: number }>;
}
type Cli = { main: typeof main };

// Plain JavaScript modules (bin.js loads them before TypeScript can run): typed here.
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(ROOT, file)).href)) as T;
const bundle = await load<BundleModule>('src/cli/bundle.js');

/** Runs a CLI's main() with captured output. */
async function run(cli: Cli, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { ...processIo(), color: false, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await cli.main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bundleIsFresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'screener-bundle-'));
  const input = join(dir, 'input.ts');
  const file = join(dir, 'main.mjs');
  const write = (inputs: unknown) => writeFileSync(file, `${bundle.MANIFEST_PREFIX}${JSON.stringify({ inputs })}\nexport {};\n`);

  it('is true only while every input has the size and modification time it was built with', () => {
    writeFileSync(input, 'export const a = 1;\n');
    write({ 'input.ts': bundle.fileStamp(input) });
    expect(bundle.bundleIsFresh(file, dir)).toBe(true);

    // The same size, a new time (an edit that keeps the length).
    writeFileSync(input, 'export const a = 2;\n');
    utimesSync(input, new Date(), new Date(Date.now() + 5000));
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);

    write({ 'input.ts': bundle.fileStamp(input) });
    expect(bundle.bundleIsFresh(file, dir)).toBe(true);
    // An older time counts as much as a newer one (a file put back from elsewhere).
    utimesSync(input, new Date(), new Date(Date.now() - 86_400_000));
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);

    write({ 'input.ts': bundle.fileStamp(input) });
    rmSync(input);
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);
  });

  it('is false without a bundle or without a readable list of inputs', () => {
    expect(bundle.bundleIsFresh(join(dir, 'missing.mjs'), dir)).toBe(false);
    writeFileSync(file, 'export {};\n');
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);
    writeFileSync(file, `${bundle.MANIFEST_PREFIX}{"inputs":\nexport {};\n`);
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);
    write({});
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);
    write({ 'input.ts': 'yes' });
    expect(bundle.bundleIsFresh(file, dir)).toBe(false);
  });

  it('sits two folders below the root, like main.ts, so main.ts finds the repository from either', () => {
    // main.ts: REPO_ROOT = resolve(dirname(its own file), '..', '..').
    expect(resolve(dirname(bundle.BUNDLE), '..', '..')).toBe(bundle.ROOT);
    expect(bundle.ROOT).toBe(ROOT);
  });
});

describe('bin.js', () => {
  /**
   * A copy of bin.js and bundle.js in a folder of its own, with a stub main.ts and a stub
   * bundle that say which one ran; node_modules links to the project's (for tsx).
   */
  function layout() {
    const root = mkdtempSync(join(tmpdir(), 'screener-bin-'));
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    mkdirSync(join(root, '.cache/cli'), { recursive: true });
    copyFileSync('src/cli/bin.js', join(root, 'src/cli/bin.js'));
    copyFileSync('src/cli/bundle.js', join(root, 'src/cli/bundle.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    const main = join(root, 'src/cli/main.ts');
    const stub = (from: string) => `export async function main(argv: string[]): Promise<number> { console.log('${from}', argv.join(' ')); return 0; }\n`;
    writeFileSync(main, stub('typescript'));
    const bundled = join(root, '.cache/cli/main.cjs');
    const writeBundle = () =>
      writeFileSync(
        bundled,
        `${bundle.MANIFEST_PREFIX}${JSON.stringify({ inputs: { 'src/cli/main.ts': bundle.fileStamp(main) } })}\n` +
          `exports.main = async function main(argv) { console.log('bundle', argv.join(' ')); return 0; };\n`,
      );
    writeBundle();
    const bin = async () => (await exec('node', [join(root, 'src/cli/bin.js'), 'check', 'x.yaml'])).stdout.trim();
    return { root, main, bundled, writeBundle, stub, bin };
  }

  it('runs the bundle while it is fresh, and the TypeScript once a source changes or the bundle is gone', async () => {
    const { main, bundled, writeBundle, stub, bin } = layout();
    expect(await bin()).toBe('bundle check x.yaml');
    writeFileSync(main, stub('edited'));
    utimesSync(main, new Date(), new Date(Date.now() + 5000));
    expect(await bin()).toBe('edited check x.yaml');
    writeBundle();
    expect(await bin()).toBe('bundle check x.yaml');
    rmSync(bundled);
    expect(await bin()).toBe('edited check x.yaml');
  }, 60_000);
});

describe('buildCli', () => {
  it('bundles main.ts with the list of what it read, and the bundle checks like the TypeScript', async () => {
    const { buildCli } = await load<BuildModule>('src/cli/build-cli.js');
    const outfile = join(mkdtempSync(join(tmpdir(), 'screener-build-')), 'cli', 'main.cjs');
    await buildCli(outfile);
    const inputs = Object.keys(bundle.readManifest(outfile) ?? {});
    expect(inputs).toEqual(
      expect.arrayContaining(['src/cli/main.ts', 'src/core/engine.ts', 'src/analysis/prove.ts', 'src/cli/build-cli.js', 'tsconfig.json']),
    );
    expect(inputs.some((file) => file.startsWith('node_modules/yaml/'))).toBe(true);
    expect(bundle.bundleIsFresh(outfile)).toBe(true);
    expect(readFileSync(outfile, 'utf8')).not.toContain('.cache');

    const bundled = bundle.loadBundle('check', outfile).exports;
    for (const argv of [['check', 'tests/fixtures/loader/minimal.yaml'], ['check', '--json', 'tests/fixtures/loader/minimal.yaml'], ['--help']]) {
      expect(await run(bundled, argv)).toEqual(await run({ main }, argv));
    }
  }, 60_000);

  it('keeps V8 code per command and bundle; a cache that does not fit, or is damaged, only costs time', async () => {
    const { buildCli } = await load<BuildModule>('src/cli/build-cli.js');
    const dir = join(mkdtempSync(join(tmpdir(), 'screener-cache-')), 'cli');
    const outfile = join(dir, 'main.cjs');
    await buildCli(outfile);
    const source = readFileSync(outfile, 'utf8');
    const cache = bundle.codeCacheFor(outfile, source, 'check');
    const file = 'tests/fixtures/loader/minimal.yaml';
    const expected = (await run({ main }, ['check', file])).out;
    // A fresh process each time, as bin.js runs: V8 reads the cache only when it compiles the bundle.
    const runner = `const { loadBundle } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/bundle.js')).href)});
      const cli = loadBundle('check', ${JSON.stringify(outfile)});
      process.exitCode = await cli.exports.main(['check', ${JSON.stringify(file)}]);
      cli.keepCode();`;
    const check = async () => (await exec('node', ['--input-type=module', '-e', runner], { env: { ...process.env, NO_COLOR: '1' } })).stdout.trim();

    // The first run keeps its code; the next starts from it and gives the same answer.
    expect(await check()).toBe(expected);
    const kept = readFileSync(cache);
    expect(kept.length).toBeGreaterThan(1000);
    expect(await check()).toBe(expected);
    expect(readFileSync(cache).equals(kept)).toBe(true);

    // Another command, or the same length of different code, has a cache of its own.
    expect(bundle.codeCacheFor(outfile, source, 'graph')).not.toBe(cache);
    expect(bundle.codeCacheFor(outfile, source.replace('screener', 'SCREENER'), 'check')).not.toBe(cache);

    // Damaged: V8 refuses it, the bundle compiles as if there were none, and the cache is made again.
    writeFileSync(cache, Buffer.from('not V8 code at all'));
    expect(await check()).toBe(expected);
    expect(readFileSync(cache).length).toBeGreaterThan(1000);

    // A new bundle clears the code kept for the one before.
    await buildCli(outfile);
    expect(existsSync(cache)).toBe(false);
  }, 60_000);
});
