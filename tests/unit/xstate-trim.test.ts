/**
 * The widget build trims XState (widget/build/xstate-trim.ts): it replaces the
 * bodies of XState functions the widget never runs with stubs that throw.
 *
 * Here the assessment machine is bundled twice, as the widget build does
 * (Vite, production), once with the build's own XState plugin and once with
 * untouched XState, and both run side by side: from every state a patient can
 * reach on the sample rule set (the first 500 on the ketamine rules), every
 * event a patient can send, and random event sequences, must give the same
 * snapshots (state, context, tags, what `can()` allows), the same
 * notifications to subscribers and the same errors. Each stub must throw a
 * clear error when reached, and the trimming must fail loudly when XState's
 * code is not what was checked.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { build, type Plugin } from 'vite';
import type * as Xstate from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/engine.ts';
import type * as Machine from '../../src/core/machine.ts';
import { RuleSet, type Question } from '../../src/authoring/schema.ts';
import { trimmedXstatePlugin } from '../../widget/build/plugins.ts';
import { findSpan, stubbedFeaturesUsed, trimXstateModule, XSTATE_PIECES, XstateTrimError } from '../../widget/build/xstate-trim.ts';
import { loadRules } from '../support/load-rules.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const XSTATE_DIST = resolve(ROOT, 'node_modules/xstate/dist');

type Bundle = typeof Machine & typeof Xstate;
type Actor = ReturnType<typeof Machine.createAssessment>;
type Snapshot = ReturnType<Actor['getSnapshot']>;
type AssessmentEvent = Machine.AssessmentEvent;

const ENTRY = 'virtual:xstate-trim-test-entry';

/** The machine and XState itself, as one module (so the stubs can be reached from the test). */
function entryPlugin(): Plugin {
  return {
    name: 'xstate-trim-test-entry',
    resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : null),
    load: (id) =>
      id === `\0${ENTRY}`
        ? `export * from ${JSON.stringify(resolve(ROOT, 'src/core/machine.ts'))};\nexport * from 'xstate';\n`
        : null,
  };
}

let tmp: string;

/** Bundles src/core/machine.ts and XState as the widget build does, then imports the result. */
async function bundle(trimmed: boolean): Promise<Bundle> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    publicDir: false,
    plugins: [entryPlugin(), ...(trimmed ? [trimmedXstatePlugin()] : [])],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      lib: { entry: ENTRY, formats: ['es'], fileName: () => 'machine.mjs' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((item) => item.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('vite produced no chunk');
  const file = join(tmp, `${trimmed ? 'trimmed' : 'full'}.mjs`);
  writeFileSync(file, chunk.code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Bundle;
}

let trimmed: Bundle;
let full: Bundle;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xstate-trim-'));
  // As under `npm run build`: Vitest's NODE_ENV=test would resolve XState's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    trimmed = await bundle(true);
    full = await bundle(false);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
// Side by side.

/** Answers worth trying on a question: every option or range end, and some it must refuse. */
function tryAnswers(question: Question): Answer[] {
  if (question.type === 'number') {
    return [...new Set([question.min, question.max, 17, 65])].filter((value) => value >= question.min && value <= question.max).concat(question.max + 1);
  }
  const ids = question.options.map((option) => option.id);
  if (question.type === 'single-choice') return [...ids, 'not-an-option', ['yes']];
  const exclusive = question.options.filter((option) => option.exclusive).map((option) => option.id);
  const plain = ids.filter((id) => !exclusive.includes(id));
  return [...ids.map((id) => [id]), plain, [], [...exclusive, ...plain.slice(0, 1)], 'not-a-list'];
}

/** Every event a patient can send now (handled or not). */
function patientEvents(bundle: Bundle, snapshot: Snapshot): AssessmentEvent[] {
  const question = bundle.currentQuestion(snapshot.context);
  return [
    { type: 'user.start' },
    ...(question ? tryAnswers(question) : ['yes']).map((value) => ({ type: 'user.answer' as const, value })),
    { type: 'user.back' },
    { type: 'user.continue' },
    { type: 'user.restart' },
  ];
}

/** All a widget (or a patient) can observe of a snapshot. */
function observe(bundle: Bundle, snapshot: Snapshot) {
  const { ruleSet: _ruleSet, ...context } = snapshot.context;
  return {
    status: snapshot.status,
    value: snapshot.value,
    context,
    tags: [...snapshot.tags].sort(),
    can: patientEvents(bundle, snapshot).map((event) => snapshot.can(event)),
    question: bundle.currentQuestion(snapshot.context)?.id ?? null,
    progress: bundle.progress(snapshot.context),
    children: Object.keys(snapshot.children),
    error: snapshot.error,
  };
}

/** Runs one patient through an actor; `choose` picks each event among those {@link patientEvents} offers. */
function run(bundle: Bundle, ruleSet: RuleSet, choose: (events: AssessmentEvent[], step: number) => AssessmentEvent | undefined) {
  const actor = bundle.createAssessment(ruleSet);
  const log: unknown[] = [observe(bundle, actor.getSnapshot())];
  actor.subscribe({
    next: (snapshot) => log.push(['notified', observe(bundle, snapshot)]),
    error: (error) => log.push(['error', String(error)]),
  });
  for (let step = 0; ; step += 1) {
    const event = choose(patientEvents(bundle, actor.getSnapshot()), step);
    if (!event) break;
    actor.send(event);
    log.push(['sent', event, observe(bundle, actor.getSnapshot())]);
  }
  actor.stop();
  log.push(['stopped', actor.getSnapshot().status]);
  return log;
}

const sample = RuleSet.parse(sampleRuleSetInput());
const ketamine = loadRules('ketamine');

describe('the trimmed XState', () => {
  for (const [name, ruleSet, limit] of [
    ['sample', sample, Infinity],
    ['ketamine', ketamine, 500],
  ] as const) {
    const reach = limit === Infinity ? 'every state a patient can reach' : `the first ${limit} states a patient reaches`;
    it(`runs the ${name} assessment exactly as full XState, from ${reach}, with every event`, () => {
      // Breadth-first over what a patient can reach, each state by its shortest event sequence.
      const paths: AssessmentEvent[][] = [[]];
      const seen = new Set<string>();
      let compared = 0;
      for (; compared < paths.length && compared < limit; compared += 1) {
        const path = paths[compared]!;
        expect(run(trimmed, ruleSet, (_events, step) => path[step])).toEqual(run(full, ruleSet, (_events, step) => path[step]));
        const actor = full.createAssessment(ruleSet);
        for (const event of path) actor.send(event);
        for (const event of patientEvents(full, actor.getSnapshot())) {
          const next = full.createAssessment(ruleSet);
          for (const earlier of [...path, event]) next.send(earlier);
          const { value, context } = next.getSnapshot();
          const key = JSON.stringify([value, { ...context, ruleSet: null }]);
          if (!seen.has(key)) {
            seen.add(key);
            paths.push([...path, event]);
          }
        }
      }
      // The sample rule set is small enough to visit all of it (it needs every transition).
      if (limit === Infinity) expect(compared).toBe(paths.length);
      expect(compared).toBeGreaterThan(400);
    }, 120_000);

    it(`runs random ${name} patients exactly as full XState`, () => {
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
          const choose = (events: AssessmentEvent[], step: number) => (step < choices.length ? events[choices[step]! % events.length] : undefined);
          expect(run(trimmed, ruleSet, choose)).toEqual(run(full, ruleSet, choose));
        }),
        { numRuns: 150 },
      );
    });
  }
});

// ---------------------------------------------------------------------------
// Stubs throw, loudly.

/** Starts a machine, sends `events`, stops it; returns the first error XState reported to subscribers, or null. */
function firstError(bundle: Bundle, machine: Xstate.AnyStateMachine, events: string[] = [], options: object = {}): unknown {
  let reported: unknown = null;
  const actor = bundle.createActor(machine, options);
  actor.subscribe({ error: (error) => (reported ??= error) });
  actor.start();
  for (const type of events) actor.send({ type });
  actor.stop();
  return reported;
}

const message = (what: string) => new RegExp(`XState: ${what.replace(/[().]/g, '\\$&')} is not in the widget build \\(widget/build/xstate-trim\\.ts\\)`);

/** Each piece, reached the way an app would reach it. Both bundles run it: full XState must not throw. */
const REACH: Record<string, [what: string, reach: (x: Bundle) => unknown]> = {
  'system scheduler: cancel': ['cancelling delayed events', (x) => { const a = x.createActor(x.createMachine({})); a.system.scheduler.cancel(a, 'id'); }],
  'Actor.on': ['actor.on()', (x) => x.createActor(x.createMachine({})).on('ping', () => {})],
  'system: inspect': ['inspection (the inspect option)', (x) => x.createActor(x.createMachine({}), { inspect: () => {} })],
  'Actor.toJSON': ['actor.toJSON() and JSON.stringify(actor)', (x) => JSON.stringify(x.createActor(x.createMachine({})))],
  'Actor.select': ['actor.select()', (x) => x.createActor(x.createMachine({})).select((s) => s.value)],
  'Actor.attachDevTools': ['devTools', (x) => x.createActor(x.createMachine({}), { devTools: (() => {}) as never }).start().stop()],
  'Actor.getPersistedSnapshot': ['actor.getPersistedSnapshot()', (x) => x.createActor(x.createMachine({})).getPersistedSnapshot()],
  'spawnChild()': ['spawnChild() and invoke', (x) => x.spawnChild('child')],
  'stopChild()': ['stopChild() and child actors', (x) => x.stopChild('child')],
  'and()': ['and() guards and guarded routes', (x) => x.and(['a', 'b'])],
  'history target states': [
    'history states',
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { go: 'b.h' } }, b: { initial: 'c', states: { c: {}, h: { type: 'history' } } } } }), ['go']),
  ],
  'entering: history targets': [
    'history states',
    (x) => firstError(x, x.createMachine({ initial: 'b', states: { b: { initial: 'h', states: { c: {}, h: { type: 'history', target: 'c' } } } } })),
  ],
  'entering: parallel children': [
    'parallel states',
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { go: 'p' } }, p: { type: 'parallel', states: { b: {}, c: {} } } } }), ['go']),
  ],
  'entering: parallel ancestors': [
    'parallel states',
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { go: 'p.b' } }, p: { type: 'parallel', states: { b: {}, c: {} } } } }), ['go']),
  ],
  'state value: parallel regions': [
    'parallel states',
    (x) => firstError(x, x.createMachine({ type: 'parallel', states: { a: {}, b: {} } })),
  ],
  'route transitions': ['`route`', (x) => x.createMachine({ initial: 'a', states: { a: {}, b: { id: 'b', route: {} } } })],
  'state done transitions (onDone)': [
    'onDone (final states)',
    (x) => x.createMachine({ initial: 'a', states: { a: { initial: 'b', onDone: 'c', states: { b: {} } }, c: {} } }),
  ],
  'system: _set (system ids)': ['systemId', (x) => x.createActor(x.createMachine({}), { systemId: 'root' })],
  'wildcard event descriptors': ['wildcard event types', (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { '*': {} } } } }), ['go'])],
  'StateMachine.getStateNodeById': ['#id targets', (x) => x.createMachine({ initial: 'a', states: { a: { on: { go: '#b' } }, b: { id: 'b' } } })],
  'delayed transitions (after)': ['after (delayed transitions)', (x) => x.createMachine({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } })],
  'entering: final states': ['final states', (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { go: 'b' } }, b: { type: 'final' } } }), ['go'])],
  'actions: resolving by name, custom actions and built-ins other than assign()': [
    'actions other than inline assign()',
    (x) => {
      // A named action, a custom function action and a built-in with an execute: each must fail.
      const errors = [
        // (Full XState skips an action name with no implementation; implementations are a stub of their own.)
        firstError(x, x.createMachine({ entry: 'reset' })),
        firstError(x, x.createMachine({ entry: () => {} })),
        firstError(x, x.createMachine({ entry: x.cancel('id') })),
      ];
      return errors.every((error) => error instanceof Error) ? errors[0] : null;
    },
  ],
  'guards: by name, with params, and built-in guards': [
    'guards other than inline functions',
    (x) => {
      // Built-in guards (and() is a stub of its own). A guard by name needs implementations, which are a
      // stub of their own ('StateMachine constructor: …'); without them full XState throws too.
      const guarded = (guard: unknown) => x.createMachine({ initial: 'a', states: { a: { on: { go: { guard, target: 'a' } } } } } as never);
      const errors = [firstError(x, guarded(x.not(() => false)), ['go']), firstError(x, guarded(x.or([() => false])), ['go'])];
      return errors.every((error) => error instanceof Error) ? errors[0] : null;
    },
  ],
  'macrostep: unhandled error events of child actors': [
    'error events of child actors',
    (x) => {
      // Full XState stops the machine with the event's error; the trimmed build with the stub's.
      const reported = firstError(x, x.createMachine({ initial: 'a', states: { a: {} } }), ['xstate.error.actor.child']);
      return reported === undefined ? null : reported;
    },
  ],
  'nested state transitions': [
    'nested states',
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } }), ['go']),
  ],
  'snapshot.getMeta': ['snapshot.getMeta()', (x) => x.createActor(x.createMachine({})).getSnapshot().getMeta()],
  'snapshot.matches': ['snapshot.matches()', (x) => x.createActor(x.createMachine({ initial: 'a', states: { a: {} } })).getSnapshot().matches('a')],
  'snapshot.toJSON': ['snapshot.toJSON() and JSON.stringify(snapshot)', (x) => JSON.stringify(x.createActor(x.createMachine({})).getSnapshot())],
  'StateNode.definition': ['machine.definition and toJSON()', (x) => JSON.stringify(x.createMachine({}))],
  'StateNode.invoke': ['invoke', (x) => x.createMachine({ invoke: { src: 'child' } })],
  'StateNode.on': ['stateNode.on', (x) => x.createMachine({}).root.on],
  'StateMachine constructor: implementations, version, schemas and events': [
    'implementations (setup() or a second argument to createMachine)',
    (x) => {
      // Both ways of giving a machine named guards or actions must fail.
      const attempt = (make: () => unknown) => {
        try {
          make();
          return null;
        } catch (error) {
          return error;
        }
      };
      const errors = [
        attempt(() => x.createMachine({}, { guards: { ok: () => true } } as never)),
        attempt(() => x.setup({ guards: { ok: () => true } }).createMachine({})),
      ];
      return errors.every((error) => error instanceof Error) ? errors[0] : null;
    },
  ],
  'StateNode.events': ['machine.events and stateNode.events', (x) => x.createMachine({ on: { go: {} } }).root.events],
  'StateNode.ownEvents': ['stateNode.ownEvents', (x) => x.createMachine({ on: { go: {} } }).root.ownEvents],
  'StateMachine.provide': ['machine.provide()', (x) => x.createMachine({}).provide({})],
  'StateMachine.resolveState': ['machine.resolveState()', (x) => x.createMachine({ initial: 'a', states: { a: {} } }).resolveState({ value: 'a' })],
  'StateMachine.getPersistedSnapshot': [
    'machine.getPersistedSnapshot()',
    (x) => { const m = x.createMachine({}); m.getPersistedSnapshot(x.createActor(m).getSnapshot()); },
  ],
  'StateMachine.restoreSnapshot': [
    'restoring a persisted snapshot (the snapshot option)',
    (x) => firstError(x, x.createMachine({}), [], { snapshot: full.createActor(full.createMachine({})).getPersistedSnapshot() }),
  ],
  'createSpawner (spawn in assign)': [
    'spawn (in assign or a context factory)',
    (x) => firstError(x, x.createMachine({ context: ({ spawn }: { spawn: (logic: Xstate.AnyActorLogic) => unknown }) => ({ child: spawn(x.createMachine({})) }) } as never)),
  ],
};

/** Pieces no app can reach in the trimmed build: every caller is itself a stub. */
const UNREACHABLE = [
  'getPersistedSnapshot (persistContext, serializeHistoryValue)',
  // Their notInBuild runs only for scheduled events or spawned children, which only stubs make.
  'system scheduler: cancelAll (host page)',
  'system start: restore scheduled events (host page)',
  'assign: the partial update (host page)',
  'assign: the new context (host page)',
  // Entering a parallel state already fails (the parallel pieces above), so no snapshot ever has one to transition.
  'parallel state transitions',
  // Each loops over stateNode.invoke or stateNode.after, which are [] (their getters fail for `invoke` and `after`).
  'invoke transitions',
  'delayed transitions into the transition map',
  'entering: invoked actors',
  // Set only on the child actors spawnChild() and invoke make, both stubs.
  'Actor.start: syncing a snapshot to the parent',
  // Called only by the stopChild() action, a stub.
  'actor scope stopChild',
  // Only a parallel state enables two transitions at once, and entering one already fails.
  'conflicting transitions (parallel regions)',
  // Only child actors have a parent, and only stubs (spawn, spawnChild(), invoke) make them.
  'error: stopping a child actor',
  // A machine's context is always an object ({} without `context`; each assign makes a new one): only a
  // restored snapshot (restoreSnapshot is a stub) could bring in another.
  'error: assign without context',
  // Only the execute of a delayed raise/sendTo schedules and only emit() emits: the actionExecutor stub refuses both first.
  'system scheduler: schedule (delayed events)',
  'actor scope emit',
  // A history state sits inside a state, and leaving one is a transition of a nested state value (a stub).
  'exiting: history recording',
  // Its only caller, resolveAndExecuteActionsWithContext ('actions: resolving by name, …', a stub), no longer
  // calls it; it was the only way to defer work.
  'actor scope actionExecutor',
  'Actor.update: deferred actions and done snapshots',
  // Without an inspector (inspect() is a stub) it has nothing to send.
  'system: sending inspection events',
  // Only child actors (stubs) have a parent; only a final state (a stub) makes a machine done.
  'Actor._error: telling the parent',
  'microstep: exit actions of a done machine',
];

/** Pieces reached only where full XState throws too: both must throw, each its own error. */
const BOTH_THROW: Record<string, [what: string, fullError: RegExp, reach: (x: Bundle) => unknown]> = {
  'macrostep: maxIterations': [
    'options.maxIterations',
    /Infinite loop detected/,
    (x) => firstError(x, x.createMachine({ initial: 'a', options: { maxIterations: 1 }, states: { a: { always: 'b' }, b: { always: 'c' }, c: {} } } as never)),
  ],
  // Machine configuration errors: XState's message, or the stub's, at the same point.
  "guard errors: the guard's name": [
    'guards other than inline functions',
    /Guard 'missing' is not implemented/,
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { go: { guard: 'missing', target: 'a' } } } } }), ['go']),
  ],
  'error: null event key': [
    'the null event key',
    /Null events \(""\) cannot be specified/,
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { '': 'a' } } } }), ['go']),
  ],
  'error: initial state not found': [
    'an initial state that does not exist',
    /Initial state node "missing" not found/,
    (x) => firstError(x, x.createMachine({ initial: 'missing', states: { a: {} } })),
  ],
  'error: child state not found': [
    'a target state that does not exist',
    /Child state 'missing' does not exist/,
    (x) => firstError(x, x.createMachine({ initial: 'a', states: { a: { on: { go: 'missing' } } } }), ['go']),
  ],
  'error: invalid transition targets': [
    'a target on the root without a leading "."',
    /Invalid target: "a" is not a valid target from the root node/,
    (x) => firstError(x, x.createMachine({ initial: 'a', on: { go: 'a' }, states: { a: {} } }), ['go']),
  ],
  'error: compound state without initial': [
    'a compound state without `initial`',
    /No initial state specified for compound state node/,
    (x) => firstError(x, x.createMachine({ states: { a: {} } })),
  ],
};

describe('the stubs', () => {
  it('are each reached by a check below (a new piece needs one)', () => {
    expect([...Object.keys(REACH), ...UNREACHABLE, ...Object.keys(BOTH_THROW)].sort()).toEqual(XSTATE_PIECES.map((piece) => piece.name).sort());
  });

  for (const [name, [what, fullError, reach]] of Object.entries(BOTH_THROW)) {
    it(`${name}: throws a clear error in the trimmed build where full XState throws its own`, () => {
      const error = (x: Bundle) => {
        try {
          return reach(x);
        } catch (thrown) {
          return thrown;
        }
      };
      expect(error(full)).toBeInstanceOf(Error);
      expect((error(full) as Error).message).toMatch(fullError);
      expect(error(trimmed)).toBeInstanceOf(Error);
      expect((error(trimmed) as Error).message).toMatch(message(what));
    });
  }

  for (const [name, [what, reach]] of Object.entries(REACH)) {
    it(`${name}: throws a clear error in the trimmed build, works in full XState`, () => {
      const outcome = (x: Bundle) => {
        try {
          return { returned: reach(x) };
        } catch (error) {
          return { threw: error };
        }
      };
      const byFull = outcome(full);
      expect(byFull).not.toHaveProperty('threw');
      expect(byFull.returned ?? null).not.toBeInstanceOf(Error);
      const byTrimmed = outcome(trimmed);
      const error = 'threw' in byTrimmed ? byTrimmed.threw : byTrimmed.returned;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message(what));
    });
  }
});

// ---------------------------------------------------------------------------
// The guard: XState's code must be exactly what was checked.

function chunkSource(chunk: string): { file: string; code: string } {
  const file = readdirSync(XSTATE_DIST).find((name) => new RegExp(`^${chunk}-[0-9a-f]+\\.esm\\.js$`).test(name))!;
  return { file, code: readFileSync(join(XSTATE_DIST, file), 'utf8') };
}

describe('trimXstateModule()', () => {
  const { file, code } = chunkSource('raise');
  const piece = XSTATE_PIECES.find((p) => p.name === 'Actor.on')!;

  it('applies every piece of a chunk, and keeps its line count', () => {
    const result = trimXstateModule('raise', code, file);
    expect(result.applied).toEqual(XSTATE_PIECES.filter((p) => p.chunk === 'raise').map((p) => p.name));
    expect(result.code.split('\n')).toHaveLength(code.split('\n').length);
    expect(result.code).toContain(piece.stub);
    expect(result.code).not.toContain('const wrappedHandler = handler.bind(undefined);');
  });

  it('fails, naming the piece, when a piece is not found (XState upgraded)', () => {
    const upgraded = code.replace(piece.start, '  on(type, handler, options) {');
    expect(() => trimXstateModule('raise', upgraded, file)).toThrow(XstateTrimError);
    expect(() => trimXstateModule('raise', upgraded, file)).toThrow(/"Actor\.on" was not found .* update this piece in widget\/build\/xstate-trim\.ts/);
  });

  it('fails when a piece is there but its code changed', () => {
    const changed = code.replace('    const wrappedHandler = handler.bind(undefined);', '    const wrappedHandler = handler;');
    expect(changed).not.toBe(code);
    expect(() => trimXstateModule('raise', changed, file)).toThrow(/"Actor\.on" differs from the code that was checked/);
  });

  it('fails when a piece\'s first line occurs twice', () => {
    const span = findSpan(code, piece);
    if (typeof span === 'string') throw new Error(span);
    const twice = code.slice(0, span.to) + '\n' + code.slice(span.from, span.to) + code.slice(span.to);
    expect(() => trimXstateModule('raise', twice, file)).toThrow(/"Actor\.on" is ambiguous/);
  });

  it('every stub throws through notInBuild', () => {
    // Host-page pieces keep XState's code, minus the for…in and the plain {} a page's prototype could steer.
    for (const p of XSTATE_PIECES) {
      if (p.name.endsWith('(host page)')) expect(p.stub, p.name).not.toMatch(/ in |\{\}/);
      else expect(p.stub, p.name).toMatch(/notInBuild\(/);
    }
  });
});

describe('the build plugin', () => {
  const { file, code } = chunkSource('StateMachine');
  const id = join(XSTATE_DIST, file);

  it('fails the build when a piece is missing from XState', () => {
    const plugin = trimmedXstatePlugin();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    const upgraded = code.replace('  provide(implementations) {', '  provide(implementations, more) {');
    expect(() => transform.call({}, upgraded, id)).toThrow(/"StateMachine\.provide" was not found .* in node_modules\/xstate\/dist\/StateMachine-/);
  });

  it('fails the build when a chunk of XState was never trimmed (renamed chunks, development build)', () => {
    const plugin = trimmedXstatePlugin();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    transform.call({}, code, id); // StateMachine only: the raise and assign pieces never applied
    const buildEnd = plugin.buildEnd as (error?: Error) => void;
    expect(() => buildEnd.call({})).toThrow(/piece\(s\) never applied \("system scheduler: schedule/);
    expect(() => buildEnd.call({}, new Error('an earlier error'))).not.toThrow();
  });

  it('leaves other modules alone', () => {
    const transform = trimmedXstatePlugin().transform as (code: string, id: string) => unknown;
    expect(transform.call({}, 'export const x = 1;', resolve(ROOT, 'src/core/machine.ts'))).toBeNull();
    expect(transform.call({}, code, id.replace('.esm.js', '.development.esm.js'))).toBeNull();
  });
});

describe('stubbedFeaturesUsed()', () => {
  it('finds nothing in src/core/machine.ts', () => {
    expect(stubbedFeaturesUsed(readFileSync(resolve(ROOT, 'src/core/machine.ts'), 'utf8'))).toEqual([]);
  });

  it.each([
    // source                                                         what the build refuses
    ["import { assign, raise } from 'xstate';", 'raise from xstate'],
    ["import { sendTo as send } from 'xstate';", 'sendTo as send from xstate'],
    ["import { setup } from 'xstate';", 'setup from xstate'],
    ["states: { a: { after: { 1000: 'b' } } }", '`after` (delayed transitions)'],
    ["states: { a: { invoke: { src: 'x' } } }", '`invoke`'],
    ["states: { h: { type: 'history' } }", 'history states'],
    ["states: { p: { type: 'parallel' } }", 'parallel states'],
    ["states: { done: { type: 'final' } }", 'final states'],
    ["states: { a: { onDone: 'b' } }", '`onDone`'],
    ["createActor(machine, { systemId: 'root' })", 'systemId'],
    ["on: { go: '#done' }", '`#id` targets'],
    ['options: { maxIterations: 100 }', 'options.maxIterations'],
    ["on: { 'user.*': 'a' }", 'wildcard event types'],
    ['assign({ child: ({ spawn }) => spawn(logic) })', 'spawn'],
    ['createActor(machine, { devTools: true })', 'devTools or inspection'],
    ['createActor(machine, { snapshot: saved })', 'restoring a persisted snapshot'],
    ["states: { a: { initial: 'b', states: { b: {} } } }", 'nested states'],
    ["states: { a: { entry: ({ context }) => log(context) } }", 'inline function actions (only assign() actions)'],
    ["on: { go: { actions: [() => log()] } }", 'inline function actions (only assign() actions)'],
    ["on: { go: { guard: 'isReady', target: 'b' } }", 'guards by name (only inline guard functions)'],
    ["on: { go: { guard: { type: 'isReady', params: 1 } } }", 'guards by name (only inline guard functions)'],
    ["states: { a: { entry: 'track' } }", 'actions by name (only inline assign() actions)'],
    ["on: { go: { actions: [reset, { type: 'track' }] } }", 'actions by name (only inline assign() actions)'],
    ['setup({\n  actions: {\n    reset: assign({ a: 1 }),\n    tell: ({ context }) => log(context),\n  },\n})', 'action tell (only assign() actions)'],
  ])('refuses %s', (source, found) => {
    expect(stubbedFeaturesUsed(source)).toContain(found);
  });

  it('ignores comments and type-only imports', () => {
    expect(stubbedFeaturesUsed("import type { SnapshotFrom } from 'xstate';\n// after: the patient answers\n/* type: 'final' */")).toEqual([]);
  });
});
