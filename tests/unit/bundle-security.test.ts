/**
 * The built widget runs under `script-src 'self'` (no 'unsafe-eval'): neither
 * bundle may compile code from strings. Checked twice: the build's own guard
 * (widget/build/build.ts refuses to write such a bundle) is shown to bite, and the
 * files `npm run build` wrote are scanned here with a wider net.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContents } from '../../widget/build/build.ts';

const DIST = resolve(process.env.SCREENER_DIST || resolve(import.meta.dirname, '../../dist'));
const BUNDLES = ['eligibility-screener.js', 'eligibility-screener.es.js', 'eligibility-screener.mjs'];

/** Ways to run a string as code, each of which a strict CSP blocks. */
const STRING_TO_CODE: [string, RegExp][] = [
  ['eval(…)', /\beval\s*\(/],
  ['new Function(…)', /\bnew\s+Function\b/],
  ['Function("…") without new', /(^|[^\w$.])Function\s*\(/],
  ['a constructor called with a string (…constructor("…"))', /\.constructor\s*\(\s*["'`]/],
  ['setTimeout/setInterval with a string', /\bset(Timeout|Interval)\s*\(\s*["'`]/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['importScripts or a dynamic import()', /\bimportScripts\s*\(|(^|[^\w$.])import\s*\(/],
];

function bundle(name: string): string {
  const file = resolve(DIST, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`);
  return readFileSync(file, 'utf8');
}

describe('the built bundles', () => {
  for (const name of BUNDLES) {
    it(`${name} has no way to run a string as code`, () => {
      const code = bundle(name);
      expect(code.length).toBeGreaterThan(10_000);
      const found = STRING_TO_CODE.filter(([, pattern]) => pattern.test(code)).map(([label]) => label);
      expect(found).toEqual([]);
    });
  }

  it('the scan finds each pattern when it is there (so the test above can fail)', () => {
    const samples = ['eval("1")', 'new Function("return 1")', 'x=Function("return this")', 'a.constructor("return 1")', 'setTimeout("go()",1)', 'document.write("<b>")', 'import("./x.js")'];
    for (const [index, [label, pattern]] of STRING_TO_CODE.entries()) expect(pattern.test(samples[index]!), label).toBe(true);
    // Ordinary code that only looks alike.
    expect(STRING_TO_CODE.some(([, pattern]) => pattern.test('typeof f=="function"&&f(),x.evaluate(1),retrieval(2)'))).toBe(false);
  });
});

describe('languages in the built bundles', () => {
  it('each script tag file carries one language and no language switch; the module has every language and the switch', () => {
    const english = bundle('eligibility-screener.js');
    const spanish = bundle('eligibility-screener.es.js');
    const module = bundle('eligibility-screener.mjs');
    expect(english).toContain('Continue the assessment');
    expect(english).not.toContain('Seguir con la evaluación');
    expect(spanish).toContain('Seguir con la evaluación');
    expect(spanish).not.toContain('Continue the assessment');
    for (const script of [english, spanish]) expect(script).not.toContain('aria-pressed');
    expect(module).toContain('aria-pressed');
    expect(module).toContain('Seguir con la evaluación');
  });
});

describe('the build guard (checkContents)', () => {
  // code → why the build stops
  const refused: Array<[string, RegExp]> = [
    ['const f = new Function("return 1")', /new Function\(.*Content-Security-Policy/],
    ['eval ("1+1")', /eval\(.*Content-Security-Policy/],
    ['class ZodError extends Error {}', /ZodError/],
    ['throw new YAMLParseError()', /YAMLParseError/],
  ];
  for (const [code, message] of refused) {
    it(`stops the build for: ${code}`, () => {
      expect(() => checkContents('test.js', { code, modules: [] })).toThrow(message);
    });
  }

  it('stops the build when zod or yaml is among the bundled modules', () => {
    expect(() => checkContents('test.js', { code: '', modules: ['/p/node_modules/zod/v4/core/core.js'] })).toThrow(/zod/);
    expect(() => checkContents('test.js', { code: '', modules: ['/p/node_modules/yaml/dist/index.js'] })).toThrow(/yaml/);
  });

  it('passes the real bundle', () => {
    expect(() => checkContents('eligibility-screener.js', { code: bundle('eligibility-screener.js'), modules: [] })).not.toThrow();
  });
});
