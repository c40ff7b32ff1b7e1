/**
 * How long the assessment takes: reading at 200 words a minute plus 3 seconds
 * for each answer. Words per screen are counted as `words.ts` describes.
 *
 * - **Typical path**: the quickest path of a patient with nothing to flag —
 *   among paths whose result is `candidate` (no rule fired, no interrupt),
 *   the one with the fewest answered screens; ties go to the fewest words,
 *   then to the earlier answers (option order, lower numbers first).
 * - **Longest path**: the path with the most seconds over every path the
 *   machine can produce, interrupts and "Continue" included.
 * - **Most answered screens**: the largest number of answers on any path.
 *
 * The typical path is also broken down screen by screen (`perScreen`), so a
 * slow-typical-path warning can say where the time goes.
 */
import { TIERS } from '../core/vocabulary.ts';
import type { RuleSet, Tier } from '../authoring/schema.ts';
import type { Finding } from '../authoring/finding.ts';
import { add, bestPath, ZERO, type Cost, type Pricing } from './best-path.ts';
import type { PathStep } from './graph-walks.ts';
import { buildPathGraph, edgeChoice, type GraphEdge, type GraphNode, type PathGraph } from './path-graph.ts';
import { crisisScreenWords, introWords, questionWords, resultPartWords, resultWords } from './words.ts';

export const WORDS_PER_MINUTE = 200;
export const SECONDS_PER_ANSWER = 3;
/** The target for the typical path, from the product brief. */
export const TYPICAL_SECONDS_LIMIT = 120;
/** The most answered screens any path should have, from the product brief. */
export const ANSWERED_SCREENS_LIMIT = 12;

/** One screen of a path: what it is, its words and its seconds (reading, plus 3 s when it takes an answer). */
export type ScreenTime = (
  | { kind: 'intro' }
  | { kind: 'question'; question: string }
  | { kind: 'crisis'; interrupts: string[] }
  | { kind: 'result'; tier: Tier }
) & { words: number; seconds: number };

/** One path, priced. */
export interface PathEstimate {
  /** Intro, each question, each interrupt screen passed with "Continue", and the result. */
  screens: number;
  answers: number;
  words: number;
  /** words / 200 × 60 + 3 × answers, rounded to a tenth. */
  seconds: number;
  tier: Tier;
  interrupted: boolean;
  steps: PathStep[];
  /**
   * The typical path screen by screen, in order (the start screen, each
   * question, each crisis screen passed, the result); the words add up to
   * `words`. Only on `typical`: where a clinician trims.
   */
  perScreen?: ScreenTime[];
}

/** The completion-time report. */
export interface TimeEstimate {
  wordsPerMinute: number;
  secondsPerAnswer: number;
  typical: PathEstimate | null;
  longest: PathEstimate | null;
  maxAnsweredScreens: number;
  /** Warnings: typical path over 120 s; a path with more than 12 answered screens. */
  findings: Finding[];
}

/**
 * Seconds for a number of words and answers: words / 200 × 60 + 3 × answers.
 *
 * @example
 * secondsFor(200, 10) // 90: 60 s of reading plus 30 s of answering
 */
export function secondsFor(words: number, answers: number): number {
  return Math.round(((words / WORDS_PER_MINUTE) * 60 + SECONDS_PER_ANSWER * answers) * 10) / 10;
}

/**
 * Estimates the completion time of a rule set in `locale` (default: the rule
 * set's own).
 *
 * The CLI prints, e.g.:
 * `Typical path: 11 screens, 9 answers, 212 words ≈ 90.6 s (200 words a minute + 3 s an answer)`,
 * the same line for the longest path, `Most answered screens on any path: 12`,
 * then `findings` like any other lint finding.
 *
 * A result screen's reasons are priced where each rule is decided, so the
 * longest path is exact unless two rules on it give the same reason text
 * (the screen says it once) or both show the crisis lines: then it is an
 * upper bound, by those words.
 *
 * @example
 * const { typical, longest } = estimateTime(ruleSet);
 * typical?.seconds // 88.2
 */
export function estimateTime(ruleSet: RuleSet, locale: string = ruleSet.locale, graph: PathGraph = buildPathGraph(ruleSet)): TimeEstimate {
  const intro = introWords(ruleSet, locale);
  const parts = resultPartWords(ruleSet, locale);
  const rootCost = (tier: Tier | null): Cost => ({
    words: intro + (tier ? parts.reasons(tier, graph.rootFired) : 0),
    answers: 0,
    screens: 1,
  });
  const questionCost = new Map<string, number>();
  const wordsOfQuestion = (id: string, question: Parameters<typeof questionWords>[1]) => {
    let words = questionCost.get(id);
    if (words === undefined) questionCost.set(id, (words = questionWords(ruleSet, question, locale)));
    return words;
  };
  // Edges carry rule ids; the same few lists recur thousands of times, so count each list once per tier.
  // Keyed by the ids' text: equal lists arrive as different arrays, and each is priced by describing whole screens;
  // and by the array itself, as the graph hands the same array to many edges (no text to build on each visit).
  const reasonCache = new Map<Tier, Map<string, number>>(TIERS.map((tier) => [tier, new Map()]));
  const reasonByList = new Map<Tier, WeakMap<readonly string[], number>>(TIERS.map((tier) => [tier, new WeakMap()]));
  // The crisis help below a milder result counts where a rule that shows the lines is decided
  // (once per such rule: an upper bound when two fire on one path).
  const reasons = (tier: Tier, ids: readonly string[]) => {
    if (ids.length === 0) return 0;
    const byList = reasonByList.get(tier)!;
    let words = byList.get(ids);
    if (words === undefined) {
      const cache = reasonCache.get(tier)!;
      const key = ids.join(' ');
      words = cache.get(key);
      if (words === undefined) cache.set(key, (words = parts.reasons(tier, ids) + parts.lines(tier, ids)));
      byList.set(ids, words);
    }
    return words;
  };
  // The longest path takes, of an edge's answer classes, the one whose reasons are longest (the first
  // among equals). An answer class's own rules are the same wherever its question is asked, so the
  // choice is made once per group of classes and list of rules the edge decides for all of them.
  const longestClass = new Map<Tier, WeakMap<readonly number[], Map<string, { classIndex: number; words: number }>>>(
    TIERS.map((tier) => [tier, new WeakMap()]),
  );
  const mostReasons = (tier: Tier, node: GraphNode, edge: GraphEdge) => {
    const byGroup = longestClass.get(tier)!;
    let byShared = byGroup.get(edge.classes);
    if (!byShared) byGroup.set(edge.classes, (byShared = new Map()));
    const key = edge.decidedFired.join(' ');
    let most = byShared.get(key);
    if (!most) {
      most = { classIndex: edge.classes[0]!, words: -1 };
      // A class's reasons on this edge follow from the rules it fires itself (edgeChoice): classes firing the
      // same ones (one shared list, path-graph.ts) are priced once, by the first of them.
      const priced = new Set<readonly string[]>();
      for (const classIndex of edge.classes) {
        const own = graph.localFired[node.index]![classIndex]!;
        if (priced.has(own)) continue;
        priced.add(own);
        const words = reasons(tier, edgeChoice(graph, node, edge, classIndex).decidedFired);
        if (words > most.words) most = { classIndex, words };
      }
      byShared.set(key, most);
    }
    return most;
  };
  const crisisScreen = (interrupts: readonly string[]) => crisisScreenWords(ruleSet, locale, interrupts);
  const resultCache = new Map(TIERS.map((tier) => [tier, resultWords(ruleSet, tier, locale)]));
  const seconds = (c: Cost) => (c.words / WORDS_PER_MINUTE) * 60 + SECONDS_PER_ANSWER * c.answers;

  const typicalPath = bestPath(graph, {
    end: (t) => (t.tier === 'candidate' && !t.interrupted ? { words: resultCache.get('candidate')!, answers: 0, screens: 1 } : null),
    answer: (node, edge) => ({
      cost: { words: wordsOfQuestion(node.question.id, node.question), answers: 1, screens: 1 },
      classIndex: edge.classes[0]!,
    }),
    resume: (edge) => ({ words: crisisScreen(edge.continueTo!.interrupts), answers: 0, screens: 1 }),
    better: (a, b) => a.answers < b.answers || (a.answers === b.answers && a.words < b.words),
  });
  const typical = typicalPath ? priced(add(rootCost('candidate'), typicalPath.cost), 'candidate', false, typicalPath.steps) : null;
  if (typical) {
    // The same counts the path was priced with, one screen at a time (no rule fired on a typical path).
    const byId = new Map(ruleSet.questions.map((question) => [question.id, question]));
    const screen = <T extends object>(what: T, words: number, answers: number): T & { words: number; seconds: number } => ({
      ...what,
      words,
      seconds: secondsFor(words, answers),
    });
    typical.perScreen = [
      screen({ kind: 'intro' as const }, rootCost('candidate').words, 0),
      ...typical.steps.map((step): ScreenTime =>
        step.kind === 'answer'
          ? screen({ kind: 'question' as const, question: step.question }, wordsOfQuestion(step.question, byId.get(step.question)!), 1)
          : screen({ kind: 'crisis' as const, interrupts: step.interrupts }, crisisScreen(step.interrupts), 0),
      ),
      screen({ kind: 'result' as const, tier: 'candidate' as const }, resultCache.get('candidate')!, 0),
    ];
  }

  let longest: PathEstimate | null = null;
  for (const tier of TIERS) {
    const pricing: Pricing = {
      end: (t) => (t.tier === tier ? { words: resultCache.get(tier)! + reasons(tier, t.pendingFired), answers: 0, screens: 1 } : null),
      answer: (node, edge) => {
        const { classIndex, words } = mostReasons(tier, node, edge);
        return { cost: { words: wordsOfQuestion(node.question.id, node.question) + words, answers: 1, screens: 1 }, classIndex };
      },
      resume: (edge) => ({
        words: crisisScreen(edge.continueTo!.interrupts) + reasons(tier, edge.continueTo!.decidedFired),
        answers: 0,
        screens: 1,
      }),
      better: (a, b) => seconds(a) > seconds(b),
    };
    const path = bestPath(graph, pricing);
    if (!path) continue;
    const candidate = priced(add(rootCost(tier), path.cost), tier, path.terminal.interrupted, path.steps);
    if (!longest || candidate.seconds > longest.seconds) longest = candidate;
  }

  const most = bestPath(graph, {
    end: () => ZERO,
    answer: (_, edge) => ({ cost: { words: 0, answers: 1, screens: 1 }, classIndex: edge.classes[0]! }),
    resume: () => ZERO,
    better: (a, b) => a.answers > b.answers,
  });
  const maxAnsweredScreens = most?.cost.answers ?? 0;

  const findings: Finding[] = [];
  if (typical && typical.seconds > TYPICAL_SECONDS_LIMIT) {
    findings.push({
      code: 'slow-typical-path',
      severity: 'warning',
      path: ['questions'],
      message:
        `the typical path takes about ${typical.seconds} seconds (${typical.words} words at ${WORDS_PER_MINUTE} a minute ` +
        `plus ${SECONDS_PER_ANSWER} seconds for each of ${typical.answers} answers); aim for ${TYPICAL_SECONDS_LIMIT} or less: ` +
        'shorten question and help text, or ask follow-up questions only when an answer calls for them',
    });
  }
  if (maxAnsweredScreens > ANSWERED_SCREENS_LIMIT) {
    findings.push({
      code: 'too-many-screens',
      severity: 'warning',
      path: ['questions'],
      message:
        `one path asks ${maxAnsweredScreens} questions; aim for ${ANSWERED_SCREENS_LIMIT} or fewer on any path: ` +
        'merge related questions into one multiple choice, or show follow-ups only when needed',
    });
  }
  return { wordsPerMinute: WORDS_PER_MINUTE, secondsPerAnswer: SECONDS_PER_ANSWER, typical, longest, maxAnsweredScreens, findings };
}

function priced(cost: Cost, tier: Tier, interrupted: boolean, steps: PathStep[]): PathEstimate {
  return {
    screens: cost.screens,
    answers: cost.answers,
    words: cost.words,
    seconds: secondsFor(cost.words, cost.answers),
    tier,
    interrupted,
    steps,
  };
}
