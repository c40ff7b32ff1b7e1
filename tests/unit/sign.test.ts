/**
 * `screener sign`: a sign-off bound to what the clinician reviewed. After
 * signing, `check` passes the sign-off; any later change to the rules makes
 * it fail with both hashes; the rest of the file is left byte for byte.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'screener-sign-'));


/** A copy of rules/ketamine.yaml (and its cases) in a temp folder. */
function copy(name: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, readFileSync('rules/ketamine.yaml', 'utf8'));
  writeFileSync(join(dir, `${name}.cases.yaml`), readFileSync('rules/ketamine.cases.yaml', 'utf8'));
  return file;
}

describe('screener sign', () => {
  it('records who, when and the review hash, leaving every other line of the file as it was', async () => {
    const file = copy('signed');
    const before = readFileSync(file, 'utf8');
    const { code, out } = await runCli(['sign', file, '--by', 'Dr Ana Ruiz, medical director', '--on', '2026-12-05']);
    expect(code).toBe(0);
    expect(out).toMatch(/reviewed by Dr Ana Ruiz, medical director on 2026-12-05, bound to sha256-/);
    const after = readFileSync(file, 'utf8');
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(removed.every((line) => /^\s+(reviewedBy|reviewedOn):/.test(line))).toBe(true);
    expect(added).toEqual([
      '  reviewedBy: "Dr Ana Ruiz, medical director"',
      '  reviewedOn: 2026-12-05',
      expect.stringMatching(/^ {2}contentHash: sha256-[A-Za-z0-9+/]{43}=$/),
    ]);
    const check = await runCli(['check', file]);
    expect(check.code).toBe(0);
    expect(check.out).not.toMatch(/sign-off|signOff|PENDING|review is still to come/);
  });

  it('compiles a sign-off for patients only while it is bound to the content', async () => {
    const file = copy('compiled');
    await runCli(['sign', file, '--by', 'Dr Ana Ruiz, medical director', '--on', '2026-12-05']);
    const out = join(dir, 'compiled.json');
    expect((await runCli(['compile', file, '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).ruleSet.signOff).toEqual({
      reviewedBy: 'Dr Ana Ruiz, medical director',
      reviewedOn: '2026-12-05',
      contentHash: expect.stringMatching(/^sha256-/),
    });
    // Changed after signing: check fails, and what compile writes claims no review.
    writeFileSync(file, readFileSync(file, 'utf8').replace('    es: Comenzar', '    es: Empezar'));
    await runCli(['compile', file, '-o', out]);
    expect(JSON.parse(readFileSync(out, 'utf8')).ruleSet.signOff?.contentHash).toBeUndefined();
  });

  it('makes check fail, with both hashes, when the rules change after the review', async () => {
    const file = copy('changed');
    await runCli(['sign', file, '--by', 'Dr Ana Ruiz, medical director', '--on', '2026-12-05']);
    writeFileSync(file, readFileSync(file, 'utf8').replace('    es: Comenzar', '    es: Empezar'));
    const { code, out } = await runCli(['check', file]);
    expect(code).toBe(1);
    expect(out).toMatch(/changed\.yaml:\d+:\d+ signed for sha256-\S+, the file is now sha256-\S+: it needs a new review/);
  });

  it('refuses rules with errors, and a missing reviewer, and writes nothing', async () => {
    const file = copy('broken');
    writeFileSync(file, readFileSync(file, 'utf8').replace('question: pregnancy', 'question: pregnancyy'));
    const before = readFileSync(file, 'utf8');
    const refused = await runCli(['sign', file, '--by', 'Dr Ana Ruiz, medical director']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not signed: fix the \d+ errors? `screener check` reports first/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const nobody = await runCli(['sign', copy('nobody')]);
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/who reviewed the rules\?/);
  });

  it('warns while a named reviewer is not bound to the content (signed by hand)', async () => {
    const file = copy('by-hand');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/reviewedBy: "PENDING[^"]*"/, 'reviewedBy: "Dr Ana Ruiz, medical director"'),
    );
    const { code, out } = await runCli(['check', file]);
    expect(code).toBe(0);
    expect(out).toMatch(/is not bound to what was reviewed, so a later change would still claim it; sign with npx screener sign/);
  });
});
