/**
 * The package as a clinic's developer installs it (issue 15): `npm pack`,
 * `npm install <tarball>` into an empty project, and the files from its
 * node_modules served by the clinic's site. The script tag file and the ES
 * module (through an import map, as a bundler would resolve
 * `import 'eligibility-screener'`) each render the widget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Installed, packAndInstall } from '../support/packed.ts';
import { useHarness } from './support/harness.ts';
import { Patient } from './support/patient.ts';

const h = useHarness();
let installed: Installed;

beforeAll(() => {
  installed = packAndInstall();
}, 120_000);
afterAll(() => installed?.remove());

/** Serves a file of the installed package at /node_modules/eligibility-screener/<file>. */
function serve(file: string): string {
  const path = `/node_modules/eligibility-screener/${file}`;
  h.server.route(path, {
    body: readFileSync(join(installed.packageDir, file), 'utf8'),
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
  return path;
}

function page(name: string, head: string): string {
  h.server.route(`/${name}`, {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title>${head}</head>
<body><h1>Our clinic</h1><eligibility-screener booking-url="https://clinic.example/book"></eligibility-screener></body></html>`,
  });
  return `/${name}`;
}

describe('the installed package in the browser', () => {
  it('its script tag file renders the widget', async () => {
    const script = serve('dist/eligibility-screener.js');
    const { page: tab, watch } = await h.open(page('installed-script.html', `<script src="${script}" defer></script>`));
    const patient = new Patient(tab, tab.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    expect(h.server.requests.some((r) => r.path === script && r.status === 200)).toBe(true);
    expect(watch.errors).toEqual([]);
  });

  it('its module, imported by name, renders the widget', async () => {
    const module = serve('dist/eligibility-screener.mjs');
    const importMap = JSON.stringify({ imports: { 'eligibility-screener': module } });
    const { page: tab, watch } = await h.open(
      page(
        'installed-module.html',
        `<script type="importmap">${importMap}</script><script type="module">import { version } from 'eligibility-screener'; document.documentElement.dataset.version = version;</script>`,
      ),
    );
    const patient = new Patient(tab, tab.locator('eligibility-screener'));
    await patient.introHeading().waitFor();
    expect(await tab.evaluate(() => document.documentElement.dataset.version)).toMatch(/^\d+\.\d+\.\d+/);
    expect(watch.errors).toEqual([]);
  });
});
