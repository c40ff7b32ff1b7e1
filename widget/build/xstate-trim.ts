/**
 * Build-time trimming of XState v5 for the widget bundle: the bodies of
 * XState functions and methods the widget never runs are replaced by stubs
 * that throw, so the bundler drops the code only they referenced (about
 * 4.1 KB gzip on the widget script: 3.2 KB, then 0.88 KB more on 2026-12-05).
 * Inside functions the widget does run, a branch only other machines take
 * (history, parallel and final states, `onDone`, child actors, actions other
 * than assign(), configuration errors) is a piece of its own: its first line
 * stays, its body throws. A few run functions are a piece whole
 * (`Actor.update`, `resolveTarget`, `getStateNode`, `removeConflictingTransitions`):
 * the stub is XState's own code for what the widget's machine does, and
 * throws where it would have taken a branch only other machines take. The
 * rest of XState's machine, actor and transition code is untouched.
 *
 * Every piece is named and pinned to the exact XState code it replaces (a
 * hash of the span). If XState changes and a piece is missing or differs,
 * {@link trimXstateModule} throws and the build fails, naming the piece:
 * re-read the new code, check the widget still never runs it, then update
 * or drop the piece here. tests/unit/xstate-trim.test.ts runs the
 * assessment machine on trimmed and on full XState and compares every
 * snapshot, and reaches every stub. The build also refuses a machine that
 * uses a trimmed feature ({@link stubbedFeaturesUsed}).
 *
 * Four pieces (marked "host page" below) replace code the widget does run,
 * with code that does the same for the widget's machine but cannot be
 * steered by a key a host page added to Object.prototype (issue 11): XState
 * walks its scheduled events with `for…in` over a plain `{}` (an enumerable
 * `Object.prototype.extend` made every start throw), and builds each new
 * context (and the update of `assign({ key: … })`) in a plain `{}`, whose writes call any setter a page
 * put on Object.prototype under a context key (`answers`: the setter got the
 * patient's answers and the context lost them). The widget never has a
 * scheduled event (schedule() above throws), so those loops have nothing to
 * do; the update and the context are built on null-prototype objects instead.
 * These stubs reproduce XState's code; they throw only where a stub would.
 *
 * A span starts at `start` (a whole line, unique in its module) and ends at
 * the first later line that closes it at the same indentation. Stubs keep the
 * span's line count, so sourcemaps (the bench's breakdown) stay right.
 */
import { createHash } from 'node:crypto';

/** The XState release the pieces below were checked against. */
export const XSTATE_CHECKED = '5.33.3';

/** Import specifier of the `notInBuild` helper the stubs call (served by the build's XState plugin). */
export const NOT_IN_BUILD_MODULE = 'virtual:eligibility-screener/xstate-not-in-build';

/**
 * The helper module's code: every stub throws this clear error.
 *
 * @example
 * load: (id) => (id === resolvedHelper ? NOT_IN_BUILD_CODE : null)
 */
export const NOT_IN_BUILD_CODE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source code, and its template literal is meant.
  "export function notInBuild(name) { throw new Error(`XState: ${name} is not in the widget build (widget/build/xstate-trim.ts)`); }";

/** One replaced piece of XState. */
export interface TrimPiece {
  /** What XState calls it; the stub's error message names it. */
  name: string;
  /** The dist module it lives in: `node_modules/xstate/dist/<chunk>-<hash>.esm.js`. */
  chunk: 'raise' | 'StateMachine' | 'assign';
  /** The span's first line, exactly (with its indentation). */
  start: string;
  /** What replaces the span; may call `notInBuild(name)`. */
  stub: string;
  /** First 16 hex digits of the SHA-256 of the exact span this was checked against. */
  sha256: string;
  /** Why the widget never runs it. */
  why: string;
}

/**
 * The pieces, each checked by hand against XState {@link XSTATE_CHECKED} and
 * against what the widget calls: `createActor(machine, { input })`,
 * `actor.start/send/subscribe/getSnapshot/stop`, `snapshot.context/hasTag/can`,
 * `createMachine(…)` with inline guard functions and inline `assign` actions (src/core/machine.ts, widget/).
 * `snapshot.matches()` and `snapshot.toJSON()` (so `JSON.stringify(snapshot)`)
 * are stubs too (0.19 KB gzip): widget code that starts using them gets the
 * stub's clear error in its first test; read a snapshot's tags and context
 * instead, or drop those two pieces. Left whole on purpose: pieces that save
 * under 10 B (`machine.microstep()`, `actor.system.getSnapshot()`).
 *
 * @example
 * XSTATE_PIECES.map((piece) => piece.name) // ['system scheduler: schedule', …]
 */
export const XSTATE_PIECES: readonly TrimPiece[] = [
  // Actors and their system.
  {
    name: 'system scheduler: schedule (delayed events)',
    chunk: 'raise',
    start: '    schedule: (source, target, event, delay, id = Math.random().toString(36).slice(2)) => {',
    stub: "    schedule: () => { notInBuild('delayed events (after, delayed raise/sendTo)'); }",
    sha256: '478386e89a393984',
    why: 'only delayed raise/sendTo actions schedule events: the machine has no `after` and no such actions',
  },
  {
    name: 'system scheduler: cancel',
    chunk: 'raise',
    start: '    cancel: (source, id) => {',
    stub: "    cancel: () => { notInBuild('cancelling delayed events'); }",
    sha256: 'b66f6b5ec51743c3',
    why: "only the cancel action and cancelAll (for events schedule() queued, and it throws) call it",
  },
  {
    name: 'system scheduler: cancelAll (host page)',
    chunk: 'raise',
    start: '    cancelAll: actorRef => {',
    stub: "    cancelAll: () => { if (Object.keys(system._snapshot._scheduledEvents).length) notInBuild('cancelling delayed events'); }",
    sha256: '0abe5e708752adda',
    why: 'runs on every stop, but nothing is ever scheduled (schedule() throws); its for…in also walked inherited keys a page added',
  },
  {
    name: 'system start: restore scheduled events (host page)',
    chunk: 'raise',
    start: '    start: () => {',
    stub: "    start: () => { if (Object.keys(system._snapshot._scheduledEvents).length) notInBuild('restoring delayed events (a persisted snapshot)'); }",
    sha256: '1562bd3383224352',
    why: 'runs on every start, but only a restored snapshot (restoreSnapshot is a stub) has events to re-schedule; its for…in read an enumerable Object.prototype key as an event and threw',
  },
  {
    name: 'system: inspect',
    chunk: 'raise',
    start: '    inspect: observerOrFn => {',
    stub: "    inspect: () => { notInBuild('inspection (the inspect option)'); }",
    sha256: 'f58bf7dfa34d15be',
    why: 'called only for createActor(…, { inspect }) or by a tool; the widget never inspects (the build refuses `inspect`)',
  },
  {
    name: 'system: sending inspection events',
    chunk: 'raise',
    start: '  const sendInspectionEvent = event => {',
    stub: "  const sendInspectionEvent = () => { if (inspectionObservers.size) notInBuild('inspection (the inspect option)'); }",
    sha256: '8b6615bb226effbb',
    why: 'runs on every event and snapshot, but returns at once without an inspector, as the stub does: only inspect() (a stub) adds one',
  },
  {
    name: 'Actor.toJSON',
    chunk: 'raise',
    start: '  toJSON() {\n    return {\n      xstate$$type: $$ACTOR_TYPE,',
    stub: "  toJSON() { notInBuild('actor.toJSON() and JSON.stringify(actor)'); }",
    sha256: '5f3dea446d4f698a',
    why: "only JSON.stringify of an actor, or of a context or snapshot holding one (persistence, a stub), calls it; the widget's context holds no actor",
  },
  {
    name: 'actor scope stopChild',
    chunk: 'raise',
    start: '      stopChild: child => {',
    stub: "      stopChild: () => { notInBuild('stopChild() and child actors'); }",
    sha256: '7c4d703450d434b0',
    why: 'only the stopChild() action (a stub) stops a child through the actor scope',
  },
  {
    name: 'wildcard event descriptors',
    chunk: 'raise',
    start: 'function matchesEventDescriptor(eventType, descriptor) {',
    stub: [
      'function matchesEventDescriptor(eventType, descriptor) {',
      "  if (descriptor === '*' || descriptor.endsWith('.*')) notInBuild('wildcard event types');",
      '  return descriptor === eventType;',
      '}',
    ].join('\n'),
    sha256: '5e4fbb55599667eb',
    why: "runs for each transition key but the event's own on every event; only `*` and `….*` keys could match another type, and the machine has none (a plain key matches only itself, as here)",
  },
  {
    name: 'actor scope emit',
    chunk: 'raise',
    start: '      emit: emittedEvent => {',
    stub: "      emit: () => { notInBuild('emit() and actor.on()'); }",
    sha256: '6def0b3c449d9aae',
    why: 'only the emit() action calls it; the machine has none',
  },
  {
    name: 'Actor.on',
    chunk: 'raise',
    start: '  on(type, handler) {',
    stub: "  on() { notInBuild('actor.on()'); }",
    sha256: '035ef001370f70c3',
    why: 'the widget listens with actor.subscribe() only',
  },
  {
    name: 'Actor.select',
    chunk: 'raise',
    start: '  select(selector, equalityFn = Object.is) {',
    stub: "  select() { notInBuild('actor.select()'); }",
    sha256: '4760e26ea22e0dd3',
    why: 'the widget listens with actor.subscribe() only',
  },
  {
    name: 'Actor.attachDevTools',
    chunk: 'raise',
    start: '  attachDevTools() {',
    stub: "  attachDevTools() { notInBuild('devTools'); }",
    sha256: '06453ac76ad1270d',
    why: 'start() calls it only with the `devTools` option, which the widget never passes',
  },
  {
    name: 'Actor.start: syncing a snapshot to the parent',
    chunk: 'raise',
    start: '    if (this._syncSnapshot) {',
    stub: "    if (this._syncSnapshot) { notInBuild('syncSnapshot (invoke and spawn)'); }",
    sha256: '10f3253dd9bc8363',
    why: 'only spawnChild() and invoke (both stubs) make a child actor that syncs its snapshot to its parent',
  },
  {
    name: 'Actor.getPersistedSnapshot',
    chunk: 'raise',
    start: '  getPersistedSnapshot(options) {',
    stub: "  getPersistedSnapshot() { notInBuild('actor.getPersistedSnapshot()'); }",
    sha256: 'f7aaf4fc62f7e7e1',
    why: 'the widget keeps its own progress (widget/resume.ts), never XState persistence',
  },
  {
    name: 'system: _set (system ids)',
    chunk: 'raise',
    start: '    _set: (systemId, actorRef) => {',
    stub: "    _set: () => { notInBuild('systemId'); }",
    sha256: '607b0237165cdd02',
    why: 'called only for an actor with a systemId (createActor, invoke or spawn options); the widget never gives one',
  },
  {
    name: 'actor scope actionExecutor',
    chunk: 'raise',
    start: '      actionExecutor: action => {',
    stub: "      actionExecutor: action => { if (action.exec) notInBuild('actions other than assign()'); }",
    sha256: '2529fb14aeaffe08',
    why: "its only caller is resolveAndExecuteActionsWithContext, now a stub that never calls it (below). XState handed it only custom actions and built-ins with an `execute` (raise, sendTo, log, cancel, emit, …); every action of the machine is an assign(), which has neither. An action without code did nothing but send an inspection event no one can listen to (inspection is refused), as the stub does nothing",
  },
  {
    name: 'Actor.update: deferred actions and done snapshots',
    chunk: 'raise',
    start: '  update(snapshot, event) {',
    stub: [
      '  update(snapshot, event) {',
      '    this._snapshot = snapshot;',
      "    if (this._deferred.length) notInBuild('actions other than assign()');",
      '    switch (this._snapshot.status) {',
      "      case 'active':",
      '        for (const observer of this.observers) {',
      '          try {',
      '            observer.next?.(snapshot);',
      '          } catch (err) {',
      '            reportUnhandledError(err);',
      '          }',
      '        }',
      '        break;',
      "      case 'done':",
      "        notInBuild('final states');",
      "      case 'error':",
      '        this._error(this._snapshot.error);',
      '        break;',
      '    }',
      "    this.system._sendInspectionEvent({ type: '@xstate.snapshot', actorRef: this, event, snapshot });",
      '  }',
    ].join('\n'),
    sha256: '37cb5b906729679c',
    why: "runs on every snapshot, and does here what XState does for an active or failed one. Its deferred-work loop had nothing to run (only actionExecutor, a stub, and the execute of spawn, stop, cancel, raise and emit, stubs below, defer work), and only a machine in a top-level final state (a stub) is ever done",
  },

  {
    name: 'actions: resolving by name, custom actions and built-ins other than assign()',
    chunk: 'raise',
    start: 'function resolveAndExecuteActionsWithContext(currentSnapshot, event, actorScope, actions, extra, retries) {',
    stub: [
      'function resolveAndExecuteActionsWithContext(currentSnapshot, event, actorScope, actions, extra) {',
      '  let intermediateSnapshot = currentSnapshot;',
      '  for (const action of actions) {',
      "    if (typeof action !== 'function' || !('resolve' in action) || 'execute' in action) notInBuild('actions other than inline assign()');",
      '    const [nextState, , more] = action.resolve(actorScope, intermediateSnapshot, {',
      '      context: intermediateSnapshot.context,',
      '      event,',
      '      self: actorScope.self,',
      '      system: actorScope.system',
      '    }, undefined, action, extra);',
      "    if (more) notInBuild('actions other than inline assign()');",
      '    intermediateSnapshot = nextState;',
      '  }',
      '  return intermediateSnapshot;',
      '}',
    ].join('\n'),
    sha256: '02a72405e6ed6123',
    why: "runs for every action list, and does here what XState does for an inline assign(), the only kind of action the machine has (src/core/machine.ts writes every action inline, with no setup() and no names). Gone: looking an action up by name or { type, params } in machine.implementations (getAction), params, custom function actions and built-ins with an `execute` (raise, sendTo, log, cancel, emit, spawnChild, stopChild: their actionExecutor call) or nested actions (enqueueActions)",
  },
  {
    name: 'Actor._error: telling the parent',
    chunk: 'raise',
    start: '  _error(err) {',
    stub: [
      '  _error(err) {',
      '    this._stopProcedure();',
      '    this._reportError(err);',
      "    if (this._parent) notInBuild('child actors');",
      '  }',
    ].join('\n'),
    sha256: '401277c219588aed',
    why: 'the same, but only a child actor has a parent to tell, and only spawn, spawnChild() and invoke (all stubs) make one',
  },
  {
    name: 'macrostep: unhandled error events of child actors',
    chunk: 'raise',
    start: '    if (isErr && !transitions.length) {',
    stub: "    if (isErr && !transitions.length) { notInBuild('error events of child actors'); }",
    sha256: 'a20defc051d83933',
    why: "only child actors (stubs) send xstate.error.actor.* events; the widget sends its own user.* events only",
  },
  {
    name: 'microstep: exit actions of a done machine',
    chunk: 'raise',
    start: "    if (nextState.status === 'done') {",
    stub: "    if (nextState.status === 'done') { notInBuild('final states'); }",
    sha256: 'fa6a8758453a47fe',
    why: 'a machine is done only on entering a top-level final state (a stub); the machine has none',
  },
  // Built-in actions the machine never has.
  {
    name: 'spawnChild()',
    chunk: 'raise',
    start: 'function spawnChild(...[src, {\n  id,\n  systemId,\n  input,\n  syncSnapshot = false\n} = {}]) {',
    stub: "function spawnChild() { notInBuild('spawnChild() and invoke'); }",
    sha256: '674189405b948367',
    why: 'created only for `invoke` (the machine has none, and the invoke getter below throws for it)',
  },
  {
    name: 'stopChild()',
    chunk: 'raise',
    start: 'function stopChild(actorRef) {',
    stub: "function stopChild() { notInBuild('stopChild() and child actors'); }",
    sha256: '97870c7a4caffd75',
    why: 'created per child actor or invoke; the machine has neither (spawn and spawnChild throw), so the lists it maps are empty',
  },
  {
    name: 'guards: by name, with params, and built-in guards',
    chunk: 'raise',
    start: 'function evaluateGuard(guard, context, event, snapshot) {',
    stub: [
      'function evaluateGuard(guard, context, event) {',
      "  if (typeof guard !== 'function' || 'check' in guard) notInBuild('guards other than inline functions');",
      '  return guard({',
      '    context,',
      '    event',
      '  }, undefined);',
      '}',
    ].join('\n'),
    sha256: 'f432a24af9c2a1a7',
    why: "runs for every guarded transition, and does here what XState does for an inline guard function, the only kind the machine has (src/core/machine.ts writes its six guards inline, with no setup() and no names). Gone: looking a guard up by name or { type, params } in machine.implementations (and its 'is not implemented' error), params, and the built-in guards and(), or(), not() and stateIn() (their check)",
  },
  {
    name: 'and()',
    chunk: 'raise',
    start: 'function and(guards) {',
    stub: "function and() { notInBuild('and() guards and guarded routes'); }",
    sha256: 'c5dacd972f7d3379',
    why: 'the machine has no and() guard and no `route`',
  },
  // Statechart features the machine does not use (no parallel, history, final or delayed states).
  {
    name: 'nested state transitions',
    chunk: 'raise',
    start: 'function transitionCompoundNode(stateNode, stateValue, snapshot, event) {',
    stub: "function transitionCompoundNode() { notInBuild('nested states'); }",
    sha256: '26b4212c14e3a54c',
    why: "called only for a state value that is an object (a state inside a state); the machine's states are all children of its root, so its value is always a string",
  },
  {
    name: 'parallel state transitions',
    chunk: 'raise',
    start: 'function transitionParallelNode(stateNode, stateValue, snapshot, event) {',
    stub: "function transitionParallelNode() { notInBuild('parallel states'); }",
    sha256: '13c4625f8ad0d4b0',
    why: 'called only for a state value with several regions; the machine has no parallel state',
  },
  {
    name: 'delayed transitions (after)',
    chunk: 'raise',
    start: 'function getDelayedTransitions(stateNode) {',
    stub: "function getDelayedTransitions(stateNode) { if (stateNode.config.after) notInBuild('after (delayed transitions)'); return []; }",
    sha256: 'c6b7973536a87d2d',
    why: 'runs for every state node but returns [] without `after`, exactly as the stub does; no state has `after`',
  },
  {
    name: 'route transitions',
    chunk: 'raise',
    start: 'function formatRouteTransitions(rootStateNode) {',
    stub: [
      'function formatRouteTransitions(rootStateNode) {',
      '  const walk = (states) => Object.values(states).forEach((sn) => {',
      "    if (sn.config.route && sn.config.id) notInBuild('`route`');",
      '    if (sn.states) walk(sn.states);',
      '  });',
      '  walk(rootStateNode.states);',
      '}',
    ].join('\n'),
    sha256: 'f52005d8b87d1b53',
    why: 'runs once per machine and finds nothing without `route` (the walk stays, so a `route` fails loudly); no state has `route`',
  },
  {
    name: 'state done transitions (onDone)',
    chunk: 'raise',
    start: '  if (stateNode.config.onDone) {',
    stub: "  if (stateNode.config.onDone) { notInBuild('onDone (final states)'); }",
    sha256: '79d2d1c6501c106e',
    why: 'only a state with `onDone` has them; no state of the machine has one (nor a final child)',
  },
  {
    name: 'invoke transitions',
    chunk: 'raise',
    start: '  for (const invokeDef of stateNode.invoke) {',
    stub: "  for (const _ of stateNode.invoke) { notInBuild('invoke'); }",
    sha256: '9ddc153b339f456a',
    why: 'loops over stateNode.invoke, which is [] without `invoke` (the invoke getter above throws for one)',
  },
  {
    name: 'delayed transitions into the transition map',
    chunk: 'raise',
    start: '  for (const delayedTransition of stateNode.after) {',
    stub: "  for (const _ of stateNode.after) { notInBuild('after (delayed transitions)'); }",
    sha256: 'c01579dd9abe5c55',
    why: 'loops over stateNode.after, which is [] without `after` (getDelayedTransitions above throws for one)',
  },
  {
    name: 'entering: invoked actors',
    chunk: 'raise',
    start: '    for (const invokeDef of stateNodeToEnter.invoke) {',
    stub: "    for (const _ of stateNodeToEnter.invoke) { notInBuild('invoke'); }",
    sha256: 'cfa13cc3921aa8e1',
    why: 'loops over stateNode.invoke, which is [] without `invoke` (the invoke getter throws for one)',
  },
  {
    name: 'entering: final states',
    chunk: 'raise',
    start: "    if (stateNodeToEnter.type === 'final') {",
    stub: "    if (stateNodeToEnter.type === 'final') { notInBuild('final states'); }",
    sha256: '319f271a0db2149b',
    why: 'runs only on entering a final state (done events, machine output); the machine has none',
  },
  {
    name: 'exiting: history recording',
    chunk: 'raise',
    start: '    for (const historyNode of getHistoryNodes(exitStateNode)) {',
    stub: "    for (const _ of getHistoryNodes(exitStateNode)) { notInBuild('history states'); }",
    sha256: 'eccb7fcbe09b2f56',
    why: 'loops over the history children of each state exited; the machine has none',
  },
  {
    name: 'entering: history targets',
    chunk: 'raise',
    start: '  if (isHistoryNode(stateNode)) {',
    stub: "  if (isHistoryNode(stateNode)) { notInBuild('history states'); }",
    sha256: '4d6503b42621d92d',
    why: 'runs only on entering a history state; the machine has none',
  },
  {
    name: 'history target states',
    chunk: 'raise',
    start: '    if (isHistoryNode(targetNode)) {',
    stub: "    if (isHistoryNode(targetNode)) { notInBuild('history states'); }",
    sha256: 'e57d183b46e6a005',
    why: 'runs only for a transition to a history state; the machine has none',
  },
  {
    name: 'entering: parallel children',
    chunk: 'raise',
    start: "      if (stateNode.type === 'parallel') {",
    stub: "      if (stateNode.type === 'parallel') { notInBuild('parallel states'); }",
    sha256: '6fa161b18acf4dd1',
    why: 'runs only on entering a parallel state; the machine has none',
  },
  {
    name: 'entering: parallel ancestors',
    chunk: 'raise',
    start: "    if (anc.type === 'parallel') {",
    stub: "    if (anc.type === 'parallel') { notInBuild('parallel states'); }",
    sha256: 'e500d733940c513f',
    why: 'runs only on entering a state inside a parallel state; the machine has none',
  },
  {
    name: 'state value: parallel regions',
    chunk: 'raise',
    start: "      if (s.type === 'parallel') {",
    stub: "      if (s.type === 'parallel') { notInBuild('parallel states'); }",
    sha256: 'c103126075aadfe4',
    why: 'runs only for a parallel state among the active ones; the machine has none',
  },
  {
    name: 'conflicting transitions (parallel regions)',
    chunk: 'raise',
    start: 'function removeConflictingTransitions(enabledTransitions, stateNodeSet, historyValue) {',
    stub: [
      'function removeConflictingTransitions(enabledTransitions) {',
      "  if (enabledTransitions.length > 1) notInBuild('parallel states');",
      '  return Array.from(new Set(enabledTransitions));',
      '}',
    ].join('\n'),
    sha256: 'db0429fadccecd98',
    why: 'runs on every microstep, but only a parallel state enables more than one transition at once: without one, stateNode.next() selects at most one transition per event and selectEventlessTransitions at most one for the single atomic state, which the loop returns unchanged, as the stub does',
  },
  // Machine configuration errors: the machine is fixed in src/core/machine.ts and never makes
  // them (the test runs it), so XState's long messages are only a call to notInBuild, still thrown
  // at the same point.
  {
    name: 'error: null event key',
    chunk: 'raise',
    start: '      if (descriptor === NULL_EVENT) {',
    stub: "      if (descriptor === NULL_EVENT) { notInBuild('the null event key'); }",
    sha256: 'f95675fce3106f60',
    why: 'thrown only for an `on` key "" when the machine is made; the machine has none',
  },
  {
    name: 'error: initial state not found',
    chunk: 'raise',
    start: '  if (!resolvedTarget && _target) {',
    stub: "  if (!resolvedTarget && _target) { notInBuild('an initial state that does not exist'); }",
    sha256: 'ade335009a0397f8',
    why: "thrown only when the machine is made with an `initial` naming no child; the machine's only initial is 'intro', which exists",
  },
  {
    name: 'error: child state not found',
    chunk: 'raise',
    start: 'function getStateNode(stateNode, stateKey) {',
    stub: [
      'function getStateNode(stateNode, stateKey) {',
      '  if (isStateId(stateKey)) {',
      '    return stateNode.machine.getStateNodeById(stateKey);',
      '  }',
      '  const result = stateNode.states?.[stateKey];',
      "  if (!result) notInBuild('a target state that does not exist');",
      '  return result;',
      '}',
    ].join('\n'),
    sha256: '313b42e7ef3a68b0',
    why: "the same lookup, throwing where XState throws: only for a target or state value naming no state, which the machine's fixed targets ('asking', '.intro', …) never do",
  },
  {
    name: 'error: invalid transition targets',
    chunk: 'raise',
    start: 'function resolveTarget(stateNode, targets) {',
    stub: [
      'function resolveTarget(stateNode, targets) {',
      '  if (targets === undefined) {',
      '    return undefined;',
      '  }',
      '  return targets.map(target => {',
      "    if (typeof target !== 'string') {",
      '      return target;',
      '    }',
      '    if (isStateId(target)) {',
      '      return stateNode.machine.getStateNodeById(target);',
      '    }',
      '    const isInternalTarget = target[0] === STATE_DELIMITER;',
      '    if (isInternalTarget && !stateNode.parent) {',
      '      return getStateNodeByPath(stateNode, target.slice(1));',
      '    }',
      "    if (!stateNode.parent) notInBuild('a target on the root without a leading \".\"');",
      '    return getStateNodeByPath(stateNode.parent, isInternalTarget ? stateNode.key + target : target);',
      '  });',
      '}',
    ].join('\n'),
    sha256: '3e2f3c2af79cf302',
    why: "XState's own resolution, minus its two error messages: a target naming no state throws from getStateNode (above) without XState's wrapping message, and a root target without a leading '.' throws here; the machine's targets ('asking', 'routing', 'result', 'intro', and '.intro' on the root) are all valid",
  },
  {
    name: 'error: stopping a child actor',
    chunk: 'raise',
    start: '  stop() {\n    if (this._parent) {',
    stub: ['  stop() {', "    if (this._parent) notInBuild('stopping a child actor');", '    return this._stop();', '  }'].join('\n'),
    sha256: 'd894480aee3e35e1',
    why: 'only a child actor has a parent, and only spawn, spawnChild() and invoke (all stubs) make one',
  },
  // Snapshot methods and persistence.
  {
    name: 'snapshot.getMeta',
    chunk: 'raise',
    start: 'const machineSnapshotGetMeta = function getMeta() {',
    stub: "const machineSnapshotGetMeta = function getMeta() { notInBuild('snapshot.getMeta()'); }",
    sha256: '612ea78ea4e5294e',
    why: 'the machine has no `meta` and the widget never calls getMeta()',
  },
  {
    name: 'snapshot.matches',
    chunk: 'raise',
    start: 'const machineSnapshotMatches = function matches(testValue) {',
    stub: "const machineSnapshotMatches = function matches() { notInBuild('snapshot.matches()'); }",
    sha256: 'f1b1f52ea49b507a',
    why: 'the widget reads its screen from tags and context (widget/screen.ts: hasTag, can), never snapshot.matches(); XState itself never calls it',
  },
  {
    name: 'snapshot.toJSON',
    chunk: 'raise',
    start: 'const machineSnapshotToJSON = function toJSON() {',
    stub: "const machineSnapshotToJSON = function toJSON() { notInBuild('snapshot.toJSON() and JSON.stringify(snapshot)'); }",
    sha256: '1b941551d7298932',
    why: 'only JSON.stringify(snapshot) calls it; the widget serializes its own progress record (widget/resume.ts), never a snapshot',
  },
  {
    name: 'getPersistedSnapshot (persistContext, serializeHistoryValue)',
    chunk: 'raise',
    start: 'function getPersistedSnapshot(snapshot, options) {',
    stub: "function getPersistedSnapshot() { notInBuild('getPersistedSnapshot()'); }",
    sha256: '8ec81563a870be6b',
    why: 'XState persistence; the widget keeps its own progress (widget/resume.ts)',
  },
  {
    name: 'macrostep: maxIterations',
    chunk: 'raise',
    start: '    if (iterationCount > maxIterations) {',
    stub: "    if (iterationCount > maxIterations) { notInBuild('options.maxIterations'); }",
    sha256: '161fc7d03d97cf18',
    why: 'maxIterations is Infinity unless a machine sets options.maxIterations; the machine sets none',
  },
  // The machine and its state nodes.
  {
    name: 'StateNode.definition',
    chunk: 'StateMachine',
    start: '  get definition() {\n    return {',
    stub: "  get definition() { notInBuild('machine.definition and toJSON()'); }",
    sha256: 'ca8f3e5757801c48',
    why: 'for tools (inspectors, visualizers); the widget never reads it',
  },
  {
    name: 'StateNode.invoke',
    chunk: 'StateMachine',
    start: '  get invoke() {',
    stub: "  get invoke() { if (this.config.invoke !== undefined) notInBuild('invoke'); return []; }",
    sha256: '0b482a402229211f',
    why: 'read for every state node, but is [] without `invoke`, as the stub returns; no state invokes',
  },
  {
    name: 'StateNode.on',
    chunk: 'StateMachine',
    start: '  get on() {',
    stub: "  get on() { notInBuild('stateNode.on'); }",
    sha256: '5cf80f540524e2f6',
    why: 'read only by StateNode.definition; transitions use stateNode.transitions',
  },
  {
    name: 'StateMachine constructor: implementations, version, schemas and events',
    chunk: 'StateMachine',
    start: '  constructor(/** The raw config used to create the machine. */\n  config, implementations) {',
    stub: [
      '  constructor(config, implementations) {',
      "    if (implementations) notInBuild('implementations (setup() or a second argument to createMachine)');",
      '    this.config = config;',
      '    this.__xstatenode = true;',
      '    this.idMap = new Map();',
      "    this.id = config.id || '(machine)';",
      '    this.options = {',
      '      maxIterations: Infinity,',
      '      ...this.config.options',
      '    };',
      '    this.transition = this.transition.bind(this);',
      '    this.getInitialSnapshot = this.getInitialSnapshot.bind(this);',
      '    this.getPersistedSnapshot = this.getPersistedSnapshot.bind(this);',
      '    this.restoreSnapshot = this.restoreSnapshot.bind(this);',
      '    this.start = this.start.bind(this);',
      '    this.root = new StateNode(config, {',
      '      _key: this.id,',
      '      _machine: this',
      '    });',
      '    this.root._initialize();',
      '    formatRouteTransitions(this.root);',
      '    this.states = this.root.states;',
      '  }',
    ].join('\n'),
    sha256: '3f65e45866a80ce7',
    why: "runs once per machine, and does here what XState does for a machine made with createMachine(config) alone, as src/core/machine.ts makes it (no setup(), inline guards and actions). Gone: machine.implementations, read only to look up guards, actions, actors and delays by name (all stubs now), and machine.version, machine.schemas and machine.events (left undefined), which only tools read; computing machine.events walked every state's transitions (StateNode.events below)",
  },
  {
    name: 'StateNode.events',
    chunk: 'StateMachine',
    start: '  get events() {',
    stub: "  get events() { notInBuild('machine.events and stateNode.events'); }",
    sha256: '0ff6c99ec7135e36',
    why: 'read only by the StateMachine constructor for machine.events (no longer set: the constructor piece above) and by tools',
  },
  {
    name: 'StateNode.ownEvents',
    chunk: 'StateMachine',
    start: '  get ownEvents() {',
    stub: "  get ownEvents() { notInBuild('stateNode.ownEvents'); }",
    sha256: 'f028aba1abdccad7',
    why: 'read only by StateNode.events (a stub) and by tools',
  },
  {
    name: "guard errors: the guard's name",
    chunk: 'StateMachine',
    start: '      } catch (err) {\n        const guardType = typeof guard === \'string\' ? guard : typeof guard === \'object\' ? guard.type : undefined;',
    stub: [
      '      } catch (err) {',
      "        if (typeof guard !== 'function') notInBuild('guards other than inline functions');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is XState's code, and its template literal is meant.
      "        throw new Error(`Unable to evaluate guard in transition for event '${eventType}' in state node '${this.id}':\\n${err.message}`);",
      '      }',
    ].join('\n'),
    sha256: '842bb110e432893a',
    why: "runs only when a guard throws, and throws XState's own error for an inline guard function (which has no name to show), the only kind the machine has; a guard by name or { type } already failed in evaluateGuard (a stub), whose error this passes on",
  },
  {
    name: 'StateMachine.getStateNodeById',
    chunk: 'StateMachine',
    start: '  getStateNodeById(stateId) {',
    stub: "  getStateNodeById() { notInBuild('#id targets'); }",
    sha256: '8f5a913abec41cc1',
    why: "resolves `#id` targets and state values; the machine's targets are sibling and child keys ('asking', '.intro')",
  },
  {
    name: 'StateMachine.provide',
    chunk: 'StateMachine',
    start: '  provide(implementations) {',
    stub: "  provide() { notInBuild('machine.provide()'); }",
    sha256: '74acf4587f4c13b0',
    why: 'implementations are fixed in src/core/machine.ts; the widget never provides others',
  },
  {
    name: 'StateMachine.resolveState',
    chunk: 'StateMachine',
    start: '  resolveState(config) {',
    stub: "  resolveState() { notInBuild('machine.resolveState()'); }",
    sha256: '1841b100d336e7d5',
    why: 'for tools and tests that build a snapshot by hand; the actor never calls it',
  },
  {
    name: 'StateMachine.getPersistedSnapshot',
    chunk: 'StateMachine',
    start: '  getPersistedSnapshot(snapshot, options) {',
    stub: "  getPersistedSnapshot() { notInBuild('machine.getPersistedSnapshot()'); }",
    sha256: '64a80cf1dcc3a6de',
    why: 'XState persistence; the widget keeps its own progress (widget/resume.ts)',
  },
  {
    name: 'StateMachine.restoreSnapshot',
    chunk: 'StateMachine',
    start: '  restoreSnapshot(snapshot, _actorScope) {',
    stub: "  restoreSnapshot() { notInBuild('restoring a persisted snapshot (the snapshot option)'); }",
    sha256: 'ab26bd0e7a81139d',
    why: 'called only for createActor(…, { snapshot }); the widget creates actors with { input } only',
  },
  {
    name: 'error: compound state without initial',
    chunk: 'StateMachine',
    start: "    if (this.type === 'compound' && !this.config.initial) {",
    stub: "    if (this.type === 'compound' && !this.config.initial) { notInBuild('a compound state without `initial`'); }",
    sha256: '6c4503e2f6a76b18',
    why: 'thrown only when the machine is made with a state that has children and no `initial`; the machine has one such state, the root, with `initial`',
  },
  // assign()
  {
    name: 'assign: the partial update (host page)',
    chunk: 'assign',
    start: '  let partialUpdate = {};',
    stub: [
      '  let partialUpdate = Object.create(null);',
      "  if (typeof assignment === 'function') {",
      '    partialUpdate = assignment(assignArgs, actionParams);',
      '  }',
    ].join('\n'),
    sha256: '94cfa8dfddde5e6a',
    why: "runs on every assign given an object (`assign({ outcome: … })`): each value was written into a plain {}, through any setter a page put on Object.prototype under that key",
  },
  {
    name: 'assign: the new context (host page)',
    chunk: 'assign',
    start: '  const updatedContext = Object.assign({}, snapshot.context, partialUpdate);',
    stub: [
      '  const updatedContext = Object.assign(Object.create(null), snapshot.context, partialUpdate);',
      "  if (Object.keys(spawnedChildren).length) notInBuild('spawn (in assign or a context factory)');",
      '  return [cloneMachineSnapshot(snapshot, {',
      '    context: updatedContext,',
      '    children: snapshot.children',
      '  }',
    ].join('\n'),
    sha256: 'ab93ac6ad4ec9130',
    why: "runs on every assign; writing the context into a plain {} called a page's Object.prototype setter for each key (answers, path, outcome), which then swallowed it. Children are only spawned by spawn, a stub",
  },
  {
    name: 'error: assign without context',
    chunk: 'assign',
    start: '  if (!snapshot.context) {',
    stub: "  if (!snapshot.context) { notInBuild('assign() without `context`'); }",
    sha256: '65f8879bade6a212',
    why: "a machine's context is always an object ({} without `context`, and every assign builds a new one); only a restored snapshot (restoreSnapshot is a stub) could bring in another",
  },
  {
    name: 'createSpawner (spawn in assign)',
    chunk: 'assign',
    start: 'function createSpawner(actorScope, {\n  machine,\n  context\n}, event, spawnedChildren) {',
    stub: "function createSpawner() { return () => notInBuild('spawn (in assign or a context factory)'); }",
    sha256: '89008a172901e305',
    why: "assign builds a spawn function per call; the machine's assign callbacks and context factory never call it",
  },
];

/**
 * The trimmed chunk a module id is, or null for any other module (XState's
 * development builds and CommonJS files are never trimmed: the build must
 * not resolve them, and fails if no piece was applied).
 *
 * @example
 * xstateChunk('/x/node_modules/xstate/dist/raise-effbee0c.esm.js') // 'raise'
 */
export function xstateChunk(id: string): TrimPiece['chunk'] | null {
  const match = /\/node_modules\/xstate\/dist\/(raise|StateMachine|assign)-[0-9a-f]+\.esm\.js$/.exec(id.replaceAll('\\', '/'));
  return match ? (match[1] as TrimPiece['chunk']) : null;
}

/** A piece that is missing or differs: the build must fail. */
export class XstateTrimError extends Error {}

function fingerprint(span: string): string {
  return createHash('sha256').update(span).digest('hex').slice(0, 16);
}

/**
 * Where a piece's span is in a module's code, or a reason it is not there.
 *
 * @example
 * findSpan(code, piece) // { from: 1234, to: 1300 } or 'missing'
 */
export function findSpan(code: string, piece: Pick<TrimPiece, 'start'>): { from: number; to: number } | 'missing' | 'ambiguous' {
  const from = code.indexOf(`\n${piece.start}`);
  if (from < 0) return 'missing';
  if (code.indexOf(`\n${piece.start}`, from + 1) >= 0) return 'ambiguous';
  const indent = /^ */.exec(piece.start)![0];
  const close = code.indexOf(`\n${indent}}`, from + 1 + piece.start.length);
  if (close < 0) return 'missing';
  return { from: from + 1, to: close + indent.length + 2 };
}

function problem(piece: TrimPiece, file: string, what: string): XstateTrimError {
  return new XstateTrimError(
    `XState trimming: "${piece.name}" ${what} in ${file} (pieces checked against XState ${XSTATE_CHECKED}). ` +
      `XState has changed: read the new code in node_modules/xstate/dist, check the widget still never runs it, ` +
      `then update this piece in widget/build/xstate-trim.ts (start line and sha256) or delete it.`,
  );
}

/**
 * Applies every piece of one chunk to its module's code. Throws an
 * {@link XstateTrimError} naming the first piece that is missing or differs.
 *
 * @example
 * const { code, applied } = trimXstateModule('raise', source, 'raise-effbee0c.esm.js');
 */
export function trimXstateModule(chunk: TrimPiece['chunk'], code: string, file: string): { code: string; applied: string[] } {
  let out = code;
  const applied: string[] = [];
  for (const piece of XSTATE_PIECES) {
    if (piece.chunk !== chunk) continue;
    const span = findSpan(out, piece);
    if (span === 'missing') throw problem(piece, file, `was not found (no line "${piece.start.split('\n')[0]!.trim()}")`);
    if (span === 'ambiguous') throw problem(piece, file, `is ambiguous (its start line occurs more than once)`);
    const original = out.slice(span.from, span.to);
    const seen = fingerprint(original);
    if (seen !== piece.sha256) throw problem(piece, file, `differs from the code that was checked (sha256 ${seen}, expected ${piece.sha256})`);
    // Same line count as the span, so the code after it keeps its lines (sourcemaps).
    const lines = original.split('\n').length - piece.stub.split('\n').length;
    out = out.slice(0, span.from) + piece.stub + '\n'.repeat(Math.max(0, lines)) + out.slice(span.to);
    applied.push(piece.name);
  }
  if (applied.length > 0) out = `import { notInBuild } from ${JSON.stringify(NOT_IN_BUILD_MODULE)};${out}`;
  return { code: out, applied };
}

/** What src/core/machine.ts may import from `xstate` at run time: all of it works in the trimmed build. */
const MACHINE_IMPORTS = new Set(['assign', 'createActor', 'createMachine']);

/** Machine features whose code the pieces above stub out. */
const MACHINE_FEATURES: [RegExp, string][] = [
  [/\bafter\s*:/, '`after` (delayed transitions)'],
  [/\binvoke\s*:/, '`invoke`'],
  [/\bhistory\s*:|\btype\s*:\s*['"]history['"]/, 'history states'],
  [/\btype\s*:\s*['"]parallel['"]/, 'parallel states'],
  [/\btype\s*:\s*['"]final['"]/, 'final states'],
  [/\broute\s*:/, '`route`'],
  [/\bonDone\s*:/, '`onDone`'],
  [/\bsystemId\b/, 'systemId'],
  [/['"`]#/, '`#id` targets'],
  [/\bmaxIterations\b/, 'options.maxIterations'],
  [/['"`][\w.-]*\*['"`]/, 'wildcard event types'],
  [/\bspawn\b/, 'spawn'],
  [/\b(devTools|inspect)\b/, 'devTools or inspection'],
  [/\bsnapshot\s*:/, 'restoring a persisted snapshot'],
  [/\bstates\s*:[\s\S]*\bstates\s*:/, 'nested states'],
  [/\b(entry|exit|actions)\s*:\s*\[?\s*(\(|function\b|async\b)/, 'inline function actions (only assign() actions)'],
  [/\bguard\s*:\s*['"`{]/, 'guards by name (only inline guard functions)'],
  [/\b(entry|exit|actions)\s*:\s*(\[\s*([\w$.]+\s*,\s*)*)?['"`{]/, 'actions by name (only inline assign() actions)'],
];

/**
 * What src/core/machine.ts uses that the trimmed XState stubs out (empty when
 * nothing): the build fails on any, before a stub could throw in a patient's
 * browser. Comments are ignored.
 *
 * @example
 * stubbedFeaturesUsed("import { raise } from 'xstate'; … after: { 1000: 'x' } …") // ['raise from xstate', '`after` (delayed transitions)']
 */
export function stubbedFeaturesUsed(machineSource: string): string[] {
  const code = machineSource.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const [, names] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]xstate['"]/g)) {
    for (const name of names!.split(',').map((part) => part.trim())) {
      if (name && !name.startsWith('type ') && !MACHINE_IMPORTS.has(name.split(/\s+as\s+/)[0]!)) found.push(`${name} from xstate`);
    }
  }
  for (const [pattern, label] of MACHINE_FEATURES) if (pattern.test(code)) found.push(label);
  // Every action setup() implements must be an assign() (and, named, it is refused above: the trimmed build runs inline assign() only).
  const actions = /\n {2}actions\s*:\s*\{([\s\S]*?)\n {2}\},/.exec(code)?.[1] ?? '';
  for (const [, name] of actions.matchAll(/^ {4}(\w+)\s*:(?!\s*assign\()/gm)) found.push(`action ${name} (only assign() actions)`);
  return found;
}
