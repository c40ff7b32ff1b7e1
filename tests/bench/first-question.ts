/**
 * Time to first question in Chromium, ours against SurveyJS, on the same host
 * page with the same CPU throttling.
 *
 * What is measured, for both, in the page itself (no driver round trips):
 * an init script polls once per animation frame from navigation start.
 * - `intro`: the first frame in which the widget's Start button has a layout
 *   box (our intro screen; SurveyJS's start page, same title, body, notices
 *   and Start label).
 * - In that same frame the script clicks Start (`element.click()`).
 * - `question`: the first frame in which the first question's title (ours: a
 *   `legend`/`label` with its text; SurveyJS: `.sd-question__title`) has a
 *   layout box.
 * For reference, the host page without any widget is timed to its first
 * frame after the DOM is parsed (when deferred scripts have run): the floor.
 * And the least any widget can do on that page (`floor`, {@link floorScript}):
 * the same intro and first question drawn with plain DOM into a shadow root
 * by a deferred script, no framework, no engine, timed the same way.
 * Times are `performance.now()`, i.e. ms since navigation start. Each run uses
 * a fresh browser context (empty cache); runs alternate ours / SurveyJS after
 * one discarded warm-up each.
 */
import { chromium, type Browser } from 'playwright-core';

/** The launch flags from TEAM.md, for the same Chromium everyone tests with. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/**
 * Launches Debian's Chromium (or `CHROMIUM_PATH`).
 *
 * @example
 * const browser = await launchChromium();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One page to time. */
export interface TimedPage {
  name: string;
  /**
   * `blank`: the host page without a widget, to show the floor any widget starts from;
   * `floor`: the same page with {@link floorScript}'s plain-DOM screens, the least a widget can do.
   */
  kind: 'ours' | 'surveyjs' | 'blank' | 'floor';
  url: string;
  /** The Start button's label. */
  start: string;
  /** The first question's text (or its start). */
  question: string;
}

/** Timings of one page, ms since navigation start. */
export interface PageTimings {
  name: string;
  runs: number;
  introMedian: number;
  questionMedian: number;
  /** Start click → first question visible. */
  afterClickMedian: number;
  introSamples: number[];
  questionSamples: number[];
}

interface Marks {
  intro: number;
  click: number;
  question: number;
}

/**
 * The in-page probe, as source text: a function passed to Playwright would be
 * serialised after tsx adds its `__name` helpers, which the page lacks.
 */
function probeSource(config: { kind: TimedPage['kind']; start: string; question: string }): string {
  return `(() => {
  const config = ${JSON.stringify(config)};
  const marks = { intro: -1, click: -1, question: -1 };
  window.__benchMarks = marks;
  const root = () => config.kind === 'ours'
    ? (document.querySelector('eligibility-screener')?.shadowRoot ?? null)
    : config.kind === 'floor' ? (document.getElementById('floor')?.shadowRoot ?? null)
    : document.getElementById('survey');
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const startButton = (node) => {
    for (const el of node.querySelectorAll('button, input[type="button"], input[type="submit"]')) {
      const label = (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')).trim();
      if (label === config.start && visible(el)) return el;
    }
    return null;
  };
  const titles = config.kind === 'surveyjs' ? '.sd-question__title' : 'legend, label';
  const questionShown = (node) => {
    for (const el of node.querySelectorAll(titles)) {
      if ((el.textContent ?? '').includes(config.question) && visible(el)) return true;
    }
    return false;
  };
  const tick = () => {
    if (config.kind === 'blank') {
      if (document.readyState === 'loading') return requestAnimationFrame(tick);
      marks.intro = marks.click = marks.question = performance.now();
      return window.__benchDone(marks);
    }
    const node = root();
    if (node && marks.intro < 0) {
      const button = startButton(node);
      if (button) {
        marks.intro = performance.now();
        button.click();
        marks.click = performance.now();
      }
    } else if (node && questionShown(node)) {
      marks.question = performance.now();
      window.__benchDone(marks);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/** What the plain-DOM floor draws: the intro's and the first question's words, as the patient reads them. */
export interface FloorContent {
  title: string;
  body: string[];
  notices: string[];
  start: string;
  question: { title: string; type: 'single-choice' | 'multiple-choice' | 'number'; options: string[]; unit?: string | undefined };
  next: string;
}

/** The host page's snippet for the plain-DOM floor: {@link floorScript} served as `/floor.js`. */
export const FLOOR_SNIPPET = { head: '<script src="/floor.js" defer></script>', body: '<div id="floor"></div>' };

/**
 * The plain-DOM floor's script, as source text: what any widget on this page
 * must at least do to show the same two screens. A deferred script attaches a
 * shadow root (as ours) and draws the intro (title, paragraphs, notices, Start)
 * with `createElement`; Start swaps in the first question (its title as a
 * legend, its options or number input in labels, Continue). No framework, no
 * engine, no styles but one rule: buttons and inputs in the page's font, as
 * any styled widget draws them (the browser's own control font is a second
 * font to load, which would make the floor slower than a widget needs to be).
 *
 * @example
 * serveFiles({ '/floor.js': floorScript(content), '/floor.html': hostPage(FLOOR_SNIPPET) });
 */
export function floorScript(content: FloorContent): string {
  return `(() => {
  const content = ${JSON.stringify(content)};
  const el = (tag, text) => { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; return node; };
  const root = document.getElementById('floor').attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('button,input{font:inherit}');
  root.adoptedStyleSheets = [sheet];
  const intro = el('section');
  const notices = el('ul');
  notices.append(...content.notices.map((notice) => el('li', notice)));
  const start = el('button', content.start);
  start.type = 'button';
  intro.append(el('h2', content.title), ...content.body.map((text) => el('p', text)), notices, start);
  root.append(intro);
  start.addEventListener('click', () => {
    const { question } = content;
    const fieldset = el('fieldset');
    fieldset.append(el('legend', question.title));
    const field = (type, text) => {
      const label = el('label');
      const input = el('input');
      input.type = type;
      input.name = 'answer';
      label.append(input, text);
      fieldset.append(label);
    };
    if (question.type === 'number') field('number', question.unit ?? '');
    for (const option of question.options) field(question.type === 'single-choice' ? 'radio' : 'checkbox', option);
    const next = el('button', content.next);
    next.type = 'button';
    const form = el('form');
    form.append(fieldset, next);
    intro.replaceWith(form);
  });
})();`;
}

async function timeOnce(browser: Browser, page: TimedPage, throttle: number): Promise<Marks> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    // Nothing but the local server: a stray third-party request would skew the timing.
    await context.route((url) => !url.href.startsWith('http://127.0.0.1'), (route) => route.abort());
    let done: (marks: Marks) => void = () => {};
    const finished = new Promise<Marks>((resolve) => (done = resolve));
    await tab.exposeFunction('__benchDone', (marks: Marks) => done(marks));
    await tab.addInitScript({ content: probeSource({ kind: page.kind, start: page.start, question: page.question }) });
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await tab.goto(page.url, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 30_000)));
    const outcome = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return outcome;
    // Say how far it got, so a failure can be acted on.
    const seen = (await tab.evaluate('window.__benchMarks').catch(() => null)) as Marks | null;
    const stage = !seen || seen.intro < 0 ? `no Start button labelled "${page.start}" appeared` : `Start was clicked, but no question titled "${page.question}" appeared`;
    throw new Error(`${page.name}: ${stage} within 30 s${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
  } finally {
    await context.close();
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Times every page `runs` times, alternating pages so drift hits all alike.
 *
 * @example
 * const [ours, survey] = await timeFirstQuestion(browser, [oursPage, surveyPage], { runs: 7, throttle: 4 });
 */
export async function timeFirstQuestion(
  browser: Browser,
  pages: readonly TimedPage[],
  options: { runs: number; throttle: number },
): Promise<PageTimings[]> {
  for (const page of pages) await timeOnce(browser, page, options.throttle); // warm-up, discarded
  const samples = pages.map(() => [] as Marks[]);
  for (let run = 0; run < options.runs; run += 1) {
    for (const [i, page] of pages.entries()) samples[i]?.push(await timeOnce(browser, page, options.throttle));
  }
  return pages.map((page, i) => {
    const marks = samples[i] ?? [];
    return {
      name: page.name,
      runs: marks.length,
      introMedian: median(marks.map((m) => m.intro)),
      questionMedian: median(marks.map((m) => m.question)),
      afterClickMedian: median(marks.map((m) => m.question - m.click)),
      introSamples: marks.map((m) => Math.round(m.intro)),
      questionSamples: marks.map((m) => Math.round(m.question)),
    };
  });
}
