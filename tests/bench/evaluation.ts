/**
 * Rule evaluation: our engine against json-rules-engine and json-logic-js on
 * the same seeded answer sets, after checking that all three decide every
 * set the same way (tier AND fired rules).
 */
import { countedAnswers, type Answers } from '../../src/core/engine.ts';
import type { RuleSet, Tier } from '../../src/authoring/schema.ts';
import { generateAnswerSets } from './answers.ts';
import { jsonLogicEngine, jsonRulesEngine, ourEngine, type Decision, type EngineUnderTest } from './engines.ts';
import type { LowerMode } from './lower-condition.ts';

/** Throughput of one engine. */
export interface EngineSpeed {
  name: string;
  /** Median over rounds of answer sets decided per second. */
  opsPerSecond: number;
  /** Answer sets decided while timing, all rounds together. */
  evaluations: number;
  rounds: number;
}

/** The result of {@link benchEvaluation}. */
export interface EvaluationResult {
  answerSets: number;
  seed: number;
  /** How the seeded sets split by tier (our engine's decision). */
  tiers: Record<Tier, number>;
  /** Sets on which a peer decided differently from ours (0 means they all agree). */
  disagreements: { engine: string; count: number; example?: { answers: Answers; ours: Decision; theirs: Decision } }[];
  /** Ours first, then json-rules-engine and json-logic-js. */
  speeds: EngineSpeed[];
  /** For each peer: median over rounds of (our rate ÷ its rate), timed back to back. */
  ratios: number[];
  /** Ours again (raw answers), then the peers given answers already counted by our code (not timed). */
  speedsPreCounted: EngineSpeed[];
  ratiosPreCounted: number[];
}

/** Options for {@link benchEvaluation}. */
export interface EvaluationOptions {
  count: number;
  seed: number;
  /** Time budget per engine per round, ms. */
  roundMs: number;
  /** Rounds; in each, every engine is timed once, in turn. */
  rounds: number;
}

function sameDecision(a: Decision, b: Decision): boolean {
  return a.tier === b.tier && a.fired.length === b.fired.length && a.fired.every((id, i) => id === b.fired[i]);
}

/** Runs `engine` over `sets` in order, cycling, until `budgetMs` passes; returns decisions per second. */
async function timeRound(engine: EngineUnderTest, sets: readonly Answers[], budgetMs: number): Promise<{ ops: number; ms: number }> {
  let ops = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  // Check the clock every 64 decisions so reading it costs nothing measurable.
  while (now - start < budgetMs) {
    for (let i = 0; i < 64; i += 1) {
      const answers = sets[(ops + i) % sets.length] as Answers;
      const decision = engine.async ? await engine.decide(answers) : (engine.decide(answers) as Decision);
      sink += decision.fired.length;
    }
    ops += 64;
    now = performance.now();
  }
  if (sink < 0) console.log(sink);
  return { ops, ms: now - start };
}

/**
 * Times engines in interleaved rounds (A, B, C, A, B, C, …) so that a change
 * in machine load hits every engine alike; ratios are taken round by round.
 */
async function speedsOf(
  runs: readonly { engine: EngineUnderTest; sets: readonly Answers[] }[],
  options: EvaluationOptions,
): Promise<{ speeds: EngineSpeed[]; rates: number[][] }> {
  for (const { engine, sets } of runs) await timeRound(engine, sets, Math.min(300, options.roundMs)); // warm-up: let the JIT settle
  const rates = runs.map(() => [] as number[]);
  const evaluations = runs.map(() => 0);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [i, { engine, sets }] of runs.entries()) {
      const { ops, ms } = await timeRound(engine, sets, options.roundMs);
      evaluations[i] = (evaluations[i] ?? 0) + ops;
      rates[i]?.push((ops / ms) * 1000);
    }
  }
  const speeds = runs.map(({ engine }, i) => ({
    name: engine.name,
    opsPerSecond: median(rates[i] ?? []),
    evaluations: evaluations[i] ?? 0,
    rounds: options.rounds,
  }));
  return { speeds, rates };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median over rounds of ours ÷ peer, each pair timed back to back. */
function pairedRatios(rates: number[][]): number[] {
  const ours = rates[0] ?? [];
  return rates.slice(1).map((peer) => median(peer.map((rate, round) => (ours[round] ?? 0) / rate)));
}

/**
 * Checks agreement on every set, then times each engine.
 *
 * @example
 * const result = await benchEvaluation(ruleSet, { count: 10_000, seed: 20260101, roundMs: 1000, rounds: 5 });
 * result.disagreements.every((d) => d.count === 0) // the comparison is honest
 */
export async function benchEvaluation(ruleSet: RuleSet, options: EvaluationOptions): Promise<EvaluationResult> {
  const sets = generateAnswerSets(ruleSet, { count: options.count, seed: options.seed });
  const ours = ourEngine(ruleSet);
  const peers = (mode: LowerMode) => [jsonRulesEngine(ruleSet, mode), jsonLogicEngine(ruleSet, mode)];
  const rawPeers = peers('raw');

  const tiers: Record<Tier, number> = { crisis: 0, 'not-suitable': 0, review: 0, candidate: 0 };
  const disagreements: EvaluationResult['disagreements'] = rawPeers.map((peer) => ({ engine: peer.name, count: 0 }));
  const oursDecisions = sets.map((answers) => ours.decide(answers) as Decision);
  for (const decision of oursDecisions) tiers[decision.tier] += 1;
  for (const [p, peer] of rawPeers.entries()) {
    const record = disagreements[p];
    if (!record) continue;
    for (const [i, answers] of sets.entries()) {
      const theirs = await peer.decide(answers);
      const mine = oursDecisions[i] as Decision;
      if (sameDecision(mine, theirs)) continue;
      record.count += 1;
      record.example ??= { answers, ours: mine, theirs };
    }
  }

  const main = await speedsOf([ours, ...rawPeers].map((engine) => ({ engine, sets })), options);

  // Visibility done by our code beforehand and not timed: the peers' best case.
  // Ours is timed again alongside, on the raw answers, for paired ratios.
  const counted = sets.map((answers) => countedAnswers(ruleSet, answers));
  const reference = await speedsOf(
    [{ engine: ours, sets }, ...peers('counted').map((engine) => ({ engine, sets: counted }))],
    { ...options, roundMs: options.roundMs / 2 },
  );

  return {
    answerSets: sets.length,
    seed: options.seed,
    tiers,
    disagreements,
    speeds: main.speeds,
    ratios: pairedRatios(main.rates),
    speedsPreCounted: reference.speeds,
    ratiosPreCounted: pairedRatios(reference.rates),
  };
}
