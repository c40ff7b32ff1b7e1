/**
 * Subresource Integrity, as the README tells a clinic to use it: the CDN
 * snippet carries `integrity` and `crossorigin`, the README says where the
 * hash comes from (no stale hash pasted in), and with the hash of the built
 * file the browser runs it, while a file changed by one byte is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { BOOKING_URL } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { DIST_DIR } from './support/server.ts';

const h = useHarness();
const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The README's `<script>` tag that has an `integrity` attribute. */
function cdnSnippet(): string {
  const tag = README.match(/<script[^>]*\sintegrity="[^"]*"[^>]*><\/script>/)?.[0];
  if (!tag) throw new Error('README.md shows no <script … integrity="…"> snippet');
  return tag;
}

const sri = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

describe('Subresource Integrity', () => {
  it('the README snippet has integrity and crossorigin, and says the build prints the hash instead of pasting a stale one', () => {
    const tag = cdnSnippet();
    expect(tag).toMatch(/\scrossorigin="anonymous"/);
    const value = tag.match(/integrity="([^"]*)"/)![1]!;
    const looksReal = /^sha(256|384|512)-[A-Za-z0-9+/]{40,}={0,2}$/.test(value);
    if (looksReal) {
      // A real hash in the README must be the hash of the file the build makes.
      expect(value).toBe(sri(readFileSync(join(DIST_DIR, 'eligibility-screener.js'))));
    } else {
      expect(value).toMatch(/npm run build/);
    }
    expect(README).toMatch(/npm run build[\s\S]{0,200}prints[^.]*Subresource Integrity hash/);
  });

  it('with the hash of the built file, the README snippet runs; with the hash of a changed file, the browser refuses it', async () => {
    const file = readFileSync(join(DIST_DIR, 'eligibility-screener.js'));
    const page = (integrity: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
${cdnSnippet().replace(/src="[^"]*"/, 'src="/dist/eligibility-screener.js"').replace(/integrity="[^"]*"/, `integrity="${integrity}"`)}
</head><body><main><eligibility-screener booking-url="${BOOKING_URL}"></eligibility-screener></main></body></html>`;
    h.server.route('/sri-good.html', { body: page(sri(file)) });
    h.server.route('/sri-bad.html', { body: page(sri(Buffer.concat([file, Buffer.from(' ')]))) });

    const good = await h.open('/sri-good.html');
    await new Patient(good.page, good.page.locator('eligibility-screener')).introHeading().waitFor();
    expect(good.watch.errors).toEqual([]);

    const bad = await h.open('/sri-bad.html', { waitForWidget: false });
    await bad.page.waitForLoadState('load');
    expect(await bad.page.evaluate(() => customElements.get('eligibility-screener') === undefined)).toBe(true);
    expect(bad.watch.console.some((m) => m.type === 'error' && /integrity/i.test(m.text)), JSON.stringify(bad.watch.console)).toBe(true);
  });
});
