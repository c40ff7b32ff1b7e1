/**
 * Nothing leaves the patient's browser: no request during the assessment
 * except the widget's own files (and the rule file when the clinic names
 * one), and the answers never reach a URL, the console, a cookie, storage,
 * an event, or an attribute a session-replay script could record.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/engine.ts';
import { compiledDefaultJson } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { hostLog, type PageWatch, type RecordedEvent } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { findPlan, optionLabel, type Plan } from './support/scenarios.ts';
import { WIDGET_SCRIPT } from './support/server.ts';

const h = useHarness();

/** Strings that would give an answer away: the labels and ids of chosen options, and numbers given. */
function answerTokens(plan: Plan): RegExp[] {
  const tokens = new Set<string>();
  const add = (question: Plan['steps'][number]['question'], answer: Answer) => {
    if (typeof answer === 'number') {
      tokens.add(String(answer));
      return;
    }
    for (const id of Array.isArray(answer) ? answer : [answer]) {
      tokens.add(id);
      tokens.add(optionLabel(question, id));
    }
  };
  for (const step of plan.steps) add(step.question, step.answer);
  // Words like "No" or "Yes" are everywhere; longer labels and ids are telling.
  return [...tokens]
    .filter((token) => token.length >= 4 || /^\d+$/.test(token))
    .map((token) => new RegExp(`(^|[^\\w])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`, 'i'));
}

interface Traces {
  urls: string[];
  console: string[];
  cookies: string;
  storage: string;
  hostAttributes: string;
}

async function traces(page: Page, context: BrowserContext, watch: PageWatch, navigations: string[]): Promise<Traces> {
  const inPage = await page.evaluate(() => {
    const dump = (store: Storage) => {
      const out: Record<string, string | null> = {};
      for (let i = 0; i < store.length; i += 1) {
        const key = store.key(i)!;
        out[key] = store.getItem(key);
      }
      return out;
    };
    const host = document.querySelector('eligibility-screener');
    return {
      cookie: document.cookie,
      storage: JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage) }),
      attributes: host ? [...host.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : '',
      location: location.pathname + location.search + location.hash,
    };
  });
  const pathOf = (url: string) => {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search + parsed.hash;
  };
  return {
    urls: [...watch.requests, ...navigations].map(pathOf).concat(inPage.location),
    console: watch.console.map((m) => m.text),
    cookies: inPage.cookie + JSON.stringify(await context.cookies()),
    storage: inPage.storage,
    hostAttributes: inPage.attributes,
  };
}

function leaks(plan: Plan, found: Traces): string[] {
  const out: string[] = [];
  for (const token of answerTokens(plan)) {
    for (const url of found.urls) if (token.test(url)) out.push(`URL ${url} matches ${token}`);
    for (const line of found.console) if (token.test(line)) out.push(`console "${line}" matches ${token}`);
    if (token.test(found.cookies)) out.push(`cookies ${found.cookies} match ${token}`);
    if (token.test(found.storage)) out.push(`storage ${found.storage} matches ${token}`);
    if (token.test(found.hostAttributes)) out.push(`element attributes "${found.hostAttributes}" match ${token}`);
  }
  return out;
}

/** Host-page events may carry a step number and the rules' identity, nothing else. */
function eventProblems(plan: Plan, events: RecordedEvent[]): string[] {
  const allowed: Record<string, string[]> = {
    'screener-start': [],
    'screener-step': ['step'],
    'screener-complete': ['rulesHash', 'rulesVersion'],
  };
  const out: string[] = [];
  if (!events.some((e) => e.type === 'screener-complete')) out.push('no screener-complete event at all');
  for (const event of events) {
    const keys = Object.keys((event.detail ?? {}) as object).sort();
    if (JSON.stringify(keys) !== JSON.stringify(allowed[event.type])) out.push(`${event.type} detail ${JSON.stringify(event.detail)}`);
  }
  const details = JSON.stringify(events.map((e) => e.detail));
  // Numbers are left out here: step numbers are numbers too.
  for (const token of answerTokens(plan).filter((t) => !/\d/.test(t.source))) if (token.test(details)) out.push(`event details match ${token}`);
  return out;
}

describe('privacy during an assessment', () => {
  for (const tier of ['candidate', 'review'] as const) {
    it(`makes no request but the widget's own files, and leaks no answer (${tier})`, async () => {
      const plan = findPlan(tier, { interrupted: false });
      const { page, context, watch } = await h.open('/inline.html');
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => navigations.push(frame.url()));
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.introHeading().waitFor();
      const before = watch.requests.length;
      await patient.start();
      await patient.walk(plan);
      // The booking link is the clinic's URL, untouched: no answer, no tier added.
      const hrefs = await patient.widget.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.filter((href) => href.startsWith('https://clinic.example/'))).toEqual([BOOKING_URL]);
      await patient.press(patient.widget.getByRole('button', { name: 'Start again', exact: true }));
      await patient.introHeading().waitFor();

      const origin = h.server.origin;
      // The browser's own favicon request is not the widget's doing.
      const paths = (urls: string[]) => urls.map((url) => url.replace(origin, '')).filter((p) => p !== '/favicon.ico');
      expect(paths(watch.requests.slice(0, before))).toEqual(['/inline.html', WIDGET_SCRIPT]);
      expect(paths(watch.requests.slice(before)), 'requests during the assessment').toEqual([]);
      expect(leaks(plan, await traces(page, context, watch, navigations))).toEqual([]);
      expect(navigations.every((url) => url.startsWith(origin)), 'the page never navigated away').toBe(true);
      expect(eventProblems(plan, (await hostLog(page)).events)).toEqual([]);
    });
  }

  it('fetches only the configured rule file besides its own script', async () => {
    h.server.route('/rules/ketamine.json', { body: compiledDefaultJson() });
    h.server.route('/privacy-rules.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/ketamine.json' }] }) });
    const plan = findPlan('candidate', { interrupted: false });
    const { page, context, watch } = await h.open('/privacy-rules.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    await patient.start();
    await patient.walk(plan);
    const paths = watch.requests.map((url) => url.replace(h.server.origin, '')).filter((p) => p !== '/favicon.ico');
    expect(paths).toEqual(['/privacy-rules.html', WIDGET_SCRIPT, '/rules/ketamine.json']);
    expect(leaks(plan, await traces(page, context, watch, []))).toEqual([]);
  });

  it('marks itself for session-replay tools to leave out', async () => {
    const { page } = await h.open('/inline.html');
    await new Patient(page, page.locator('eligibility-screener')).introHeading().waitFor();
    const host = await page.locator('eligibility-screener').evaluate((el) => ({
      attributes: el.getAttributeNames(),
      classes: [...el.classList],
      shadowMode: el.shadowRoot ? 'open' : 'closed or none',
    }));
    expect(host.shadowMode, 'open shadow root, for accessibility tools').toBe('open');
    expect(host.attributes).toEqual(expect.arrayContaining(['data-clarity-mask', 'data-hj-suppress', 'data-private']));
    expect(host.classes).toContain('fs-exclude');
  });

  it('detects a leak when there is one (the checks above can fail)', () => {
    const plan = findPlan('review', { interrupted: false });
    const clean: Traces = { urls: ['/inline.html'], console: [], cookies: '', storage: '{}', hostAttributes: '' };
    expect(leaks(plan, clean)).toEqual([]);
    const leaked = { ...clean, storage: JSON.stringify(Object.fromEntries(plan.steps.map((s) => [s.question.id, s.answer]))) };
    expect(leaks(plan, leaked).length).toBeGreaterThan(0);
  });
});
