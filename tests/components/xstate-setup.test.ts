import { assign, createActor, setup as xstateSetup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { setup as trimmedSetup } from '../../widget/build/xstate-setup.ts';
import { evaluate } from '../../src/core/engine.ts';
import { assessmentMachine } from '../../src/core/machine.ts';
import { fixtureRuleSet } from './support.ts';

// The widget build aliases `xstate` to widget/build/xstate-setup.ts. Its setup() must
// build machines that behave exactly as XState's own: same guards, actions,
// eventless transitions and tags.
function counter(setup: typeof xstateSetup) {
  return setup({
    types: { context: {} as { count: number }, events: {} as { type: 'inc' } | { type: 'reset' } },
    guards: { isBig: ({ context }) => context.count >= 2 },
    actions: { inc: assign({ count: ({ context }) => context.count + 1 }) },
  }).createMachine({
    context: { count: 0 },
    initial: 'small',
    states: {
      small: { tags: 'low', on: { inc: { target: 'check', actions: 'inc' } } },
      check: { always: [{ guard: 'isBig', target: 'big' }, { target: 'small' }] },
      big: { tags: 'high', on: { reset: { target: 'small', actions: assign({ count: 0 }) } } },
    },
  });
}

function trace(setup: typeof xstateSetup) {
  const actor = createActor(counter(setup)).start();
  const seen: string[] = [];
  for (const type of ['inc', 'inc', 'inc', 'reset', 'inc'] as const) {
    actor.send({ type });
    const snapshot = actor.getSnapshot();
    seen.push(`${String(snapshot.value)}:${snapshot.context.count}:${snapshot.hasTag('high')}`);
  }
  return seen;
}

describe('the trimmed setup()', () => {
  it('builds machines that behave as XState\'s setup() does', () => {
    expect(trace(trimmedSetup)).toEqual(trace(xstateSetup));
    expect(trace(trimmedSetup)).toEqual(['small:1:false', 'big:2:true', 'big:2:true', 'small:0:false', 'small:1:false']);
  });

  it('gives the same machine config and implementations for the assessment', () => {
    // Rebuild the assessment machine's config with the trimmed setup and compare outcomes.
    const { config, implementations } = assessmentMachine;
    const rebuilt = trimmedSetup(implementations as never).createMachine(config as never);
    const ruleSet = fixtureRuleSet();
    const actor = createActor(rebuilt, { input: { ruleSet } }).start();
    actor.send({ type: 'user.start' });
    for (const value of [40, ['anxiety'], 'no', 'no', 'high']) actor.send({ type: 'user.answer', value });
    const { outcome } = actor.getSnapshot().context as { outcome: unknown };
    expect(outcome).toEqual({ ...evaluate(ruleSet, { age: 40, goals: ['anxiety'], 'wish-dead': 'no', pregnancy: 'no', bp: 'high' }), crisisLines: false });
  });
});
