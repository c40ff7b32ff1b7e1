import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck, printReport } from '../../src/cli/check.ts';
import { processIo, type Io } from '../../src/cli/io.ts';
import { main, schemaText } from '../../src/cli/main.ts';
import { compileRuleSet, hashRuleSet, withoutClinicianNotes } from '../../src/core/compile.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';

const FIXTURES = 'tests/fixtures/loader';
const MINIMAL = `${FIXTURES}/minimal.yaml`;
const LOCATION = /^(\S+?):(\d+):(\d+) (.+)$/;
const dir = mkdtempSync(join(tmpdir(), 'screener-cli-'));

afterAll(() => {
  // Temp files are left for the OS to clean; nothing here is large.
});

/** Runs main() with captured output and the real file system. */
async function run(argv: string[], color = false) {
  const out: string[] = [];
  const err: string[] = [];
  const real = processIo();
  const io: Io = { ...real, color, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the minimal rule file in a temp folder, with optional edits and a cases file. */
function ruleFile(name: string, edit?: [string, string], cases?: string): string {
  let source = readFileSync(MINIMAL, 'utf8');
  if (edit) {
    expect(source).toContain(edit[0]);
    source = source.replace(edit[0], edit[1]);
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, source);
  if (cases) copyFileSync(cases, join(dir, `${name}.cases.yaml`));
  return file;
}

describe('screener check', () => {
  it('exits 0 on a valid file whose cases pass, ending with a one-line summary', async () => {
    const { code, out } = await run(['check', MINIMAL]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.at(-1)).toBe(`${MINIMAL}: 0 errors, 2 warnings, 4/4 cases passed, 1/1 invariants proven`);
    // The warnings (a sign-off written by hand, an unused question) are printed as file:line:column, with the path as given, in file order.
    expect(lines[0]).toMatch(LOCATION);
    expect(lines[0]!.startsWith(`${MINIMAL}:6:`)).toBe(true);
    expect(lines[0]).toContain('is not bound to what was reviewed');
    expect(lines[1]!.startsWith(`${MINIMAL}:34:5 warning: `)).toBe(true);
    expect(out).toContain('✓ pregnant-not-suitable: proven');
    expect(out).toContain('Time at 200 words a minute plus 3 s an answer');
  });

  it('exits 1 with --strict when there are warnings', async () => {
    expect((await run(['check', MINIMAL, '--strict'])).code).toBe(1);
  });

  it('exits 1 on a broken file and prints the problem at its line and column', async () => {
    const file = ruleFile('unknown-question', ['{ question: age, lessThan: 18 }', '{ question: ages, lessThan: 18 }']);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    const [first, ...rest] = out.split('\n');
    expect(first).toBe(`${file}:54:23 there is no question "ages". Did you mean "age"?`);
    expect(rest.at(-1)).toBe(
      `${file}: 1 error, 0 warnings, the file did not load, so cases, lint, invariants and time were not checked`,
    );
  });

  it('exits 1 when a case fails, and shows expected against actual', async () => {
    const file = ruleFile('failing', undefined, `${FIXTURES}/failing.cases.yaml`);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    expect(out).toContain(`${join(dir, 'failing.cases.yaml')}:6:5 case "Wrong tier and a missing rule" failed: expected the outcome "review", got "not-suitable".`);
    expect(out).toContain('    tier:  expected review, got not-suitable');
    expect(out).toContain('    fired: expected [under-18, blood-pressure]');
    expect(out).toContain('           got      [under-18]');
    expect(out.split('\n').at(-1)).toBe(`${file}: 2 errors, 2 warnings, 1/3 cases passed, 1/1 invariants proven`);
  });

  it('exits 1 when the cases file itself is broken, pointing into it', async () => {
    const file = ruleFile('broken-cases', undefined, `${FIXTURES}/broken.cases.yaml`);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    expect(out).toContain(`${join(dir, 'broken-cases.cases.yaml')}:4:16 there is no question "ages". Did you mean "age"?`);
    // Every case of that file has a problem of its own: none runs, and the summary says so.
    expect(out.split('\n').at(-1)).toContain('0/11 cases passed (11 not run)');

    const syntax = ruleFile('syntax-cases');
    writeFileSync(join(dir, 'syntax-cases.cases.yaml'), 'cases:\n  - name: x\n    answers: { age: 34\n');
    const broken = await run(['check', syntax]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('cases not run');
  });

  it('reports a case naming an unknown rule once, at its line, and still runs the other cases', async () => {
    const file = ruleFile('unknown-rule-case');
    const cases = readFileSync(`${FIXTURES}/minimal.cases.yaml`, 'utf8').replace('fired: [under-18]', 'fired: [under18]');
    writeFileSync(join(dir, 'unknown-rule-case.cases.yaml'), cases);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    const casesFile = join(dir, 'unknown-rule-case.cases.yaml');
    const errors = out.split('\n').filter((line) => line.startsWith(`${casesFile}:`));
    expect(errors).toEqual([`${casesFile}:9:43 there is no rule "under18". Did you mean "under-18"?`]);
    expect(out.split('\n').at(-1)).toBe(`${file}: 1 error, 2 warnings, 3/4 cases passed (1 not run), 1/1 invariants proven`);
    const report = JSON.parse((await run(['check', file, '--json'])).out);
    expect(report.steps.cases).toMatchObject({ loaded: true, total: 4, passed: 3, notRun: 1 });
    expect(report.steps.cases.results.map((row: { name: string }) => row.name)).not.toContain('Under 18');
  });

  it('says when there is no cases file, and still passes', async () => {
    const file = ruleFile('no-cases');
    const { code, out } = await run(['check', file]);
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toContain(`no cases file (${join(dir, 'no-cases.cases.yaml')})`);
  });

  it('exits 1 when an invariant is broken, with the counterexample', async () => {
    // Without the pregnancy rule, "pregnant → at least not-suitable" no longer holds.
    const file = ruleFile('broken-invariant', ['when: { question: pregnancy, oneOf: [pregnant, trying] }', 'when: { question: pregnancy, oneOf: [trying] }']);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    expect(out).toMatch(/invariant "pregnant-not-suitable" does not hold/);
    expect(out).toContain('✗ pregnant-not-suitable');
  });

  it('exits 1 when an invariant can never apply, and does not count it as proven', async () => {
    // Pregnant and not pregnant at once: no answer path makes this "when" true, so it proves nothing.
    const file = ruleFile('vacuous-invariant', [
      'when: { question: pregnancy, equals: pregnant }\n    atLeast',
      'when: { all: [{ question: pregnancy, equals: pregnant }, { question: pregnancy, equals: no }] }\n    atLeast',
    ]);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`^${file}:\\d+:\\d+ invariant "pregnant-not-suitable" never applies`, 'm'));
    expect(out).not.toContain('✓ pregnant-not-suitable');
    expect(out.split('\n').at(-1)).toBe(`${file}: 1 error, 2 warnings, no cases file (${join(dir, 'vacuous-invariant.cases.yaml')}), 0/1 invariants proven`);
    const report = JSON.parse((await run(['check', file, '--json'])).out);
    expect(report).toMatchObject({ ok: false, exitCode: 1, steps: { invariants: [{ id: 'pregnant-not-suitable', status: 'vacuous', vacuous: true }] } });
  });

  it('exits 2 when the file cannot be read', async () => {
    const missing = await run(['check', 'rules/does-not-exist.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('screener: cannot read rules/does-not-exist.yaml: no such file.');
    const folder = await run(['check', FIXTURES]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('it is a folder, not a file');
  });

  it('prints one machine-readable report with --json', async () => {
    const file = ruleFile('json', ['    tier: review', '    tier: reveiw']);
    const { code, out } = await run(['check', file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ file, ok: false, exitCode: 1, errors: 1, warnings: 0 });
    expect(report.issues[0]).toMatchObject({ code: 'unknown-tier', severity: 'error', file, line: 73, column: 11, path: ['rules', 3, 'tier'] });

    const valid = JSON.parse((await run(['check', MINIMAL, '--json'])).out);
    expect(valid).toMatchObject({ ok: true, exitCode: 0, steps: { validate: { ok: true, id: 'minimal' }, cases: { total: 4, passed: 4 } } });
    expect(valid.steps.invariants).toEqual([expect.objectContaining({ id: 'pregnant-not-suitable', status: 'proven' })]);

    const unreadable = await run(['check', 'nope.yaml', '--json']);
    expect(unreadable.code).toBe(2);
    expect(JSON.parse(unreadable.out)).toMatchObject({ ok: false, exitCode: 2, error: expect.stringContaining('no such file') });
  });

  it('uses colour only when asked (a terminal without NO_COLOR)', async () => {
    expect((await run(['check', MINIMAL], false)).out).not.toContain('\u001b[');
    expect((await run(['check', MINIMAL], true)).out).toContain('\u001b[');
  });

  it('reports a crashing step as an error instead of passing', () => {
    const report = runCheck('x.yaml', readFileSync(MINIMAL, 'utf8'), () => undefined, {
      steps: [{ name: 'boom', run: () => { throw new Error('kaput'); } }],
    });
    expect(report.exitCode).toBe(1);
    expect(report.issues[0]!.message).toContain('the boom step stopped unexpectedly (kaput)');
    const lines: string[] = [];
    printReport(report, { ...processIo(), color: false, out: (t) => lines.push(t) });
    expect(lines[0]).toMatch(/^x\.yaml:1:1 the boom step/);
  });
});

describe('screener compile', () => {
  it('writes the compiled JSON next to the YAML by default', async () => {
    const file = ruleFile('compiled');
    const { code, out } = await run(['compile', file]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'compiled.json'), 'utf8'));
    const loaded = loadRuleSet(readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error('fixture should load');
    expect(written).toEqual(await compileRuleSet(loaded.ruleSet));
    expect(out).toBe(`wrote ${join(dir, 'compiled.json')} (version 1.0.0, ${written.hash}, 0 self-test cases)`);
  });

  it('embeds a self-test picked from the cases file beside the rules, covered by the hash', async () => {
    const file = ruleFile('with-cases', undefined, `${FIXTURES}/minimal.cases.yaml`);
    const { code, out } = await run(['compile', file]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'with-cases.json'), 'utf8'));
    const loaded = loadRuleSet(readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error('fixture should load');
    expect(written.selfTest.map((c: { tier: string }) => c.tier).sort()).toEqual(['candidate', 'not-suitable']);
    expect(written.hash).toBe(await hashRuleSet(withoutClinicianNotes(loaded.ruleSet), written.selfTest));
    expect(out).toContain('2 self-test cases');
  });

  it('writes to -o, and refuses to write a broken file (exit 1)', async () => {
    const out = join(dir, 'elsewhere', 'out.json');
    expect((await run(['compile', MINIMAL, '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('eligibility-screener/rules');

    const broken = ruleFile('broken-compile', ['    tier: review', '    tier: reveiw']);
    const result = await run(['compile', broken, '-o', join(dir, 'never.json')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${broken}:73:11 "tier" must be one of`);
    expect(result.err).toContain('nothing written');
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('refuses (exit 1, nothing written) a compiled file over the size the widget fetches', async () => {
    // A rule file within 512 KB whose compiled JSON is over it: JSON writes each backslash twice.
    const reason = `Adults only ${'\\'.repeat(300_000)}`;
    const big = ruleFile('too-big', ['    reason: This service is for adults.\n', `    reason: '${reason}'\n`]);
    const out = join(dir, 'too-big.json');
    const result = await run(['compile', big, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/over the 524288 bytes \(512 KB\) the widget loads/);
    expect(result.err).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  });
});

describe('screener graph and schema', () => {
  it('graph writes the sign-off sheet with a Mermaid flowchart', async () => {
    const out = join(dir, 'sheet.md');
    const { code } = await run(['graph', MINIMAL, '-o', out]);
    expect(code).toBe(0);
    const sheet = readFileSync(out, 'utf8');
    expect(sheet).toContain('```mermaid');
    expect(sheet).toContain(`Generated from \`${MINIMAL}\``);
  });

  it('schema writes the JSON Schema from the rule-set schema', async () => {
    const out = join(dir, 'rules.schema.json');
    expect((await run(['schema', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(schemaText());
  });
});

describe('screener usage', () => {
  it('prints help with --help and with no command', async () => {
    for (const argv of [['--help'], [], ['help'], ['check', '--help']]) {
      const { code, out } = await run(argv);
      expect(code).toBe(0);
      expect(out).toContain('screener check <rules.yaml> [--json] [--strict]');
      expect(out).toContain('Exit codes: 0 all good');
    }
  });

  it('suggests the command meant, and exits 2 on wrong usage', async () => {
    expect(await run(['chek', MINIMAL])).toMatchObject({
      code: 2,
      err: 'screener: unknown command "chek". Did you mean "check"? Run "screener --help" to see the commands.',
    });
    expect(await run(['check'])).toMatchObject({ code: 2, err: expect.stringContaining('which rule file?') });
    expect(await run(['check', MINIMAL, '--jsn'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown option "--jsn"') });
    expect(await run(['compile', MINIMAL, '-o'])).toMatchObject({ code: 2, err: expect.stringContaining('-o needs a file name') });
  });
});

describe('bin.js (the installed command)', () => {
  const exec = promisify(execFile);
  const bin = (args: string[]) =>
    exec('node', ['src/cli/bin.js', ...args], { env: { ...process.env, NO_COLOR: '1' } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 0, 1 and 2 as documented', async () => {
    const broken = ruleFile('bin-broken', ['    min: 0', '    min: zero']);
    const [ok, problems, unreadable] = await Promise.all([
      bin(['check', MINIMAL]),
      bin(['check', broken]),
      bin(['check', join(dir, 'missing.yaml')]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toMatch(/^tests\/fixtures\/loader\/minimal\.yaml: 0 errors, 2 warnings, 4\/4 cases passed/);
    expect(problems.code).toBe(1);
    expect(problems.stdout.split('\n')[0]).toBe(`${broken}:22:10 "min" must be a number; found the text "zero".`);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('no such file');
    expect(ok.stdout).not.toContain('\u001b[');
  }, 60_000);
});
