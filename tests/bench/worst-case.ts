/**
 * The worst rule file within the limits (rules/README.md, "Limits"): how
 * long `screener check` takes on it and how much memory it needs, in a
 * fresh process, as a clinician would run it. The target is at most 10 s
 * and 512 MB on 2 cores.
 *
 * The file is generated: what costs the check most is answer steps (every
 * invariant builds its own path graph of them; the time estimate walks the
 * plain graph again in each language), so it has a multiple-choice question
 * whose 15 options each change the outcome (2¹⁵ answer classes), after two
 * yes/no questions a rule reads with it, and as many invariants as the
 * check's budget of steps allows — just within every limit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The result of {@link benchWorstCase}. */
export type WorstCaseResult =
  | { ok: true; command: string; bytes: number; wallMs: number; maxRssMb: number; exitCode: number; summary: string }
  | { ok: false; command: string; reason: string };

/**
 * The worst-case rule file, from the minimal fixture's texts.
 *
 * @example
 * writeFileSync('worst.yaml', worstCaseRuleFile('/work/main'));
 */
export function worstCaseRuleFile(root: string, invariants = 21): string {
  const base = readFileSync(join(root, 'tests/fixtures/loader/minimal.yaml'), 'utf8');
  const head = base.slice(0, base.indexOf('questions:'));
  const tail = base.slice(base.indexOf('outcomes:'), base.indexOf('invariants:'));
  const options = 15;
  const yesNo = [0, 1]
    .map(
      (i) =>
        `  - id: q${i}\n    text: Question ${i}?\n    type: single-choice\n    options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }]\n`,
    )
    .join('');
  const many = `  - id: m\n    text: Which of these apply?\n    type: multiple-choice\n    options: [${Array.from({ length: options }, (_, i) => `{ id: o${i}, label: Option ${i} }`).join(', ')}]\n`;
  const rule = (id: string, when: string, tier: string) =>
    `  - id: ${id}\n    when: ${when}\n    tier: ${tier}\n    reason: R.\n    clinicianNote: N.\n    source: S.\n`;
  const rules =
    Array.from({ length: options }, (_, i) => rule(`r${i}`, `{ question: m, includes: o${i} }`, 'review')).join('') +
    rule(
      'all',
      "{ all: [{ question: q0, equals: 'yes' }, { question: q1, equals: 'yes' }, { question: m, includes: o0 }] }",
      'not-suitable',
    );
  const promises = Array.from(
    { length: invariants },
    (_, i) => `  - id: inv-${i}\n    description: D.\n    when: { question: m, includes: o${i % options} }\n    atLeast: review\n`,
  ).join('');
  return `${head}questions:\n${yesNo}${many}rules:\n${rules}${tail}invariants:\n${promises}`;
}

/**
 * Writes the worst-case file to a temporary folder and runs `screener check`
 * on it once, in a fresh Node process: wall time, peak memory (max RSS).
 *
 * @example
 * const worst = benchWorstCase('/work/main');
 * if (worst.ok) console.log(worst.wallMs, worst.maxRssMb);
 */
export function benchWorstCase(root: string): WorstCaseResult {
  const file = join(mkdtempSync(join(tmpdir(), 'screener-worst-')), 'worst.yaml');
  const source = worstCaseRuleFile(root);
  writeFileSync(file, source);
  const command = 'screener check <worst case within the limits>';
  // The child reports its own peak memory as it exits.
  const report = "process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))";
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [`--import=data:text/javascript,${encodeURIComponent(report)}`, join(root, 'src/cli/bin.js'), 'check', file],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  const wallMs = performance.now() - started;
  if (child.error) return { ok: false, command, reason: `could not run it: ${child.error.message}` };
  const rss = /maxrss=(\d+)/.exec(child.stderr)?.[1];
  const summary = child.stdout.trim().split('\n').at(-1) ?? '';
  if (!rss || !/invariants proven/.test(summary)) {
    return { ok: false, command, reason: `exited ${child.status} without a full check ("${summary}${child.stderr.slice(0, 200)}")` };
  }
  return {
    ok: true,
    command,
    bytes: Buffer.byteLength(source),
    wallMs,
    maxRssMb: Number(rss) / 1024,
    exitCode: child.status ?? -1,
    summary,
  };
}

// `npx tsx tests/bench/worst-case.ts` runs this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = benchWorstCase(process.cwd());
  console.log(JSON.stringify(result, null, 2));
}
