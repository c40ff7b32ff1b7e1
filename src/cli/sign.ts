/**
 * Writing a sign-off into a rule file (`screener sign`): the `signOff`
 * block is replaced in place, so every other byte of the file (comments,
 * quoting, the order of keys) stays as the clinician wrote it, and the
 * result is loaded again to prove it says what was meant.
 */
import { isMap, parseDocument } from 'yaml';
import { loadRuleSet } from '../authoring/loader.ts';
import { reviewHash } from '../authoring/review-hash.ts';

/** Lint codes about the sign-off itself: signing is what settles them. */
export const SIGN_OFF_CODES: readonly string[] = ['missing-sign-off', 'sign-off-pending', 'sign-off-stale', 'sign-off-unbound'];

/** Who reviewed the rules and when. */
export interface Review {
  reviewedBy: string;
  reviewedOn: string;
}

/**
 * The rule file's text with its `signOff` set to this review and bound to
 * the rules' review hash.
 *
 * @example
 * signedSource(source, 'rules/ketamine.yaml', { reviewedBy: 'Dr Ana Ruiz, medical director', reviewedOn: '2026-12-05' })
 * // { ok: true, source: '…signOff:\n  reviewedBy: "Dr Ana Ruiz, medical director"\n  reviewedOn: 2026-12-05\n  contentHash: sha256-…', hash: 'sha256-…' }
 */
export function signedSource(source: string, file: string, review: Review): { ok: true; source: string; hash: string } | { ok: false; problem: string } {
  const loaded = loadRuleSet(source, file);
  if (!loaded.ok) return { ok: false, problem: 'it does not load (run screener check)' };
  const hash = reviewHash(loaded.ruleSet);
  const document = parseDocument(source);
  const block = document.get('signOff', true);
  if (!isMap(block) || !block.range || block.flow) return { ok: false, problem: 'its signOff is not a block of keys (write it as reviewedBy: … and reviewedOn: … lines)' };
  const [start, end] = block.range;
  const indent = start - (source.lastIndexOf('\n', start - 1) + 1);
  const pad = ' '.repeat(indent);
  const lines = [`reviewedBy: ${JSON.stringify(review.reviewedBy)}`, `${pad}reviewedOn: ${review.reviewedOn}`, `${pad}contentHash: ${hash}`];
  const signed = `${source.slice(0, start)}${lines.join('\n')}${source[end - 1] === '\n' ? '\n' : ''}${source.slice(end)}`;
  // Read back: the same rules, the new sign-off.
  const again = loadRuleSet(signed, file);
  if (!again.ok || reviewHash(again.ruleSet) !== hash) return { ok: false, problem: 'the signed file would not read back the same; sign-off not written' };
  const { reviewedBy, reviewedOn, contentHash } = again.ruleSet.signOff;
  if (reviewedBy !== review.reviewedBy || reviewedOn !== review.reviewedOn || contentHash !== hash) {
    return { ok: false, problem: 'the signed file would not read back the sign-off; not written' };
  }
  return { ok: true, source: signed, hash };
}
