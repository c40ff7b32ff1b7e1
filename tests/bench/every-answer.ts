/**
 * Every answer, and load again, in one in-page walk: ours against SurveyJS on
 * the same host page, in Chromium (CPU-throttled, plus the JS heap after the
 * assessment) and in Firefox and WebKit (not throttled: their drivers have no
 * CPU throttling), driven by tests/browser/support/engines.ts.
 *
 * The walk is a script inlined at the top of the host page's `<head>`, so it
 * is the same code in every engine and no driver round trip is timed:
 * - load: as first-question.ts, each animation frame from navigation start,
 *   the frame in which Start has a layout box (`intro`; then it clicks
 *   Start) and the one in which the first question's title has one
 *   (`question`);
 * - then, for each step of a scenario case's path, it gives the answer the
 *   way a click or typing does (input events on the same inputs), lets two
 *   frames and 50 ms pass, takes the time, clicks Continue (ours) or Next /
 *   Complete (SurveyJS), and polls each frame until the next question's title
 *   (or, after the last, the result screen / SurveyJS's completed page) has
 *   a layout box; the time is taken in a task posted from that frame, i.e.
 *   once the frame has been rendered ("painted").
 * The page alone (`blank`) gives the floors: its first frame after the DOM is
 * parsed (load), and then the same steps on the same questions drawn with
 * plain DOM (no framework, no engine; Continue puts the next question's form
 * in place), timed the same way: what any page change costs in this measure.
 */
import type { Page } from 'playwright-core';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { parseText, resolveText } from '../../src/core/text.ts';
import { launchChromium } from './first-question.ts';
import type { Snippet } from './host-page.ts';
import type { Plan } from '../browser/support/scenarios.ts';
import { launchEngine, type Engine, type EngineName } from '../browser/support/engines.ts';
import type { TestServer } from '../browser/support/server.ts';

export type WalkKind = 'ours' | 'surveyjs' | 'blank';

/** One step of the walk, as the page needs it. */
interface WalkStep {
  id: string;
  type: 'number' | 'single-choice' | 'multiple-choice';
  /** The question's title text (or its start). */
  title: string;
  /** Option ids to choose, or the number to type. */
  answer: string[] | number;
  /** Every option, as shown: the page alone draws them with plain DOM. */
  options: { id: string; label: string }[];
}

/** What the page reports when the walk is over. */
export interface WalkMarks {
  intro: number;
  question: number;
  /** Continue → next screen rendered, ms, one per step, in path order. */
  answers: { id: string; ms: number }[];
}

/** The in-page walker's configuration. */
export interface WalkConfig {
  kind: WalkKind;
  start: string;
  steps: WalkStep[];
}

const shown = (text: Parameters<typeof resolveText>[0], locale: string): string =>
  parseText(resolveText(text, locale, locale)).map((part) => part.text).join('').replace(/\s+/g, ' ').trim();

/**
 * The walk of a scenario plan, for one page kind.
 *
 * @example
 * walkConfig('ours', ruleSet, findPlan('candidate', { interrupted: false }))
 */
export function walkConfig(kind: WalkKind, ruleSet: RuleSet, plan: Plan): WalkConfig {
  if (plan.interrupted || plan.crisisAfter.length) throw new Error(`bench: "${plan.name}" is interrupted by the crisis screen; pick a plain path`);
  return {
    kind,
    start: shown(ruleSet.intro.start, ruleSet.locale),
    steps: plan.steps.map(({ question, answer }) => ({
      id: question.id,
      type: question.type,
      title: shown(question.text, ruleSet.locale),
      answer: typeof answer === 'number' ? answer : Array.isArray(answer) ? [...answer] : [String(answer)],
      options: question.type === 'number' ? [] : question.options.map((option) => ({ id: option.id, label: shown(option.label, ruleSet.locale) })),
    })),
  };
}

/**
 * The walker, as source text for an inline `<script>` (a function would be
 * serialised with tsx's helpers, which the page lacks). It leaves
 * `window.__benchWalk` = `{ done, marks }` or `{ done, error }`.
 */
export function walkerSource(config: WalkConfig): string {
  return `(() => {
  const config = ${JSON.stringify(config).replaceAll('<', '\\u003c')};
  const state = window.__benchWalk = { done: false, stage: 'load', marks: { intro: -1, question: -1, answers: [] } };
  const marks = state.marks;
  const fail = (message) => { state.error = message; state.done = true; };
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const root = () => config.kind === 'ours'
    ? (document.querySelector('eligibility-screener')?.shadowRoot ?? null)
    : document.getElementById(config.kind === 'blank' ? 'plain' : 'survey');
  // The page alone's walk: the same questions drawn with plain DOM, no framework, no engine.
  // Continue puts the next question's form in place of this one: what any page change costs.
  const make = (tag, props) => Object.assign(document.createElement(tag), props);
  const el = (parent, tag, props) => parent.appendChild(make(tag, props));
  const plain = (i) => {
    const host = document.getElementById('plain') ?? el(document.body, 'div', { id: 'plain' });
    const step = config.steps[i];
    if (!step) {
      const done = make('p', { textContent: 'Done' });
      done.dataset.outcome = '';
      return host.replaceChildren(done);
    }
    const form = make('form', { className: 'screen' });
    const fieldset = el(form, 'fieldset');
    el(fieldset, 'legend', { textContent: step.title });
    if (step.type === 'number') el(el(fieldset, 'label'), 'input', { type: 'number', name: step.id });
    for (const option of step.options) {
      const label = el(fieldset, 'label');
      el(label, 'input', { type: step.type === 'single-choice' ? 'radio' : 'checkbox', name: step.id, value: option.id });
      label.append(' ' + option.label);
    }
    el(form, 'button', { type: 'submit', textContent: 'Continue' });
    form.addEventListener('submit', (event) => { event.preventDefault(); plain(i + 1); });
    host.replaceChildren(form);
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const startButton = (node) => {
    for (const el of node.querySelectorAll('button, input[type="button"], input[type="submit"]')) {
      const label = norm(el instanceof HTMLInputElement ? el.value : el.textContent);
      if (label === config.start && visible(el)) return el;
    }
    return null;
  };
  const titles = config.kind === 'surveyjs' ? '.sd-question__title' : 'legend, label';
  const titleShown = (node, text) => {
    for (const el of node.querySelectorAll(titles)) if (norm(el.textContent).includes(text) && visible(el)) return true;
    return false;
  };
  const endShown = (node) => {
    const end = node.querySelector(config.kind === 'surveyjs' ? '.sd-completedpage' : '[data-outcome]');
    return !!end && visible(end);
  };
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const afterRender = () => new Promise((done) => { const c = new MessageChannel(); c.port1.onmessage = () => done(performance.now()); c.port2.postMessage(0); });
  // Polls each frame until ready() (within 20 s); resolves with the frame's time, or after its rendering.
  const until = async (ready, what, rendered) => {
    const deadline = performance.now() + 20000;
    for (;;) {
      await frame();
      const node = root();
      if (node && ready(node)) return rendered ? afterRender() : performance.now();
      if (performance.now() > deadline) throw new Error(what + ' did not appear within 20 s');
    }
  };
  const setValue = (input, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    input.focus();
    setter.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    input.blur();
  };
  const scopeOf = (node, step) => config.kind === 'surveyjs' ? (node.querySelector('[data-name="' + step.id + '"]') ?? node) : node;
  const answer = (node, step) => {
    const scope = scopeOf(node, step);
    if (step.type === 'number') {
      const input = scope.querySelector('input[type="number"]');
      if (!input) throw new Error('no number input for ' + step.id);
      setValue(input, step.answer);
      return;
    }
    for (const id of step.answer) {
      const input = Array.from(scope.querySelectorAll('input[type="radio"], input[type="checkbox"]')).find((el) => el.value === id);
      if (!input) throw new Error('no option "' + id + '" for ' + step.id);
      if (!input.checked) input.click();
    }
  };
  const continueButton = (node) => {
    if (config.kind !== 'surveyjs') return node.querySelector('form.screen button[type="submit"]');
    return Array.from(node.querySelectorAll('.sd-navigation__next-btn, .sd-navigation__complete-btn')).find(visible) ?? null;
  };
  const walk = async () => {
    await new Promise((done) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done, { once: true }) : done()));
    if (config.kind === 'blank') {
      await frame();
      marks.intro = marks.question = performance.now();
      plain(0);
    } else {
      await until((node) => {
        const button = startButton(node);
        if (!button) return false;
        marks.intro = performance.now();
        button.click();
        return true;
      }, 'the Start button "' + config.start + '"', false);
      marks.question = await until((node) => titleShown(node, config.steps[0].title), 'the first question', false);
    }
    for (const [i, step] of config.steps.entries()) {
      state.stage = step.id;
      await until((node) => titleShown(node, step.title), 'the question "' + step.id + '"', false);
      answer(root(), step);
      await frame(); await frame(); await sleep(50);
      const button = continueButton(root());
      if (!button) throw new Error('no Continue/Next button on "' + step.id + '"');
      const next = config.steps[i + 1];
      const clicked = performance.now();
      button.click();
      const painted = await until((node) => next ? titleShown(node, next.title) : endShown(node),
        next ? 'the question "' + next.id + '" after "' + step.id + '"' : 'the end screen', true);
      marks.answers.push({ id: step.id, ms: painted - clicked });
    }
    state.done = true;
  };
  walk().catch((error) => fail(state.stage + ': ' + (error && error.message || String(error))));
})();`;
}

/** A host page snippet with the walker in front of the widget's own tags. */
export function walkSnippet(snippet: Snippet, config: WalkConfig): Snippet {
  return { head: `<script>${walkerSource(config)}</script>\n${snippet.head}`, body: snippet.body };
}

/** One page to walk. */
export interface WalkPage {
  name: string;
  kind: WalkKind;
  url: string;
}

/** One walk's marks, plus the heap after it (Chromium only). */
export interface WalkRun extends WalkMarks {
  /** JS heap used after a GC, bytes (CDP Runtime.getHeapUsage), Chromium only. */
  heapUsed?: number;
}

/** Every run of one page. */
export interface WalkSamples {
  name: string;
  kind: WalkKind;
  runs: WalkRun[];
}

async function pollWalk(read: () => Promise<unknown>, name: string, timeoutMs: number): Promise<WalkMarks> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await read().catch(() => null)) as { done: boolean; error?: string; marks: WalkMarks; stage: string } | null;
    if (state?.done) {
      if (state.error) throw new Error(`${name}: ${state.error}`);
      return state.marks;
    }
    if (Date.now() > deadline) throw new Error(`${name}: the walk did not finish within ${timeoutMs / 1000} s (at "${state?.stage ?? 'no script'}")`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function walkChromiumOnce(browser: import('playwright-core').Browser, page: WalkPage, throttle: number): Promise<WalkRun> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const tab: Page = await context.newPage();
    await context.route((url) => !url.href.startsWith('http://127.0.0.1'), (route) => route.abort());
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await tab.goto(page.url, { waitUntil: 'commit' });
    const marks = await pollWalk(() => tab.evaluate('window.__benchWalk'), page.name, 120_000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { ...marks, heapUsed: heap.usedSize };
  } finally {
    await context.close();
  }
}

/**
 * Walks every page `runs` times in Chromium at `throttle`× CPU slow-down,
 * alternating pages after one discarded warm-up each.
 *
 * @example
 * const [ours, survey, blank] = await walkChromium(pages, { runs: 5, throttle: 4 });
 */
export async function walkChromium(pages: readonly WalkPage[], options: { runs: number; throttle: number }): Promise<{ version: string; samples: WalkSamples[] }> {
  const browser = await launchChromium();
  try {
    for (const page of pages) await walkChromiumOnce(browser, page, options.throttle);
    const samples: WalkSamples[] = pages.map((page) => ({ name: page.name, kind: page.kind, runs: [] }));
    for (let run = 0; run < options.runs; run += 1) {
      for (const [i, page] of pages.entries()) samples[i]?.runs.push(await walkChromiumOnce(browser, page, options.throttle));
    }
    return { version: `Chromium ${browser.version()}`, samples };
  } finally {
    await browser.close();
  }
}

async function walkEngineOnce(engine: Engine, page: WalkPage): Promise<WalkRun> {
  const tab = await engine.open(page.url);
  try {
    return await pollWalk(() => tab.evaluate('window.__benchWalk'), `${engine.name}, ${page.name}`, 120_000);
  } finally {
    await tab.close();
  }
}

/**
 * Walks every page `runs` times in Firefox or WebKit (no CPU throttling),
 * alternating pages after one discarded warm-up each. `pages`' URLs are on
 * `server` (WebKit's driver reads the requests from it).
 *
 * @example
 * const firefox = await walkEngine('firefox', server, pages, 3);
 */
export async function walkEngine(name: Exclude<EngineName, 'chromium'>, server: TestServer, pages: readonly WalkPage[], runs: number): Promise<{ version: string; samples: WalkSamples[] }> {
  const engine = await launchEngine(name, server);
  try {
    for (const page of pages) await walkEngineOnce(engine, page);
    const samples: WalkSamples[] = pages.map((page) => ({ name: page.name, kind: page.kind, runs: [] }));
    for (let run = 0; run < runs; run += 1) {
      for (const [i, page] of pages.entries()) samples[i]?.runs.push(await walkEngineOnce(engine, page));
    }
    return { version: engine.version, samples };
  } finally {
    await engine.close();
  }
}

const sortedCopy = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The nearest-rank percentile `p` (0–100) of `values`.
 *
 * @example
 * percentile([1, 2, 3, 4], 95) // 4
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = sortedCopy(values);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The summary of one page's walks. */
export interface WalkSummary {
  name: string;
  runs: number;
  introMedian: number;
  questionMedian: number;
  /** p95 over every Continue of every run. */
  answerP95: number;
  answerMedian: number;
  answerCount: number;
  /** The step whose median over runs is the highest. */
  slowest: { id: string; medianMs: number };
  heapUsedMedian?: number;
}

/**
 * Medians and p95 of one page's runs.
 *
 * @example
 * summarise(samples).answerP95
 */
export function summarise(samples: WalkSamples): WalkSummary {
  const all = samples.runs.flatMap((run) => run.answers.map((a) => a.ms));
  const byStep = new Map<string, number[]>();
  for (const run of samples.runs) for (const a of run.answers) byStep.set(a.id, [...(byStep.get(a.id) ?? []), a.ms]);
  let slowest = { id: '—', medianMs: 0 };
  for (const [id, values] of byStep) {
    const m = median(values);
    if (m > slowest.medianMs) slowest = { id, medianMs: m };
  }
  const heaps = samples.runs.map((run) => run.heapUsed).filter((h): h is number => typeof h === 'number');
  return {
    name: samples.name,
    runs: samples.runs.length,
    introMedian: median(samples.runs.map((r) => r.intro)),
    questionMedian: median(samples.runs.map((r) => r.question)),
    answerP95: percentile(all, 95),
    answerMedian: median(all),
    answerCount: all.length,
    slowest,
    ...(heaps.length ? { heapUsedMedian: median(heaps) } : {}),
  };
}
