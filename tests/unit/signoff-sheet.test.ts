import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writtenBy } from '../support/cli.ts';


describe('rules/ketamine.md (the sign-off sheet)', () => {
  it('is up to date with rules/ketamine.yaml (run `npx screener graph rules/ketamine.yaml` after a change)', async () => {
    const committed = readFileSync('rules/ketamine.md', 'utf8');
    expect(committed === (await writtenBy(['graph', 'rules/ketamine.yaml'], 'rules/ketamine.md')), 'rules/ketamine.md is stale: run `npx screener graph rules/ketamine.yaml`').toBe(true);
  });

  it('carries the check results the reviewer signs: cases, proofs and the time in each language', () => {
    const sheet = readFileSync('rules/ketamine.md', 'utf8');
    expect(sheet).toMatch(/`screener check`: 0 errors, \d+ warnings?, (\d+)\/\1 cases passed, (\d+)\/\2 invariants proven\./);
    expect(sheet).toMatch(/\| English \(en\) \| 10 answers, \d+ words ≈ [\d.]+ s \(candidate\) \|/);
    expect(sheet).toMatch(/\| Spanish \(es\) \| 10 answers, \d+ words ≈ [\d.]+ s \(candidate\) \|/);
    const cases = readFileSync('rules/ketamine.cases.yaml', 'utf8');
    const named = [...cases.matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]!.replace(/^["']|["']$/g, ''));
    expect(named.length).toBeGreaterThan(20);
    for (const name of named.slice(0, 5)) expect(sheet).toContain(`| ${name} |`);
    expect(sheet).toMatch(/\| `[a-z0-9-]+` \| [^\n]+ \| yes \|\n/);
  });

  it('lists every rule of the rule file with its tier and source', () => {
    const sheet = readFileSync('rules/ketamine.md', 'utf8');
    const yaml = readFileSync('rules/ketamine.yaml', 'utf8');
    const ruleIds = [...yaml.matchAll(/^ {2}- id: ([a-z0-9-]+)\n {4}when:/gm)].map((m) => m[1]!);
    expect(ruleIds.length).toBeGreaterThan(20);
    for (const id of ruleIds) expect(sheet, `rule ${id} missing from the sheet`).toContain(id);
    expect(sheet).toContain('```mermaid');
  });
});
