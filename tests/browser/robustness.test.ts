/**
 * Awkward pages (issue 5): the script loaded twice, two widgets, the element
 * moved mid-assessment, an unsupported `lang`, a 320-pixel phone, a page
 * zoomed to 200%.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { hostLog } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';

const h = useHarness();

/** Horizontal overflow a patient would have to scroll sideways to see. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px content in ${width}px`);
    }
    const root = document.querySelector('eligibility-screener')?.shadowRoot;
    for (const el of root?.querySelectorAll('*') ?? []) {
      const box = el.getBoundingClientRect();
      // Visually hidden helpers (1px, clipped) are for screen readers, not eyes.
      if (box.width <= 1 || box.height <= 1 || el.closest('dialog:not([open])')) continue;
      if (box.right > width + 1 || box.left < -1) {
        problems.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 30)}" spans ${Math.round(box.left)}..${Math.round(box.right)}px of ${width}px`);
      }
    }
    return problems;
  });
}

describe('awkward host pages', () => {
  it('tolerates the script loaded twice: one widget, one set of events', async () => {
    h.server.route('/twice.html', { body: hostPage({ scriptCount: 2 }) });
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/twice.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    expect(await patient.introHeading().count()).toBe(1);
    await patient.start();
    await patient.walk(plan);
    const events = (await hostLog(page)).events;
    expect(events.filter((e) => e.type === 'screener-start')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'screener-complete')).toHaveLength(1);
    expect(watch.errors).toEqual([]);
  });

  it('runs two widgets on one page independently', async () => {
    h.server.route('/two.html', {
      body: hostPage({ widgets: [{ id: 'first', 'booking-url': BOOKING_URL }, { id: 'second', 'booking-url': BOOKING_URL }] }),
    });
    const candidate = findPlan('candidate', { interrupted: false });
    const notSuitable = findPlan('not-suitable', { interrupted: false });
    const { page, watch } = await h.open('/two.html');
    const a = new Patient(page, page.locator('#first'));
    const b = new Patient(page, page.locator('#second'));
    await a.introHeading().waitFor();
    await b.introHeading().waitFor();

    await a.start();
    await a.answer(candidate.steps[0]!);
    // The second widget has not moved.
    await b.introHeading().waitFor();
    expect(await b.widget.locator('fieldset, input').count()).toBe(0);

    await b.start();
    await b.walk(notSuitable);
    for (const step of candidate.steps.slice(1)) await a.answer(step);
    await a.outcome('candidate').waitFor();
    expect(await a.outcome().count()).toBe(1);
    expect(await b.outcome().count()).toBe(1);
    await b.outcome('not-suitable').waitFor();

    const complete = (await hostLog(page)).events.filter((e) => e.type === 'screener-complete').map((e) => e.targetId);
    expect(complete.sort()).toEqual(['first', 'second']);
    expect(watch.errors).toEqual([]);
  });

  it('keeps the patient\'s place when the element is removed and added back', async () => {
    const plan = findPlan('review', { interrupted: false });
    const { page, watch } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const [first, second, third] = plan.steps;
    if (!first || !second || !third) throw new Error('plan too short');
    await patient.answer(first);
    await patient.answer(second);
    await patient.questionScreen(third.question).waitFor();

    // A single-page app re-rendering its layout: detach, wait a frame, attach elsewhere.
    await page.evaluate(async () => {
      const el = document.querySelector('eligibility-screener')!;
      el.remove();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      document.querySelector('main')!.prepend(el);
    });

    await patient.questionScreen(third.question).waitFor();
    await patient.widget.getByText(`Question ${third.step} of about`).first().waitFor();
    await patient.walk({ ...plan, steps: plan.steps.slice(2) });
    expect(await page.locator('eligibility-screener').count()).toBe(1);
    expect(watch.errors).toEqual([]);
  });

  it('recovers if the element is removed mid-assessment and a new one is added', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.answer(plan.steps[0]!);
    await page.evaluate(() => {
      const old = document.querySelector('eligibility-screener')!;
      const fresh = document.createElement('eligibility-screener');
      fresh.setAttribute('booking-url', old.getAttribute('booking-url')!);
      old.replaceWith(fresh);
    });
    await patient.introHeading().waitFor();
    await patient.start();
    await patient.walk(plan);
    expect(watch.errors).toEqual([]);
  });

  it('falls back to English for an unsupported lang', async () => {
    h.server.route('/lang.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, lang: 'fr' }] }) });
    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/lang.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.widget.getByRole('heading', { name: plain(ruleSet.intro.title) }).waitFor();
    await patient.start();
    await patient.questionScreen(plan.steps[0]!.question).waitFor();
    await patient.continueButton().waitFor();
    expect(watch.errors).toEqual([]);
  });

  const viewports = [
    { name: 'a 320-pixel phone', options: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    // Browser zoom at 200% on a 1280-pixel window: a 640-pixel CSS viewport drawn at 2x.
    { name: 'a page zoomed to 200%', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
  ];
  for (const { name, options } of viewports) {
    it(`works on ${name} without sideways scrolling`, async () => {
      const ruleSet = defaultRuleSet();
      const plan = findPlan('review', { interrupted: false });
      const { page, watch } = await h.open('/inline.html', options);
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.introHeading().waitFor();
      expect(await sidewaysOverflow(page), 'intro').toEqual([]);
      await patient.start();
      const result = await patient.walk(plan, async (step) => {
        expect(await sidewaysOverflow(page), step.question.id).toEqual([]);
      });
      await result.getByRole('heading', { name: plain(ruleSet.outcomes.review.title) }).waitFor();
      expect(await sidewaysOverflow(page), 'result').toEqual([]);
      expect(watch.errors).toEqual([]);
    });
  }

  it('works with the page zoomed by CSS to 200%', async () => {
    h.server.route('/zoom.html', { body: hostPage({ head: '<link rel="stylesheet" href="/zoom.css">' }) });
    h.server.route('/zoom.css', { body: 'html { zoom: 2; }', headers: { 'content-type': 'text/css' } });
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/zoom.html', { viewport: { width: 1280, height: 800 } });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).zoom)).toBe('2');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    await patient.start();
    await patient.walk(plan, async (step) => {
      expect(await sidewaysOverflow(page), step.question.id).toEqual([]);
    });
  });
});
