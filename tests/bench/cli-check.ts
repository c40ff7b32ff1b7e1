/**
 * How long `screener check` takes on the default rules, from the clinician's
 * point of view: a fresh Node process running the `screener` bin (validate,
 * cases, lint, invariant proofs, time estimate), wall-clock time to exit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The result of {@link benchCheck}: timings, or why there are none. */
export type CheckResult =
  | { ok: true; command: string; medianMs: number; samplesMs: number[]; exitCode: number; summary: string }
  | { ok: false; command: string; reason: string };

/**
 * Runs `screener check <rulesFile>` `runs` times; median wall time.
 *
 * @example
 * const check = benchCheck('/work/main', 'rules/ketamine.yaml', 3);
 * if (check.ok) console.log(check.medianMs);
 */
export function benchCheck(root: string, rulesFile: string, runs: number): CheckResult {
  const bin = join(root, 'src/cli/bin.js');
  const command = `screener check ${rulesFile}`;
  if (!existsSync(bin)) return { ok: false, command, reason: 'src/cli/bin.js does not exist' };
  if (!existsSync(join(root, rulesFile))) return { ok: false, command, reason: `${rulesFile} does not exist` };
  const samplesMs: number[] = [];
  let exitCode = 0;
  let summary = '';
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [bin, 'check', rulesFile], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    samplesMs.push(performance.now() - started);
    if (child.error) return { ok: false, command, reason: `could not run it: ${child.error.message}` };
    exitCode = child.status ?? -1;
    const lines = `${child.stdout}\n${child.stderr}`.split('\n').map((line) => line.trim()).filter(Boolean);
    summary = lines.at(-1) ?? '';
  }
  // Exit 2 means the file could not be read: no check ran, so no time to report.
  if (exitCode === 2 || !/invariant/i.test(summary)) {
    return { ok: false, command, reason: `it exited ${exitCode} without a check summary with invariants ("${summary}")` };
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { ok: true, command, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, samplesMs, exitCode, summary };
}
