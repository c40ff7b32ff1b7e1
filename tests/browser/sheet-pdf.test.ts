/**
 * The printable sign-off sheet (`screener graph rules/ketamine.yaml --html`)
 * printed to PDF by Chromium, as a medical director's browser prints it: it
 * runs to several pages, and the review hash the director signs for is in the
 * text of the PDF, in the body and in the margin of every page.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writtenBy } from '../support/cli.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { reviewHash } from '../../src/authoring/review-hash.ts';
import { launchChromium } from './support/chromium.ts';
import { readPdf } from './support/pdf-text.ts';

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});


describe('the printable sign-off sheet', () => {
  it('prints to a PDF of several pages that carries the review hash, on every page', async () => {
    const loaded = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'rules/ketamine.yaml');
    if (!loaded.ok) throw new Error('rules/ketamine.yaml does not load');
    const hash = reviewHash(loaded.ruleSet);
    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent(await writtenBy(['graph', 'rules/ketamine.yaml', '--html'], 'rules/ketamine.html'));

    const pdf = readPdf(await page.pdf({ format: 'A4' }));
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    // The reader found text at all (the title), and finds only what is there.
    expect(pdf.texts.some((text) => text.includes('Ketamine therapy pre-screen'))).toBe(true);
    expect(pdf.texts.some((text) => text.includes('sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='))).toBe(false);
    expect(pdf.texts.some((text) => text.includes(hash))).toBe(true);
    // Each page's margin says "Review hash sha256-…" (CSS @page margin boxes).
    expect(pdf.texts.filter((text) => text.includes(`Review hash ${hash}`)).length).toBeGreaterThanOrEqual(pdf.pages);

    // Letter paper too; the page asks for nothing from the network and runs no script.
    expect(readPdf(await page.pdf({ format: 'Letter' })).pages).toBeGreaterThanOrEqual(5);
    expect(requests.filter((url) => !url.startsWith('about:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
