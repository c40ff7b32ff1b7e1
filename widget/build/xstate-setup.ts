/**
 * XState, with a trimmed `setup()` for the widget bundle (the build aliases
 * `xstate` to this module).
 *
 * XState's own `setup()` returns every action creator (`sendTo`, `raise`,
 * `log`, `spawnChild`, …) in one object, so a bundler cannot drop them: about
 * 0.9 KB gzip the widget never runs. `src/core/machine.ts` only calls
 * `setup(…).createMachine(…)`, and this does exactly what XState does there.
 * `widget/build/build.ts` fails if the machine starts using anything else from it.
 */
import { createMachine, type setup as xstateSetup } from 'xstate';

export * from 'xstate';

/**
 * Same contract as XState's `setup()` for `.createMachine()`.
 *
 * @example
 * const machine = setup({ guards: { isDone: () => true } }).createMachine({ initial: 'a', states: { a: {} } });
 */
export const setup = (({ schemas, actors, actions, guards, delays }: Record<string, never>) => ({
  createMachine: (config: Record<string, unknown>) => createMachine({ ...config, schemas } as never, { actors, actions, guards, delays } as never),
})) as unknown as typeof xstateSetup;
