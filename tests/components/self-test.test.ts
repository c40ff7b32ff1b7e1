/**
 * The self-test (src/core/self-test.ts): once the page is idle after the rules load,
 * and again before its first result, the widget walks the compiled rule set's own
 * cases through the real machine in the page. A
 * case that no longer comes out as compiled (a host script broke a built-in,
 * or the file's expectation is wrong) means "contact the clinic" and one
 * warning, never a result.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompiledRuleSet } from '../../src/core/compile.ts';
import type { SelfTestCase } from '../../src/core/self-test.ts';
import { TO_CANDIDATE, TO_CRISIS_INTERRUPT, TO_NOT_SUITABLE, TO_PASSIVE_WISH, TO_REVIEW, walk } from './flow.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import { fixtureCompiled, fixtureRuleSet, mountWidget } from './support.ts';

type Steps = [string, number | string | string[]][];

function selfCase(steps: Steps, tier: SelfTestCase['tier'], interrupted = false, crisisLines = false): SelfTestCase {
  return { answers: Object.fromEntries(steps), tier, interrupted, crisisLines };
}

/** What compile picks for the fixture, written out by hand: every tier, the interrupt, the lines with a milder result. */
const SELF_TEST: SelfTestCase[] = [
  selfCase(TO_CRISIS_INTERRUPT, 'crisis', true, true),
  selfCase(TO_PASSIVE_WISH, 'review', false, true),
  selfCase(TO_NOT_SUITABLE, 'not-suitable'),
  selfCase(TO_CANDIDATE, 'candidate'),
];

/** Serves `compiled` as the widget's remote `rules` file and mounts the widget on it. */
async function mountWith(compiled: CompiledRuleSet) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(compiled)));
  const mounted = await mountWidget({ 'booking-url': '/book', rules: '/rules/mini.json' });
  await vi.waitFor(() => expect(mounted.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy());
  return mounted;
}

function ourWarnings(spy: { mock: { calls: unknown[][] } }): string[] {
  return spy.mock.calls.map(([message]) => String(message)).filter((message) => message.startsWith('[eligibility-screener]'));
}

const original = Array.prototype.includes;

afterEach(() => {
  Array.prototype.includes = original;
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the self-test before the first result', () => {
  it('lets the result through when every case still comes out as compiled (control)', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ui, root } = await mountWith(await compileRuleSet(fixtureRuleSet(), SELF_TEST));
    await walk(ui, TO_REVIEW);
    expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('review');
    expect(ourWarnings(warnings)).toEqual([]);
  });

  it('shows "contact the clinic" and one warning, never a result, when a case expects another tier: once the page is idle, before the first answer', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tampered = SELF_TEST.map((c) => (c.tier === 'candidate' ? { ...c, tier: 'review' as const } : c));
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(await compileRuleSet(fixtureRuleSet(), tampered))));
    const { ui, root } = await mountWidget({ 'booking-url': '/book', rules: '/rules/mini.json' });
    // The patient has answered nothing: the self-test ran while the page was idle.
    await vi.waitFor(() => expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('unavailable'));
    expect(ui.queryByRole('button', { name: 'Start the questions' })).toBeNull();
    expect(ui.getByRole('heading').textContent).toBe('The assessment is not available right now');
    expect(ui.queryByText('You may be a good fit to talk about this treatment')).toBeNull();
    expect(ui.getByRole('link', { name: 'Contact the clinic' }).getAttribute('href')).toBe(`${location.origin}/book`);
    const ours = ourWarnings(warnings);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('contact the clinic');
    expect(String(warnings.mock.calls.find(([m]) => String(m).startsWith('[eligibility-screener]'))![1])).toContain('self-test case 4 expected review, got candidate');
  });

  it('shows "contact the clinic", not a wrong result, when the page breaks Array.prototype.includes', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ui, root } = await mountWith(await compileRuleSet(fixtureRuleSet(), SELF_TEST));
    // A host script's "fixed" includes finds 'thoughts-now' in an empty list: the machine takes the
    // crisis rule as already shown, so "thoughts of ending your life right now" no longer stops
    // the questions. The patient is asked two more questions (today's code then shows a plain
    // crisis result, not interrupted); the self-test catches it before any result.
    Array.prototype.includes = function (this: unknown[], value: unknown, from?: number) {
      return value === 'thoughts-now' && this.length === 0 ? true : original.call(this, value, from);
    };
    await walk(ui, [...TO_CRISIS_INTERRUPT, ['pregnancy', 'no'], ['bp', 'normal']]);
    expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('unavailable');
    expect(ui.queryByText('Please get help first')).toBeNull();
    expect(ourWarnings(warnings)).toHaveLength(1);
  });

  it('runs no self-test for a file compiled without one (older files still load)', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const compiled = await fixtureCompiled();
    expect(compiled.selfTest).toBeUndefined();
    const { ui, root } = await mountWith(compiled);
    await walk(ui, TO_CANDIDATE);
    expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('candidate');
    expect(ourWarnings(warnings)).toEqual([]);
  });
});
