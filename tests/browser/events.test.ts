/**
 * The events a host page can listen to (README.md, "Events"): `screener-start`,
 * `screener-step {step}`, `screener-complete {rulesVersion, rulesHash}`, with
 * `tier` only when the clinic opts in with `share-outcome`.
 */
import { describe, expect, it } from 'vitest';
import { compiledDefault } from './support/compiled.ts';
import { useHarness } from './support/harness.ts';
import { hostLog, type RecordedEvent } from './support/instrument.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan } from './support/scenarios.ts';

const h = useHarness();

const summary = (events: RecordedEvent[]) => events.map((e) => `${e.type} ${JSON.stringify(e.detail)}`);

describe('events for the host page', () => {
  it('announces start, each step and completion, bubbling and composed, without the tier by default', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    expect((await hostLog(page)).events, 'nothing before the patient starts').toEqual([]);

    await patient.start();
    await patient.walk(plan);
    const { events } = await hostLog(page);

    const start = events.filter((e) => e.type === 'screener-start');
    const steps = events.filter((e) => e.type === 'screener-step');
    const complete = events.filter((e) => e.type === 'screener-complete');
    expect(start, summary(events).join('\n')).toHaveLength(1);
    expect(steps.map((e) => e.detail)).toEqual(plan.steps.map((_, i) => ({ step: i + 1 })));
    expect(complete).toHaveLength(1);
    const compiled = compiledDefault();
    expect(complete[0]?.detail).toEqual({ rulesVersion: defaultRuleSet().version, rulesHash: compiled.hash });
    expect(compiled.hash).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);

    // Order: start, then the steps, then complete last.
    expect(events[0]?.type).toBe('screener-start');
    expect(events.at(-1)?.type).toBe('screener-complete');
    for (const event of events) {
      expect(event.bubbles && event.composed, `${event.type} bubbles and is composed`).toBe(true);
      expect(event.target, 'a host listener sees the element as the target').toBe('eligibility-screener');
    }
  });

  it('adds the tier to screener-complete only with share-outcome', async () => {
    h.server.route('/share.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, 'share-outcome': true }] }) });
    const plan = findPlan('review', { interrupted: false });
    const { page } = await h.open('/share.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    await patient.walk(plan);
    const complete = (await hostLog(page)).events.filter((e) => e.type === 'screener-complete');
    expect(complete.map((e) => e.detail)).toEqual([
      { rulesVersion: defaultRuleSet().version, rulesHash: compiledDefault().hash, tier: 'review' },
    ]);
  });

  it('reports the crisis tier with share-outcome, and never without it', async () => {
    h.server.route('/share-crisis.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, 'share-outcome': true }] }) });
    const plan = findPlan('crisis', { interrupted: true });
    for (const [path, shared] of [['/share-crisis.html', true], ['/inline.html', false]] as const) {
      const { page } = await h.open(path);
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      await patient.walk(plan);
      const complete = (await hostLog(page)).events.filter((e) => e.type === 'screener-complete');
      expect(complete, path).toHaveLength(1);
      expect((complete[0]?.detail as { tier?: string } | undefined)?.tier, path).toBe(shared ? 'crisis' : undefined);
    }
  });

  it('counts the step down when the patient goes Back', async () => {
    const plan = findPlan('candidate', { interrupted: false });
    const { page } = await h.open('/inline.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const [first, second] = plan.steps;
    if (!first || !second) throw new Error('plan too short');
    await patient.answer(first);
    await patient.questionScreen(second.question).waitFor();
    await patient.press(patient.backButton());
    await patient.questionScreen(first.question).waitFor();
    const steps = (await hostLog(page)).events.filter((e) => e.type === 'screener-step').map((e) => e.detail);
    expect(steps).toEqual([{ step: 1 }, { step: 2 }, { step: 1 }]);
  });
});
