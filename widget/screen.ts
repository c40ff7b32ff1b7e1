/**
 * Which screen the patient sees, read from the machine's snapshot. The
 * screens and the host-page events both use this, so they always agree.
 * Nothing here evaluates a rule: the snapshot already knows.
 */
import type { SnapshotFrom } from 'xstate';
import { currentQuestion, progress, type assessmentMachine } from '../src/core/machine.ts';
import type { Screen } from '../src/core/screens.ts';

export type { Screen };

/** A snapshot of the assessment machine. */
export type AssessmentSnapshot = SnapshotFrom<typeof assessmentMachine>;

/**
 * The screen for a snapshot.
 *
 * @example
 * screenOf(actor.getSnapshot()).kind // 'intro'
 */
export function screenOf(snapshot: AssessmentSnapshot): Screen {
  const { context } = snapshot;
  if (snapshot.hasTag('question')) {
    const question = currentQuestion(context);
    if (question) return { kind: 'question', question, ...progress(context) };
  }
  if (snapshot.hasTag('result') && context.outcome) {
    const interrupted = context.interrupted && snapshot.can({ type: 'user.continue' });
    return { kind: interrupted ? 'crisis' : 'result', outcome: context.outcome };
  }
  return { kind: 'intro' };
}

/**
 * A short key that changes exactly when a new screen appears: focus moves
 * and screen readers are told on each change.
 *
 * @example
 * screenKey(screenOf(snapshot)) // 'question:age:1'
 */
export function screenKey(screen: Screen): string {
  if (screen.kind === 'question') return `question:${screen.question.id}:${screen.step}`;
  if (screen.kind === 'intro') return 'intro';
  return `${screen.kind}:${screen.outcome.tier}`;
}
