/**
 * The summary a patient takes to the consultation (issue 14), in Chromium:
 * a patient finishes, presses "Save my answers", and the downloaded page
 * (opened offline, with scripts off) holds every question they were asked
 * and their answer, the result heading, the rules' version and hash; no
 * request is made from the intro to the download. In English and Spanish.
 * Print shows the summary alone; axe finds nothing serious on results with
 * the actions; the keyboard reaches both.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/authoring/schema.ts';
import { uiStrings } from '../../src/core/ui-strings.ts';
import { auditWidget } from './support/axe.ts';
import { compiledDefault } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, optionLabel, plain, type Plan } from './support/scenarios.ts';
import { widgetScript } from './support/server.ts';

const h = useHarness({ scripts: ['eligibility-screener.js', 'eligibility-screener.es.js'] });
const CLINIC = 'Harbor Mind Clinic';
const HOST_HEADING = 'Our services';

/** A clinic's page in `lang` with its script, a heading of its own, and the widget. */
function pagePath(lang: string, extra: Record<string, string> = {}): string {
  const path = `/summary-${lang}-${Object.keys(extra).join('-') || 'inline'}.html`;
  h.server.route(path, {
    body: hostPage({
      lang,
      script: widgetScript(lang),
      before: `<h1>${HOST_HEADING}</h1>`,
      widgets: [{ 'booking-url': BOOKING_URL, 'clinic-name': CLINIC, ...extra }],
    }),
  });
  return path;
}

/** Opens the page and walks `plan` to its result; returns the requests made from the intro on. */
async function finish(lang: string, plan: Plan, input: 'mouse' | 'keyboard' = 'mouse') {
  const { page, watch } = await h.open(pagePath(lang));
  const patient = new Patient(page, page.locator('eligibility-screener'), input, lang);
  await patient.introHeading().waitFor();
  const requested = watch.requests.length;
  await patient.start();
  await patient.walk(plan);
  return { page, patient, requestsSince: () => watch.requests.slice(requested) };
}

/** The saved file opened the way a clinician opens it: offline, no scripts. Its answers and lines of text. */
async function openFile(html: string) {
  const context = await h.browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html);
    const read = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      answers: [...document.querySelectorAll('dt')].map((dt) => {
        const lines: string[] = [];
        for (let next = dt.nextElementSibling; next?.tagName === 'DD'; next = next.nextElementSibling) lines.push(next.textContent!.trim());
        return [dt.textContent!.trim(), lines] as [string, string[]];
      }),
      // One line per block of text, as a reader sees them.
      lines: [...document.body.querySelectorAll('h1, h2, h3, p, dt, dd, li')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim()),
      scripts: document.querySelectorAll('script, [src], link').length,
    }));
    return { ...read, requests };
  } finally {
    await context.close();
  }
}

/** Each question of the plan and the answer given, in the patient's language, as the screens showed them. */
function shownAnswers(plan: Plan, lang: string): [string, string[]][] {
  return plan.steps.map(({ question, answer }) => [
    plain(question.text, lang),
    question.type === 'number' ? [`${answer} ${plain(question.unit, lang)}`] : [answer].flat().map((id) => optionLabel(question, String(id), lang)),
  ]);
}

async function save(page: Page, patient: Patient) {
  const [download] = await Promise.all([page.waitForEvent('download'), patient.press(patient.widget.getByRole('button', { name: patient.words.save, exact: true }))]);
  return { name: download.suggestedFilename(), html: readFileSync((await download.path())!, 'utf8') };
}

describe('Save my answers', () => {
  for (const lang of ['en', 'es']) {
    for (const tier of ['review', 'not-suitable'] as Tier[]) {
      it(`${lang}, ${tier}: the downloaded page holds every answer shown, the result, the rules' version and hash; no request`, async () => {
        const plan = findPlan(tier, { interrupted: false });
        const { page, patient, requestsSince } = await finish(lang, plan);
        const { name, html } = await save(page, patient);
        expect(requestsSince(), 'requests from the intro to the download').toEqual([]);

        expect(name).toMatch(/^prescreen-\d{4}-\d{2}-\d{2}\.html$/);
        const file = await openFile(html);
        expect(file.requests, 'the file loads nothing').toEqual([]);
        expect(file.scripts).toBe(0);
        expect(file.lang).toBe(lang);
        expect(file.title).toBe(uiStrings(lang).summaryTitle);
        expect(file.answers).toEqual(shownAnswers(plan, lang));
        const ruleSet = defaultRuleSet();
        const words = uiStrings(lang);
        expect(file.lines).toContain(CLINIC);
        expect(file.lines).toContain(plain(ruleSet.outcomes[tier].title, lang));
        expect(file.lines).toContain(words.rulesVersion(ruleSet.version));
        expect(file.lines).toContain(words.rulesHash(compiledDefault().hash));
        expect(file.lines).toContain(plain(ruleSet.notices.notAdvice, lang));
        // What the result screen listed as reasons, the file lists too.
        const reasons = await patient.widget.locator('.reasons li').allInnerTexts();
        expect(reasons.length).toBeGreaterThan(0);
        for (const reason of reasons) expect(file.lines).toContain(reason.trim());
      });
    }
  }

  it('keyboard only: Tab reaches Save and Print; Enter on Save downloads', async () => {
    const { page, patient } = await finish('en', findPlan('candidate', { interrupted: false }), 'keyboard');
    const { html } = await save(page, patient);
    expect(html).toContain(uiStrings('en').summaryTitle);
    await patient.tabTo(patient.widget.getByRole('button', { name: 'Print', exact: true }));
  });
});

describe('Print', () => {
  for (const mode of ['inline', 'popup']) {
    it(`${mode}: print media shows the summary alone, not the host page or the widget; the screen is back after printing`, async () => {
      const plan = findPlan('review', { interrupted: false });
      const path = pagePath('en', mode === 'popup' ? { mode: 'popup' } : {});
      const { page } = await h.open(path);
      const patient = new Patient(page, page.locator('eligibility-screener'));
      if (mode === 'popup') await page.getByRole('button', { name: patient.words.openAssessment }).click();
      await patient.start();
      await patient.walk(plan);
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      await patient.press(patient.widget.getByRole('button', { name: 'Print', exact: true }));
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

      const summary = page.locator('eligibility-screener-print');
      const heading = summary.getByRole('heading', { name: uiStrings('en').summaryTitle });
      await page.emulateMedia({ media: 'print' });
      expect(await heading.isVisible()).toBe(true);
      expect(await summary.locator('dt').allInnerTexts()).toEqual(shownAnswers(plan, 'en').map(([question]) => question));
      expect(await page.getByRole('heading', { name: HOST_HEADING }).isVisible(), 'the host page is not printed').toBe(false);
      expect(await patient.widget.getByRole('button', { name: 'Print', exact: true }).isVisible(), "the widget's buttons are not printed").toBe(false);

      await page.emulateMedia({ media: 'screen' });
      expect(await heading.isVisible(), 'the summary is for paper only').toBe(false);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await summary.count()).toBe(0);
      expect(await page.getByRole('heading', { name: HOST_HEADING }).isVisible()).toBe(true);
    });
  }
});

describe('accessibility of the actions', () => {
  for (const [lang, tier] of [['en', 'candidate'], ['en', 'not-suitable'], ['es', 'review']] as const) {
    it(`${lang}, ${tier}: axe finds nothing serious on the result with Save and Print`, async () => {
      const { page, patient } = await finish(lang, findPlan(tier, { interrupted: false }));
      await patient.widget.getByRole('button', { name: uiStrings(lang).save }).waitFor();
      expect(await auditWidget(page)).toEqual([]);
    });
  }

  it('summary="off": neither action', async () => {
    const { page } = await h.open(pagePath('en', { summary: 'off' }));
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(findPlan('candidate', { interrupted: false }));
    expect(await patient.widget.getByRole('button', { name: 'Save my answers' }).count()).toBe(0);
    expect(await patient.widget.getByRole('button', { name: 'Print', exact: true }).count()).toBe(0);
  });
});
