/**
 * `npm run build -- --require-signed` wires the refusal of unsigned rules into
 * the script tag file; a default build carries none of it (no bytes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from 'vite';
import { widgetBuild } from '../../vite.config.ts';
import { compileDefaultRules } from '../../widget/build/build.ts';

async function scriptFor(requireSigned: boolean): Promise<string> {
  const config = widgetBuild({
    format: 'iife',
    fileName: 'w.js',
    compiled: await compileDefaultRules('rules/ketamine.yaml'),
    version: '0.0.0',
    terser: false,
    requireSigned,
  });
  config.logLevel = 'silent';
  // Vitest sets NODE_ENV=test, which resolves XState's development build; npm run build has it unset.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build(config).finally(() => {
    process.env.NODE_ENV = env;
  });
  for (const output of Array.isArray(result) ? result : [result]) {
    if ('output' in output) for (const item of output.output) if (item.type === 'chunk') return item.code;
  }
  throw new Error('no chunk');
}

describe('--require-signed', () => {
  it('is in a build made with it, and in no default build', async () => {
    expect(await scriptFor(true)).toContain('this build requires it (--require-signed)');
    expect(await scriptFor(false)).not.toContain('--require-signed');
    expect(readFileSync('dist/eligibility-screener.js', 'utf8')).not.toContain('--require-signed');
  }, 60_000);
});
