/**
 * A slow, obviously-correct reference for the path analysis: drives the real
 * assessment machine (`src/core/machine.ts`) through EVERY valid answer to every
 * question it shows, and records each result screen it reaches. Only usable
 * on tiny rule sets; the tests compare the fast analysis against it.
 */
import { getInitialSnapshot, getNextSnapshot, type SnapshotFrom } from 'xstate';
import { countedAnswers, evaluateCondition, isValidAnswer, type Answer } from '../../../src/core/engine.ts';
import { assessmentMachine, currentQuestion } from '../../../src/core/machine.ts';
import type { Condition, Question, RuleSet, Tier } from '../../../src/authoring/schema.ts';

type Snapshot = SnapshotFrom<typeof assessmentMachine>;

/** One result screen reached by the machine. */
export interface BruteResult {
  tier: Tier;
  target: boolean;
  interrupted: boolean;
  /** Answers given on the way (not counting "continue"). */
  answersGiven: number;
  fired: string[];
  /** Questions answered on the way, in order. */
  questions: string[];
  /** Times "Continue the assessment" was pressed on the way. */
  continues: number;
  /** For each crisis screen passed with "Continue": the interrupting rules it was shown for. */
  crisisScreens: string[][];
}

/** Every valid answer to a question (all grid values, all allowed subsets). */
export function allAnswers(question: Question): Answer[] {
  if (question.type === 'number') {
    const step = question.step ?? 1;
    const values: number[] = [];
    for (let k = 0; ; k += 1) {
      const value = Number((question.min + k * step).toFixed(10));
      if (value > question.max) break;
      if (isValidAnswer(question, value)) values.push(value);
    }
    return values;
  }
  const ids = question.options.map((option) => option.id);
  if (question.type === 'single-choice') return ids;
  const subsets: Answer[] = [];
  for (let mask = 1; mask < 2 ** ids.length; mask += 1) {
    const subset = ids.filter((_, i) => mask & (1 << i));
    if (isValidAnswer(question, subset)) subsets.push(subset);
  }
  return subsets;
}

/** How many answer sequences a full enumeration would walk, at most. */
export function bruteSize(ruleSet: RuleSet): number {
  return ruleSet.questions.reduce((product, question) => product * allAnswers(question).length, 1);
}

/**
 * Walks every path of the machine. `target` is evaluated on the answers that
 * count at each result screen.
 */
export function bruteForce(ruleSet: RuleSet, target: Condition | null = null): { results: BruteResult[]; asked: Set<string> } {
  const results: BruteResult[] = [];
  const asked = new Set<string>();
  let start = getInitialSnapshot(assessmentMachine, { ruleSet });
  start = getNextSnapshot(assessmentMachine, start, { type: 'user.start' });
  const walk = (snapshot: Snapshot, given: number, questions: string[] = [], crisisScreens: string[][] = [], shownBefore: string[] = []): void => {
    const continues = crisisScreens.length;
    if (snapshot.hasTag('result')) {
      const counted = countedAnswers(ruleSet, snapshot.context.answers);
      const outcome = snapshot.context.outcome!;
      results.push({
        tier: outcome.tier,
        target: target ? evaluateCondition(target, counted) : false,
        interrupted: snapshot.context.interrupted,
        answersGiven: given,
        fired: outcome.fired.map((rule) => rule.id),
        questions,
        continues,
        crisisScreens,
      });
      if (snapshot.can({ type: 'user.continue' })) {
        const shown = snapshot.context.acknowledged.filter((id) => !shownBefore.includes(id));
        walk(getNextSnapshot(assessmentMachine, snapshot, { type: 'user.continue' }), given, questions, [...crisisScreens, shown], snapshot.context.acknowledged);
      }
      return;
    }
    const question = currentQuestion(snapshot.context);
    if (!question) return;
    asked.add(question.id);
    for (const answer of allAnswers(question)) {
      walk(getNextSnapshot(assessmentMachine, snapshot, { type: 'user.answer', value: answer }), given + 1, [...questions, question.id], crisisScreens, snapshot.context.acknowledged);
    }
  };
  if (start.hasTag('question')) walk(start, 0);
  return { results, asked };
}
