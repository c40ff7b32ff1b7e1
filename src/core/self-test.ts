/**
 * The self-test a compiled rule set carries: a few of its own scenario cases,
 * each walked through the real assessment machine (and so the real engine)
 * as a patient would, with the result it must reach. `screener compile` and
 * the widget build pick them ({@link pickSelfTest}); the widget walks them
 * again in the host page, once it is idle and before its first result ({@link selfTestProblem}),
 * so a page whose scripts broke a JavaScript built-in in a way that changes
 * an outcome gets "contact the clinic", never a wrong result.
 */
import { createActor } from 'xstate';
import { showsCrisisLines } from './crisis-help.ts';
import type { Answer, Answers } from './engine.ts';
import { assessmentMachine } from './machine.ts';
import { has } from './own.ts';
import type { RuleSet, Tier } from '../authoring/schema.ts';

/** One self-test case: answers in the order they are asked, and where they lead. */
export interface SelfTestCase {
  /** Exactly the answers the patient is asked for, in question order. */
  answers: Answers;
  tier: Tier;
  /** The result screen was reached by an interrupting (crisis) answer. */
  interrupted: boolean;
  /** The machine's `crisisLines`: the crisis lines show with the result. */
  crisisLines: boolean;
}

/**
 * Walks `answers` through a fresh assessment: Start, then each question the
 * machine asks answered from `answers`. Undefined when no result is reached
 * (a question without an answer, or an answer refused).
 *
 * @example
 * walk(ruleSet, { age: 17 })?.tier // 'not-suitable'
 */
export function walk(ruleSet: RuleSet, answers: Answers): SelfTestCase | undefined {
  const actor = createActor(assessmentMachine, { input: { ruleSet } }).start();
  actor.send({ type: 'user.start' });
  // Pairs, not `asked[id] = …`: a host page's setter on Object.prototype named like a question must not see or eat them.
  const asked: [string, Answer][] = [];
  let snapshot = actor.getSnapshot();
  for (let id: string; snapshot.hasTag('question'); snapshot = actor.getSnapshot()) {
    id = snapshot.context.path.at(-1)!;
    // Asked again means the answer was refused: stop rather than loop.
    if (!has(answers, id) || asked.some(([seen]) => seen === id)) break;
    asked.push([id, answers[id]!]);
    actor.send({ type: 'user.answer', value: answers[id]! });
  }
  actor.stop();
  const { outcome, interrupted, crisisLines } = snapshot.context;
  return snapshot.hasTag('result') && outcome ? { answers: Object.fromEntries(asked), tier: outcome.tier, interrupted, crisisLines } : undefined;
}

/**
 * Why the self-test failed in this page, or undefined when every case still
 * reaches what it reached when compiled.
 *
 * @example
 * const problem = selfTestProblem(compiled.ruleSet, compiled.selfTest);
 * if (problem) warn(problem);
 */
export function selfTestProblem(ruleSet: RuleSet, cases: readonly SelfTestCase[] = []): string | undefined {
  for (const [i, c] of cases.entries()) {
    const got = walk(ruleSet, c.answers);
    const same =
      got?.tier === c.tier && got.interrupted === c.interrupted && got.crisisLines === c.crisisLines &&
      Object.keys(got.answers).length === Object.keys(c.answers).length;
    if (!same) return `self-test case ${i + 1} expected ${c.tier}, got ${got?.tier ?? 'no result'}: this page changes how the rules run`;
  }
  return undefined;
}

/**
 * Picks the self-test from a rule set's scenario cases (from `loadCases`):
 * an interrupting case, one where crisis lines show with a milder result
 * (when a rule is marked `crisisHelp: lines`), and one per tier the rules can
 * give, the shortest walk each. Only cases whose walk reaches the tier they
 * expect are used; answers the patient is never asked are left out.
 *
 * @example
 * const loaded = loadCases(casesYaml, 'rules/ketamine.cases.yaml', ruleSet);
 * const selfTest = loaded.ok ? pickSelfTest(ruleSet, loaded.cases) : [];
 */
export function pickSelfTest(ruleSet: RuleSet, cases: readonly { answers: Answers; expect: { tier: Tier } }[]): SelfTestCase[] {
  const walked = cases
    .map((c) => walk(ruleSet, c.answers))
    .filter((w, i): w is SelfTestCase => w?.tier === cases[i]!.expect.tier)
    .sort((a, b) => Object.keys(a.answers).length - Object.keys(b.answers).length);
  const wants: ((c: SelfTestCase) => boolean)[] = [
    (c) => c.interrupted,
    ...(ruleSet.rules.some((rule) => rule.tier !== 'crisis' && showsCrisisLines(rule)) ? [(c: SelfTestCase) => c.tier !== 'crisis' && c.crisisLines] : []),
    ...[...new Set<Tier>([...ruleSet.rules.map((rule) => rule.tier), 'candidate'])].map((tier) => (c: SelfTestCase) => c.tier === tier),
  ];
  const picked: SelfTestCase[] = [];
  for (const want of wants) {
    const found = picked.some(want) ? undefined : walked.find(want);
    if (found) picked.push(found);
  }
  return picked;
}
