/**
 * Is the sign-off bound to what was reviewed? (`screener sign` writes
 * `signOff.contentHash`; src/authoring/review-hash.ts says what it covers.)
 *
 * | code             | severity | when |
 * |------------------|----------|------|
 * | sign-off-stale   | error    | the rules changed after they were signed: `contentHash` is not the file's review hash |
 * | sign-off-unbound | warning  | a reviewer is named by hand, without `contentHash`, so a later change would still claim the review |
 *
 * Whether a reviewer is named at all, or the review is still to come, is the
 * lint's (`missing-sign-off`, `sign-off-pending` in src/analysis/lint.ts).
 */
import type { Finding } from '../authoring/finding.ts';
import { reviewHash } from '../authoring/review-hash.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { isPlaceholder, PENDING } from './lint.ts';

/**
 * The sign-off's findings for a validated rule set.
 *
 * @example
 * signOffFindings(ruleSet) // [] when signed with `screener sign` and unchanged since
 */
export function signOffFindings(ruleSet: RuleSet): Finding[] {
  const sign = signOffState(ruleSet);
  if (sign.state === 'changed') {
    return [
      {
        code: 'sign-off-stale',
        severity: 'error',
        path: ['signOff', 'contentHash'],
        message:
          `signed for ${sign.signedFor}, the file is now ${sign.hash}: it needs a new review ` +
          '(a clinician reads the new sheet, then runs npx screener sign <file> --by "<name, role>")',
      },
    ];
  }
  if (sign.state !== 'unbound') return []; // signed for this content; or still to come or nobody named, which the lint says
  return [
    {
      code: 'sign-off-unbound',
      severity: 'warning',
      path: ['signOff', 'reviewedBy'],
      message:
        `the sign-off by ${JSON.stringify(sign.reviewedBy)} is not bound to what was reviewed, so a later change would still claim it; ` +
        'sign with npx screener sign <file> --by "<name, role>"',
    },
  ];
}

/**
 * Where the sign-off stands, for a reader (the playground shows it): signed
 * for exactly this content, changed since it was signed, named by hand
 * without a hash, or not yet signed. `hash` is the rules' review hash now.
 */
export type SignOffState =
  | { state: 'signed'; reviewedBy: string; reviewedOn: string; hash: string }
  | { state: 'changed'; reviewedBy: string; reviewedOn: string; hash: string; signedFor: string }
  | { state: 'unbound'; reviewedBy: string; reviewedOn: string; hash: string }
  | { state: 'pending'; hash: string };

/**
 * The sign-off's state ({@link signOffFindings} reports from it).
 *
 * @example
 * signOffState(ruleSet).state // 'pending' for rules/ketamine.yaml until a clinician signs it
 */
export function signOffState(ruleSet: RuleSet): SignOffState {
  const { reviewedBy, reviewedOn, contentHash } = ruleSet.signOff;
  const hash = reviewHash(ruleSet);
  if (contentHash !== undefined) {
    return contentHash === hash ? { state: 'signed', reviewedBy, reviewedOn, hash } : { state: 'changed', reviewedBy, reviewedOn, hash, signedFor: contentHash };
  }
  if (PENDING.test(reviewedBy) || isPlaceholder(reviewedBy)) return { state: 'pending', hash };
  return { state: 'unbound', reviewedBy, reviewedOn, hash };
}
