import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pairFiles } from '../../demo/playground/files.ts';
import { signOffState } from '../../src/analysis/sign-off.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { signedSource } from '../../src/cli/sign.ts';

const tms = { name: 'tms.yaml', text: 'id: tms' };
const tmsCases = { name: 'tms.cases.yaml', text: 'cases: []' };

describe('pairFiles (the playground opening files)', () => {
  it('empties the Cases tab for a new rule file opened alone, and says so', () => {
    const opening = pairFiles([tms], 'rules', 'ketamine.cases.yaml');
    expect(opening.rules).toBe(tms);
    expect(opening.cases).toEqual({ name: 'tms.cases.yaml', text: '' });
    expect(opening.notice).toMatch(/^Opened tms\.yaml\. The Cases tab is now empty/);
  });

  it('pairs a rule file with its cases file chosen together, in any order and from either tab', () => {
    for (const from of ['rules', 'cases'] as const) {
      const opening = pairFiles([tmsCases, { name: 'other.cases.yaml', text: '' }, tms], from, 'ketamine.cases.yaml');
      expect(opening).toMatchObject({ rules: tms, cases: tmsCases });
    }
  });

  it('keeps the cases already open when they are named for the rule file', () => {
    const opening = pairFiles([{ name: 'ketamine.yaml', text: '' }], 'rules', 'ketamine.cases.yaml');
    expect(opening.cases).toBeUndefined();
    expect(opening.notice).toContain('keeps ketamine.cases.yaml');
  });

  it('puts one file chosen from the Cases tab (or named .cases.yaml) in the Cases tab, and refuses two rule files', () => {
    expect(pairFiles([{ name: 'teen.yaml', text: 'cases: []' }], 'cases', 'ketamine.cases.yaml')).toMatchObject({ cases: { name: 'teen.yaml' } });
    expect(pairFiles([tmsCases], 'rules', 'ketamine.cases.yaml')).toMatchObject({ cases: tmsCases });
    const two = pairFiles([tms, { name: 'b.yaml', text: '' }], 'rules', 'ketamine.cases.yaml');
    expect(two.rules).toBeUndefined();
    expect(two.notice).toMatch(/one rule file at a time/);
  });
});

describe('signOffState', () => {
  const source = readFileSync('rules/ketamine.yaml', 'utf8');
  const load = (text: string) => {
    const loaded = loadRuleSet(text, 'ketamine.yaml');
    if (!loaded.ok) throw new Error('rules/ketamine.yaml does not load');
    return loaded.ruleSet;
  };

  it('reads pending, signed, changed since and named by hand', () => {
    expect(signOffState(load(source)).state).toBe('pending');
    const signed = signedSource(source, 'ketamine.yaml', { reviewedBy: 'Dr Ana Ruiz', reviewedOn: '2026-12-05' });
    if (!signed.ok) throw new Error(signed.problem);
    expect(signOffState(load(signed.source))).toEqual({ state: 'signed', reviewedBy: 'Dr Ana Ruiz', reviewedOn: '2026-12-05', hash: signed.hash });
    const changed = signOffState(load(signed.source.replace('How old are you?', 'How old are you today?')));
    expect(changed).toMatchObject({ state: 'changed', signedFor: signed.hash });
    expect(changed.hash).not.toBe(signed.hash);
    const byHand = signed.source.replace(/\n\s*contentHash: .*/, '');
    expect(signOffState(load(byHand)).state).toBe('unbound');
  });
});
