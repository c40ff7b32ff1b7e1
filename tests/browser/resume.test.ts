/**
 * Resume after an accidental reload is the clinic's choice (`resume`). Without
 * it the widget stores nothing, anywhere, at any point. With it, the place is
 * kept in this tab's sessionStorage only, and gone once a result appears, on
 * Start again, when it is too old or was saved for other rules.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { findPlan } from './support/scenarios.ts';

const h = useHarness();
const KEY = 'eligibility-screener:screener';

/** Every place a page can keep data: both storages, cookies, IndexedDB and Cache Storage. */
async function everythingStored(page: Page): Promise<{ local: string[]; session: Record<string, string>; cookie: string; idb: string[]; caches: string[] }> {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.fromEntries(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)!])),
    cookie: document.cookie,
    idb: (await indexedDB.databases()).map((db) => db.name ?? ''),
    caches: 'caches' in window ? await caches.keys() : [],
  }));
}
const NOTHING = { local: [], session: {}, cookie: '', idb: [], caches: [] };

function pageWith(path: string, attributes: Record<string, string | true>): string {
  h.server.route(path, { body: hostPage({ widgets: [{ id: 'screener', 'booking-url': BOOKING_URL, ...attributes }] }) });
  return path;
}

describe('without the resume attribute', () => {
  it('stores nothing anywhere, at any step of a whole assessment, and a reload starts afresh', async () => {
    const plan = findPlan('review', { interrupted: false });
    const { page } = await h.open(pageWith('/no-resume.html', {}));
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const seen: unknown[] = [];
    await patient.walk(plan, async () => void seen.push(await everythingStored(page)));
    seen.push(await everythingStored(page));
    expect(seen.length).toBe(plan.steps.length + 1);
    for (const state of seen) expect(state).toEqual(NOTHING);

    await patient.press(patient.backButton());
    await patient.questionScreen(plan.steps.at(-1)!.question).waitFor();
    await page.reload();
    await patient.introHeading().waitFor();
    expect(await everythingStored(page)).toEqual(NOTHING);
  });
});

describe('<eligibility-screener resume>', () => {
  it('resumes at the same question after a reload, with the earlier answers, and keeps nothing after the result', async () => {
    const plan = findPlan('candidate', { interrupted: false, withType: 'multiple-choice' });
    const { page } = await h.open(pageWith('/resume.html', { resume: true }));
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const half = Math.ceil(plan.steps.length / 2);
    for (const step of plan.steps.slice(0, half)) await patient.answer(step);
    const stored = await everythingStored(page);
    expect(Object.keys(stored.session)).toEqual([KEY]);
    expect({ ...stored, session: {} }).toEqual(NOTHING);

    await page.reload();
    const current = plan.steps[half]!;
    await patient.questionScreen(current.question).waitFor();
    await patient.widget.getByText(`Question ${current.step} of about`).waitFor();
    // Back shows the answer given before the reload.
    const previous = plan.steps[half - 1]!;
    await patient.press(patient.backButton());
    await patient.questionScreen(previous.question).waitFor();
    expect(await answerOnScreen(page)).toEqual([previous.answer].flat().map(String));

    for (const step of plan.steps.slice(half - 1)) await patient.answer(step);
    await patient.outcome('candidate').waitFor();
    expect(await everythingStored(page)).toEqual(NOTHING);
    await page.reload();
    await patient.introHeading().waitFor();
  });

  it('keeps nothing after Start again', async () => {
    const plan = findPlan('review', { interrupted: false });
    const { page } = await h.open(pageWith('/resume-restart.html', { resume: true }));
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(plan);
    await patient.press(patient.backButton());
    await patient.questionScreen(plan.steps.at(-1)!.question).waitFor();
    expect(Object.keys((await everythingStored(page)).session)).toEqual([KEY]);
    await patient.press(patient.backButton());
    await patient.questionScreen(plan.steps.at(-2)!.question).waitFor();
    for (const step of plan.steps.slice(-2)) await patient.answer(step);
    await patient.press(patient.widget.getByRole('button', { name: 'Start again', exact: true }));
    await patient.introHeading().waitFor();
    expect(await everythingStored(page)).toEqual(NOTHING);
  });

  // A saved place that must not be used, made so by editing storage before the reload.
  const stale = ['older than resume-minutes', 'saved for other rules', 'malformed'] as const;
  for (const name of stale) {
    it(`ignores and deletes a saved place ${name}`, async () => {
      const plan = findPlan('candidate', { interrupted: false });
      const { page, watch } = await h.open(pageWith(`/resume-stale-${name.split(' ')[0]}.html`, { resume: true }));
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      for (const step of plan.steps.slice(0, 2)) await patient.answer(step);
      await page.evaluate(
        ([key, kind]) => {
          const saved = JSON.parse(sessionStorage.getItem(key)!);
          if (kind === 'older than resume-minutes') saved.t -= 31 * 60 * 1000;
          if (kind === 'saved for other rules') saved.h = 'sha256-older-rules';
          sessionStorage.setItem(key, kind === 'malformed' ? '{not json' : JSON.stringify(saved));
        },
        [KEY, name] as const,
      );
      await page.reload();
      await patient.introHeading().waitFor();
      expect(await patient.widget.locator('fieldset').count()).toBe(0);
      expect(await everythingStored(page)).toEqual(NOTHING);
      expect(watch.errors).toEqual([]);
    });
  }

  it('resumes when the saved place is fresh (the cases above fail only for their reason)', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open(pageWith('/resume-fresh.html', { resume: true, 'resume-minutes': '45' }));
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    for (const step of plan.steps.slice(0, 2)) await patient.answer(step);
    // 31 minutes is inside this page's 45.
    await page.evaluate((key) => {
      const saved = JSON.parse(sessionStorage.getItem(key)!);
      saved.t -= 31 * 60 * 1000;
      sessionStorage.setItem(key, JSON.stringify(saved));
    }, KEY);
    await page.reload();
    await patient.questionScreen(plan.steps[2]!.question).waitFor();
  });

  it('is gone in a new tab: sessionStorage belongs to the tab', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page, context } = await h.open(pageWith('/resume-tab.html', { resume: true }));
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.answer(plan.steps[0]!);
    await patient.questionScreen(plan.steps[1]!.question).waitFor();
    const other = await context.newPage();
    await other.goto(h.server.url('/resume-tab.html'));
    await new Patient(other, other.locator('eligibility-screener')).introHeading().waitFor();
    expect(await everythingStored(other)).toEqual(NOTHING);
  });

  it('resumes in popup mode when the patient opens the dialog again', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open(pageWith('/resume-popup.html', { resume: true, mode: 'popup' }));
    const widget = page.locator('eligibility-screener');
    await widget.getByRole('button', { name: 'Take the two-minute assessment' }).click();
    const patient = new Patient(page, widget.getByRole('dialog'));
    await patient.start();
    for (const step of plan.steps.slice(0, 2)) await patient.answer(step);
    await page.reload();
    // Nothing is read before the patient opens it.
    await widget.getByRole('button', { name: 'Take the two-minute assessment' }).click();
    await patient.questionScreen(plan.steps[2]!.question).waitFor();
  });
});

/** The option ids checked (or the number typed) on the current question, read as properties. */
async function answerOnScreen(page: Page): Promise<string[]> {
  return page.locator('eligibility-screener').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('input')]
      .filter((input) => input.type === 'number' || input.checked)
      .map((input) => input.value),
  );
}
