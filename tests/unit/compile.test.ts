import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileInBrowser } from '../../demo/playground/compile-in-browser.ts';
import { CLINICIAN_ONLY_RULE_FIELDS, compileRuleSet, hashRuleSet, withoutClinicianNotes } from '../../src/core/compile.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';

const FILE = 'tests/fixtures/loader/minimal.yaml';

function minimal(): RuleSet {
  const result = loadRuleSet(readFileSync(FILE, 'utf8'), FILE);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.ruleSet;
}

describe('compileRuleSet()', () => {
  it('wraps the rule set with the format tag, version and a sha256 hash', async () => {
    const compiled = await compileRuleSet(minimal());
    expect(compiled.format).toBe('eligibility-screener/rules');
    expect(compiled.formatVersion).toBe(1);
    expect(compiled.hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(compiled.ruleSet.id).toBe('minimal');
  });

  it('keeps defaults filled in and the invariants', async () => {
    const { ruleSet } = await compileRuleSet(minimal());
    expect(ruleSet.locale).toBe('en');
    expect(ruleSet.showReasons).toBe(true);
    expect(ruleSet.invariants.map((i) => i.id)).toEqual(['pregnant-not-suitable']);
  });

  it('gives the same hash for the same content, loaded twice', async () => {
    expect((await compileRuleSet(minimal())).hash).toBe((await compileRuleSet(minimal())).hash);
  });

  it('changes the hash when any content changes, even one word of patient text', async () => {
    const before = minimal();
    const after = minimal();
    after.rules[0]!.reason = 'This service is for adults only.';
    expect(await hashRuleSet(after)).not.toBe(await hashRuleSet(before));
    const bumped = { ...minimal(), version: '1.0.1' };
    expect(await hashRuleSet(bumped)).not.toBe(await hashRuleSet(before));
  });

  it('leaves clinician notes and sources out of what ships to browsers (issue 13, build 8)', async () => {
    const compiled = await compileRuleSet(minimal());
    expect(CLINICIAN_ONLY_RULE_FIELDS).toEqual(['clinicianNote', 'source']);
    for (const rule of compiled.ruleSet.rules) {
      expect(Object.keys(rule)).not.toContain('clinicianNote');
      expect(Object.keys(rule)).not.toContain('source');
    }
    const text = JSON.stringify(compiled);
    expect(text).not.toContain('clinicianNote');
    expect(text).not.toContain('Clinical brief, absolute contraindications');
    // What patients read stays; the hash is of what ships, so the widget's check agrees.
    expect(compiled.ruleSet.rules[0]!.reason).toBe('This service is for adults.');
    expect(compiled.hash).toBe(await hashRuleSet(withoutClinicianNotes(minimal())));
  });

  it('survives a JSON round trip: the widget can recompute the hash from the file', async () => {
    const compiled = await compileRuleSet(minimal());
    const reread = JSON.parse(JSON.stringify(compiled)) as typeof compiled;
    expect(await hashRuleSet(reread.ruleSet)).toBe(compiled.hash);
  });
});

describe('hashRuleSet()', () => {
  it('keeps the format of files compiled before it: sha256-<base64> of JSON.stringify(ruleSet)', async () => {
    // How `screener compile` hashed with node:crypto before Web Crypto; files compiled then must still load.
    const ruleSet = minimal();
    const before = `sha256-${createHash('sha256').update(JSON.stringify(ruleSet), 'utf8').digest('base64')}`;
    expect(await hashRuleSet(ruleSet)).toBe(before);
  });

  it('is the hash the playground compiles with', async () => {
    const ruleSet = minimal();
    expect((await compileInBrowser(ruleSet)).hash).toBe(await hashRuleSet(withoutClinicianNotes(ruleSet)));
  });
});

describe('src/core/compile.ts exports', () => {
  it('keeps its public API (the compiled format, src/core/compile.ts)', async () => {
    const compile = await import('../../src/core/compile.ts');
    expect(Object.keys(compile).sort()).toEqual([
      'CLINICIAN_ONLY_RULE_FIELDS',
      'COMPILED_FORMAT',
      'COMPILED_FORMAT_VERSION',
      'MAX_COMPILED_BYTES',
      'compileRuleSet',
      'hashRuleSet',
      'withoutClinicianNotes',
    ]);
  });
});
