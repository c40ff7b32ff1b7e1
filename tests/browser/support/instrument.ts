/**
 * What a host page (and its analytics) can observe, recorded for assertions:
 * the widget's `screener-*` events as a host listener receives them, CSP
 * violation reports, layout shifts, and, on the Node side, console messages,
 * uncaught errors and every request the page makes.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';

export interface RecordedEvent {
  type: string;
  detail: unknown;
  bubbles: boolean;
  composed: boolean;
  /** Tag name of `event.target` as the host sees it (retargeted out of the shadow root). */
  target: string;
  /** `id` attribute of the target, to tell two widgets apart. */
  targetId: string;
}

export interface RecordedViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

export interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  time: number;
}

export interface HostLog {
  events: RecordedEvent[];
  violations: RecordedViolation[];
  shifts: LayoutShift[];
  /** `performance.now()` when `<eligibility-screener>` got defined, or null. */
  definedAt: number | null;
}

/** The screener events of README.md, "Events". */
export const SCREENER_EVENTS = ['screener-start', 'screener-step', 'screener-complete'] as const;

// Runs in the page before any of its scripts. Injected through the DevTools
// protocol, so a strict CSP on the page does not block it (and it is not the
// widget's code, so it cannot cause a violation of its own). The journeys in
// Firefox and WebKit (engines.test.ts) load it as a same-origin script instead.
export function installHostLog(eventTypes: readonly string[]): void {
  const log: HostLog = { events: [], violations: [], shifts: [], definedAt: null };
  (window as unknown as { __hostLog: HostLog }).__hostLog = log;
  void customElements.whenDefined('eligibility-screener').then(() => {
    log.definedAt = performance.now();
  });
  for (const type of eventTypes) {
    // Bubble phase on document: what `document.addEventListener(type, …)` in a host page sees.
    document.addEventListener(type, (event) => {
      const target = event.target as Element | null;
      let detail: unknown;
      try {
        detail = JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null));
      } catch {
        detail = '<unserialisable detail>';
      }
      log.events.push({
        type,
        detail,
        bubbles: event.bubbles,
        composed: event.composed,
        target: target?.tagName?.toLowerCase() ?? '',
        targetId: target?.id ?? '',
      });
    });
  }
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      log.violations.push({ directive: event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample });
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        log.shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, time: entry.startTime });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // Not supported: the layout test then fails on a missing observer, not silently.
  }
}

/**
 * Installs the host log in every page of a context (call before `goto`).
 *
 * @example
 * await instrument(context);
 * const page = await context.newPage();
 */
export async function instrument(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(installHostLog, SCREENER_EVENTS);
}

/**
 * Reads what the page's host log recorded so far.
 *
 * @example
 * const { events, violations } = await hostLog(page);
 */
export async function hostLog(page: Page): Promise<HostLog> {
  return page.evaluate(() => (window as unknown as { __hostLog: HostLog }).__hostLog);
}

export interface ConsoleEntry {
  type: string;
  text: string;
}

export interface PageWatch {
  console: ConsoleEntry[];
  /** Uncaught errors thrown into the host page. */
  errors: Error[];
  /** Every request the page made, by absolute URL, in order. */
  requests: string[];
}

/**
 * Starts recording the console, uncaught errors and requests of a page.
 *
 * @example
 * const watch = watchPage(page);
 * await page.goto(url);
 * expect(watch.errors).toEqual([]);
 */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { console: [], errors: [], requests: [] };
  page.on('console', (message) => watch.console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => watch.errors.push(error));
  page.on('request', (request: Request) => watch.requests.push(request.url()));
  return watch;
}
