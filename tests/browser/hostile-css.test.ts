/**
 * A host page whose global CSS hides every label, input and button, paints
 * text white on white at 2px, and more (fixtures/hostile.css). The widget's
 * shadow root must keep it readable and working anyway.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settleAnimations } from './support/axe.ts';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';

const h = useHarness();

/** What a patient would notice on the current screen: hidden, tiny or invisible text. */
interface Unreadable {
  element: string;
  problem: string;
}

// Every text-bearing element in the widget's shadow root must be displayed,
// at least 12px, with a contrast of at least 3:1 against what is behind it.
async function unreadable(page: Page): Promise<Unreadable[]> {
  await settleAnimations(page);
  return page.evaluate(() => {
    const host = document.querySelector('eligibility-screener');
    const root = host?.shadowRoot;
    if (!root) return [{ element: 'eligibility-screener', problem: 'no open shadow root' }];
    const parse = (value: string): [number, number, number, number] => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
    const background = (el: Element): number[] => {
      for (let node: Element | null = el; node; node = parentOf(node)) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] >= 0.5) return color;
      }
      return [255, 255, 255, 1];
    };
    const problems: Array<{ element: string; problem: string }> = [];
    const selector = 'h1, h2, h3, h4, legend, label, button, a, p, li';
    for (const el of root.querySelectorAll(selector)) {
      if (el.closest('dialog:not([open])')) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const name = `<${el.tagName.toLowerCase()}> "${text.slice(0, 40)}"`;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || box.width < 1 || box.height < 1) {
        problems.push({ element: name, problem: `not displayed (${style.display}, ${box.width}x${box.height})` });
        continue;
      }
      const size = parseFloat(style.fontSize);
      if (size < 12) problems.push({ element: name, problem: `font-size ${size}px` });
      if (parseFloat(style.lineHeight) < size * 0.9) problems.push({ element: name, problem: `line-height ${style.lineHeight}` });
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 3) problems.push({ element: name, problem: `contrast ${ratio.toFixed(2)}:1 (${style.color} on ${getComputedStyle(el).backgroundColor})` });
    }
    return problems;
  });
}

describe('on a host page with hostile global CSS', () => {
  it('stays readable and works from intro to result', async () => {
    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/hostile.html');
    // The hostile sheet is really applied to the host page (else this test proves nothing).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('2px');

    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    const host = await page.locator('eligibility-screener').boundingBox();
    expect(host?.height ?? 0, 'the widget takes up space on the page').toBeGreaterThan(100);
    expect(await unreadable(page), 'intro').toEqual([]);

    await patient.start();
    const result = await patient.walk(plan, async (step) => {
      expect(await unreadable(page), step.question.id).toEqual([]);
    });
    await result.getByRole('heading', { name: plain(ruleSet.outcomes.candidate.title) }).waitFor();
    expect(await unreadable(page), 'result').toEqual([]);
    expect(await patient.widget.getByRole('link', { name: plain(ruleSet.outcomes.candidate.action) }).getAttribute('href')).toBe(BOOKING_URL);
    expect(watch.errors).toEqual([]);
  });

  it('keeps its options clickable by their labels', async () => {
    const plan = findPlan('candidate', { interrupted: false, withType: 'single-choice' });
    const { page } = await h.open('/hostile.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.start();
    const step = plan.steps.find((s) => s.question.type === 'single-choice');
    if (!step || step.question.type === 'number') throw new Error('no single-choice question in the plan');
    // Answer earlier questions, then click the label text (not the input) of the choice.
    for (const earlier of plan.steps.slice(0, plan.steps.indexOf(step))) await patient.answer(earlier);
    const option = step.question.options.find((o) => o.id === step.answer);
    if (!option) throw new Error(`no option ${String(step.answer)}`);
    const group = patient.questionScreen(step.question);
    await group.getByText(plain(option.label), { exact: true }).click();
    expect(await group.getByRole('radio', { name: plain(option.label), exact: true }).isChecked()).toBe(true);
  });
});
