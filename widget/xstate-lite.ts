/**
 * The part of XState v5 that `src/machine.ts` uses, in a page of code: the
 * widget build aliases `xstate` to this module (widget/build.ts).
 *
 * Why: XState's interpreter was 11 KB of the widget's 30 KB gzip budget and
 * much of its start-up script time, for features this machine never uses
 * (nested and parallel states, history, delays, invoked and spawned actors,
 * persistence, inspection). The machine definition is the same object either
 * way, and Node (CLI, unit and model-based tests) still runs it on XState.
 *
 * What runs, with XState's semantics:
 * - states one level under the root; `initial`; `context` (or a function of `input`);
 * - `on` (an event type to one transition or a list: the first whose guard
 *   passes wins; the state's own transitions, then the root's), `always`,
 *   `entry`, `exit`, `tags`;
 * - a transition exits its source, runs its actions, enters its target; a
 *   state targeting itself stays (XState's default `reenter: false`); a root
 *   transition to `.child` exits the current state and enters the child;
 * - guards and `assign` actions named in `setup()`, run in order, each seeing
 *   the context the previous one left;
 * - `snapshot.can`, `hasTag`, `matches`; every processed event notifies the
 *   subscribers (ignored events too, as XState does); an event sent while
 *   another is processed waits its turn; a guard or action that throws stops
 *   the actor and goes to the subscribers' `error`.
 *
 * {@link unsupported} names anything else in a machine: widget/build.ts runs
 * it on the real machine and fails rather than ship one this cannot run, and
 * tests/unit/xstate-lite.test.ts compares both interpreters snapshot by
 * snapshot over random event sequences.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- machine configs are untyped data here, as inside XState */

type Context = Record<string, any>;
interface EventObject {
  type: string;
  [key: string]: unknown;
}
interface Args {
  context: Context;
  event: EventObject;
}
type Assignment = ((args: Args) => Context) | Record<string, unknown>;
interface Transition {
  target?: string;
  guard?: string;
  actions?: string | string[];
}
type Transitions = Transition | Transition[];
interface StateConfig {
  on?: Record<string, Transitions>;
  always?: Transitions;
  entry?: string | string[];
  exit?: string | string[];
  tags?: string | string[];
}
interface MachineConfig extends StateConfig {
  initial: string;
  context?: Context | ((args: { input: unknown }) => Context);
  states: Record<string, StateConfig>;
}
/** What `setup()` takes. XState's own `assign()` results work too: both carry `assignment`. */
interface Implementations {
  guards?: Record<string, (args: Args) => boolean>;
  actions?: Record<string, { assignment: Assignment }>;
}
/** A machine made by `setup().createMachine()`. */
export interface LiteMachine {
  config: MachineConfig;
  implementations: Required<Implementations>;
}
/** An actor's snapshot: the fields and methods the widget reads. */
export interface LiteSnapshot {
  status: 'active' | 'stopped' | 'error';
  value: string;
  context: Context;
  error?: unknown;
  hasTag(tag: string): boolean;
  can(event: EventObject): boolean;
  matches(value: string): boolean;
}
interface Observer {
  next?: (snapshot: LiteSnapshot) => void;
  error?: (error: unknown) => void;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * XState's `assign()`: a context update, by a function or by property.
 *
 * @example
 * assign({ count: ({ context }) => context.count + 1 })
 */
export const assign = (assignment: Assignment) => ({ assignment });

/**
 * XState's `setup()`, for `.createMachine()`.
 *
 * @example
 * const machine = setup({ guards: { isDone: () => true } }).createMachine({ initial: 'a', states: { a: {} } });
 */
export const setup = ({ guards = {}, actions = {} }: Implementations) => ({
  createMachine: (config: MachineConfig): LiteMachine => ({ config, implementations: { guards, actions } }),
});

/** A chosen transition, and whether the root (not the current state) defines it. */
type Chosen = [transition: Transition, fromRoot: boolean];

/** The first transition for `event` whose guard passes: the state's own first, then the root's. */
function select({ config, implementations }: LiteMachine, value: string, context: Context, event: EventObject, eventless?: boolean): Chosen | undefined {
  const state = config.states[value]!;
  const sources = eventless ? [state.always] : [state.on?.[event.type], config.on?.[event.type]];
  for (const [index, source] of sources.entries()) {
    for (const transition of list(source)) {
      if (!transition.guard || implementations.guards[transition.guard]!({ context, event })) return [transition, index > 0];
    }
  }
  return undefined;
}

/** Runs named assign actions in order. */
function run(machine: LiteMachine, names: string | string[] | undefined, context: Context, event: EventObject): Context {
  for (const name of list(names)) {
    const { assignment } = machine.implementations.actions[name]!;
    const args = { context, event };
    let update: Context = {};
    if (typeof assignment === 'function') update = assignment(args);
    else for (const [key, value] of Object.entries(assignment)) update[key] = typeof value === 'function' ? value(args) : value;
    context = { ...context, ...update };
  }
  return context;
}

/** Takes one transition: exit, actions, enter (a state targeting itself stays). */
function take(machine: LiteMachine, [transition, fromRoot]: Chosen, value: string, context: Context, event: EventObject): [string, Context] {
  const { states } = machine.config;
  const target = transition.target?.replace(/^\./, '');
  const moves = target !== undefined && (fromRoot || target !== value);
  if (moves) context = run(machine, states[value]!.exit, context, event);
  context = run(machine, transition.actions, context, event);
  return moves ? [target, run(machine, states[target]!.entry, context, event)] : [value, context];
}

/** Follows `always` transitions until none is enabled. */
function settle(machine: LiteMachine, [value, context]: [string, Context], event: EventObject): LiteSnapshot {
  for (let chosen = select(machine, value, context, event, true), steps = 0; chosen; chosen = select(machine, value, context, event, true)) {
    if (++steps > 99) throw new Error('always transitions loop');
    [value, context] = take(machine, chosen, value, context, event);
  }
  const tags = list(machine.config.states[value]!.tags);
  return {
    status: 'active',
    value,
    context,
    hasTag: (tag) => tags.includes(tag),
    can(event) {
      const [transition] = select(machine, value, context, event) ?? [];
      return !!transition && (transition.target !== undefined || list(transition.actions).length > 0);
    },
    matches: (other) => other === value,
  };
}

/**
 * XState's `createActor()` for a machine made by {@link setup}. Unlike
 * XState, an error in the initial state throws here, synchronously, where
 * the widget's guard catches it.
 *
 * @example
 * const actor = createActor(machine, { input }).start();
 * actor.subscribe({ next: (snapshot) => render(snapshot), error: (error) => fail(error) });
 */
export function createActor(machine: LiteMachine, { input }: { input?: unknown } = {}) {
  const { config } = machine;
  const init = { type: 'xstate.init', input };
  const initial = typeof config.context === 'function' ? config.context({ input }) : (config.context ?? {});
  let current = settle(machine, [config.initial, run(machine, config.states[config.initial]!.entry, initial, init)], init);
  const observers = new Set<Observer>();
  const queue: EventObject[] = [];
  let started = false;
  let busy = false;
  // Like XState: a throwing subscriber is reported on its own, without stopping anything.
  const report = (error: unknown) => setTimeout(() => { throw error; });

  const notify = () => {
    for (const observer of observers) {
      try {
        observer.next?.(current);
      } catch (error) {
        report(error);
      }
    }
  };
  const end = (status: 'stopped' | 'error', error?: unknown) => {
    const told = [...observers];
    observers.clear();
    queue.length = 0;
    current = { ...current, status, ...(status === 'error' && { error }) };
    if (status === 'error') {
      for (const observer of told) observer.error?.(error);
      if (!told.some((observer) => observer.error)) report(error);
    }
  };
  const flush = () => {
    if (busy || !started) return;
    busy = true;
    try {
      for (let event = queue.shift(); event && current.status === 'active'; event = queue.shift()) {
        try {
          const chosen = select(machine, current.value, current.context, event);
          if (chosen) current = settle(machine, take(machine, chosen, current.value, current.context, event), event);
        } catch (error) {
          end('error', error);
          break;
        }
        notify();
      }
    } finally {
      busy = false;
    }
  };

  const actor = {
    /** Starts processing events (those sent before wait until now). */
    start() {
      if (!started) {
        started = true;
        notify();
        flush();
      }
      return actor;
    },
    stop() {
      if (current.status === 'active') end('stopped');
      return actor;
    },
    send(event: EventObject) {
      if (current.status !== 'active') return;
      queue.push(event);
      flush();
    },
    getSnapshot: () => current,
    subscribe(observer: Observer | ((snapshot: LiteSnapshot) => void)) {
      const entry = typeof observer === 'function' ? { next: observer } : observer;
      if (current.status === 'active') observers.add(entry);
      return { unsubscribe: () => void observers.delete(entry) };
    },
  };
  return actor;
}

const STATE_KEYS = ['on', 'always', 'entry', 'exit', 'tags'];
const ROOT_KEYS = ['id', 'initial', 'context', 'states', 'on', 'schemas'];
const TRANSITION_KEYS = ['target', 'guard', 'actions'];

/**
 * What in a machine (XState's `machine.config` and `machine.implementations`)
 * this module cannot run, or null when it runs all of it. Build-time only.
 *
 * @example
 * unsupported(assessmentMachine.config, assessmentMachine.implementations) // null
 * unsupported({ initial: 'a', states: { a: { after: { 1000: 'b' } } } }) // 'states.a: "after" is not supported'
 */
export function unsupported(config: Record<string, any>, implementations: Record<string, any> = {}): string | null {
  const states: Record<string, Record<string, any>> = config.states ?? {};
  const names = Object.keys(states);
  const unknownKey = (node: Record<string, any>, allowed: string[]) =>
    Object.keys(node).find((key) => node[key] !== undefined && !allowed.includes(key));
  const action = (name: unknown) => typeof name === 'string' && typeof implementations.actions?.[name]?.assignment !== 'undefined';
  const guard = (name: unknown) => typeof name === 'string' && typeof implementations.guards?.[name] === 'function';

  function transitions(where: string, value: unknown, root: boolean): string | null {
    for (const t of list(value as Transition[])) {
      if (typeof t !== 'object' || t === null) return `${where}: write transitions as objects`;
      const key = unknownKey(t, TRANSITION_KEYS);
      if (key) return `${where}: "${key}" is not supported`;
      if (t.guard !== undefined && !guard(t.guard)) return `${where}: a guard must name a guard of setup()`;
      if (!list(t.actions).every(action)) return `${where}: actions must name assign() actions of setup()`;
      const target = t.target;
      if (target !== undefined && !(typeof target === 'string' && (root ? target.startsWith('.') && names.includes(target.slice(1)) : names.includes(target)))) {
        return `${where}: target ${JSON.stringify(target)} must be ${root ? '".child"' : 'a sibling state'}`;
      }
    }
    return null;
  }

  function state(where: string, node: Record<string, any>, allowed: string[], root: boolean): string | null {
    if (typeof node !== 'object' || node === null) return `${where}: not an object`;
    const key = unknownKey(node, allowed);
    if (key) return `${where}: "${key}" is not supported`;
    for (const [type, value] of Object.entries(node.on ?? {})) {
      if (type.includes('*')) return `${where}.on: wildcard events are not supported`;
      const problem = transitions(`${where}.on["${type}"]`, value, root);
      if (problem) return problem;
    }
    for (const kind of ['entry', 'exit']) if (!list(node[kind]).every(action)) return `${where}.${kind}: actions must name assign() actions of setup()`;
    return transitions(`${where}.always`, node.always, false);
  }

  if (!names.includes(config.initial)) return 'machine: "initial" must name a child state';
  const problem = state('machine', config, ROOT_KEYS, true);
  if (problem) return problem;
  for (const name of names) {
    const inner = state(`states.${name}`, states[name]!, STATE_KEYS, false);
    if (inner) return inner;
  }
  return null;
}
