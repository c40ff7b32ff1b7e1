/**
 * Every answer path the assessment machine can produce, as a small graph.
 *
 * The walk follows `src/core/machine.ts` step by step, using the engine for every
 * decision: the first question is the first visible one; after an answer, an
 * interrupting rule that fires and has not been shown yet (or that this
 * answer sets off: it would not fire without it) ends the path on
 * the result screen (the patient may then press "Continue the assessment",
 * which the walk also follows, as the machine allows it); otherwise the next
 * question is the next visible one after the current (`nextQuestionId`);
 * with none left, the result. Each question is answered once per class
 * (see `answer-classes.ts`), never left blank: the machine requires an answer.
 *
 * Going back and changing an answer ends in the same answer sets as walking
 * forward with the new answer (the machine drops answers that became hidden),
 * so forward paths cover it.
 *
 * ## Merging
 * Two prefixes lead to the same future when they agree on what later
 * conditions can still read. A node's key is: the next question; for each
 * earlier question, the truth of every leaf test that a later `showIf`, an
 * undecided rule or the undecided target still reads; the most serious tier
 * among rules already decided (a rule is decided once the last question it
 * reads is behind); the target's value once decided; and the interrupting
 * rules already shown. Equal keys share one node, which is what keeps the
 * default rules to a few hundred nodes instead of millions of paths.
 */
import type { Finding } from '../authoring/finding.ts';
import { messages as M } from '../authoring/messages.ts';
import { tierRank, type Answer } from '../core/engine.ts';
import { TIERS } from '../core/vocabulary.ts';
import type { Condition, LeafCondition, Question, RuleSet, Tier } from '../authoring/schema.ts';
import { answerClasses, leavesByQuestion, type AnswerClass } from './answer-classes.ts';
import { classPredicates, type ClassPredicate } from './class-predicates.ts';
import { leavesOf } from '../core/conditions.ts';
import { lastQuestionIndex, leafKey, questionOrder } from './conditions.ts';

/** A result screen at the end of a path. */
export interface Terminal {
  kind: 'terminal';
  /** True when an interrupting rule ended the path (the patient may continue). */
  interrupted: boolean;
  tier: Tier;
  /** The target condition's value on the answers that count here (false when there is no target). */
  target: boolean;
  /** Rules firing here that read questions after this point (rules decided earlier sit on edges). */
  pendingFired: string[];
}

/** A question screen shared by every prefix with the same key. */
export interface GraphNode {
  kind: 'node';
  /** Unique per graph, in creation order. */
  id: number;
  key: string;
  question: Question;
  index: number;
  edges: GraphEdge[];
}

/**
 * What comes after answering: a question, the result, or an interrupt. One
 * edge stands for every answer class that leads to the same place: they
 * differ only in which one-question rules fire (see {@link edgeChoice}).
 */
export interface GraphEdge {
  /** The answer classes that take this step (positions in the question's class list), in option order. */
  classes: readonly number[];
  /** Of {@link classes}, the first with the fewest rules firing. */
  fewestFired: number;
  /** Rules decided by this step (their last question is behind now) that fire whatever the class. */
  decidedFired: string[];
  to: GraphNode | Terminal;
  /** Set when an interrupting rule fired: `to` is its result screen, this is "Continue the assessment". */
  continueTo: { node: GraphNode; decidedFired: string[]; interrupts: string[] } | null;
}

/** One answer class on an edge: its answer, and every rule this step decides that fires with it. */
export interface EdgeChoice {
  classIndex: number;
  answerClass: AnswerClass;
  answer: Answer;
  /** The edge's `decidedFired` and the class's own one-question rules, in rule order. */
  decidedFired: readonly string[];
}

/** The graph of answer paths for one rule set (and optional target condition). */
export interface PathGraph {
  ruleSet: RuleSet;
  target: Condition | null;
  classes: Map<string, AnswerClass[]>;
  /** The first question, or null when no question is visible at the start. */
  root: GraphNode | null;
  /** Rules that read no known question and fire before anything is answered. */
  rootFired: string[];
  nodes: GraphNode[];
  /** Answer steps: one per answer class of each question screen (edges stand for one or more). */
  edgeCount: number;
  /** By question position and answer class: the one-question rules that fire with it, in rule order. */
  localFired: readonly (readonly string[])[][];
  /** Rule id → position in the rule set. */
  rulePositions: ReadonlyMap<string, number>;
}

/**
 * The most merged question screens one path graph may have. The default
 * rules need a few hundred; a rule that reads many questions at once (one
 * `all:` over 22 yes/no questions) can need millions, which once ran for
 * minutes and ran out of memory. Past it the analysis stops with
 * {@link PathGraphTooLargeError}.
 */
export const MAX_PATH_GRAPH_NODES = 20_000;
/** The most answer steps one path graph may have: one per answer class of each question screen (an edge carries one or more). */
export const MAX_PATH_GRAPH_EDGES = 250_000;
/**
 * What all the analyses of one `screener check` may take together (lint,
 * one path graph per invariant, the time estimate in each language): merged
 * question screens built, answer steps walked, and time. An answer step
 * counts once when a graph is built and {@link ESTIMATE_STEP_WEIGHT} times
 * for each language the time estimate walks it in. The default rules take
 * about 3 051 screens and 3.2 million steps; the worst file within these
 * limits is checked in about one and a half times their time (`npm run bench`).
 */
export const CHECK_BUDGET = { nodes: 300_000, steps: 5_000_000, seconds: 60 } as const;
/**
 * What walking one answer step costs the time estimate, against building it (measured on the
 * default rules when each answer class had an edge of its own; kept, so that the limits stay where
 * rules/README.md puts them).
 */
export const ESTIMATE_STEP_WEIGHT = 16;

/** A limit of the analysis, as the message names it. */
export type AnalysisLimit = 'nodes' | 'edges' | 'check-nodes' | 'check-steps' | 'seconds';

/**
 * The rule set needs more analysis than the limits allow; nothing was proven.
 *
 * @example
 * try { lintRuleSet(ruleSet) } catch (e) { if (e instanceof PathGraphTooLargeError) findings.push(e.toFinding()) }
 */
export class PathGraphTooLargeError extends Error {
  constructor(
    readonly limit: AnalysisLimit,
    readonly max: number,
  ) {
    super(M.analysisTooLarge(limit, max));
    this.name = 'PathGraphTooLargeError';
  }

  /** The error as a finding on the rule set, for the CLI to print like any other. */
  toFinding(): Finding {
    return { code: 'analysis-too-large', severity: 'error', path: [], message: this.message };
  }
}

/** What the path graphs built inside {@link withAnalysisBudget} may still take. */
export interface AnalysisBudget {
  /** Merged question screens left. */
  nodes: number;
  /** Answer steps left (see {@link CHECK_BUDGET}). */
  steps: number;
  /** `Date.now()` past which building stops. */
  deadline: number;
}

let budget: AnalysisBudget | null = null;

/**
 * A fresh budget of {@link CHECK_BUDGET}, for one check.
 *
 * @example
 * withAnalysisBudget(checkBudget(), () => proveInvariants(ruleSet));
 */
export function checkBudget(): AnalysisBudget {
  return { nodes: CHECK_BUDGET.nodes, steps: CHECK_BUDGET.steps, deadline: Date.now() + CHECK_BUDGET.seconds * 1000 };
}

/**
 * Runs `run` with every path graph it builds counted against `shared`, so a
 * check of many invariants stops at one limit, not one per graph.
 *
 * @example
 * const shared = checkBudget();
 * withAnalysisBudget(shared, () => lintRuleSet(ruleSet));
 * withAnalysisBudget(shared, () => proveInvariants(ruleSet));
 */
export function withAnalysisBudget<T>(shared: AnalysisBudget, run: () => T): T {
  const before = budget;
  budget = shared;
  try {
    return run();
  } finally {
    budget = before;
  }
}

/** Options for {@link buildPathGraph}. */
export interface PathGraphOptions {
  /** Also follow "Continue the assessment" after an interrupt (the machine allows it). Default true. */
  continueAfterInterrupt?: boolean;
}

/**
 * Builds the graph of every answer path, merging prefixes with the same future.
 * `target` is a condition whose value at each result screen is recorded
 * (an invariant's `when`, or a rule's `when`).
 *
 * @example
 * const graph = buildPathGraph(ruleSet, invariant.when);
 * graph.nodes.length // merged question screens
 */
export function buildPathGraph(ruleSet: RuleSet, target: Condition | null = null, options: PathGraphOptions = {}): PathGraph {
  const continueAfter = options.continueAfterInterrupt ?? true;
  const order = questionOrder(ruleSet);
  const questions = ruleSet.questions;
  const count = questions.length;
  const classes = answerClasses(ruleSet, target ? [target] : []);
  const classList = questions.map((question) => classes.get(question.id) ?? []);
  const predicate = classPredicates(ruleSet, classes);

  const showIf = questions.map((question) => (question.showIf ? predicate(question.showIf) : null));
  const rules = ruleSet.rules.map((rule, position) => {
    const reads = new Set(leavesOf(rule.when).flatMap((leaf) => (order.has(leaf.question) ? [order.get(leaf.question)!] : [])));
    const last = lastQuestionIndex(rule.when, order);
    return {
      id: rule.id,
      position,
      rank: tierRank(rule.tier),
      interrupt: rule.interrupt === true,
      last,
      // Reads one question only and never interrupts: its effect is known per answer class (see `local` below).
      local: rule.interrupt !== true && reads.size === 1 && reads.has(last),
      fires: predicate(rule.when),
    };
  });
  type CompiledRule = (typeof rules)[number];
  const byLast = Array.from({ length: count + 1 }, (_, k) => rules.filter((rule) => rule.last === k - 1));
  const interrupting = rules.filter((rule) => rule.interrupt);
  const targetFn = target ? predicate(target) : null;
  const targetLast = target ? lastQuestionIndex(target, order) : -1;
  const live = liveLeaves(
    ruleSet,
    target,
    order,
    rules.map((rule) => rule.last),
    targetLast,
    predicate.leafPredicate,
  );
  const local = localEffects(
    classes,
    questions,
    classList,
    rules,
    [
      ...questions.flatMap((question) => (question.showIf ? [question.showIf] : [])),
      ...ruleSet.rules.filter((_, i) => !rules[i]!.local).map((rule) => rule.when),
      ...(target ? [target] : []),
    ],
    predicate.leafPredicate,
  );

  const memo = new Map<string, GraphNode>();
  const nodes: GraphNode[] = [];
  let edgeCount = 0;

  /**
   * Rules whose last question lies in [from, to) that fire: they are decided
   * by this step. The one-question rules of `skipLocalOf` are left out: the
   * caller adds them per answer class.
   */
  const decidedBetween = (state: number[], from: number, to: number, skipLocalOf = -2): CompiledRule[] => {
    const fired: CompiledRule[] = [];
    for (let k = Math.max(from, -1); k < to; k += 1) {
      for (const rule of byLast[k + 1]!) if (!(rule.local && k === skipLocalOf) && rule.fires(state)) fired.push(rule);
    }
    return fired;
  };
  const minRank = (rank: number, fired: readonly { rank: number }[]) => fired.reduce((best, rule) => Math.min(best, rule.rank), rank);
  const nextVisible = (state: number[], after: number) => {
    for (let j = after + 1; j < count; j += 1) if (!showIf[j] || showIf[j]!(state)) return j;
    return count;
  };
  const ids = (fired: readonly CompiledRule[]) => fired.map((rule) => rule.id);

  /** What is fixed once the walk reaches position `index`: tier of decided rules, target if decided. */
  interface Fixed {
    rank: number;
    target: boolean | null;
  }

  function key(index: number, state: number[], shown: readonly string[], fixed: Fixed): string {
    let bits = '';
    for (const leaf of live[index]!) bits += leaf(state) ? '1' : '0';
    const targetPart = fixed.target === null ? '?' : fixed.target ? 'T' : 'F';
    return `${index}|${shown.join(',')}|${fixed.rank}|${targetPart}|${bits}`;
  }

  function fixedAt(state: number[], from: number, to: number, before: Fixed, rank: number): Fixed {
    const decidesTarget = targetFn !== null && targetLast >= from && targetLast < to;
    return { rank: Math.min(before.rank, rank), target: decidesTarget ? targetFn(state) : before.target };
  }

  function nodeAt(index: number, state: number[], shown: readonly string[], fixed: Fixed): GraphNode {
    const nodeKey = key(index, state, shown, fixed);
    const existing = memo.get(nodeKey);
    if (existing) return existing;
    if (nodes.length >= MAX_PATH_GRAPH_NODES) throw new PathGraphTooLargeError('nodes', MAX_PATH_GRAPH_NODES);
    if (budget && (budget.nodes -= 1) < 0) throw new PathGraphTooLargeError('check-nodes', CHECK_BUDGET.nodes);
    const node: GraphNode = { kind: 'node', id: nodes.length, key: nodeKey, question: questions[index]!, index, edges: [] };
    memo.set(nodeKey, node);
    nodes.push(node);
    // Classes in one group differ only in which one-question rules fire, not in their
    // most serious tier nor in anything read later: they share one edge.
    const effects = local[index]!;
    // As the machine's recordAnswer: crisis help stays "shown" only while it fires without
    // the answer given here too, so an answer that sets it off shows it again. `state` is
    // that state (a forward walk reaches each question unanswered); the same for every class.
    const shownWithout = shown.filter((id) => interrupting.some((rule) => rule.id === id && rule.fires(state)));
    // Classes in option order, each counted as one answer step when its turn comes, after the
    // graph beyond its group's edge when it is the group's first (so the limits trip at the same
    // step as with one edge per class). Group numbers follow first classes, so edge k is group k.
    const answerCount = classList[index]!.length;
    let counted = 0;
    for (const { classes: members, fewestFired } of effects.groups) {
      const classIndex = members[0]!;
      // The classes before this one have had their turn.
      countEdges(edgeCount, classIndex - counted);
      edgeCount += classIndex - counted;
      counted = classIndex;
      const step = stepFrom(index, classIndex, effects.rank[classIndex]!, state, shownWithout, fixed);
      node.edges.push({ classes: members, fewestFired, decidedFired: step.decidedIds, to: step.to, continueTo: step.continueTo });
    }
    countEdges(edgeCount, answerCount - counted);
    edgeCount += answerCount - counted;
    return node;
  }

  function terminal(state: number[], interrupted: boolean, fixed: Fixed, pending: readonly CompiledRule[]): Terminal {
    return {
      kind: 'terminal',
      interrupted,
      tier: TIERS[minRank(fixed.rank, pending)]!,
      target: fixed.target ?? (targetFn ? targetFn(state) : false),
      pendingFired: ids(pending),
    };
  }

  interface Step {
    decidedIds: string[];
    to: GraphNode | Terminal;
    continueTo: GraphEdge['continueTo'];
  }

  /**
   * Answering question `index` with `classIndex`, whose one-question rules reach `localRank`.
   * `shownWithout`: the interrupts shown before that still fire without this answer.
   */
  function stepFrom(
    index: number,
    classIndex: number,
    localRank: number,
    before: number[],
    shownWithout: readonly string[],
    fixed: Fixed,
  ): Step {
    const state = before.slice();
    state[index] = classIndex;
    const firing = interrupting.filter((rule) => rule.fires(state)).map((rule) => rule.id);
    const stillShown = shownWithout.filter((id) => firing.includes(id));
    const pending = firing.filter((id) => !stillShown.includes(id));
    const next = nextVisible(state, index);

    if (pending.length > 0) {
      const now = decidedBetween(state, index, index + 1, index);
      const fixedNow = fixedAt(state, index, index + 1, fixed, minRank(localRank, now));
      const result = terminal(
        state,
        true,
        fixedNow,
        rules.filter((rule) => rule.last > index && rule.fires(state)),
      );
      if (next === count || !continueAfter) return { decidedIds: ids(now), to: result, continueTo: null };
      const skipped = decidedBetween(state, index + 1, next);
      const fixedNext = fixedAt(state, index + 1, next, fixedNow, minRank(TIERS.length - 1, skipped));
      return {
        decidedIds: ids(now),
        to: result,
        continueTo: {
          node: nodeAt(next, state, [...stillShown, ...pending].sort(), fixedNext),
          decidedFired: ids(skipped),
          interrupts: pending,
        },
      };
    }
    const fired = decidedBetween(state, index, next, index);
    const fixedNext = fixedAt(state, index, next, fixed, minRank(localRank, fired));
    const to = next === count ? terminal(state, false, fixedNext, []) : nodeAt(next, state, stillShown, fixedNext);
    return { decidedIds: ids(fired), to, continueTo: null };
  }

  const empty = questions.map(() => -1);
  const first = nextVisible(empty, -1);
  const rootRules = decidedBetween(empty, -1, first);
  const rootFixed = fixedAt(empty, -1, first, { rank: TIERS.length - 1, target: null }, minRank(TIERS.length - 1, rootRules));
  const root = first === count ? null : nodeAt(first, empty, [], rootFixed);
  return {
    ruleSet,
    target,
    classes,
    root,
    rootFired: ids(rootRules),
    nodes,
    edgeCount,
    localFired: local.map((effects) => effects.firedIds),
    rulePositions: new Map(rules.map((rule) => [rule.id, rule.position])),
  };
}

/**
 * Answer class `classIndex` (one of `edge.classes`) on `node`'s edge: its
 * answer and every rule the step decides that fires with it.
 *
 * @example
 * const choice = edgeChoice(graph, node, node.edges[0]!, node.edges[0]!.classes[0]!);
 * choice.decidedFired // e.g. ['aneurysm']
 */
export function edgeChoice(graph: PathGraph, node: GraphNode, edge: GraphEdge, classIndex: number): EdgeChoice {
  const answerClass = graph.classes.get(node.question.id)![classIndex]!;
  const own = graph.localFired[node.index]![classIndex]!;
  const shared = edge.decidedFired;
  const decidedFired =
    own.length === 0
      ? shared
      : shared.length === 0
        ? own
        : [...own, ...shared].sort((a, b) => graph.rulePositions.get(a)! - graph.rulePositions.get(b)!);
  return { classIndex, answerClass, answer: answerClass.answer, decidedFired };
}

/**
 * How many rules fire when answer class `classIndex` takes `edge` from `node`.
 *
 * @example
 * firedCount(graph, node, edge, edge.fewestFired) // the fewest on this edge
 */
export function firedCount(graph: PathGraph, node: GraphNode, edge: GraphEdge, classIndex: number): number {
  return graph.localFired[node.index]![classIndex]!.length + edge.decidedFired.length;
}

/**
 * Holds `count` more answer steps (edges `before + 1` to `before + count`) to
 * the limits exactly as one step at a time would: at each step the graph's
 * own edge limit, then the check's budget of steps, then its clock (read
 * where the budget crosses a multiple of 1,024, as {@link spendSteps} does).
 */
function countEdges(before: number, count: number): void {
  if (count <= 0) return;
  // For each limit, the first of these steps (from 1) that trips it; Infinity when none does.
  const edges = before + count > MAX_PATH_GRAPH_EDGES ? MAX_PATH_GRAPH_EDGES + 1 - before : Infinity;
  if (!budget) {
    if (edges <= count) throw new PathGraphTooLargeError('edges', MAX_PATH_GRAPH_EDGES);
    return;
  }
  const left = budget.steps;
  const steps = left < count ? left + 1 : Infinity;
  // Step i leaves `left - i + 1` behind it: a multiple of 1,024 first at i = left % 1024 + 1.
  const crossing = left >= 0 ? (left % 1024) + 1 : Infinity;
  const clock = crossing <= count && crossing < Math.min(edges, steps) && Date.now() > budget.deadline ? crossing : Infinity;
  const trip = Math.min(edges, steps, clock);
  if (trip > count) {
    budget.steps -= count;
    return;
  }
  if (trip === edges) {
    budget.steps -= edges - 1;
    throw new PathGraphTooLargeError('edges', MAX_PATH_GRAPH_EDGES);
  }
  budget.steps -= trip;
  throw trip === steps ? new PathGraphTooLargeError('check-steps', CHECK_BUDGET.steps) : new PathGraphTooLargeError('seconds', CHECK_BUDGET.seconds);
}

/**
 * Counts `steps` answer steps walked against the budget of the running
 * check, if any ({@link withAnalysisBudget}); throws {@link PathGraphTooLargeError}
 * past it or past its time.
 *
 * @example
 * spendSteps(graph.edgeCount * ESTIMATE_STEP_WEIGHT); // before estimating the time in one language
 */
export function spendSteps(steps: number): void {
  if (!budget) return;
  const before = budget.steps;
  budget.steps -= steps;
  if (budget.steps < 0) throw new PathGraphTooLargeError('check-steps', CHECK_BUDGET.steps);
  // The clock is read every 1,024 steps.
  if (Math.floor(before / 1024) !== Math.floor(budget.steps / 1024) && Date.now() > budget.deadline) {
    throw new PathGraphTooLargeError('seconds', CHECK_BUDGET.seconds);
  }
}

/**
 * Per question and answer class: the one-question rules that fire and their
 * most serious tier; and the groups of classes. Two classes share a group when those
 * tiers match and every other test on the question (in a `showIf`, a rule
 * reading other questions too, an interrupting rule, the target) agrees.
 */
function localEffects<R extends { id: string; local: boolean; last: number; rank: number; fires: ClassPredicate }>(
  classes: ReadonlyMap<string, readonly AnswerClass[]>,
  questions: readonly Question[],
  classList: readonly (readonly AnswerClass[])[],
  rules: readonly R[],
  others: readonly Condition[],
  leafPredicate: (leaf: LeafCondition) => ClassPredicate,
) {
  const otherLeaves = leavesByQuestion(others);
  // Graphs of one rule set share their answer classes (answer-classes.ts), and mostly their tests: one
  // path graph per invariant differs only in the target. So each question's effects are worked out once
  // per set of classes and tests on it.
  let known = localCache.get(classes);
  if (!known) localCache.set(classes, (known = new Map()));
  let knownFires = firesCache.get(classes);
  if (!knownFires) firesCache.set(classes, (knownFires = new Map()));
  return questions.map((question, index) => {
    const leaves = otherLeaves.get(question.id) ?? [];
    const key = `${index}|${leaves.map(leafKey).join(',')}`;
    const cached = known.get(key);
    if (cached) return cached;
    // What each class fires is the same whatever the tests: worked out once per question.
    let fires = knownFires.get(index);
    const probe = questions.map(() => -1);
    const classCount = classList[index]!.length;
    if (!fires) {
      const own = rules.filter((rule) => rule.local && rule.last === index);
      fires = { rank: [], firedIds: [] };
      // Classes that fire the same rules share one list, so that what is worked out from a list (the time
      // estimate's reasons) can be worked out once for all of them.
      const lists = new Map<string, string[]>();
      // Plain loops over one probe (only this question answered): a question can have thousands of classes.
      for (let classIndex = 0; classIndex < classCount; classIndex += 1) {
        probe[index] = classIndex;
        const fired = own.filter((rule) => rule.fires(probe));
        fires.rank.push(fired.reduce((best, rule) => Math.min(best, rule.rank), TIERS.length - 1));
        const ids = fired.map((rule) => rule.id);
        const key = ids.join(' ');
        let list = lists.get(key);
        if (!list) lists.set(key, (list = ids));
        fires.firedIds.push(list);
      }
      knownFires.set(index, fires);
    }
    const tests = leaves.map(leafPredicate);
    const numbers = new Map<string, number>();
    const result: LocalEffects = { rank: fires.rank, firedIds: fires.firedIds, groups: [] };
    for (let classIndex = 0; classIndex < classCount; classIndex += 1) {
      probe[index] = classIndex;
      let signature = `${fires.rank[classIndex]}|`;
      for (const test of tests) signature += test(probe) ? '1' : '0';
      let group = numbers.get(signature);
      if (group === undefined) {
        numbers.set(signature, (group = numbers.size));
        result.groups.push({ classes: [], fewestFired: classIndex });
      }
      const record = result.groups[group]!;
      if (fires.firedIds[classIndex]!.length < fires.firedIds[record.fewestFired]!.length) record.fewestFired = classIndex;
      record.classes.push(classIndex);
    }
    known.set(key, result);
    return result;
  });
}

/** Answer classes of a rule set → a question's effects, by question position and the tests on it (see localEffects). */
const localCache = new WeakMap<ReadonlyMap<string, readonly AnswerClass[]>, Map<string, LocalEffects>>();
/** Answer classes of a rule set → by question position, what each class's one-question rules do. */
const firesCache = new WeakMap<ReadonlyMap<string, readonly AnswerClass[]>, Map<number, Pick<LocalEffects, 'rank' | 'firedIds'>>>();

/** Per answer class of one question: see {@link localEffects}. */
interface LocalEffects {
  rank: number[];
  firedIds: string[][];
  /** By group number: its classes in option order, and the first with the fewest rules firing. */
  groups: { classes: number[]; fewestFired: number }[];
}

/**
 * For each node position k: leaf predicates on earlier questions that
 * something at or after k still reads (a later question's `showIf`, a rule or
 * the target not decided before k). Their values are the part of the answers
 * so far that the future can see.
 */
function liveLeaves(
  ruleSet: RuleSet,
  target: Condition | null,
  order: ReadonlyMap<string, number>,
  ruleLast: readonly number[],
  targetLast: number,
  leafPredicate: (leaf: LeafCondition) => ClassPredicate,
): ClassPredicate[][] {
  const count = ruleSet.questions.length;
  const predicates = new Map<string, ClassPredicate>();
  const result: ClassPredicate[][] = [];
  for (let k = 0; k <= count; k += 1) {
    const reading: Condition[] = [];
    ruleSet.questions.forEach((question, i) => {
      if (i > k && question.showIf) reading.push(question.showIf);
    });
    ruleSet.rules.forEach((rule, i) => {
      if (ruleLast[i]! >= k) reading.push(rule.when);
    });
    if (target && targetLast >= k) reading.push(target);
    const leaves = [...leavesByQuestion(reading)]
      .filter(([id]) => (order.get(id) ?? Infinity) < k)
      .sort(([a], [b]) => order.get(a)! - order.get(b)!)
      .flatMap(([, tests]) => tests);
    result.push(
      leaves.map((leaf) => {
        const id = leafKey(leaf);
        if (!predicates.has(id)) predicates.set(id, leafPredicate(leaf));
        return predicates.get(id)!;
      }),
    );
  }
  return result;
}
