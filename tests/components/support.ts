/**
 * Shared helpers for the widget's component tests: the fixture rule set
 * (compiled the way the build compiles rules), a real running assessment, and
 * a mounted `<eligibility-screener>` whose shadow root testing-library can query.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { within } from '@testing-library/preact';
import { compileRuleSet, type CompiledRuleSet } from '../../src/core/compile.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { createAssessment } from '../../src/core/machine.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { makeView, type View } from '../../widget/components/view.ts';
import { describeScreen, type Screen, type ScreenContent } from '../../src/core/screens.ts';
import { defineEligibilityScreener, type EligibilityScreenerElement } from '../../widget/element.tsx';
import { uiStrings } from '../../src/core/ui-strings.ts';

// Vitest runs from the project root; happy-dom's URL cannot turn import.meta.url into a path.
const FIXTURE = resolve(process.cwd(), 'tests/components/fixtures/mini.yaml');

/** The fixture rule set (tests/components/fixtures/mini.yaml), validated by the real loader. */
export function fixtureRuleSet(): RuleSet {
  const result = loadRuleSet(readFileSync(FIXTURE, 'utf8'), 'mini.yaml');
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.issues)}`);
  return result.ruleSet;
}

/** The fixture, compiled as `screener compile` would (hashing is async: Web Crypto). */
export async function fixtureCompiled(change?: (ruleSet: RuleSet) => RuleSet): Promise<CompiledRuleSet> {
  const ruleSet = fixtureRuleSet();
  return compileRuleSet(change ? change(ruleSet) : ruleSet);
}

/** A view over a real assessment actor, for rendering one screen on its own. */
export function viewFor(ruleSet: RuleSet, options: { bookingUrl?: string | null; locale?: string } = {}) {
  const actor = createAssessment(ruleSet);
  const errors: string[] = [];
  const view: View = makeView({
    ruleSet,
    locale: options.locale ?? 'en',
    strings: uiStrings(options.locale ?? 'en'),
    bookingUrl: options.bookingUrl === undefined ? 'https://clinic.example/book' : options.bookingUrl,
    idPrefix: 't',
    send: (event) => actor.send(event),
    can: (event) => actor.getSnapshot().can(event),
    showError: (message) => errors.push(message),
  });
  // As the element's default (no `summary="off"`): a result offers Save my answers and Print.
  const summary: string[] = [];
  view.summary = { save: () => summary.push('save'), print: () => summary.push('print') };
  return { view, actor, errors, summary };
}

/**
 * What a screen shows, as the element describes it before drawing (src/core/screens.ts).
 *
 * @example
 * <ResultScreen view={view} content={contentOf(view, { kind: 'result', outcome })} />
 */
export function contentOf<K extends Screen['kind']>(view: View, screen: Screen & { kind: K }): ScreenContent & { kind: K } {
  return describeScreen(view.ruleSet, screen, view) as ScreenContent & { kind: K };
}

/** Lets queued microtasks and Preact's work finish. */
export const settle = () => new Promise((done) => setTimeout(done, 0));

/**
 * Adds `<eligibility-screener>` (built-in rules: the fixture) to the page and
 * returns it with queries bound to its shadow root.
 *
 * @example
 * const { element, ui } = await mountWidget({ 'booking-url': '/book' });
 * ui.getByRole('button', { name: 'Start the questions' });
 */
export async function mountWidget(attributes: Record<string, string | true> = { 'booking-url': 'https://clinic.example/book' }) {
  defineEligibilityScreener(await fixtureCompiled());
  const element = document.createElement('eligibility-screener') as EligibilityScreenerElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value === true ? '' : value);
  document.body.append(element);
  await settle();
  const root = element.shadowRoot!;
  return { element, root, ui: within(root as unknown as HTMLElement) };
}
