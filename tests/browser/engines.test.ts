/**
 * The patient journeys in Chromium, Firefox and WebKit (most patients are on
 * iPhones): a result of each tier, crisis help and carrying on, the popup,
 * keyboard alone, a strict Content-Security-Policy and no network traffic,
 * with axe-core in Chromium and Firefox. The scenarios, host pages and server
 * are the Chromium tests' (patient-journeys, keyboard, popup, strict-csp,
 * privacy); support/engines.ts drives each engine, one after another, one
 * browser per engine.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tier } from '../../src/authoring/schema.ts';
import { auditEnginePage } from './support/axe.ts';
import { EnginePatient, WORDS } from './support/engine-patient.ts';
import { ENGINES, type Engine, type EngineName, type EnginePage, launchEngine, probeVersion, type Query } from './support/engines.ts';
import { type HostLog, installHostLog, SCREENER_EVENTS } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { defaultRuleSet, findPlan, plain, planCase, scenarioCases } from './support/scenarios.ts';
import { DIST_DIR, STRICT_CSP, startServer, type TestServer, WIDGET_SCRIPT } from './support/server.ts';

const OPEN_LABEL = 'Take the two-minute assessment';
const WIDGET: Query = { css: 'eligibility-screener' };

/** The host log (support/instrument.ts) and uncaught errors, recorded by a same-origin script the page loads first. */
const HOST_LOG_JS = '/engines/host-log.js';
function recordErrors(): void {
  const errors: string[] = [];
  (window as unknown as { __pageErrors: string[] }).__pageErrors = errors;
  addEventListener('error', (event) => errors.push(String(event.error?.stack ?? event.message)));
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
}
const HOST_LOG_TAG = `<script src="${HOST_LOG_JS}"></script>`;
/** An inline style the strict policy must block: proves the policy is in force and its violations are seen. */
const CANARY = '<style>.csp-canary{color:red}</style>';

let server: TestServer;

beforeAll(async () => {
  const script = join(DIST_DIR, 'eligibility-screener.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first (npm test does).`);
  server = await startServer();
  server.route(HOST_LOG_JS, { body: `(${installHostLog.toString()})(${JSON.stringify(SCREENER_EVENTS)});\n(${recordErrors.toString()})();\n` });
  server.route('/engines/inline.html', { body: hostPage({ head: HOST_LOG_TAG }) });
  server.route('/engines/popup.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, mode: 'popup' }], head: HOST_LOG_TAG }) });
  server.route('/engines/csp.html', { headers: { 'content-security-policy': STRICT_CSP }, body: hostPage({ head: HOST_LOG_TAG + CANARY }) });
});
afterAll(async () => {
  await server?.close();
});

/** What the page's host log recorded, and the uncaught errors (the engine's own report, where it has one, and the page's). */
async function pageLog(page: EnginePage): Promise<HostLog & { errors: string[] }> {
  const log = await page.evaluate<HostLog & { errors: string[] }>(
    '({ ...window.__hostLog, errors: window.__pageErrors || ["the host log script did not run"] })',
  );
  return { ...log, errors: [...page.errors(), ...log.errors] };
}

/** The start button's look, which only the widget's stylesheet gives it, and a plain button's in the same page. */
async function startButtonLook(page: EnginePage, patient: EnginePatient): Promise<{ widget: Record<string, string> | null; plain: Record<string, string> }> {
  const props = ['background-color', 'color', 'padding-top', 'padding-left', 'border-top-left-radius', 'font-size'];
  await page.waitFor(patient.startButton());
  const widget = await page.style(patient.startButton(), props);
  const plainButton = await page.evaluate<Record<string, string>>(`(() => {
    const button = document.createElement('button');
    document.body.append(button);
    const s = getComputedStyle(button);
    const out = Object.fromEntries(${JSON.stringify(props)}.map((p) => [p, s.getPropertyValue(p)]));
    button.remove();
    return out;
  })()`);
  return { widget, plain: plainButton };
}

// The browser's own favicon request is not the widget's doing, and a data: URL (Firefox loads one of its own) never leaves the machine.
const paths = (urls: string[]) =>
  urls
    .filter((url) => !url.startsWith('data:'))
    .map((url) => url.replace(server.origin, ''))
    .filter((path) => path !== '/favicon.ico');

// The version in the names, so the test output says which build each journey ran in.
const engineRows = ENGINES.map((name): [string, EngineName, string] => {
  const version = probeVersion(name);
  return [`${name}: ${version}`, name, version];
});
describe.each(engineRows)('%s', (_title, name, probed) => {
  let engine: Engine | undefined;
  const pages: EnginePage[] = [];

  beforeAll(async () => {
    engine = await launchEngine(name, server);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await engine?.close();
  });

  it(`${name}: runs ${probed}`, () => {
    // The browser that started is the one named (its own report, e.g. "Firefox 153.8.0" in "Mozilla Firefox 153.8.0esr").
    const number = engine?.version.match(/\d+(\.\d+)+/)?.[0];
    expect(number, `started: ${engine?.version}`).toBeDefined();
    expect(probed).toContain(number);
  });

  async function open(path: string): Promise<EnginePage> {
    if (!engine) throw new Error(`${name} did not start (see beforeAll)`);
    const page = await engine.open(server.url(path));
    pages.push(page);
    // The element is defined once the script ran; every journey starts from there.
    await page.waitUntil(() => page.evaluate<boolean>(`customElements.get('eligibility-screener') !== undefined`), '<eligibility-screener> to be defined');
    return page;
  }

  async function audit(page: EnginePage, where: string): Promise<void> {
    if (engine?.axe) expect(await auditEnginePage(page), `axe on ${where}`).toEqual([]);
  }

  const tiers: Array<{ tier: Exclude<Tier, 'crisis'>; booking: boolean }> = [
    { tier: 'candidate', booking: true },
    { tier: 'review', booking: true },
    { tier: 'not-suitable', booking: false },
  ];
  for (const { tier, booking } of tiers) {
    it(`${name}: a patient clicking through reaches "${tier}": its heading, reasons and link`, async () => {
      const ruleSet = defaultRuleSet();
      const plan = findPlan(tier, { interrupted: false });
      const page = await open('/engines/inline.html');
      const patient = new EnginePatient(page);
      await page.waitFor(patient.introHeading());
      if (tier === 'candidate') await audit(page, 'the intro');

      await patient.start(plan.steps[0]?.question);
      const result = await patient.walk(plan, async (step) => {
        // How far along, counted as the machine counts.
        expect(await page.count(patient.in({ text: WORDS.progress(step.step, step.total) }))).toBeGreaterThan(0);
      });

      const outcome = ruleSet.outcomes[tier];
      expect(await patient.resultHeadings(tier)).toContain(plain(outcome.title));
      expect(await page.count(patient.outcome()), 'one outcome on screen').toBe(1);
      const action = patient.in({ role: 'link', name: plain(outcome.action) });
      const href = await page.attribute(action, 'href');
      if (booking) expect(href).toBe(BOOKING_URL);
      else expect(href, 'the "talk to our team" link goes somewhere safe').toMatch(/^(https:|\/|mailto:|tel:)/);
      if (tier !== 'candidate' && ruleSet.showReasons) {
        const shown = (await page.texts(result)).join(' ');
        for (const rule of plan.fired) expect(shown).toContain(plain(rule.reason));
      }
      await audit(page, `the ${tier} result`);

      // "Start again" brings back the intro, with no result left on screen.
      await patient.press(patient.button(WORDS.startAgain));
      await page.waitFor(patient.introHeading());
      expect(await page.count(patient.outcome())).toBe(0);
      expect((await pageLog(page)).errors).toEqual([]);
    });
  }

  it(`${name}: crisis help comes at once after an interrupting answer; the patient carries on, and it stays on top of the result`, async () => {
    const ruleSet = defaultRuleSet();
    const crisis = findPlan('crisis', { interrupted: true });
    const calm = findPlan('candidate', { interrupted: false });
    const byName = new Map(scenarioCases().map((c) => [c.name, c]));
    const plan = planCase(
      { name: `${crisis.name}, then carries on`, answers: { ...byName.get(calm.name)!.answers, ...byName.get(crisis.name)!.answers }, expect: { tier: 'crisis' } },
      { continueAfterCrisis: true },
    );
    if ('unanswered' in plan) throw new Error(`merged case leaves "${plan.unanswered}" unanswered`);
    expect(plan.crisisAfter.length).toBeGreaterThan(0);

    const { crisisResources } = ruleSet;
    const titles = [ruleSet.outcomes.crisis.title, crisisResources.title, crisisResources.medicalTitle].filter((t) => t !== undefined).map((t) => plain(t));
    const helpLink = (resource: (typeof crisisResources.resources)[number]): Query => ({
      css: `a[href="${plain(resource.href)}"]`,
      within: WIDGET,
    });
    const page = await open('/engines/inline.html');
    const patient = new EnginePatient(page);
    await patient.start();
    let crisisScreens = 0;
    await patient.walk(plan, undefined, async () => {
      crisisScreens += 1;
      // walk() is here right after the interrupting answer: no other question came first.
      const headings = await patient.resultHeadings('crisis');
      expect(headings.some((h) => titles.some((title) => h.includes(title))), `crisis headings: ${JSON.stringify(headings)}`).toBe(true);
      for (const resource of crisisResources.resources) {
        expect(await page.texts(helpLink(resource)), `the ${resource.href} link`).toContain(plain(resource.linkLabel));
      }
      expect(await page.count(patient.in({ text: plain(crisisResources.emergency) })), 'the not-an-emergency line').toBeGreaterThan(0);
      await audit(page, 'the crisis screen');
    });
    expect(crisisScreens).toBe(plan.crisisAfter.length);

    // The final result: crisis help first, above the booking link; nothing left to continue.
    expect(await page.count(patient.button(WORDS.continueAssessment)), 'no questions left').toBe(0);
    const first = crisisResources.resources[0]!;
    const helpTop = await page.top(helpLink(first));
    expect(helpTop, 'crisis help on the final result').not.toBeNull();
    const bookingTop = await page.top(patient.in({ css: `a[href="${BOOKING_URL}"]` }));
    if (bookingTop !== null) expect(helpTop!, 'crisis help above the booking link').toBeLessThan(bookingTop);
    expect(await page.count(patient.outcome()), 'one outcome on screen').toBe(1);
    expect((await pageLog(page)).errors).toEqual([]);
  });

  it(`${name}: popup: a modal dialog runs the assessment, and Escape gives focus back to the button`, async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const page = await open('/engines/popup.html');
    const opener: Query = { role: 'button', name: OPEN_LABEL, within: WIDGET };
    const dialog: Query = { role: 'dialog', within: WIDGET };
    await page.waitFor(opener);
    expect(await page.count(dialog), 'no dialog before the patient asks').toBe(0);

    await page.click(opener);
    await page.waitFor(dialog);
    expect(await page.evaluate(`document.querySelector('eligibility-screener').shadowRoot.querySelector('dialog').matches(':modal')`), 'modal').toBe(true);
    const patient = new EnginePatient(page, 'mouse', dialog);
    await page.waitFor(patient.introHeading());
    await patient.start();
    await patient.walk(plan);
    expect(await patient.resultHeadings('candidate')).toContain(plain(ruleSet.outcomes.candidate.title));

    await page.press('Escape');
    await page.waitFor(dialog, { hidden: true });
    expect(await page.focused(opener), 'focus is back on the button').toBe(true);
    expect((await pageLog(page)).errors).toEqual([]);
  });

  it(`${name}: a keyboard-only patient reaches "review", focus on each new heading, and starts again`, async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('review', { interrupted: false });
    const page = await open('/engines/inline.html');
    const patient = new EnginePatient(page, 'keyboard');
    await page.waitFor(patient.introHeading());
    await patient.start();
    await patient.walk(plan, (step) => patient.waitForHeadingFocus(plain(step.question.text)));
    const title = plain(ruleSet.outcomes.review.title);
    await patient.waitForHeadingFocus(title);
    expect(await patient.resultHeadings('review')).toContain(title);

    // The booking link is reached with Tab; Start again by keyboard lands on the intro heading.
    const action = patient.in({ role: 'link', name: plain(ruleSet.outcomes.review.action) });
    expect(await page.attribute(action, 'href')).toBe(BOOKING_URL);
    await patient.tabTo(action, 'the booking link');
    await patient.press(patient.button(WORDS.startAgain));
    await patient.waitForHeadingFocus(plain(ruleSet.intro.title));
    expect((await pageLog(page)).errors).toEqual([]);
  });

  it(`${name}: under a strict Content-Security-Policy: a whole assessment, styled, with zero violations`, async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const plainPage = await open('/engines/inline.html');
    const expected = await startButtonLook(plainPage, new EnginePatient(plainPage));
    await plainPage.close();
    pages.splice(pages.indexOf(plainPage), 1);

    const page = await open('/engines/csp.html');
    const patient = new EnginePatient(page);
    const look = await startButtonLook(page, patient);
    // The widget's stylesheet applies (constructable stylesheets are not blocked): as without a policy, not a plain button.
    expect(look.widget).toEqual(expected.widget);
    expect(look.widget).not.toEqual(look.plain);

    await patient.start();
    await patient.walk(plan);
    expect(await patient.resultHeadings('candidate')).toContain(plain(ruleSet.outcomes.candidate.title));
    await patient.press(patient.button(WORDS.startAgain));
    await page.waitFor(patient.introHeading());

    const log = await pageLog(page);
    // The page's own inline style was blocked: the policy is in force, and this engine's violations are seen.
    const canary = log.violations.filter((v) => v.directive.startsWith('style-src') && v.blockedURI === 'inline');
    expect(canary.length, `the canary's violation: ${JSON.stringify(log.violations)}`).toBe(1);
    expect(log.violations.filter((v) => !canary.includes(v)), "the widget's violations").toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it(`${name}: makes no request during an assessment but its own script`, async () => {
    const plan = findPlan('candidate', { interrupted: false });
    // The fixture page as a clinic writes it: no test script on it.
    const page = await open('/inline.html');
    const patient = new EnginePatient(page);
    await page.waitFor(patient.introHeading());
    const before = await page.requests();
    await patient.start();
    await patient.walk(plan);
    const hrefs = await page.evaluate<string[]>(
      `[...document.querySelector('eligibility-screener').shadowRoot.querySelectorAll('a[href]')].map((a) => a.href)`,
    );
    expect(hrefs.filter((href) => href.startsWith('https://clinic.example/'))).toEqual([BOOKING_URL]);
    await patient.press(patient.button(WORDS.startAgain));
    await page.waitFor(patient.introHeading());
    const after = await page.requests();

    expect(paths(before)).toEqual(['/inline.html', WIDGET_SCRIPT]);
    expect(paths(after.slice(before.length)), 'requests during the assessment').toEqual([]);
    expect(page.errors()).toEqual([]);
  });
});
