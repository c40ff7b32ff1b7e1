/**
 * The npm package (issue 15): what `npm pack` ships, and what a clinic's
 * developer gets after `npm install <tarball>`: no other package, the
 * module, the script tag files and the types under `exports`, and a module
 * that imports in plain Node (server-side rendering in Next.js or Astro)
 * without throwing, warning, or defining anything.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Installed, packAndInstall, ROOT } from '../support/packed.ts';

let installed: Installed;

beforeAll(() => {
  installed = packAndInstall();
}, 120_000);
afterAll(() => installed?.remove());

/** Runs an ES module script with plain Node (no DOM) in the clinic's project; its stdout as JSON, its stderr. */
function node(source: string): { result: unknown; stderr: string } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: installed.project,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { result: JSON.parse(out), stderr: '' };
}

describe('npm pack', () => {
  it('ships the built widget, its types and the README, and none of the source, tests or demo', () => {
    const { packed } = installed;
    for (const file of [
      'package.json',
      'README.md',
      'dist/eligibility-screener.js',
      'dist/eligibility-screener.es.js',
      'dist/eligibility-screener.mjs',
      'dist/eligibility-screener.d.mts',
      'dist/types/widget/entry-module.d.ts',
    ]) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((file) => !/^(dist\/|README\.md$|package\.json$)/.test(file))).toEqual([]);
    // The playground (dist/playground/, built by npm start) is the clinicians' tool, not the widget.
    expect(packed.filter((file) => file.startsWith('dist/playground/'))).toEqual([]);
  });

  it('installs into an empty project without pulling in any other package', () => {
    const manifest = JSON.parse(readFileSync(join(installed.packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(installed.project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['eligibility-screener']);
    // What was installed is what the build wrote.
    for (const file of ['eligibility-screener.js', 'eligibility-screener.mjs']) {
      expect(readFileSync(join(installed.packageDir, 'dist', file), 'utf8')).toBe(readFileSync(join(ROOT, 'dist', file), 'utf8'));
    }
  });

  it('names the module, the script tag files, the types and package.json in its exports', () => {
    const { result } = node(`
      const names = ['eligibility-screener', 'eligibility-screener/script', 'eligibility-screener/script.es',
        'eligibility-screener/eligibility-screener.js', 'eligibility-screener/package.json'];
      console.log(JSON.stringify(Object.fromEntries(names.map((name) => [name, import.meta.resolve(name).replace(/^.*node_modules\\/eligibility-screener\\//, '')]))));
    `);
    expect(result).toEqual({
      'eligibility-screener': 'dist/eligibility-screener.mjs',
      'eligibility-screener/script': 'dist/eligibility-screener.js',
      'eligibility-screener/script.es': 'dist/eligibility-screener.es.js',
      'eligibility-screener/eligibility-screener.js': 'dist/eligibility-screener.js',
      'eligibility-screener/package.json': 'package.json',
    });
    const manifest = JSON.parse(readFileSync(join(installed.packageDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(manifest.exports['.']).toMatchObject({ types: './dist/eligibility-screener.d.mts' });
    expect(existsSync(join(installed.packageDir, 'dist', 'eligibility-screener.d.mts'))).toBe(true);
  });
});

describe('the installed module in plain Node (server-side rendering)', () => {
  it('imports without throwing, without a warning, and defines nothing', () => {
    const script = `
      const warnings = [];
      console.warn = (...args) => warnings.push(args.map(String).join(' '));
      console.error = console.warn;
      const before = Object.getOwnPropertyNames(globalThis);
      const m = await import('eligibility-screener');
      console.log(JSON.stringify({
        exports: Object.keys(m).sort(),
        tag: m.TAG,
        version: m.version,
        warnings,
        newGlobals: Object.getOwnPropertyNames(globalThis).filter((name) => !before.includes(name)),
        window: typeof window,
        customElements: typeof customElements,
      }));
    `;
    let output: { result: unknown; stderr: string };
    try {
      output = node(script);
    } catch (error) {
      throw new Error(`importing the package in Node failed:\n${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(output.result).toEqual({
      exports: ['EligibilityScreenerElement', 'TAG', 'api', 'mount', 'open', 'version'],
      tag: 'eligibility-screener',
      version,
      warnings: [],
      newGlobals: [],
      window: 'undefined',
      customElements: 'undefined',
    });
  });
});
