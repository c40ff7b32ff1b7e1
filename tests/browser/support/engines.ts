/**
 * The same few operations in Chromium, Firefox and WebKit, for the journeys
 * of tests/browser/engines.test.ts: open a page, click or type inside the
 * widget's shadow root, press a key, read what is on screen, wait, and list
 * the page's requests. Each engine is driven the only way it runs here:
 *
 * - Chromium: Debian's `chromium` with playwright-core (support/chromium.ts).
 * - Firefox: Debian's `firefox-esr` with puppeteer-core over WebDriver BiDi.
 * - WebKit: Debian's WebKitGTK MiniBrowser (`webkit2gtk-driver`) through
 *   `WebKitWebDriver`, with webdriverio. MiniBrowser has no headless mode:
 *   without `DISPLAY` this starts its own Xvfb and stops it after.
 *
 * Elements are found in the page by role and accessible name, text or CSS,
 * looking through open shadow roots ({@link Query}); the finding runs in the
 * page ({@link pageKit}), so it is the same code in every engine. A browser
 * that cannot start fails with what is missing and how to install it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ElementHandle, Browser as PlaywrightBrowser } from 'playwright-core';
import type { Browser as PuppeteerBrowser, ElementHandle as PuppeteerElement } from 'puppeteer-core';
import { chromiumPath, launchChromium } from './chromium.ts';
import type { TestServer } from './server.ts';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** The engines, in the order the journeys run in them (one after another). */
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** The keys the journeys press. */
export type KeyName = 'Tab' | 'Enter' | 'Space' | 'ArrowDown' | 'Escape';

/** How long a wait for the widget lasts before a test fails: generous, for a loaded 2-core machine. */
export const ENGINE_UI_TIMEOUT_MS = 10_000;

/** How long the WebKit session may take to start before the run fails (without a display it would hang). */
const WEBKIT_SESSION_TIMEOUT_MS = 60_000;

/**
 * The browsers' binaries: the environment's overrides, else Debian's paths.
 *
 * @example
 * enginePaths().firefox // '/usr/bin/firefox-esr'
 */
export function enginePaths(): { chromium: string; firefox: string; webkitDriver: string; webkitBrowser: string } {
  return {
    chromium: chromiumPath(),
    firefox: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    webkitDriver: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver',
    webkitBrowser: process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  };
}

function run(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/**
 * The version of an engine's browser, read without starting it (for the
 * journeys' describe names, before the browser runs): `--version` for
 * Chromium and Firefox; for WebKit, the Debian package that holds MiniBrowser
 * (it cannot print its version without a display). What could not be read
 * says so; a missing browser still fails when it is launched.
 *
 * @example
 * probeVersion('firefox') // 'Mozilla Firefox 153.8.0esr'
 */
export function probeVersion(name: EngineName): string {
  const paths = enginePaths();
  try {
    if (name === 'chromium') return run(paths.chromium, ['--version']).split(' built on')[0]!;
    if (name === 'firefox') return run(paths.firefox, ['--version']);
    const owner = run('dpkg-query', ['--search', paths.webkitBrowser]).split(':')[0]!;
    return `WebKitGTK ${run('dpkg-query', ['--show', '--showformat=' + '${' + 'Version}', owner])} (MiniBrowser)`;
  } catch {
    return `(version unknown: ${name === 'chromium' ? paths.chromium : name === 'firefox' ? paths.firefox : paths.webkitBrowser})`;
  }
}

/**
 * What to look for in the page, through open shadow roots. `role` matches the
 * element's role (`heading`, `button`, `link`, `group` for a fieldset,
 * `spinbutton`, `radio`, `checkbox`, `dialog`) and its accessible name (the
 * name contains `name`, or equals it with `exact`); `text`, an element whose
 * text contains it; `css`, a selector. `within` limits the search to inside
 * the first element it finds. Only rendered elements count.
 */
export type Query = ({ role: string; name?: string; exact?: boolean } | { text: string } | { css: string }) & { within?: Query };

/** The element that has focus, looking through shadow roots. */
export interface FocusInfo {
  tag: string;
  text: string;
  inWidget: boolean;
  /** It is a heading (`h1`…`h6`, `role=heading`, or in a `legend`). */
  heading: boolean;
}

/**
 * The code that finds elements, run in the page: it must not use anything
 * from outside itself (it is sent as its source text).
 */
export function pageKit() {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const rendered = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // Tree order, a host's shadow content before its light children.
  const descendants = (root: Element | Document | ShadowRoot): Element[] => {
    const out: Element[] = [];
    const walk = (node: Element | Document | ShadowRoot) => {
      for (const el of Array.from(node.children)) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return out;
  };
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.localName;
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'button') return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'fieldset') return 'group';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'input') {
      const type = (el as HTMLInputElement).type;
      return type === 'number' ? 'spinbutton' : type === 'radio' || type === 'checkbox' ? type : 'textbox';
    }
    return '';
  };
  const nameOf = (el: Element): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return norm(labelledBy.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    if (el.localName === 'fieldset') return norm(el.querySelector(':scope > legend')?.textContent);
    if (el instanceof HTMLInputElement) return norm(Array.from(el.labels ?? []).map((l) => l.textContent).join(' '));
    return norm(el.textContent);
  };
  type Q = ({ role: string; name?: string; exact?: boolean } | { text: string } | { css: string }) & { within?: Q };
  const matches = (el: Element, q: Q): boolean => {
    if ('css' in q) return el.matches(q.css);
    if ('text' in q) {
      const want = norm(q.text).toLowerCase();
      const has = (e: Element) => norm(e.textContent).toLowerCase().includes(want);
      // The innermost element with the text.
      return has(el) && !Array.from(el.children).some(has);
    }
    if (roleOf(el) !== q.role) return false;
    if (q.name === undefined) return true;
    const name = nameOf(el);
    return q.exact ? name === norm(q.name) : name.toLowerCase().includes(norm(q.name).toLowerCase());
  };
  const find = (q: Q): Element[] => {
    let root: Element | Document = document;
    if (q.within) {
      const scope = find(q.within)[0];
      if (!scope) return [];
      root = scope;
    }
    return descendants(root).filter((el) => matches(el, q) && rendered(el));
  };
  const active = () => {
    let el: Element | null = document.activeElement;
    let inWidget = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.localName === 'eligibility-screener') inWidget = true;
      el = el.shadowRoot.activeElement;
    }
    if (el?.closest('eligibility-screener')) inWidget = true;
    return { el, inWidget };
  };
  return {
    count: (q: Q) => find(q).length,
    texts: (q: Q) => find(q).map((el) => norm(el.textContent)),
    attribute: (q: Q, name: string) => find(q)[0]?.getAttribute(name) ?? null,
    checked: (q: Q) => (find(q)[0] as HTMLInputElement | undefined)?.checked === true,
    top: (q: Q) => find(q)[0]?.getBoundingClientRect().top ?? null,
    style: (q: Q, props: string[]) => {
      const el = find(q)[0];
      if (!el) return null;
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    },
    /** The one element of `q`, scrolled into view, to click; fails when there is none or more than one. */
    one: (q: Q) => {
      const found = find(q);
      if (found.length !== 1) throw new Error(`expected one element for ${JSON.stringify(q)}, found ${found.length}`);
      found[0]!.scrollIntoView({ block: 'center' });
      return found[0]!;
    },
    focus: () => {
      const { el, inWidget } = active();
      const heading = !!el && (el.matches('h1, h2, h3, h4, h5, h6, [role="heading"], legend') || el.closest('legend') !== null);
      return { tag: el?.localName ?? '', text: norm(el?.textContent).slice(0, 80), inWidget, heading };
    },
    focused: (q: Q) => {
      const { el } = active();
      return !!el && find(q).includes(el);
    },
    /** The widget's visible headings, for a failure message. */
    headings: () => find({ role: 'heading' }).map((el) => norm(el.textContent).slice(0, 80)),
  };
}

type Kit = ReturnType<typeof pageKit>;

/** The source of a call of one of {@link pageKit}'s functions. */
function kitCall<K extends keyof Kit>(method: K, ...args: Parameters<Kit[K]>): string {
  return `(${pageKit.toString()})().${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}

/** What each engine implements; everything else is built on it, in {@link EnginePage}. */
interface Driver {
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression in the page (a promise is awaited); the result comes back as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks, with the mouse, the element `expression` evaluates to. */
  click(expression: string): Promise<void>;
  /** Types `text` into the element that has focus, key by key. */
  type(text: string): Promise<void>;
  press(key: KeyName): Promise<void>;
  /** Every request the page made, by absolute URL, in order. */
  requests(): Promise<string[]>;
  /** Uncaught errors the engine reported for the page (where it reports them). */
  errors(): string[];
  close(): Promise<void>;
}

/**
 * One page in one engine, with the operations the journeys need.
 *
 * @example
 * const page = await engine.open(server.url('/inline.html'));
 * await page.click({ role: 'button', name: 'Start', exact: true });
 * expect(await page.texts({ role: 'heading' })).toContain('How old are you?');
 */
export class EnginePage {
  constructor(
    private readonly driver: Driver,
    readonly engine: EngineName,
  ) {}

  evaluate<T>(expression: string): Promise<T> {
    return this.driver.evaluate<T>(expression);
  }

  /** How many rendered elements match. */
  count(q: Query): Promise<number> {
    return this.evaluate(kitCall('count', q));
  }

  /** The text of each rendered element that matches, whitespace collapsed. */
  texts(q: Query): Promise<string[]> {
    return this.evaluate(kitCall('texts', q));
  }

  attribute(q: Query, name: string): Promise<string | null> {
    return this.evaluate(kitCall('attribute', q, name));
  }

  checked(q: Query): Promise<boolean> {
    return this.evaluate(kitCall('checked', q));
  }

  /** The top of the first match in the viewport, or null. */
  top(q: Query): Promise<number | null> {
    return this.evaluate(kitCall('top', q));
  }

  /** Computed style properties of the first match, or null. */
  style(q: Query, props: string[]): Promise<Record<string, string> | null> {
    return this.evaluate(kitCall('style', q, props));
  }

  focus(): Promise<FocusInfo> {
    return this.evaluate(kitCall('focus'));
  }

  /** True when the element that has focus (through shadow roots) matches. */
  focused(q: Query): Promise<boolean> {
    return this.evaluate(kitCall('focused', q));
  }

  /**
   * Waits until `q` matches a rendered element (or, with `hidden`, none);
   * fails with the headings that are on screen instead.
   */
  async waitFor(q: Query, options: { hidden?: boolean; timeoutMs?: number } = {}): Promise<void> {
    const want = options.hidden ? 'no' : 'an';
    await this.waitUntil(async () => ((await this.count(q)) > 0) !== options.hidden, `${want} element for ${JSON.stringify(q)}`, options.timeoutMs);
  }

  /** Polls `ready` until it says so; fails naming `what` and the headings on screen. */
  async waitUntil(ready: () => Promise<boolean>, what: string, timeoutMs = ENGINE_UI_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await ready()) return;
      if (Date.now() > deadline) {
        const headings = await this.evaluate<string[]>(kitCall('headings')).catch(() => []);
        throw new Error(`${this.engine}: waited ${timeoutMs} ms for ${what}; headings on screen: ${JSON.stringify(headings)}`);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /** Clicks the one rendered element of `q` with the mouse. */
  async click(q: Query): Promise<void> {
    await this.driver.click(kitCall('one', q));
  }

  /** Clicks the input of `q` and types `text` into it, key by key. */
  async fill(q: Query, text: string): Promise<void> {
    await this.click(q);
    await this.driver.type(text);
  }

  /** Types into the element that has focus. */
  type(text: string): Promise<void> {
    return this.driver.type(text);
  }

  press(key: KeyName): Promise<void> {
    return this.driver.press(key);
  }

  requests(): Promise<string[]> {
    return this.driver.requests();
  }

  errors(): string[] {
    return this.driver.errors();
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** A running browser of one engine. */
export interface Engine {
  name: EngineName;
  /** What ran, e.g. `Firefox 153.8.0`. */
  version: string;
  /** Whether axe-core audits run in it (Chromium and Firefox). */
  axe: boolean;
  /** Opens `url` in a fresh page. */
  open(url: string): Promise<EnginePage>;
  close(): Promise<void>;
}

/**
 * Starts one engine. Fails, never skips, when it cannot: the message says
 * what is missing and how to install it.
 *
 * @example
 * const engine = await launchEngine('webkit', server);
 * try { … } finally { await engine.close(); }
 */
export async function launchEngine(name: EngineName, server: TestServer): Promise<Engine> {
  if (name === 'chromium') return launchChromiumEngine();
  if (name === 'firefox') return launchFirefox();
  return launchWebKit(server);
}

async function launchChromiumEngine(): Promise<Engine> {
  const browser: PlaywrightBrowser = await launchChromium();
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    axe: true,
    async open(url) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(url);
      return new EnginePage(
        {
          goto: async (next) => void (await page.goto(next)),
          evaluate: (expression) => page.evaluate(expression),
          click: async (expression) => {
            const handle = (await page.evaluateHandle(expression)).asElement() as ElementHandle<Element> | null;
            if (!handle) throw new Error(`not an element: ${expression.slice(-120)}`);
            await handle.click({ timeout: ENGINE_UI_TIMEOUT_MS });
          },
          type: (text) => page.keyboard.type(text),
          press: (key) => page.keyboard.press(key),
          requests: async () => [...requests],
          errors: () => [...errors],
          close: () => context.close(),
        },
        'chromium',
      );
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(): Promise<Engine> {
  const executablePath = enginePaths().firefox;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Firefox not found at ${executablePath}. Install it with "apt-get install -y firefox-esr" ` +
        'or set FIREFOX_PATH to a Firefox binary (the journeys drive it over WebDriver BiDi with puppeteer-core).',
    );
  }
  const { default: puppeteer } = await import('puppeteer-core');
  let browser: PuppeteerBrowser;
  try {
    browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, timeout: 60_000 });
  } catch (error) {
    throw new Error(`Firefox at ${executablePath} did not start: ${(error as Error).message}`);
  }
  const version = (await browser.version()).replace(/^firefox\//i, '');
  return {
    name: 'firefox',
    version: `Firefox ${version}`,
    axe: true,
    async open(url) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(ENGINE_UI_TIMEOUT_MS);
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => void requests.push(request.url()));
      page.on('pageerror', (error) => {
        // Firefox reports each CSP violation as an error too: the journeys check violations themselves.
        if (!String(error).startsWith('Error: Content-Security-Policy:')) errors.push(String(error));
      });
      await page.goto(url);
      return new EnginePage(
        {
          goto: async (next) => void (await page.goto(next)),
          evaluate: (expression) => page.evaluate(expression) as Promise<never>,
          click: async (expression) => {
            const handle = (await page.evaluateHandle(expression)).asElement() as PuppeteerElement<Element> | null;
            if (!handle) throw new Error(`not an element: ${expression.slice(-120)}`);
            await handle.click();
          },
          type: (text) => page.keyboard.type(text),
          // Puppeteer's BiDi keyboard knows the space bar as ' ' only.
          press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
          requests: async () => [...requests],
          errors: () => [...errors],
          close: () => context.close(),
        },
        'firefox',
      );
    },
    close: () => browser.close(),
  };
}

/** WebDriver's codes of the keys the journeys press. */
const WEBDRIVER_KEYS: Record<KeyName, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Space: '\uE00D',
  ArrowDown: '\uE015',
  Escape: '\uE00C',
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Kills a process this file started, with its children (it leads its own process group). */
function stop(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

/** `promise`, or a failure with `message` (a function: read when the time is up) after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(typeof message === 'string' ? message : message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `Xvfb` on a free display; resolves with `:N`. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  xvfb.stderr?.on('data', (chunk) => void (stderr += String(chunk)));
  const display = await withTimeout(
    new Promise<string>((done, fail) => {
      let out = '';
      xvfb.stdio[3]?.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('\n')) done(`:${out.trim()}`);
      });
      xvfb.on('error', (error) =>
        fail(new Error(`Xvfb could not start (${error.message}): install it with "apt-get install -y xvfb xauth", or run the tests under a display (DISPLAY)`)),
      );
      xvfb.on('exit', (code) => fail(new Error(`Xvfb exited with ${code} before giving a display: ${stderr.trim().slice(-400)}`)));
    }),
    15_000,
    'Xvfb gave no display within 15 s',
  ).catch((error: Error) => {
    stop(xvfb);
    throw error;
  });
  return { display, process: xvfb };
}

async function waitForDriver(port: number, driver: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}: ${output().trim().slice(-400)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port} within 15 s: ${output().trim().slice(-400)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function launchWebKit(server: TestServer): Promise<Engine> {
  const { webkitDriver, webkitBrowser } = enginePaths();
  const install = 'Install it with "apt-get install -y webkit2gtk-driver xvfb xauth"';
  if (!existsSync(webkitDriver)) throw new Error(`WebKitWebDriver not found at ${webkitDriver}. ${install} or set WEBKIT_DRIVER_PATH.`);
  if (!existsSync(webkitBrowser)) throw new Error(`MiniBrowser (WebKitGTK) not found at ${webkitBrowser}. ${install} or set WEBKIT_BROWSER_PATH.`);

  const owned: ChildProcess[] = [];
  const stopAll = () => owned.splice(0).reverse().forEach(stop);
  process.once('exit', stopAll);
  try {
    let display = process.env.DISPLAY;
    if (!display) {
      const xvfb = await startXvfb();
      owned.push(xvfb.process);
      display = xvfb.display;
    }
    const port = await freePort();
    let output = '';
    const driver = spawn(webkitDriver, [`--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, DISPLAY: display } });
    owned.push(driver);
    driver.stdout?.on('data', (chunk) => void (output += String(chunk)));
    driver.stderr?.on('data', (chunk) => void (output += String(chunk)));
    await new Promise<void>((done, fail) => {
      driver.once('spawn', done);
      driver.once('error', (error) => fail(new Error(`WebKitWebDriver at ${webkitDriver} could not start: ${error.message}. ${install}.`)));
    });
    await waitForDriver(port, driver, () => output);

    const { remote } = await import('webdriverio');
    const browser = await withTimeout(
      remote({
        hostname: '127.0.0.1',
        port,
        path: '/',
        logLevel: 'error',
        connectionRetryCount: 0,
        connectionRetryTimeout: WEBKIT_SESSION_TIMEOUT_MS,
        capabilities: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: webkitBrowser, args: ['--automation'] },
          'wdio:enforceWebDriverClassic': true,
        } as WebdriverIO.Capabilities,
      }),
      WEBKIT_SESSION_TIMEOUT_MS,
      () =>
        `WebKit: no session within ${WEBKIT_SESSION_TIMEOUT_MS / 1000} s on DISPLAY=${display}. MiniBrowser needs a working X display ` +
        `(unset DISPLAY to let the tests start Xvfb). Driver output: ${output.trim().slice(-400) || '(none)'}`,
    );
    await browser.setTimeout({ script: ENGINE_UI_TIMEOUT_MS * 3 });
    const version = `WebKitGTK ${String(browser.capabilities.browserVersion ?? '?')} (MiniBrowser)`;

    let pageStart = 0;
    let pageOpen = false;
    const evaluate = async <T>(expression: string): Promise<T> => {
      // executeAsync, so a promise is awaited the same way in every engine.
      const result = (await browser.executeAsync(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${expression})).then(
           (value) => done({ value }),
           (error) => done({ error: String(error && error.stack || error) }));`,
      )) as { value?: T; error?: string };
      if (result.error !== undefined) throw new Error(`in WebKit: ${result.error}`);
      return result.value as T;
    };
    const driverOf: Driver = {
      goto: async (url) => void (await browser.url(url)),
      evaluate,
      click: async (expression) => {
        const reference = await browser.execute(`return ${expression}`);
        const element = await browser.$(reference as unknown as WebdriverIO.Element);
        // A plain WebDriver click on an input in a shadow root is "intercepted" in WebKit: a pointer action is what a mouse does anyway.
        await browser.action('pointer').move({ origin: element }).down().up().perform();
      },
      type: async (text) => browser.keys([...text]),
      press: async (key) => browser.keys([WEBDRIVER_KEYS[key]]),
      requests: async () => {
        // Classic WebDriver reports no network events: the server's log of this page's requests, plus any
        // other-origin resource the page loaded (Resource Timing).
        const own = server.requests.slice(pageStart).map((r) => server.url(r.path));
        const other = await evaluate<string[]>(`performance.getEntriesByType('resource').map((e) => e.name)`);
        return [...own, ...other.filter((url) => !url.startsWith(server.origin))];
      },
      // Classic WebDriver reports no page errors either: the journeys' pages record them themselves (engines.test.ts).
      errors: () => [],
      close: async () => {
        pageOpen = false;
        await browser.url('about:blank');
      },
    };
    return {
      name: 'webkit',
      version,
      axe: false,
      async open(url) {
        if (pageOpen) throw new Error('WebKit runs one page at a time: close the last one first');
        pageOpen = true;
        pageStart = server.requests.length;
        await browser.url(url);
        return new EnginePage(driverOf, 'webkit');
      },
      async close() {
        await withTimeout(browser.deleteSession(), 15_000, 'WebKit session did not close').catch(() => undefined);
        stopAll();
        process.off('exit', stopAll);
      },
    };
  } catch (error) {
    stopAll();
    process.off('exit', stopAll);
    throw error;
  }
}
