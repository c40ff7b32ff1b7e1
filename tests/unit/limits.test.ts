/**
 * Limits with clear messages, never a crash or a hang (issue 13, finding 11):
 * each hostile input is built in memory or in a temp folder, and each limit
 * stops the work early, naming the limit (rules/README.md, "Limits").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPathGraph,
  CHECK_BUDGET,
  checkBudget,
  MAX_PATH_GRAPH_NODES,
  PathGraphTooLargeError,
  spendSteps,
  withAnalysisBudget,
} from '../../src/analysis/path-graph.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { runCheck } from '../../src/cli/check.ts';
import { runCli } from '../support/cli.ts';
import { loadRules } from '../support/load-rules.ts';
import { COMPILED_FORMAT, COMPILED_FORMAT_VERSION, MAX_COMPILED_BYTES } from '../../src/core/compile.ts';
import { MAX_QUESTIONS, MAX_RULE_FILE_BYTES, MAX_YAML_DEPTH } from '../../src/core/vocabulary.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';

const MINIMAL = readFileSync('tests/fixtures/loader/minimal.yaml', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'screener-limits-'));
const noCases = () => undefined;


function file(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

/** The minimal rule file with `count` yes/no questions and the given rules instead of its own. */
function withYesNo(count: number, rules: string): string {
  const head = MINIMAL.slice(0, MINIMAL.indexOf('questions:'));
  const tail = MINIMAL.slice(MINIMAL.indexOf('outcomes:'), MINIMAL.indexOf('invariants:'));
  const questions = Array.from(
    { length: count },
    (_, i) =>
      `  - id: q${i}\n    text: Question ${i}?\n    type: single-choice\n    options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }]\n`,
  ).join('');
  return `${head}questions:\n${questions}rules:\n${rules}${tail}`;
}

const rule = (when: string) => `  - id: r\n    when: ${when}\n    tier: review\n    reason: R.\n    clinicianNote: N.\n    source: S.\n`;

describe('path-graph limit', () => {
  // 22 questions and one all: over them: 2^22 merged screens; it once ran 143 s and ran out of memory.
  const wide = withYesNo(22, rule(`{ all: [${Array.from({ length: 22 }, (_, i) => `{ question: q${i}, equals: 'yes' }`).join(', ')}] }`));

  it('check stops early with one error naming the limit, instead of running out of memory', () => {
    const started = performance.now();
    const report = runCheck('wide.yaml', wide, noCases);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.exitCode).toBe(1);
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('analysis-too-large');
    expect(errors[0]!.message).toContain(MAX_PATH_GRAPH_NODES.toLocaleString('en-US'));
  });

  it('graph stops with the limit and exit 1, writing nothing', async () => {
    const out = join(dir, 'wide.md');
    const result = await runCli(['graph', file('wide.yaml', wide), '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('too many to analyse');
    expect(existsSync(out)).toBe(false);
  });
});

describe('limits of one check', () => {
  it('all the analyses of one check share one budget of answer steps, named when it runs out', () => {
    const budget = checkBudget();
    withAnalysisBudget(budget, () => spendSteps(CHECK_BUDGET.steps - 10));
    expect(() => withAnalysisBudget(budget, () => spendSteps(11))).toThrow(PathGraphTooLargeError);
    expect(() => withAnalysisBudget(checkBudget(), () => spendSteps(CHECK_BUDGET.steps + 1))).toThrow('5,000,000 answer steps');
    // Outside a check (the playground's diagram, the sheet) nothing is counted.
    expect(() => spendSteps(CHECK_BUDGET.steps * 2)).not.toThrow();
  });

  it('and a time limit, read as the steps go', () => {
    const late = { ...checkBudget(), deadline: Date.now() - 1 };
    expect(() => withAnalysisBudget(late, () => spendSteps(4096))).toThrow(`longer than ${CHECK_BUDGET.seconds} seconds`);
  });

  it('a path graph spends one step per answer class, however many classes share an edge, and stops at the last one', () => {
    const ruleSet = loadRules('ketamine');
    const graph = buildPathGraph(ruleSet);
    // The health question's thousands of classes take a few dozen edges, yet each is a step.
    const edges = graph.nodes.reduce((sum, node) => sum + node.edges.length, 0);
    expect(edges * 10).toBeLessThan(graph.edgeCount);
    const exact = { ...checkBudget(), steps: graph.edgeCount };
    withAnalysisBudget(exact, () => buildPathGraph(ruleSet));
    expect(exact.steps).toBe(0);
    const short = { ...checkBudget(), steps: graph.edgeCount - 1 };
    expect(() => withAnalysisBudget(short, () => buildPathGraph(ruleSet))).toThrow('5,000,000 answer steps');
    expect(short.steps).toBe(-1);
    // The clock is read each time the steps left pass a multiple of 1,024, in the middle of an edge's classes too.
    const late = { ...checkBudget(), steps: 5 * 1024 + 100, deadline: Date.now() - 1 };
    expect(() => withAnalysisBudget(late, () => buildPathGraph(ruleSet))).toThrow(`longer than ${CHECK_BUDGET.seconds} seconds`);
    expect(late.steps).toBe(5 * 1024 - 1);
  });
});

describe('question limit', () => {
  // 1,500 questions once crashed `screener graph` with an uncaught RangeError.
  const many = withYesNo(1500, rule(`{ question: q0, equals: 'yes' }`));

  it('graph refuses 1,500 questions with the limit and exit 1', async () => {
    const out = join(dir, 'many.md');
    const result = await runCli(['graph', file('many.yaml', many), '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`1500 questions, over the limit of ${MAX_QUESTIONS}`);
    expect(existsSync(out)).toBe(false);
  });

  it('the loader and the widget both refuse more than the limit, and accept it', async () => {
    const over = loadRuleSet(withYesNo(MAX_QUESTIONS + 1, rule(`{ question: q0, equals: 'yes' }`)));
    expect(over.ok).toBe(false);
    expect(over.issues.map((issue) => issue.code)).toEqual(['too-many-questions']);
    const atLimit = loadRuleSet(withYesNo(MAX_QUESTIONS, rule(`{ question: q0, equals: 'yes' }`)));
    expect(atLimit.ok).toBe(true);
    if (!atLimit.ok) return;
    const extra = { ...atLimit.ruleSet.questions[1]!, id: 'one-more' };
    const compiled = {
      format: COMPILED_FORMAT,
      formatVersion: COMPILED_FORMAT_VERSION,
      hash: 'sha256-AAAA',
      ruleSet: { ...atLimit.ruleSet, questions: [...atLimit.ruleSet.questions, extra] },
    };
    expect(validateCompiled(compiled)).toMatchObject({
      ok: false,
      problem: `questions[${MAX_QUESTIONS}]: missing or wrong`,
    });
  });
});

describe('file size limit', () => {
  // A 50 MB notice once passed check, and compile wrote 50 MB the widget refuses; 1 MB takes the same road.
  const big = MINIMAL.replace('privacy: Your answers stay on this device.', `privacy: ${'word '.repeat(200_000)}`);

  it('check refuses a rule file over the widget limit, exit 1, naming it', async () => {
    const result = await runCli(['check', file('big.yaml', big)]);
    expect(result.code).toBe(1);
    expect(`${result.out}\n${result.err}`).toContain(`over the limit of ${MAX_RULE_FILE_BYTES.toLocaleString('en-US')} bytes (512 KB)`);
  });

  it('compile refuses it too and writes nothing', async () => {
    const out = join(dir, 'big.json');
    const result = await runCli(['compile', file('big.yaml', big), '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('512 KB');
    expect(existsSync(out)).toBe(false);
  });

  it('compile refuses a cases file over the limit beside the rules, instead of crashing', async () => {
    const rules = file('with-big-cases.yaml', MINIMAL);
    file('with-big-cases.cases.yaml', `cases: []\n# ${'x'.repeat(MAX_RULE_FILE_BYTES)}\n`);
    const result = await runCli(['compile', rules, '-o', join(dir, 'with-big-cases.json')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('with-big-cases.cases.yaml:1:1 the file is');
  });

  it('the loader refuses it as text too (the playground passes text), and the limit is the widget’s', () => {
    expect(MAX_RULE_FILE_BYTES).toBe(MAX_COMPILED_BYTES);
    const result = loadRuleSet(big, 'big.yaml');
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual(['file-too-big']);
  });
});

describe('special files', () => {
  it('check /dev/zero is refused at once instead of hanging', async () => {
    const result = await runCli(['check', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('not a plain file');
  });

  it('a named pipe (FIFO) and a folder are refused', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const piped = await runCli(['check', fifo]);
    expect(piped.code).toBe(2);
    expect(piped.err).toContain('not a plain file');
    const folder = await runCli(['compile', dir]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('folder');
  });
});

describe('YAML nesting limit', () => {
  it('a file nested 2,000 levels deep is refused with the limit, not a stack overflow called indentation', () => {
    const result = loadRuleSet(`${MINIMAL}extra: ${'['.repeat(2000)}${']'.repeat(2000)}\n`, 'deep.yaml');
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.code).toBe('yaml-too-deep');
    expect(result.issues[0]!.message).toContain(`more than ${MAX_YAML_DEPTH} levels`);
    expect(result.issues[0]!.message).not.toMatch(/stack/i);
  });

  it('indented nesting too', () => {
    let deep = 'extra:\n';
    for (let i = 1; i < 600; i += 1) deep += `${' '.repeat(i)}k${i}:\n`;
    const result = loadRuleSet(MINIMAL + deep, 'deep.yaml');
    expect(result.issues.map((issue) => issue.code)).toEqual(['yaml-too-deep']);
  });
});

describe('number limits', () => {
  it('a range up to 1.7e308 is refused with the limit, not analysed', () => {
    const result = loadRuleSet(MINIMAL.replace('min: 0\n    max: 120', 'min: 0\n    max: 1.7e308'), 'huge.yaml');
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.line])).toEqual([['number-too-large', 23]]);
    expect(result.issues[0]!.message).toContain('1,000,000,000');
  });

  it('a range of ±1.7e308 is refused at once (it hung the loader)', () => {
    const result = loadRuleSet(MINIMAL.replace('min: 0\n    max: 120', 'min: -1.7e308\n    max: 1.7e308'), 'huge.yaml');
    expect(result.issues.map((issue) => issue.code)).toEqual(['number-too-large']);
  });

  it('a step too small to type is refused', () => {
    const result = loadRuleSet(MINIMAL.replace('min: 0\n    max: 120', 'min: 0\n    max: 120\n    step: 1.0e-300'), 'tiny.yaml');
    expect(result.issues.map((issue) => issue.code)).toEqual(['number-too-large']);
  });
});
