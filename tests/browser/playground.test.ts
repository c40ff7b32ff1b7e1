/**
 * The clinicians' rule playground (demo/playground.html), served by the real
 * demo server (demo/serve.ts, as `npm start` runs it) and driven in Chromium
 * the way a clinician uses it: read the verdict on the default rules, break a
 * rule and follow the problem to its line, delete a safety rule and read the
 * counterexample, reword a question and see the live widget ask it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditWidget } from './support/axe.ts';
import { launchChromium } from './support/chromium.ts';
import { hostLog, instrument, watchPage, type PageWatch } from './support/instrument.ts';
import { strings as spanishWords } from '../../src/core/locales/es.ts';
import { parseText, resolveText, type Text } from '../../src/core/text.ts';
import { defaultRuleSet, findPlan, optionLabel, plain, scenarioCases } from './support/scenarios.ts';
import { Patient } from './support/patient.ts';
import { signedSource } from '../../src/cli/sign.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RULES_TEXT = readFileSync(join(ROOT, 'rules/ketamine.yaml'), 'utf8');
/** Questions and rules both start with `  - id:`; rules come after this line. */
const RULES_START = RULES_TEXT.split('\n').indexOf('rules:') + 1;
/** The count when nothing is wrong (the default rules carry a sign-off-pending warning). */
const NO_ERRORS = /^(No problems|\d+ warnings?)\.$/;
/** Proofs run in a worker; on a busy 2-core machine they can take several seconds. */
const CHECK_TIMEOUT_MS = 45_000;
/** A test that loads the playground and waits for checks more than once. */
const SLOW_TEST_MS = 180_000;

let browser: Browser | undefined;
let server: ChildProcess | undefined;
let origin = '';
let serverGone: string | null = null;
const contexts: BrowserContext[] = [];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts `demo/serve.ts` (one node process, so it can be stopped by its id) and waits for its banner. */
async function startDemoServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`demo server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`:${port}/`)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`demo server exited with ${code}:\n${output}`)));
  });
  return child;
}

beforeAll(async () => {
  // The preview runs the package module (every language of the widget's words); the last test reads the script.
  for (const file of ['dist/eligibility-screener.mjs', 'dist/eligibility-screener.js']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
  }
  // The playground build is not part of `npm run build`; build it as `npm start` does.
  execFileSync(process.execPath, ['--import', 'tsx', 'demo/build-playground.ts'], { cwd: ROOT, stdio: 'pipe' });
  const port = await freePort();
  [browser, server] = await Promise.all([launchChromium(), startDemoServer(port)]);
  origin = `http://127.0.0.1:${port}`;
  server.once('exit', (code, signal) => {
    serverGone = `the demo server stopped during the tests (exit ${code ?? signal})`;
  });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
});

interface Playground {
  page: Page;
  watch: PageWatch;
  rules: Locator;
  count: Locator;
  widget: Locator;
}

/** Opens the playground on a laptop-sized window and waits for the first full check. */
async function openPlayground(options: BrowserContextOptions = {}): Promise<Playground> {
  if (serverGone) throw new Error(serverGone);
  const context = await browser!.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  contexts.push(context);
  context.setDefaultTimeout(CHECK_TIMEOUT_MS);
  await instrument(context);
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(`${origin}/playground.html`);
  const playground = {
    page,
    watch,
    rules: page.getByRole('textbox', { name: /^Rules file/ }),
    count: page.locator('#pg-problem-count'),
    widget: page.locator('.pg-preview-host eligibility-screener'),
  };
  await expect.poll(() => playground.count.textContent(), { timeout: CHECK_TIMEOUT_MS }).toMatch(/^(No problems|\d+ (error|warning))/);
  return playground;
}

/** Waits until the check of the current text is done and its count reads like `pattern`. */
async function countReads(playground: Playground, pattern: RegExp): Promise<string> {
  await expect.poll(async () => ((await playground.page.locator('.pg-checking').isVisible()) ? '' : await playground.count.textContent()), {
    timeout: CHECK_TIMEOUT_MS,
  }).toMatch(pattern);
  return (await playground.count.textContent()) ?? '';
}

/** 1-based line of the first line matching `pattern` at or after line `from`. */
function lineOf(text: string, pattern: RegExp, from = 1): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= from - 1 && pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern} in rules/ketamine.yaml; update this test with the rule file`);
  return index + 1;
}

describe('the rule playground', () => {
  it('opens on the default rules: no errors, every invariant proven, every case passing, the widget running them', async () => {
    const ruleSet = defaultRuleSet();
    const p = await openPlayground();
    await countReads(p, NO_ERRORS);
    expect(await p.rules.inputValue()).toBe(RULES_TEXT);

    await p.widget.getByRole('heading', { name: plain(ruleSet.intro.title) }).waitFor();
    await expect.poll(() => p.page.locator('.pg-preview-state').textContent()).toMatch(/Running the rules as edited: version 1\.\d+\.\d+/);

    await p.page.getByRole('tab', { name: /Invariants and cases/ }).click();
    const total = ruleSet.invariants.length;
    await p.page.getByRole('heading', { name: `Invariants: ${total} of ${total} proven` }).waitFor();
    const cases = scenarioCases().length;
    await p.page.getByRole('heading', { name: `Cases: ${cases} of ${cases} pass` }).waitFor();

    await p.page.getByRole('tab', { name: 'Flow diagram' }).click();
    // Mermaid draws one box per question; the first question's text is in it.
    await p.page.locator('.pg-diagram-canvas svg').getByText(plain(ruleSet.questions[0]!.text), { exact: false }).first().waitFor();

    // The relaxed policy (inline styles for Mermaid, blob: for the rules) is in force, and nothing breaks it.
    const response = await p.page.request.get(`${origin}/playground.html`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self';");
    expect((await hostLog(p.page)).violations).toEqual([]);
    expect(p.watch.errors).toEqual([]);
    // Nothing leaves the browser: every request goes to the demo server or is the page's own blob: URL.
    expect(p.watch.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`))).toEqual([]);
  }, SLOW_TEST_MS);

  it('shows an unknown question id at its line, moves the cursor there on click, keeps the last valid widget, and clears when fixed', async () => {
    const p = await openPlayground();
    const ruleLine = lineOf(RULES_TEXT, /^ {2}- id: pregnancy$/, RULES_START);
    const whenLine = lineOf(RULES_TEXT, /^ {4}when: \{ question: pregnancy,/, ruleLine);
    const broken = RULES_TEXT.split('\n').map((line, i) => (i === whenLine - 1 ? line.replace('question: pregnancy,', 'question: pregnancyy,') : line)).join('\n');

    await p.rules.fill(broken);
    expect(await countReads(p, /^1 error/)).toContain('The live widget keeps the last valid rules.');
    const problem = p.page.getByRole('button', { name: new RegExp(`ketamine\\.yaml, line ${whenLine}\\b.*pregnancyy`) });
    await problem.waitFor();
    await expect.poll(() => p.page.locator('.pg-preview-state').textContent()).toMatch(/The rules have errors\. The widget below still runs the last valid version/);
    await p.widget.getByRole('button', { name: plain(defaultRuleSet().intro.start), exact: true }).waitFor();

    await problem.click();
    const cursor = await p.rules.evaluate((el: HTMLTextAreaElement) => ({
      focused: document.activeElement === el,
      line: el.value.slice(0, el.selectionStart).split('\n').length,
    }));
    expect(cursor).toEqual({ focused: true, line: whenLine });

    await p.rules.fill(RULES_TEXT);
    await countReads(p, NO_ERRORS);
    await expect.poll(() => p.page.locator('.pg-preview-state').textContent()).toMatch(/^Running the rules as edited/);
  }, SLOW_TEST_MS);

  it('shows a counterexample, as a list of answers, when a not-suitable rule is deleted', async () => {
    const ruleSet = defaultRuleSet();
    const p = await openPlayground();
    const lines = RULES_TEXT.split('\n');
    const start = lineOf(RULES_TEXT, /^ {2}- id: pregnancy$/, RULES_START) - 1;
    const end = lines.findIndex((line, i) => i > start && /^ {2}- id: /.test(line));
    const without = [...lines.slice(0, start), ...lines.slice(end)].join('\n');

    await p.rules.fill(without);
    await countReads(p, /^\d+ errors?/);
    await p.page.getByRole('tab', { name: /Invariants and cases/ }).click();

    const invariant = ruleSet.invariants.find((inv) => inv.id === 'pregnant-is-not-suitable')!;
    const verdict = p.page.getByRole('article', { name: `Counterexample: ${invariant.description}` });
    await verdict.waitFor();
    const pregnancy = ruleSet.questions.find((q) => q.id === 'pregnancy')!;
    const steps = await verdict.getByRole('listitem').allTextContents();
    expect(steps.length).toBeGreaterThan(0);
    // One of the answers is "Pregnant" to the pregnancy question: the answer the deleted rule looked for.
    const pregnant = steps.find((step) => step.startsWith(`“${plain(pregnancy.text)}” → `));
    expect(pregnant).toContain(`“${optionLabel(pregnancy, 'pregnant')}”`);
    await expect.poll(() => verdict.textContent()).toMatch(/The rules then say (candidate|review).*It should be at least not suitable\./);
    const total = ruleSet.invariants.length;
    await p.page.getByRole('heading', { name: new RegExp(`^Invariants: \\d+ of ${total} proven$`) }).waitFor();
    expect(await p.page.getByRole('heading', { name: `Invariants: ${total} of ${total} proven` }).count()).toBe(0);
    // The problem list names the broken invariant too, as screener check does.
    await p.page.getByRole('button', { name: /invariant "pregnant-is-not-suitable" does not hold/ }).waitFor();
  }, SLOW_TEST_MS);

  it('shows a reworded question in the live widget', async () => {
    const ruleSet = defaultRuleSet();
    const first = ruleSet.questions[0]!;
    const p = await openPlayground();
    const oldRules = await p.widget.getAttribute('rules');
    // The question's English text, under its `text:` map.
    const textLine = lineOf(RULES_TEXT, new RegExp(`^ {6}en: ${escapeRegExp(plain(first.text))}$`));
    const reworded = 'How many years old are you today?';
    const edited = RULES_TEXT.split('\n').map((line, i) => (i === textLine - 1 ? `      en: ${reworded}` : line)).join('\n');

    await p.rules.fill(edited);
    // A new widget, loading the new rules, replaces the old one.
    await expect.poll(() => p.widget.getAttribute('rules')).not.toBe(oldRules);
    await p.widget.getByRole('button', { name: plain(ruleSet.intro.start), exact: true }).click();
    await p.widget.getByRole('group', { name: reworded }).waitFor();
    expect(await p.widget.getByText(plain(first.text), { exact: true }).count()).toBe(0);
  }, SLOW_TEST_MS);

  it('switches the live widget to Spanish (rule texts and the widget\'s own words), and shows a missing Spanish text as a problem', async () => {
    const ruleSet = defaultRuleSet();
    const p = await openPlayground();
    await countReads(p, NO_ERRORS);
    const language = p.page.getByLabel('Language');
    expect(await language.locator('option').allTextContents()).toEqual(['English (en)', 'Spanish (es)']);
    await language.selectOption('es');
    await expect.poll(() => p.widget.getAttribute('lang')).toBe('es');
    await p.widget.getByRole('heading', { name: spanish(ruleSet.intro.title) }).waitFor();
    await p.widget.getByRole('button', { name: spanish(ruleSet.intro.start), exact: true }).click();
    await p.widget.getByRole('group', { name: spanish(ruleSet.questions[0]!.text) }).waitFor();
    // The widget's own words are Spanish too: the preview runs the module, which has every language.
    await p.widget.getByRole('button', { name: spanishWords.continue, exact: true }).waitFor();
    await p.widget.getByText(new RegExp(`^${escapeRegExp(spanishWords.progress(1, 99)).replace('99', '\\d+')}$`)).first().waitFor();

    // The time estimate per language, with its notes for Spanish, is in the checks panel.
    await p.page.getByRole('tab', { name: /Invariants and cases/ }).click();
    await p.page.getByRole('listitem').filter({ hasText: /^In "es":$/ }).waitFor();
    await p.page.getByRole('tab', { name: 'Live widget' }).click();

    // Delete one Spanish label: a warning at its line (from the quick part of the check, no need
    // to wait for the proofs), and the preview says it falls back, as the widget does.
    const labelLine = lineOf(RULES_TEXT, /^ {6}- \{ id: 'yes', label: \{ en: 'Yes', es: Sí \} \}$/);
    const edited = RULES_TEXT.split('\n').map((line, i) => (i === labelLine - 1 ? line.replace(", es: Sí }", ' }') : line)).join('\n');
    await p.rules.fill(edited);
    await p.page.getByRole('button', { name: new RegExp(`ketamine\\.yaml, line ${labelLine} Warning: this text has no "?es"? version`) }).waitFor();
    await p.page.locator('.pg-preview').getByText(/Some texts have no Spanish \(es\) version \(see Problems\), so the widget shows English \(en\)/).waitFor();
    await p.widget.getByRole('heading', { name: plain(ruleSet.intro.title) }).waitFor();
    expect(p.watch.errors).toEqual([]);
  }, SLOW_TEST_MS);

  it('publishes without a developer: "Download for your website" gives the script with the edited rules built in, which runs on a plain page', async () => {
    const ruleSet = defaultRuleSet();
    const p = await openPlayground();
    await countReads(p, NO_ERRORS);
    const titleLine = lineOf(RULES_TEXT, new RegExp(`^ {4}en: ${escapeRegExp(plain(ruleSet.intro.title))}$`));
    const retitled = 'Ketamine therapy, a few questions first';
    await p.rules.fill(RULES_TEXT.split('\n').map((line, i) => (i === titleLine - 1 ? `    en: ${retitled}` : line)).join('\n'));
    await countReads(p, NO_ERRORS);
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('button', { name: 'Download for your website' }).click()]);
    expect(download.suggestedFilename()).toBe('eligibility-screener.js');
    const script = readFileSync((await download.path())!, 'utf8');
    const panel = p.page.getByRole('region', { name: 'Your download' });
    const integrity = (await panel.locator('code').filter({ hasText: /^sha384-/ }).textContent())!;
    expect(await panel.locator('pre').textContent()).toContain(`integrity="${integrity}"`);
    await panel.getByText(/not signed for this content/).waitFor();

    // The clinic's page: the two lines, the downloaded file served from its own site.
    const context = await browser!.newContext();
    contexts.push(context);
    await context.route('https://clinic.test/**', (route) =>
      route.request().url().endsWith('/js/eligibility-screener.js')
        ? route.fulfill({ body: script, contentType: 'text/javascript' })
        : route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="en"><title>Clinic</title><main><script src="/js/eligibility-screener.js" integrity="${integrity}" crossorigin="anonymous" defer></script><eligibility-screener booking-url="https://clinic.test/book"></eligibility-screener></main>`,
          }),
    );
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto('https://clinic.test/');
    const widget = page.locator('eligibility-screener');
    await widget.getByRole('heading', { name: retitled }).waitFor();
    const patient = new Patient(page, widget);
    const plan = findPlan('not-suitable', { interrupted: false });
    await patient.start(plan.steps[0]?.question);
    const result = await patient.walk(plan);
    await result.getByRole('heading', { name: plain(ruleSet.outcomes['not-suitable'].title) }).waitFor();
    expect(watch.errors).toEqual([]);
  }, SLOW_TEST_MS);

  it('opens a chosen file and downloads the edited text, without any upload', async () => {
    const p = await openPlayground();
    await p.page.getByRole('tab', { name: /^Cases/ }).click();
    const cases = p.page.getByRole('textbox', { name: /^Cases file/ });
    const original = await cases.inputValue();
    // A cases file whose only case expects the wrong tier: the playground runs it against the rules.
    const chosen = ['cases:', '  - name: A teenager', '    answers: { age: 16 }', '    expect: { tier: candidate, fired: [] }', ''].join('\n');
    await p.page.getByRole('tabpanel', { name: /^Cases/ }).getByLabel('Open a file…').setInputFiles({ name: 'teen.cases.yaml', mimeType: 'text/yaml', buffer: Buffer.from(chosen) });
    await expect.poll(() => cases.inputValue()).toBe(chosen);
    await p.page.getByRole('tab', { name: /^Cases teen\.cases\.yaml/ }).waitFor();
    await p.page.getByRole('button', { name: /teen\.cases\.yaml, line 2 Error: case "A teenager"/ }).waitFor();
    expect(original).not.toBe(chosen);

    await cases.fill(chosen.replace('tier: candidate, fired: []', 'tier: not-suitable, fired: [under-18]'));
    await countReads(p, NO_ERRORS);
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('button', { name: 'Download teen.cases.yaml' }).click()]);
    expect(download.suggestedFilename()).toBe('teen.cases.yaml');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('tier: not-suitable, fired: [under-18]');
    expect(p.watch.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`))).toEqual([]);
  }, SLOW_TEST_MS);

  it('pairs an opened rule file with its cases file (or empties the Cases tab and says so), and shows the sign-off state', async () => {
    const minimal = readFileSync(join(ROOT, 'tests/fixtures/loader/minimal.yaml'), 'utf8');
    const minimalCases = readFileSync(join(ROOT, 'tests/fixtures/loader/minimal.cases.yaml'), 'utf8');
    const yaml = (name: string, text: string) => ({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
    const p = await openPlayground();
    const signOff = p.page.locator('#pg-sign-off');
    await expect.poll(() => signOff.textContent()).toMatch(/^Sign-off: Not yet signed/);
    const openRules = p.page.getByRole('tabpanel', { name: /^Rules/ }).getByLabel('Open a file…');
    // The Cases tab's editor, read while the Rules tab shows.
    const cases = p.page.locator('textarea#pg-editor-cases');

    // A new rule file alone: never checked against ketamine.cases.yaml.
    await openRules.setInputFiles(yaml('minimal.yaml', minimal));
    await expect.poll(() => p.rules.inputValue()).toBe(minimal);
    await p.page.getByRole('tab', { name: /^Cases minimal\.cases\.yaml/ }).waitFor();
    expect(await cases.inputValue()).toBe('');
    await p.page.getByRole('status').getByText(/Opened minimal\.yaml\. The Cases tab is now empty/).waitFor();
    expect(await countReads(p, /^(No problems|\d+ warnings?)\./)).not.toMatch(/error/);
    await expect.poll(() => signOff.textContent()).toMatch(/^Sign-off: Named, not signed: Dr Test Example/);
    await p.page.getByRole('tab', { name: /Invariants and cases/ }).click();
    await p.page.getByText(/Not run: no cases for minimal\.yaml/).waitFor();

    // The rule file and its cases chosen together: paired by name, whichever tab opened them.
    await openRules.setInputFiles([yaml('minimal.cases.yaml', minimalCases), yaml('minimal.yaml', minimal)]);
    await expect.poll(() => cases.inputValue()).toBe(minimalCases);
    await p.page.getByRole('heading', { name: /^Cases: (\d+) of \1 pass$/ }).waitFor();

    // Signed with screener sign: bound to this content; one edit later, changed since.
    const signed = signedSource(RULES_TEXT, 'ketamine.yaml', { reviewedBy: 'Dr Ana Ruiz, medical director', reviewedOn: '2026-12-05' });
    if (!signed.ok) throw new Error(signed.problem);
    await openRules.setInputFiles(yaml('ketamine.yaml', signed.source));
    await expect.poll(() => signOff.textContent()).toMatch(
      new RegExp(`^Sign-off: Signed by Dr Ana Ruiz, medical director on 2026-12-05, for exactly this content \\(${escapeRegExp(signed.hash)}\\)`),
    );
    await p.rules.fill(signed.source.replace('How old are you?', 'How old are you today?'));
    await expect.poll(() => signOff.textContent()).toMatch(/^Sign-off: Changed since it was signed by Dr Ana Ruiz, medical director/);
  }, SLOW_TEST_MS);

  it('passes axe with no serious or critical finding, with problems and a counterexample showing', async () => {
    // axe is injected as a script, which the page's own policy would block.
    const p = await openPlayground({ bypassCSP: true });
    expect(await auditWidget(p.page, 'body')).toEqual([]);
    const lines = RULES_TEXT.split('\n');
    const start = lineOf(RULES_TEXT, /^ {2}- id: under-18$/, RULES_START) - 1;
    const end = lines.findIndex((line, i) => i > start && /^ {2}- id: /.test(line));
    await p.rules.fill([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
    await countReads(p, /error/);
    await p.page.getByRole('tab', { name: /Invariants and cases/ }).click();
    await p.page.getByRole('article', { name: /Counterexample/ }).first().waitFor();
    // Then an error in the file: the problem list, the marked line, and the counterexample above
    // shown greyed as the last valid version's result. One audit covers all of them (axe is slow).
    await p.rules.fill(RULES_TEXT.replace('when: { question: age, lessThan: 18 }', 'when: { question: agee, lessThan: 18 }'));
    await countReads(p, /^1 error/);
    await p.page.getByText('The rules have errors: these results are for the last valid version.').waitFor();
    await p.page.getByRole('article', { name: /Counterexample/ }).first().waitFor();
    expect(await auditWidget(p.page, 'body')).toEqual([]);
    await p.page.getByRole('tab', { name: 'Flow diagram' }).click();
    await p.page.locator('.pg-diagram-canvas svg').waitFor();
    expect(await auditWidget(p.page, 'body')).toEqual([]);
  }, SLOW_TEST_MS);

  it('moves between tabs with the arrow keys', async () => {
    const p = await openPlayground();
    await p.page.getByRole('tab', { name: 'Live widget' }).focus();
    await p.page.keyboard.press('ArrowRight');
    await expect.poll(() => p.page.getByRole('tab', { name: /Invariants and cases/ }).getAttribute('aria-selected')).toBe('true');
    expect(await p.page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Invariants and cases/);
    await p.page.keyboard.press('End');
    await p.page.getByRole('tabpanel', { name: 'Flow diagram' }).waitFor();
  }, SLOW_TEST_MS);

  it('is linked from the demo clinic page, which keeps its strict policy', async () => {
    const context = await browser!.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(`${origin}/`);
    expect(response?.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self'; style-src 'self'");
    await page.getByRole('link', { name: 'Rule playground (for clinicians)' }).click();
    await page.waitForURL(`${origin}/playground.html`);
    await page.getByRole('heading', { level: 1, name: 'Rule playground' }).waitFor();
  });

  it('never puts playground code into the widget script', () => {
    const widget = readFileSync(join(ROOT, 'dist/eligibility-screener.js'), 'utf8');
    for (const marker of ['pg-problem', 'mermaid', 'Rule playground']) expect(widget).not.toContain(marker);
  });
});

/** Rule text as a Spanish-speaking patient reads it on screen (see `plain`). */
function spanish(text: Text): string {
  return parseText(resolveText(text, 'es', 'en'))
    .map((part) => part.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
