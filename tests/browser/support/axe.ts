/**
 * axe-core audits of the widget's shadow content. axe is injected as a
 * script's text; on a page sent with a strict CSP, open it in a context with
 * `bypassCSP: true` (the audit's own script is not the widget's concern).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { EnginePage } from './engines.ts';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** One failed rule, trimmed to what a reader needs to fix it. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The impacts that fail a test. */
export const BLOCKING_IMPACTS = ['serious', 'critical'];

/**
 * Waits for the widget's running CSS animations and transitions (a dialog
 * fading in) to finish, so colours are audited as the patient ends up seeing
 * them, not half-way through a fade.
 *
 * @example
 * await settleAnimations(page);
 */
export async function settleAnimations(page: Page, selector = 'eligibility-screener'): Promise<void> {
  await page.evaluate(settleInPage, selector);
}

/** {@link settleAnimations}, in the page (sent as its source text to other engines: self-contained). */
export async function settleInPage(sel: string): Promise<void> {
  const roots: Array<Document | ShadowRoot> = [document];
  for (const host of document.querySelectorAll(sel)) if (host.shadowRoot) roots.push(host.shadowRoot);
  const finite = roots
    .flatMap((root) => root.getAnimations())
    .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
  await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
}

/** axe-core's script, read once. */
function axeScript(): string {
  return (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
}

/** Runs axe on the widgets in the page and returns every finding (self-contained, like {@link settleInPage}). */
export async function runAxeInPage(sel: string): Promise<AxeFinding[]> {
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
  if (document.querySelectorAll(sel).length === 0) throw new Error(`no ${sel} on the page to audit`);
  const results = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trim()),
  }));
}

function blocking(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact !== null && BLOCKING_IMPACTS.includes(f.impact));
}

/**
 * Runs axe-core on everything inside the `<eligibility-screener>` elements of
 * the page (their open shadow roots included) and returns the serious and
 * critical findings. An empty list means the screen passed.
 *
 * @example
 * expect(await auditWidget(page)).toEqual([]);
 */
export async function auditWidget(page: Page, selector = 'eligibility-screener'): Promise<AxeFinding[]> {
  await settleAnimations(page, selector);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeScript() });
  return blocking(await page.evaluate(runAxeInPage, selector));
}

/**
 * {@link auditWidget} in any engine's page (support/engines.ts): axe goes in
 * as an inline script, so audit pages sent without a strict CSP.
 *
 * @example
 * expect(await auditEnginePage(page)).toEqual([]);
 */
export async function auditEnginePage(page: EnginePage, selector = 'eligibility-screener'): Promise<AxeFinding[]> {
  const sel = JSON.stringify(selector);
  await page.evaluate(`(${settleInPage.toString()})(${sel})`);
  await page.evaluate(`(() => {
    if (typeof window.axe !== 'undefined') return;
    const script = document.createElement('script');
    script.textContent = ${JSON.stringify(axeScript())};
    document.head.append(script);
    script.remove();
    if (typeof window.axe === 'undefined') throw new Error('axe-core did not load');
  })()`);
  return blocking(await page.evaluate(`(${runAxeInPage.toString()})(${sel})`));
}
