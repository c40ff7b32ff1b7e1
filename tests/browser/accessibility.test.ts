/**
 * axe-core on every screen a patient can meet: no serious or critical
 * finding on the intro, a question of each type, crisis, each result, the
 * fallback, the popup's dialog, and the intro under a strict CSP.
 */
import { describe, expect, it } from 'vitest';
import type { Question, Tier } from '../../src/authoring/schema.ts';
import { auditWidget } from './support/axe.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL, hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { findPlan, scenarioCases, planCase } from './support/scenarios.ts';
import { STRICT_CSP } from './support/server.ts';

const h = useHarness();

describe('axe-core on every screen', () => {
  it('finds nothing serious on the intro', async () => {
    const { page } = await h.open('/inline.html');
    await new Patient(page, page.locator('eligibility-screener')).introHeading().waitFor();
    expect(await auditWidget(page)).toEqual([]);
  });

  it('finds nothing serious on a question of each type', async () => {
    const types: Array<Question['type']> = ['single-choice', 'multiple-choice', 'number'];
    const audited = new Map<string, unknown>();
    // Walk cases until every type has been on screen once.
    for (const scenario of scenarioCases()) {
      const plan = planCase(scenario);
      if ('unanswered' in plan || !plan.steps.some((s) => !audited.has(s.question.type))) continue;
      const { page } = await h.open('/inline.html');
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      for (const step of plan.steps) {
        await patient.questionScreen(step.question).waitFor();
        if (!audited.has(step.question.type)) audited.set(step.question.type, { question: step.question.id, findings: await auditWidget(page) });
        await patient.answer(step);
      }
      if (types.every((type) => audited.has(type))) break;
    }
    expect([...audited.keys()].sort(), 'question types met in the scenario cases').toEqual([...types].sort());
    for (const [type, audit] of audited) expect(audit, type).toMatchObject({ findings: [] });
  });

  const tiers: Array<{ tier: Tier; interrupted: boolean }> = [
    { tier: 'crisis', interrupted: true },
    { tier: 'not-suitable', interrupted: false },
    { tier: 'review', interrupted: false },
    { tier: 'candidate', interrupted: false },
  ];
  for (const { tier, interrupted } of tiers) {
    it(`finds nothing serious on the ${tier} screen`, async () => {
      const plan = findPlan(tier, { interrupted });
      const { page } = await h.open('/inline.html');
      const patient = new Patient(page, page.locator('eligibility-screener'));
      await patient.start();
      await patient.walk(plan);
      expect(await auditWidget(page)).toEqual([]);
    });
  }

  it('finds nothing serious on the fallback screen', async () => {
    h.server.route('/rules/gone.json', { status: 404 });
    h.server.route('/a11y-fallback.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, rules: '/rules/gone.json' }] }) });
    const { page } = await h.open('/a11y-fallback.html');
    await page.locator('eligibility-screener [data-outcome="unavailable"]').waitFor();
    expect(await auditWidget(page)).toEqual([]);
  });

  it('finds nothing serious in the popup button and its open dialog', async () => {
    const { page } = await h.open('/popup.html');
    const widget = page.locator('eligibility-screener');
    const opener = widget.getByRole('button', { name: 'Take the two-minute assessment' });
    await opener.waitFor();
    expect(await auditWidget(page), 'popup button').toEqual([]);
    await opener.click();
    await widget.getByRole('dialog').waitFor();
    await new Patient(page, widget.getByRole('dialog')).introHeading().waitFor();
    expect(await auditWidget(page), 'open dialog').toEqual([]);
  });

  it('finds nothing serious on a strict-CSP page (audited with bypassCSP)', async () => {
    h.server.route('/a11y-csp.html', { headers: { 'content-security-policy': STRICT_CSP }, body: hostPage() });
    const { page } = await h.open('/a11y-csp.html', { bypassCSP: true });
    await new Patient(page, page.locator('eligibility-screener')).introHeading().waitFor();
    expect(await auditWidget(page)).toEqual([]);
  });
});
