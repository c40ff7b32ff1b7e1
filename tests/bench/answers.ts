/**
 * Seeded, random, valid answer sets for a rule set, so every engine is timed
 * and checked on exactly the same inputs, run after run.
 */
import { questionRefs } from '../../src/core/engine.ts';
import type { Answer } from '../../src/core/engine.ts';
import type { Condition, Question, RuleSet } from '../../src/authoring/schema.ts';

/** A small, fast, seeded PRNG (mulberry32): returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options for {@link generateAnswerSets}. */
export interface GenerateOptions {
  count: number;
  seed: number;
  /** Chance that a question is left unanswered (as after an interrupt). Default 0.1. */
  skipChance?: number;
}

/**
 * Random answer sets in which every given answer is valid for its question.
 * Answers are drawn for EVERY question, hidden ones included, because the
 * engines must agree that answers to hidden questions do not count.
 *
 * Half of the sets are "quiet": choice questions mostly pick options that no
 * rule mentions, so that review and candidate outcomes are common too (purely
 * random answers would nearly always trip some exclusion).
 *
 * @example
 * const sets = generateAnswerSets(ruleSet, { count: 100, seed: 42 });
 */
export function generateAnswerSets(ruleSet: RuleSet, options: GenerateOptions): Record<string, Answer>[] {
  const random = seededRandom(options.seed);
  const skipChance = options.skipChance ?? 0.1;
  const mentioned = mentionedOptions(ruleSet);
  const sets: Record<string, Answer>[] = [];
  for (let n = 0; n < options.count; n += 1) {
    const quiet = random() < 0.5;
    const answers: Record<string, Answer> = {};
    for (const question of ruleSet.questions) {
      if (random() < skipChance) continue;
      answers[question.id] = randomAnswer(question, random, quiet ? mentioned : null);
    }
    sets.push(answers);
  }
  return sets;
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('bench: pick from an empty list');
  return item;
}

function randomAnswer(question: Question, random: () => number, mentioned: Set<string> | null): Answer {
  if (question.type === 'number') {
    const step = question.step ?? 1;
    const steps = Math.floor((question.max - question.min) / step + 1e-9);
    // Round to the step's decimals so the answer stays exactly on the step.
    const value = question.min + Math.floor(random() * (steps + 1)) * step;
    return Number(value.toFixed(12));
  }
  const ids = question.options.map((o) => o.id);
  const quiet = mentioned ? ids.filter((id) => !mentioned.has(`${question.id}/${id}`)) : [];
  const preferQuiet = quiet.length > 0 && random() < 0.8;
  const pool = preferQuiet ? quiet : ids;
  if (question.type === 'single-choice') return pick(pool, random);
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.id));
  const first = pick(pool, random);
  if (exclusive.has(first)) return [first];
  const chosen = new Set([first]);
  for (const id of pool) if (!exclusive.has(id) && random() < 0.3) chosen.add(id);
  return [...chosen];
}

/** `question/option` pairs that any rule's condition mentions. */
function mentionedOptions(ruleSet: RuleSet): Set<string> {
  const found = new Set<string>();
  const visit = (condition: Condition): void => {
    if ('all' in condition) return condition.all.forEach(visit);
    if ('any' in condition) return condition.any.forEach(visit);
    if ('not' in condition) return visit(condition.not);
    const [question] = questionRefs(condition);
    const options = 'equals' in condition ? [condition.equals]
      : 'includes' in condition ? [condition.includes]
      : 'oneOf' in condition ? condition.oneOf
      : 'noneOf' in condition ? condition.noneOf
      : 'includesAny' in condition ? condition.includesAny
      : [];
    for (const option of options) found.add(`${question}/${option}`);
  };
  for (const rule of ruleSet.rules) visit(rule.when);
  return found;
}
