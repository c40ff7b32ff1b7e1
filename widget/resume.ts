/**
 * Resume after an accidental reload, only when the clinic opts in with the
 * `resume` attribute. Without it these functions touch no storage at all.
 *
 * With it, `sessionStorage` only (it dies with the tab; never
 * `localStorage`, never a cookie), one key per widget, holding the rule
 * set's hash, the time, the questions shown and the answers before the
 * current one. The entry is deleted when an outcome other than crisis help
 * mid-way appears, on restart (or Back to the intro), and `resume-minutes`
 * (default 30) after the last save; one saved for other rules, too old or
 * unreadable is deleted, never used.
 *
 * Restoring replays the saved answers through the machine, so its own guards
 * check every one; if the replay does not land on the saved question, the
 * patient starts afresh.
 */
import type { Answer } from '../src/core/engine.ts';
import type { AssessmentContext, createAssessment } from '../src/core/machine.ts';
import type { Screen } from './screen.ts';
import { attributeValue } from './attributes.ts';

/** Start of the storage key; the widget's `id` follows (empty when it has none). */
export const RESUME_KEY_PREFIX = 'eligibility-screener:';

/** The stored value, as JSON. */
export interface SavedProgress {
  /** The compiled rule set's hash: saved answers only ever resume the same rules. */
  h: string;
  /** When it was saved (`Date.now()`). */
  t: number;
  /** Question ids shown, in order; the last is the one on screen. */
  p: string[];
  /** The answers to all but the last of `p`, in the same order. */
  a: Answer[];
}

type Actor = ReturnType<typeof createAssessment>;

const timers: Record<string, ReturnType<typeof setTimeout>> = {};

/**
 * The `sessionStorage` key a widget uses: one per widget `id`.
 *
 * @example
 * resumeKey(document.querySelector('#screener')!) // 'eligibility-screener:screener'
 */
export const resumeKey = (el: Element): string => RESUME_KEY_PREFIX + el.id;

const maxAgeMs = (el: Element): number => attributeValue(el, 'resume-minutes') * 6e4;

function forget(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Storage blocked (a sandboxed frame): then nothing was stored either.
  }
}

/**
 * With `resume`, brings a fresh actor to the question saved before a reload;
 * otherwise does nothing. Never throws.
 *
 * @example
 * const actor = createAssessment(compiled.ruleSet);
 * resumeProgress(element, actor, compiled.hash);
 */
export function resumeProgress(el: Element, actor: Actor, hash: string): void {
  const key = resumeKey(el);
  if (el.hasAttribute('resume')) {
    try {
      // Nothing saved fails here too (null has no fields): starting afresh is the same thing.
      const { h, t, p, a } = JSON.parse(sessionStorage.getItem(key)!) as SavedProgress;
      if (h != hash || !(Date.now() - t < maxAgeMs(el))) throw 0;
      actor.send({ type: 'user.start' });
      for (const value of a) {
        actor.send({ type: 'user.answer', value });
        // Crisis help after this answer was seen before the reload, and the patient went on.
        actor.send({ type: 'user.continue' });
      }
      // Landing on the saved question means every answer was accepted on the same path.
      if (`${actor.getSnapshot().context.path}` != `${p}`) throw 0;
    } catch {
      forget(key);
      actor.send({ type: 'user.restart' });
    }
  }
}

/**
 * With `resume`, saves the place on a question screen and deletes it on any
 * other screen but crisis help mid-way; otherwise does nothing. Never throws.
 *
 * @example
 * actor.subscribe((snapshot) => keepProgress(element, compiled.hash, screenOf(snapshot), snapshot.context));
 */
export function keepProgress(el: Element, hash: string, screen: Screen, context: AssessmentContext): void {
  const key = resumeKey(el);
  const p = context.path;
  if (el.hasAttribute('resume') && screen.kind != 'crisis') {
    clearTimeout(timers[key]);
    try {
      if (screen.kind != 'question') throw 0;
      const saved: SavedProgress = { h: hash, t: Date.now(), p, a: p.slice(0, -1).map((id) => context.answers[id]!) };
      sessionStorage.setItem(key, JSON.stringify(saved));
      timers[key] = setTimeout(forget, maxAgeMs(el), key);
    } catch {
      // An outcome, the intro, or storage full or blocked: nothing kept.
      forget(key);
    }
  }
}
