import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessmentOutcome } from '../../src/core/machine.ts';
import { dispatchAll, eventsFor, type ScreenerEventInit } from '../../widget/events.ts';
import type { Screen } from '../../widget/screen.ts';
import { answer, press, TO_CRISIS_INTERRUPT, TO_REVIEW, walk } from './flow.ts';
import { fixtureRuleSet, mountWidget } from './support.ts';

afterEach(() => document.body.replaceChildren());

const ruleSet = fixtureRuleSet();
const question = (index: number, step: number): Screen => ({ kind: 'question', question: ruleSet.questions[index]!, step, total: 6 });
const outcome: AssessmentOutcome = { tier: 'review', fired: [{ id: 'bp-high', tier: 'review', reason: 'r', source: 's', interrupt: false }], crisisLines: false };
const context = { rulesVersion: '2.1.0', rulesHash: 'sha256-abc=', shareOutcome: false };

describe('eventsFor()', () => {
  it('announces start and the first step when the first question appears', () => {
    expect(eventsFor({ kind: 'intro' }, question(0, 1), context)).toEqual([
      { type: 'screener-start', detail: {} },
      { type: 'screener-step', detail: { step: 1 } },
    ]);
  });

  it('announces each new step, and the lower step after Back', () => {
    expect(eventsFor(question(0, 1), question(1, 2), context)).toEqual([{ type: 'screener-step', detail: { step: 2 } }]);
    expect(eventsFor(question(1, 2), question(0, 1), context)).toEqual([{ type: 'screener-step', detail: { step: 1 } }]);
    expect(eventsFor(question(1, 2), question(1, 2), context)).toEqual([]);
  });

  it('completes with the rules version and hash, and the tier only with share-outcome', () => {
    const result: Screen = { kind: 'result', outcome };
    expect(eventsFor(question(5, 5), result, context)).toEqual([
      { type: 'screener-complete', detail: { rulesVersion: '2.1.0', rulesHash: 'sha256-abc=' } },
    ]);
    expect(eventsFor(question(5, 5), result, { ...context, shareOutcome: true })).toEqual([
      { type: 'screener-complete', detail: { rulesVersion: '2.1.0', rulesHash: 'sha256-abc=', tier: 'review' } },
    ]);
    expect(eventsFor(result, result, context)).toEqual([]);
  });
});

describe('dispatchAll()', () => {
  it('dispatches bubbling, composed CustomEvents from the target', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const heard: Event[] = [];
    document.addEventListener('screener-step', (event) => heard.push(event), { once: true });
    dispatchAll(host, [{ type: 'screener-step', detail: { step: 3 } } satisfies ScreenerEventInit]);
    expect(heard).toHaveLength(1);
    const event = heard[0] as CustomEvent;
    expect([event.bubbles, event.composed, event.target, event.detail]).toEqual([true, true, host, { step: 3 }]);
  });
});

describe('events from <eligibility-screener>', () => {
  const TYPES = ['screener-start', 'screener-step', 'screener-complete'] as const;

  function listen() {
    const log: { type: string; detail: unknown }[] = [];
    const record = (event: Event) => log.push({ type: event.type, detail: (event as CustomEvent).detail });
    for (const type of TYPES) document.addEventListener(type, record);
    return { log, stop: () => TYPES.forEach((type) => document.removeEventListener(type, record)) };
  }

  /** Every answer value the walk gave, as the strings that would give it away. */
  function answerTokens(answers: [string, number | string | string[]][]): string[] {
    return answers.flatMap(([, value]) => [value].flat().map(String)).filter((token) => token.length > 2 || /^\d+$/.test(token));
  }

  it('carry steps, version and hash, but never an answer or the tier, without share-outcome', async () => {
    const { log, stop } = listen();
    const { ui } = await mountWidget();
    await walk(ui, TO_REVIEW);
    stop();
    expect(log.map((e) => e.type)).toEqual(['screener-start', ...TO_REVIEW.map(() => 'screener-step'), 'screener-complete']);
    expect(log.filter((e) => e.type === 'screener-step').map((e) => e.detail)).toEqual([1, 2, 3, 4, 5].map((step) => ({ step })));
    const complete = log.at(-1)!.detail as Record<string, unknown>;
    expect(Object.keys(complete).sort()).toEqual(['rulesHash', 'rulesVersion']);
    const serialized = JSON.stringify(log);
    for (const token of answerTokens(TO_REVIEW)) expect(serialized).not.toContain(`"${token}"`);
    expect(serialized).not.toMatch(/anxiety|high|review/);
  });

  it('include the tier with share-outcome, for a crisis interrupt too', async () => {
    const { log, stop } = listen();
    const { ui } = await mountWidget({ 'booking-url': '/book', 'share-outcome': true });
    await walk(ui, TO_CRISIS_INTERRUPT);
    stop();
    expect(log.filter((e) => e.type === 'screener-complete').map((e) => (e.detail as { tier?: string }).tier)).toEqual(['crisis']);
  });

  it('complete again when crisis help shows again after Back and the same answer', async () => {
    const { log, stop } = listen();
    const { ui } = await mountWidget({ 'booking-url': '/book', 'share-outcome': true });
    await walk(ui, TO_CRISIS_INTERRUPT);
    await press(ui, 'Back');
    const [question, value] = TO_CRISIS_INTERRUPT.at(-1)!;
    await answer(ui, question, value);
    stop();
    const completes = log.filter((e) => e.type === 'screener-complete').map((e) => (e.detail as { tier?: string }).tier);
    expect(completes).toEqual(['crisis', 'crisis']);
  });

  it('come from each widget separately when two share a page', async () => {
    const targets: string[] = [];
    const record = (event: Event) => targets.push((event.target as Element).id);
    document.addEventListener('screener-start', record);
    const first = await mountWidget({ id: 'first' });
    await mountWidget({ id: 'second' });
    fireEvent.click(first.ui.getByRole('button', { name: 'Start the questions' }));
    await press(first.ui, 'Back');
    document.removeEventListener('screener-start', record);
    expect(targets).toEqual(['first']);
  });
});
