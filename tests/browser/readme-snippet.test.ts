/**
 * "A page written by someone else from the README's snippet alone works the
 * first time" (issue 3): the host page here is built from the code blocks of
 * the README's embedding section, exactly as written (only the script's
 * address points at this build), with the script arriving late as from a CDN.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { hostLog } from './support/instrument.ts';
import { Patient } from './support/patient.ts';
import { defaultRuleSet, findPlan, plain } from './support/scenarios.ts';
import { WIDGET_SCRIPT } from './support/server.ts';

const h = useHarness();
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The first ```html and ```css blocks of the README's embedding section. */
function snippet(): { html: string; css: string } {
  const text = readFileSync(README, 'utf8');
  const section = text.match(/<!-- section:embedding -->([\s\S]*?)<!-- \/section:embedding -->/)?.[1];
  if (!section) throw new Error('README.md has no <!-- section:embedding --> … <!-- /section:embedding -->');
  const block = (lang: string) => section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'))?.[1] ?? '';
  return { html: block('html'), css: block('css') };
}

describe("the README's embedding snippet", () => {
  it('works as pasted into a plain page, and nothing on the page moves', async () => {
    const { html, css } = snippet();
    expect(html, 'the snippet has the script tag').toMatch(/<script[^>]+src="[^"]+eligibility-screener\.js"/);
    expect(html, 'the snippet has the element').toContain('<eligibility-screener');
    const booking = html.match(/booking-url="([^"]+)"/)?.[1];
    expect(booking, 'the snippet shows booking-url').toBeTruthy();

    const pasted = html.replace(/(<script[^>]+src=")[^"]+eligibility-screener\.js(")/, `$1${WIDGET_SCRIPT}$2`);
    h.server.route('/readme-site.css', { body: css, headers: { 'content-type': 'text/css' } });
    h.server.route('/readme.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title>
<link rel="stylesheet" href="/readme-site.css"></head><body><h1>Our clinic</h1><p>Welcome.</p>
${pasted}
<h2>Visit us</h2><p>Text under the widget.</p></body></html>`,
    });
    h.server.route(WIDGET_SCRIPT, { delayMs: 300 });

    const ruleSet = defaultRuleSet();
    const plan = findPlan('candidate', { interrupted: false });
    const { page, watch } = await h.open('/readme.html');
    const patient = new Patient(page, page.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = (await hostLog(page)).shifts.filter((s) => !s.hadRecentInput);
    expect(shifts.reduce((sum, s) => sum + s.value, 0), 'layout shift while loading').toBeLessThan(0.01);

    await patient.start();
    const result = await patient.walk(plan);
    await result.getByRole('heading', { name: plain(ruleSet.outcomes.candidate.title) }).waitFor();
    expect(await patient.widget.getByRole('link', { name: plain(ruleSet.outcomes.candidate.action) }).getAttribute('href')).toBe(booking);
    expect(watch.errors).toEqual([]);
    expect(watch.console.filter((m) => m.type === 'warning' || m.type === 'error')).toEqual([]);
  });
});
