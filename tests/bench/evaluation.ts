/**
 * Rule evaluation: our engine against json-rules-engine and json-logic-js on
 * the same seeded answer sets, after checking that all three decide every
 * set the same way (tier AND fired rules).
 */
import type { Answers } from '../../src/engine.ts';
import type { RuleSet, Tier } from '../../src/schema.ts';
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
  speeds: EngineSpeed[];
  /** The same peers given answers already counted by our code (visibility not timed). */
  speedsPreCounted: EngineSpeed[];
}

/** Options for {@link benchEvaluation}. */
export interface EvaluationOptions {
  count: number;
  seed: number;
  /** Time budget per timing round, ms. */
  roundMs: number;
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

async function speedOf(engine: EngineUnderTest, sets: readonly Answers[], options: EvaluationOptions): Promise<EngineSpeed> {
  await timeRound(engine, sets, Math.min(300, options.roundMs)); // warm-up: let the JIT settle
  const rates: number[] = [];
  let evaluations = 0;
  for (let round = 0; round < options.rounds; round += 1) {
    const { ops, ms } = await timeRound(engine, sets, options.roundMs);
    evaluations += ops;
    rates.push((ops / ms) * 1000);
  }
  rates.sort((a, b) => a - b);
  return { name: engine.name, opsPerSecond: rates[Math.floor(rates.length / 2)] ?? 0, evaluations, rounds: options.rounds };
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

  const speeds: EngineSpeed[] = [];
  for (const engine of [ours, ...rawPeers]) speeds.push(await speedOf(engine, sets, options));

  // Visibility done by our code beforehand and not timed: the peers' best case.
  const { countedAnswers } = await import('../../src/engine.ts');
  const counted = sets.map((answers) => countedAnswers(ruleSet, answers));
  const speedsPreCounted: EngineSpeed[] = [];
  for (const engine of peers('counted')) speedsPreCounted.push(await speedOf(engine, counted, options));

  return { answerSets: sets.length, seed: options.seed, tiers, disagreements, speeds, speedsPreCounted };
}
