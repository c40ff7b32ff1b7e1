/**
 * The merged path graph against the slow reference: on random small rule
 * sets, every answer path the real machine produces (brute-force.ts) must be
 * reflected exactly — the result screens reachable, the fewest answers to
 * each, which rules fire and decide, which questions are shown, and the time
 * estimate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTime, secondsFor } from '../../../src/analysis/estimate.ts';
import { cleanestPath, countPaths, shortestPath, terminals } from '../../../src/analysis/graph-walks.ts';
import { lintRuleSet } from '../../../src/analysis/lint.ts';
import { buildPathGraph, edgeChoice } from '../../../src/analysis/path-graph.ts';
import { crisisScreenWords, introWords, linesWords, questionWords, reasonWords, resultWords } from '../../../src/analysis/words.ts';
import { showsCrisisLines } from '../../../src/core/crisis-help.ts';
import { tierRank } from '../../../src/core/engine.ts';
import type { RuleSet } from '../../../src/authoring/schema.ts';
import { conditionArb, ruleSetArb } from '../../support/arbitraries.ts';
import { multiple, rule, ruleSet, single } from '../../support/rule-set-builder.ts';
import { bruteForce, bruteSize, type BruteResult } from './brute-force.ts';

const label = (r: { tier: string; target: boolean; interrupted: boolean }) => `${r.tier}|${r.target}|${r.interrupted}`;

function wordsOnPath(set: RuleSet, r: BruteResult): number {
  const locale = set.locale;
  const questions = r.questions.reduce((sum, id) => sum + questionWords(set, set.questions.find((q) => q.id === id)!, locale), 0);
  return (
    introWords(set, locale) + questions + r.crisisScreens.reduce((sum, ids) => sum + crisisScreenWords(set, locale, ids), 0) +
    resultWords(set, r.tier, locale) + reasonWords(set, r.tier, r.fired, locale) + linesWords(set, r.tier, r.fired, locale)
  );
}

describe('buildPathGraph()', () => {
  it('agrees with the real machine walked through every answer, on random rule sets', () => {
    const arb = ruleSetArb
      .filter((set) => bruteSize(set) <= 300)
      .chain((set) => fc.tuple(fc.constant(set), conditionArb(set.questions as never, 2)));
    fc.assert(
      fc.property(arb, ([set, target]) => {
        const brute = bruteForce(set, target);
        const graph = buildPathGraph(set, target);

        // The same result screens, each reached with the same fewest answers.
        const reachable = [...new Set(brute.results.map(label))].sort();
        expect([...new Set(terminals(graph).map(label))].sort()).toEqual(reachable);
        for (const key of reachable) {
          const fewest = Math.min(...brute.results.filter((r) => label(r) === key).map((r) => r.answersGiven));
          const found = shortestPath(graph, (t) => label(t) === key)!;
          expect(found.steps.filter((s) => s.kind === 'answer')).toHaveLength(fewest);
        }

        // Lint: shown questions, rules that fire, rules whose tier decides somewhere.
        const findings = lintRuleSet(set);
        set.questions.forEach((question, i) => {
          const flagged = findings.some((f) => f.code === 'unreachable-question' && f.path[1] === i);
          expect(flagged).toBe(!brute.asked.has(question.id));
        });
        set.rules.forEach((r, i) => {
          const firing = brute.results.filter((x) => x.fired.includes(r.id));
          expect(findings.some((f) => f.code === 'rule-never-fires' && f.path[1] === i)).toBe(firing.length === 0);
          const overridden = firing.length > 0 && firing.every((x) => tierRank(x.tier) < tierRank(r.tier));
          expect(findings.some((f) => f.code === 'rule-always-overridden' && f.path[1] === i)).toBe(overridden);
        });

        // Time: most answers, the longest path in seconds, the quickest candidate path.
        const estimate = estimateTime(set);
        expect(estimate.maxAnsweredScreens).toBe(Math.max(0, ...brute.results.map((r) => r.answersGiven)));
        if (brute.results.length > 0) {
          const longest = Math.max(...brute.results.map((r) => secondsFor(wordsOnPath(set, r), r.answersGiven)));
          // Exact, unless two rules give the same reason text or show the crisis lines: each is priced
          // where it is decided, and the screen says a reason, or shows the lines, once (estimateTime).
          const reasons = set.rules.map((r) => JSON.stringify(r.reason));
          const exact = new Set(reasons).size === reasons.length && set.rules.filter(showsCrisisLines).length <= 1;
          if (exact) expect(estimate.longest!.seconds).toBe(longest);
          else expect(estimate.longest!.seconds).toBeGreaterThanOrEqual(longest);
        }
        const candidates = brute.results
          .filter((r) => r.tier === 'candidate' && !r.interrupted)
          .map((r) => [r.answersGiven, wordsOnPath(set, r)] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        if (candidates[0]) expect([estimate.typical!.answers, estimate.typical!.words]).toEqual(candidates[0]);
        else expect(estimate.typical).toBeNull();
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  it('merges prefixes with the same future: 1024 answer classes fold into a handful of screens', () => {
    // Ten options each with its own review rule; what follows only needs the most serious tier.
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const set = ruleSet({
      questions: [single('first', ['a', 'b']), multiple('many', [...ids, 'none!']), single('last', ['x', 'y'])],
      rules: [
        ...ids.map((id) => rule(`r-${id}`, { question: 'many', includes: id }, 'review')),
        rule('last', { question: 'last', equals: 'y' }, 'not-suitable'),
      ],
    });
    const graph = buildPathGraph(set);
    expect(graph.classes.get('many')).toHaveLength(1024);
    // first (1 screen) → many (one screen: first's answer is never read again) → last: candidate or review so far.
    expect(graph.nodes.map((node) => node.question.id)).toEqual(['first', 'many', 'last', 'last']);
  });

  it('walks one edge per place an answer can lead, however many answer classes take it', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const set = ruleSet({
      questions: [multiple('many', [...ids, 'none!']), single('last', ['x', 'y'])],
      rules: [
        ...ids.map((id) => rule(`r-${id}`, { question: 'many', includes: id }, 'review')),
        rule('last', { question: 'last', equals: 'y' }, 'not-suitable'),
      ],
    });
    const graph = buildPathGraph(set);
    const many = graph.root!;
    // "None of these" goes on as a candidate; every other choice goes on flagged for review.
    expect(many.edges.map((edge) => edge.classes.length)).toEqual([1, 1023]);
    // Still one answer step, and one path, per answer class.
    expect(graph.edgeCount).toBe(1024 + 2 + 2);
    expect(countPaths(graph)).toBe(1024 * 2);
    // Each class keeps its own rules: o0 and o3 fire exactly their two review rules.
    const flagged = many.edges[1]!;
    const classIndex = graph.classes.get('many')!.findIndex((c) => JSON.stringify(c.answer) === JSON.stringify(['o0', 'o3']));
    expect(flagged.classes).toContain(classIndex);
    expect(edgeChoice(graph, many, flagged, classIndex).decidedFired).toEqual(['r-o0', 'r-o3']);
  });

  it('takes, of the answer classes on one edge, the one firing the fewest rules for a counterexample', () => {
    // "a" and "b" both lead on flagged for review; "a" fires two rules, "b" one.
    const set = ruleSet({
      questions: [single('pick', ['a', 'b', 'c']), single('last', ['x', 'y'])],
      rules: [
        rule('a-one', { question: 'pick', equals: 'a' }, 'review'),
        rule('a-two', { question: 'pick', equals: 'a' }, 'review'),
        rule('b-only', { question: 'pick', equals: 'b' }, 'review'),
      ],
    });
    const graph = buildPathGraph(set);
    expect(graph.root!.edges.map((edge) => edge.classes.length)).toEqual([2, 1]);
    expect(cleanestPath(graph, (t) => t.tier === 'review')!.answers).toEqual({ pick: 'b', last: 'x' });
    // With answers alone counted, the first class in option order.
    expect(shortestPath(graph, (t) => t.tier === 'review')!.answers).toEqual({ pick: 'a', last: 'x' });
  });
});
