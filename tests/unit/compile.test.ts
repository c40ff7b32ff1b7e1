import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, ruleSetHash } from '../../src/compile.ts';
import { loadRuleSet } from '../../src/loader.ts';
import type { RuleSet } from '../../src/schema.ts';

const FILE = 'tests/fixtures/loader/minimal.yaml';

function minimal(): RuleSet {
  const result = loadRuleSet(readFileSync(FILE, 'utf8'), FILE);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.ruleSet;
}

describe('compileRuleSet()', () => {
  it('wraps the rule set with the format tag, version and a sha256 hash', () => {
    const compiled = compileRuleSet(minimal());
    expect(compiled.format).toBe('eligibility-screener/rules');
    expect(compiled.formatVersion).toBe(1);
    expect(compiled.hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(compiled.ruleSet.id).toBe('minimal');
  });

  it('keeps defaults filled in and the invariants', () => {
    const { ruleSet } = compileRuleSet(minimal());
    expect(ruleSet.locale).toBe('en');
    expect(ruleSet.showReasons).toBe(true);
    expect(ruleSet.invariants.map((i) => i.id)).toEqual(['pregnant-not-suitable']);
  });

  it('gives the same hash for the same content, loaded twice', () => {
    expect(compileRuleSet(minimal()).hash).toBe(compileRuleSet(minimal()).hash);
  });

  it('changes the hash when any content changes, even one word of patient text', () => {
    const before = minimal();
    const after = minimal();
    after.rules[0]!.reason = 'This service is for adults only.';
    expect(ruleSetHash(after)).not.toBe(ruleSetHash(before));
    const bumped = { ...minimal(), version: '1.0.1' };
    expect(ruleSetHash(bumped)).not.toBe(ruleSetHash(before));
  });

  it('survives a JSON round trip: the widget can recompute the hash from the file', () => {
    const compiled = compileRuleSet(minimal());
    const reread = JSON.parse(JSON.stringify(compiled)) as typeof compiled;
    expect(ruleSetHash(reread.ruleSet)).toBe(compiled.hash);
  });
});

describe('src/compile.ts exports', () => {
  it('keeps its public API (CONTRACTS.md §3)', async () => {
    const compile = await import('../../src/compile.ts');
    expect(Object.keys(compile).sort()).toEqual(['COMPILED_FORMAT', 'COMPILED_FORMAT_VERSION', 'compileRuleSet', 'ruleSetHash']);
  });
});
