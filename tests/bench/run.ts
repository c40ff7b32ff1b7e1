/**
 * `npm run bench`: measures, in one run on this machine, our widget and
 * engine against SurveyJS, json-rules-engine and json-logic-js, prints the
 * table with ratios and targets, and writes it to tests/bench/results/
 * (`latest.json`, `latest.md`).
 *
 * Settings (environment): BENCH_RULES (default rules/ketamine.yaml),
 * BENCH_RUNS (Chromium runs per page, 7), BENCH_THROTTLE (CPU slow-down, 4),
 * BENCH_SETS (answer sets, 10000), BENCH_SEED (20260101),
 * BENCH_ANSWER_RUNS (whole assessments per page in Chromium, 5),
 * BENCH_ENGINE_RUNS (per page in Firefox and WebKit, 3),
 * BENCH_ENGINES (`firefox,webkit`; empty to skip them).
 * `npm run bench -- --quick`: 3 runs, 2 assessments, 1 per other engine,
 * 2,000 answer sets — a look in about half the time, not for the README.
 *
 * Exits 1 when a section could not be measured or the engines disagree;
 * a target that is not met is reported, not hidden, and does not fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { parseText, resolveText } from '../../src/core/text.ts';
import { describeScreen } from '../../src/core/screens.ts';
import { uiStrings } from '../../src/core/ui-strings.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { widgetBreakdown } from './breakdown.ts';
import { benchCheck } from './cli-check.ts';
import { benchWorstCase } from './worst-case.ts';
import { benchEvaluation } from './evaluation.ts';
import { summarise, walkChromium, walkConfig, walkEngine, walkSnippet, type WalkPage, type WalkSamples } from './every-answer.ts';
import { findPlan } from '../browser/support/scenarios.ts';
import { startServer } from '../browser/support/server.ts';
import { FLOOR_SNIPPET, floorScript, launchChromium, timeFirstQuestion, type FloorContent } from './first-question.ts';
import { hostPage, OUR_SNIPPET, SURVEY_SNIPPET } from './host-page.ts';
import { loadRules } from './load-rules.ts';
import { currentLoad, machineInfo } from './machine-info.ts';
import { consoleReport, markdownReport, sections, type BenchResults, type EngineWalks, type Section } from './report.ts';
import { serveFiles } from './serve.ts';
import { benchSizes, type SizeResult } from './sizes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'tests/bench/results');

const numberSetting = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const quick = process.argv.includes('--quick');

const settings = {
  rulesFile: process.env.BENCH_RULES ?? 'rules/ketamine.yaml',
  runs: numberSetting('BENCH_RUNS', quick ? 3 : 7),
  throttle: numberSetting('BENCH_THROTTLE', 4),
  answerSets: numberSetting('BENCH_SETS', quick ? 2_000 : 10_000),
  seed: numberSetting('BENCH_SEED', 20260101),
  answerRuns: numberSetting('BENCH_ANSWER_RUNS', quick ? 2 : 5),
  engineRuns: numberSetting('BENCH_ENGINE_RUNS', quick ? 1 : 3),
  quick,
};

/** The other engines to walk (BENCH_ENGINES, comma-separated; empty: none). */
const otherEngineNames = (process.env.BENCH_ENGINES ?? 'firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is 'firefox' | 'webkit' => name === 'firefox' || name === 'webkit');

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function section<T>(name: string, work: () => Promise<T>): Promise<Section<T>> {
  const started = Date.now();
  log(`${name}…`);
  try {
    const value = await work();
    log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ok: true, value };
  } catch (error) {
    const reason = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    log(`FAILED ${reason}`);
    return { ok: false, reason };
  }
}

/** Newest modification time of the files under `paths` (recursively). */
function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * Builds the widget when dist/ has no script (a fresh clone) or one older
 * than its sources, so the sizes describe the code as it is now.
 */
function ensureWidgetBuilt(): void {
  const script = join(ROOT, 'dist/eligibility-screener.js');
  const sources = ['widget', 'src', settings.rulesFile, 'package.json'].map((path) => join(ROOT, path));
  if (existsSync(script) && statSync(script).mtimeMs >= newestChange(sources)) return;
  log(`${existsSync(script) ? 'dist/eligibility-screener.js is older than its sources' : 'dist/eligibility-screener.js is missing'}: running \`npm run build\``);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  // A build over budget exits 1 but still writes the script: measure it anyway (and say so).
  if (build.status !== 0 && !existsSync(script)) throw new Error('`npm run build` failed, so there is no widget to measure');
  if (build.status !== 0) log('`npm run build` exited non-zero (see above); measuring the script it wrote');
}

/**
 * Builds the CLI's bundle (what `npm install` makes) when it is missing or
 * older than its sources: bin.js would otherwise run the TypeScript through
 * tsx, and the bench would time a start-up no clinician has after install.
 */
async function ensureCliBuilt(): Promise<void> {
  // Plain JavaScript with JSDoc types (bin.js reads it before anything else loads).
  const { bundleIsFresh } = (await import(pathToFileURL(join(ROOT, 'src/cli/bundle.js')).href)) as { bundleIsFresh: () => boolean };
  if (bundleIsFresh()) return;
  log('the CLI bundle (.cache/cli/main.cjs) is missing or older than its sources: running `npm run build:cli`');
  const build = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0 || !bundleIsFresh()) throw new Error('`npm run build:cli` failed, so `screener check` would run through tsx: not what a clinician runs');
}

/** Plain text of rule text (markdown markers dropped), as the page shows it. */
function shownText(text: Parameters<typeof resolveText>[0], locale: string): string {
  return parseText(resolveText(text, locale, locale)).map((part) => part.text).join('');
}

/**
 * The intro's and the first question's words, for the plain-DOM floor to draw:
 * what the widget's screens show (src/core/screens.ts), as plain text.
 */
function floorContent(ruleSet: RuleSet): FloorContent {
  const first = ruleSet.questions[0];
  if (!first) throw new Error('the rule set has no questions');
  const words = { strings: uiStrings(ruleSet.locale), t: (source: Parameters<typeof resolveText>[0]) => shownText(source, ruleSet.locale) };
  const intro = describeScreen(ruleSet, { kind: 'intro' }, words);
  const question = describeScreen(ruleSet, { kind: 'question', question: first, step: 1, total: ruleSet.questions.length }, words);
  if (intro.kind !== 'intro' || question.kind !== 'question') throw new Error('unexpected screens');
  return {
    title: intro.title,
    body: intro.body.split(/\n\s*\n/),
    notices: intro.notices,
    start: intro.start,
    question: { title: question.title, type: first.type, options: question.options.map((option) => option.label), unit: question.unit },
    next: question.next,
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadAtStart = currentLoad();
  const ruleSet = await loadRules(join(ROOT, settings.rulesFile));
  let browser: Browser | null = null;
  let chromiumVersion = 'n/a';
  let sizeResult: SizeResult | null = null;

  const sizes = await section('bundle sizes', async () => {
    ensureWidgetBuilt();
    sizeResult = await benchSizes(ROOT, ruleSet);
    const { surveyBuild: _survey, ...rest } = sizeResult;
    return rest;
  });
  const breakdown = await section('widget breakdown', () => widgetBreakdown(ROOT, settings.rulesFile));

  const firstQuestion = await section('time to first question', async () => {
    const built = sizeResult as SizeResult | null;
    if (!built) throw new Error('no bundles to serve (the size step failed)');
    const floorWords = floorContent(ruleSet);
    const server = await serveFiles({
      '/ours.html': hostPage(OUR_SNIPPET),
      '/survey.html': hostPage(SURVEY_SNIPPET),
      '/blank.html': hostPage({ head: '', body: '' }),
      '/floor.html': hostPage(FLOOR_SNIPPET),
      '/floor.js': floorScript(floorWords),
      '/eligibility-screener.js': readFileSync(join(ROOT, 'dist/eligibility-screener.js')),
      '/survey.js': built.surveyBuild.js,
      '/survey.css': built.surveyBuild.css,
      '/favicon.ico': '',
    });
    try {
      browser = await launchChromium();
      chromiumVersion = browser.version();
      // The same words the floor draws: the Start label to click, the question's title to wait for.
      const { start, question: { title: question } } = floorWords;
      const [ours, survey, blank, floor] = await timeFirstQuestion(
        browser,
        [
          { name: 'ours', kind: 'ours', url: `${server.origin}/ours.html`, start, question },
          { name: 'SurveyJS', kind: 'surveyjs', url: `${server.origin}/survey.html`, start, question },
          { name: 'host page alone', kind: 'blank', url: `${server.origin}/blank.html`, start, question },
          { name: 'plain-DOM floor', kind: 'floor', url: `${server.origin}/floor.html`, start, question },
        ],
        { runs: settings.runs, throttle: settings.throttle },
      );
      if (!ours || !survey || !blank || !floor) throw new Error('missing timings');
      return { ours, survey, blank, floor };
    } finally {
      await server.close();
    }
  });
  if (browser) await (browser as Browser).close();
  if (chromiumVersion === 'n/a') {
    // The version is printed even when the timing failed, if Chromium starts at all.
    try {
      const probe = await launchChromium();
      chromiumVersion = probe.version();
      await probe.close();
    } catch (error) {
      chromiumVersion = `unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
  }

  // Every answer (and load again, and the heap): the same in-page walk in Chromium (throttled) and the other engines.
  const built = sizeResult as SizeResult | null;
  const walkServer = built ? await startServer() : null;
  let walkPages: WalkPage[] = [];
  let pathName = '';
  const summary = (version: string, throttle: number, samples: WalkSamples[]): EngineWalks => {
    const [ours, survey, blank] = samples.map(summarise);
    if (!ours || !survey || !blank) throw new Error('missing walks');
    return { version, throttle, path: pathName, ours, survey, blank };
  };
  const everyAnswer = await section('every answer and memory (Chromium)', async () => {
    if (!built || !walkServer) throw new Error('no bundles to serve (the size step failed)');
    if (settings.rulesFile !== 'rules/ketamine.yaml') throw new Error('the walk follows a scenario case of rules/ketamine.yaml only');
    const plan = findPlan('candidate', { interrupted: false });
    pathName = plan.name;
    walkServer.route('/ours.html', { body: hostPage(walkSnippet(OUR_SNIPPET, walkConfig('ours', ruleSet, plan))) });
    walkServer.route('/survey.html', { body: hostPage(walkSnippet(SURVEY_SNIPPET, walkConfig('surveyjs', ruleSet, plan))) });
    walkServer.route('/blank.html', { body: hostPage(walkSnippet({ head: '', body: '' }, walkConfig('blank', ruleSet, plan))) });
    walkServer.route('/eligibility-screener.js', { body: readFileSync(join(ROOT, 'dist/eligibility-screener.js'), 'utf8') });
    walkServer.route('/survey.js', { body: built.surveyBuild.js });
    walkServer.route('/survey.css', { body: built.surveyBuild.css });
    walkPages = [
      { name: 'ours', kind: 'ours', url: walkServer.url('/ours.html') },
      { name: 'SurveyJS', kind: 'surveyjs', url: walkServer.url('/survey.html') },
      { name: 'host page alone', kind: 'blank', url: walkServer.url('/blank.html') },
    ];
    const walked = await walkChromium(walkPages, { runs: settings.answerRuns, throttle: settings.throttle });
    return summary(walked.version, settings.throttle, walked.samples);
  });
  // Only the engines BENCH_ENGINES names: one left out is neither measured nor a failure.
  const otherEngines: Partial<Record<'firefox' | 'webkit', Section<EngineWalks>>> = {};
  for (const name of otherEngineNames) {
    otherEngines[name] = await section(`load and every answer (${name}, no throttle)`, async () => {
      if (!walkServer || !walkPages.length) throw new Error('no pages to walk (the Chromium walk could not set them up)');
      const walked = await walkEngine(name, walkServer, walkPages, settings.engineRuns);
      return summary(walked.version, 1, walked.samples);
    });
  }
  await walkServer?.close();

  const evaluation = await section('rule evaluation', () =>
    benchEvaluation(ruleSet, { count: settings.answerSets, seed: settings.seed, roundMs: 1000, rounds: 5 }),
  );
  log('screener check…');
  await ensureCliBuilt();
  const check = benchCheck(ROOT, settings.rulesFile, 5);
  log('screener check on the worst file within the limits…');
  const worstCase = benchWorstCase(ROOT);

  const results: BenchResults = {
    machine: machineInfo(ROOT, chromiumVersion, loadAtStart),
    settings,
    sizes,
    breakdown,
    firstQuestion,
    evaluation,
    check,
    worstCase,
    everyAnswer,
    otherEngines,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), markdownReport(results));
  console.log(consoleReport(results));
  console.log(`\nWritten: tests/bench/results/latest.json, tests/bench/results/latest.md (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const failed = sections(results).some((s) => !s.ok);
  const disagree = evaluation.ok && evaluation.value.disagreements.some((d) => d.count > 0);
  return failed || disagree ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
