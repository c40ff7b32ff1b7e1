/**
 * What a patient sees of the clinician's sign-off, and a clinic's option to
 * refuse unsigned rules: the result says "Reviewed by … on …" only for rules
 * signed for exactly their content; a --require-signed build refuses others.
 */
import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewHash, withBoundSignOff } from '../../src/authoring/review-hash.ts';
import { evaluate } from '../../src/core/engine.ts';
import type { CompiledRuleSet } from '../../src/core/compile.ts';
import { ResultScreen } from '../../widget/components/result.tsx';
import { patientFacing } from '../../widget/build/ship.ts';
import { unsignedProblem } from '../../widget/sign-off.ts';
import { contentOf, fixtureCompiled, fixtureRuleSet, viewFor } from './support.ts';

afterEach(() => document.body.replaceChildren());

const answers = { age: 40, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'no', bp: 'normal' };

function resultText(ruleSet: ReturnType<typeof fixtureRuleSet>, locale = 'en'): string {
  const { view } = viewFor(ruleSet, { locale });
  const { container } = render(<ResultScreen view={view} content={contentOf(view, { kind: 'result', outcome: { ...evaluate(ruleSet, answers), crisisLines: false } })} />);
  return container.textContent ?? '';
}

describe('the sign-off on the result', () => {
  it('says who reviewed the rules and when, once they are signed for their content', async () => {
    const unsigned = fixtureRuleSet();
    const signed = { ...unsigned, signOff: { reviewedBy: 'Dr Ana Ruiz, medical director', reviewedOn: '2026-12-05' } };
    const bound = { ...signed, signOff: { ...signed.signOff, contentHash: reviewHash(signed) } };
    // What ships to patients (the build and `screener compile`): the sign-off only when it is bound.
    const shipped = (ruleSet: typeof unsigned) => patientFacing({ hash: 'sha256-x', ruleSet: withBoundSignOff(ruleSet) } as unknown as CompiledRuleSet).ruleSet;
    expect(resultText(shipped(unsigned))).not.toMatch(/Reviewed by/);
    expect(resultText(shipped(signed))).not.toMatch(/Reviewed by/);
    expect(resultText(shipped(bound))).toContain('Reviewed by Dr Ana Ruiz, medical director on 2026-12-05');
    expect(resultText(shipped(bound), 'es')).toContain('Revisadas por Dr Ana Ruiz, medical director el 2026-12-05');
    const changed = { ...bound, title: 'Changed after the review' };
    expect(resultText(shipped(changed))).not.toMatch(/Reviewed by/);
  });
});

describe('--require-signed', () => {
  it('refuses rules without a bound sign-off, and only when the build asks', async () => {
    const compiled = patientFacing(await fixtureCompiled());
    expect(unsignedProblem(compiled, false)).toBeNull();
    expect(unsignedProblem(compiled, true)).toMatch(/not signed for their content/);
    const signed = { ...compiled, ruleSet: { ...compiled.ruleSet, signOff: { reviewedBy: 'Dr A', reviewedOn: '2026-12-05', contentHash: 'sha256-x' } } };
    expect(unsignedProblem(signed, true)).toBeNull();
    Object.defineProperty(Object.prototype, 'contentHash', { value: 'sha256-x', configurable: true, writable: true });
    try {
      expect(unsignedProblem(compiled, true)).not.toBeNull();
    } finally {
      delete (Object.prototype as Record<string, unknown>).contentHash;
    }
  });
});
