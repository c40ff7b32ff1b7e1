/**
 * Where the clinical sign-off stands, in one line above the results: signed
 * for exactly the rules as edited, changed since it was signed (they need a
 * new review), named by hand without `screener sign`, or not yet signed.
 * The same reading as `screener check` (src/analysis/sign-off.ts).
 */
import { useMemo } from 'preact/hooks';
import { signOffState } from '../../src/analysis/sign-off.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';

export interface SignOffLineProps {
  /** The last valid rules; null before the first valid check. */
  ruleSet: RuleSet | null;
  /** True when the text being edited has errors and `ruleSet` is the last valid version. */
  stale: boolean;
}

/**
 * @example
 * <SignOffLine ruleSet={lastValid?.ruleSet ?? null} stale={false} />
 */
export function SignOffLine({ ruleSet, stale }: SignOffLineProps) {
  const state = useMemo(() => (ruleSet ? signOffState(ruleSet) : null), [ruleSet]);
  if (!state) return null;
  const hash = <code class="pg-hash">{state.hash}</code>;
  const sign = 'npx screener sign <file> --by "<name, role>"';
  const text =
    state.state === 'signed' ? (
      <>
        Signed by {state.reviewedBy} on {state.reviewedOn}, for exactly this content ({hash}).
      </>
    ) : state.state === 'changed' ? (
      <>
        Changed since it was signed by {state.reviewedBy} on {state.reviewedOn}: the sign-off was for <code class="pg-hash">{state.signedFor}</code>, the rules
        are now {hash}. They need a new review, then <code>{sign}</code>.
      </>
    ) : state.state === 'unbound' ? (
      <>
        Named, not signed: {state.reviewedBy} ({state.reviewedOn}) is written in by hand, so a later change would still claim the review. Review hash {hash}. Sign
        with <code>{sign}</code>.
      </>
    ) : (
      <>
        Not yet signed: review hash {hash}. A clinician reviews the sheet (<code>npx screener graph</code>), then runs <code>{sign}</code>.
      </>
    );
  return (
    <p id="pg-sign-off" class={`pg-sign-off pg-sign-off-${state.state}`}>
      <strong class="pg-sign-off-label">Sign-off{stale ? ' (last valid version)' : ''}: </strong>
      {text}
    </p>
  );
}
