/**
 * Writes demo/summary-example.png, the README's picture of what a clinician
 * sees when a patient brings their saved summary: the real widget
 * (`npm run build` first) on a plain clinic page, a patient who ends at
 * "review", "Save my answers", and the downloaded file opened offline with
 * scripts off, in Debian's Chromium (`CHROMIUM_PATH` overrides).
 *
 * Run: npx tsx demo/summary-screenshot.ts
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/browser/support/chromium.ts';
import { BOOKING_URL, hostPage } from '../tests/browser/support/pages.ts';
import { Patient } from '../tests/browser/support/patient.ts';
import { findPlan } from '../tests/browser/support/scenarios.ts';
import { startServer } from '../tests/browser/support/server.ts';

const OUT = new URL('./summary-example.png', import.meta.url);

const [browser, server] = await Promise.all([launchChromium(), startServer()]);
try {
  server.route('/clinic.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, 'clinic-name': 'Harbor Mind Clinic' }] }) });
  const page = await browser.newPage();
  await page.goto(server.url('/clinic.html'));
  const patient = new Patient(page, page.locator('eligibility-screener'));
  await patient.start();
  await patient.walk(findPlan('review', { interrupted: false }));
  const [download] = await Promise.all([page.waitForEvent('download'), patient.widget.getByRole('button', { name: 'Save my answers' }).click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, viewport: { width: 800, height: 600 } });
  const file = await context.newPage();
  await file.setContent(html);
  await file.screenshot({ path: OUT.pathname, fullPage: true });
  console.log(`wrote ${OUT.pathname}`);
} finally {
  await Promise.all([browser.close(), server.close()]);
}
