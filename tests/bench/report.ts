/**
 * Turns bench results into the comparison table (console and Markdown), with
 * each target marked met or not met from the measured numbers alone.
 */
import type { Breakdown } from './breakdown.ts';
import type { CheckResult } from './cli-check.ts';
import type { WorstCaseResult } from './worst-case.ts';
import type { EvaluationResult } from './evaluation.ts';
import type { WalkSummary } from './every-answer.ts';
import type { PageTimings } from './first-question.ts';
import type { MachineInfo } from './machine-info.ts';
import type { SizeResult } from './sizes.ts';

/** A section's value, or why it could not be measured. */
export type Section<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One engine's walks: ours, SurveyJS and the page alone, summarised. */
export interface EngineWalks {
  /** What ran, e.g. `Firefox 153.8.0`. */
  version: string;
  /** CPU slow-down (1: none). */
  throttle: number;
  /** The scenario case walked. */
  path: string;
  ours: WalkSummary;
  survey: WalkSummary;
  blank: WalkSummary;
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  machine: MachineInfo;
  settings: {
    rulesFile: string;
    runs: number;
    throttle: number;
    answerSets: number;
    seed: number;
    /** Whole assessments walked per page in Chromium (absent in results from before it). */
    answerRuns?: number;
    /** Whole assessments walked per page in Firefox and WebKit. */
    engineRuns?: number;
    /** `--quick`: fewer runs, for a look, not for the README. */
    quick?: boolean;
  };
  /** Every answer and the heap, Chromium, throttled (absent in results from before it). */
  everyAnswer?: Section<EngineWalks>;
  /** The same walks in Firefox and WebKit, not throttled. */
  otherEngines?: { firefox?: Section<EngineWalks>; webkit?: Section<EngineWalks> };
  sizes: Section<Omit<SizeResult, 'surveyBuild'>>;
  breakdown: Section<Breakdown>;
  /** `floor`: the plain-DOM floor (absent in results from before it). */
  firstQuestion: Section<{ ours: PageTimings; survey: PageTimings; blank: PageTimings; floor?: PageTimings }>;
  evaluation: Section<EvaluationResult>;
  check: CheckResult;
  /** `screener check` on the worst file within the limits (absent in results from before it). */
  worstCase?: WorstCaseResult;
}

/** One line of the comparison table. */
export interface Row {
  measure: string;
  ours: string;
  peer: string;
  /** How many times better ours is (peer ÷ ours for sizes and times, ours ÷ peer for speed). */
  ratio: string;
  target: string;
  /** true met, false not met, null no target or not measured. */
  met: boolean | null;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
const times = (value: number): string => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

function na(measure: string, target = '—'): Row {
  return { measure, ours: 'n/a', peer: 'n/a', ratio: 'n/a', target, met: null };
}

/**
 * The comparison rows, targets included.
 *
 * @example
 * comparisonRows(results).filter((row) => row.met === false) // targets not met
 */
export function comparisonRows(results: BenchResults): Row[] {
  const rows: Row[] = [];
  const { sizes, firstQuestion, evaluation, check, settings } = results;

  if (sizes.ok) {
    const { ours, surveyVite, surveyShipped } = sizes.value.widget;
    // Compare with the smaller SurveyJS build, whichever it is: the favourable case for SurveyJS.
    const survey = surveyVite.sizes.gzip <= surveyShipped.sizes.gzip ? surveyVite : surveyShipped;
    const label = survey === surveyVite ? 'SurveyJS (Vite bundle)' : 'SurveyJS (shipped .min)';
    for (const key of ['gzip', 'brotli', 'min'] as const) {
      const ratio = survey.sizes[key] / ours.sizes[key];
      const isTarget = key === 'gzip';
      rows.push({
        measure: `Widget size, ${key === 'min' ? 'minified' : `min + ${key}`}`,
        ours: kb(ours.sizes[key]),
        peer: `${label} ${kb(survey.sizes[key])}`,
        ratio: `${times(ratio)} smaller`,
        target: isTarget ? '≥ 13× smaller' : '—',
        met: isTarget ? ratio >= 13 : null,
      });
    }
    const other = survey === surveyVite ? surveyShipped : surveyVite;
    rows.push({
      measure: 'Widget size, min + gzip (reference)',
      ours: kb(ours.sizes.gzip),
      peer: `${other === surveyVite ? 'SurveyJS (Vite bundle)' : 'SurveyJS (shipped .min)'} ${kb(other.sizes.gzip)}`,
      ratio: `${times(other.sizes.gzip / ours.sizes.gzip)} smaller`,
      target: '—',
      met: null,
    });
    const engine = sizes.value.engine;
    for (const peer of [engine.jsonRulesEngine, engine.jsonLogic]) {
      rows.push({
        measure: 'Engine size, min + gzip',
        ours: kb(engine.ours.sizes.gzip),
        peer: `${peer.name} ${kb(peer.sizes.gzip)}`,
        ratio: `${times(peer.sizes.gzip / engine.ours.sizes.gzip)} smaller`,
        target: '—',
        met: null,
      });
    }
  } else {
    rows.push(na('Widget size, min + gzip', '≥ 13× smaller'));
  }

  const timingLabel = `(${settings.throttle}× CPU throttle, median of ${settings.runs})`;
  if (firstQuestion.ok) {
    const { ours, survey, blank, floor } = firstQuestion.value;
    const ratio = survey.questionMedian / ours.questionMedian;
    rows.push({
      measure: `Time to first question ${timingLabel}`,
      ours: ms(ours.questionMedian),
      peer: `SurveyJS ${ms(survey.questionMedian)}`,
      ratio: `${times(ratio)} faster`,
      target: '≤ 1/5 of SurveyJS',
      met: ours.questionMedian <= survey.questionMedian / 5,
    });
    rows.push({
      measure: `Time to intro (Start visible) ${timingLabel}`,
      ours: ms(ours.introMedian),
      peer: `SurveyJS ${ms(survey.introMedian)}`,
      ratio: `${times(survey.introMedian / ours.introMedian)} faster`,
      target: '—',
      met: null,
    });
    rows.push({
      measure: `Host page alone, first frame after DOM ready (the floor) ${timingLabel}`,
      ours: ms(blank.questionMedian),
      peer: '—',
      ratio: '—',
      target: '—',
      met: null,
    });
    rows.push(...ownLoadRows(ours, survey, blank, timingLabel));
    if (floor) rows.push(...floorRows(ours, survey, blank, floor, timingLabel));
  } else {
    rows.push(na(`Time to first question ${timingLabel}`, '≤ 1/5 of SurveyJS'));
    rows.push(na(`Widget's own time to the intro and the first question ${timingLabel}`, OWN_LOAD_TARGET));
  }

  const walks = results.everyAnswer;
  if (walks?.ok) {
    const w = walks.value;
    const label = `(${w.version.split('.')[0]}, ${w.throttle}× CPU throttle, ${w.ours.runs} whole assessment${w.ours.runs === 1 ? '' : 's'})`;
    rows.push(...answerRows(w, label));
    rows.push(...memoryRows(w));
  } else if (walks) {
    rows.push(na(`Every answer, Continue → next screen painted, p95 (${settings.throttle}× CPU throttle)`, ANSWER_TARGET));
    rows.push(na('JS heap used after a finished assessment', MEMORY_TARGET));
  }

  for (const [name, engine] of Object.entries(results.otherEngines ?? {})) {
    if (!engine.ok) {
      rows.push(na(`${name === 'firefox' ? 'Firefox' : 'WebKit'}: load and every answer (no CPU throttle)`, `${OWN_LOAD_TARGET}; ${ANSWER_TARGET}`));
      continue;
    }
    const w = engine.value;
    const label = `(${w.version.replace(/^(\S+ \d+)\S*/, '$1')}, no CPU throttle, median of ${w.ours.runs})`;
    rows.push(...ownLoadRows(w.ours, w.survey, w.blank, label));
    rows.push(...answerRows(w, `(${w.version.replace(/^(\S+ \d+)\S*/, '$1')}, no CPU throttle, ${w.ours.runs} whole assessment${w.ours.runs === 1 ? '' : 's'})`));
  }

  if (sizes.ok && sizes.value.languages) {
    for (const { lang, ours, survey } of sizes.value.languages) {
      rows.push({
        measure: `What a patient downloads in ${lang === 'en' ? 'English' : lang === 'es' ? 'Spanish' : lang}, min + gzip`,
        ours: `${kb(ours.sizes.gzip)} (${ours.sizes.gzip.toLocaleString('en-US')} B)`,
        peer: `SurveyJS${lang === 'es' ? ' + its Spanish locale' : ''} ${kb(survey.sizes.gzip)}`,
        ratio: `${times(survey.sizes.gzip / ours.sizes.gzip)} smaller`,
        target: '≤ 30 KB (30,720 B)',
        met: ours.sizes.gzip <= 30 * 1024,
      });
    }
    if (!sizes.value.languages.some((l) => l.lang === 'es')) {
      rows.push(na('What a patient downloads in Spanish, min + gzip (dist/eligibility-screener.es.js missing: did `npm run build` fail?)', '≤ 30 KB (30,720 B)'));
    }
  } else {
    rows.push(na('What a patient downloads per language, min + gzip', '≤ 30 KB (30,720 B)'));
  }

  if (evaluation.ok) {
    const { speeds, ratios, speedsPreCounted, ratiosPreCounted, answerSets } = evaluation.value;
    const ours = speeds[0];
    const targets: Record<string, number> = { 'json-rules-engine': 100, 'json-logic-js': 10 };
    for (const [i, peer] of speeds.slice(1).entries()) {
      if (!ours) break;
      const ratio = ratios[i] ?? 0;
      const target = targets[peer.name];
      rows.push({
        measure: `Rule evaluation, ${answerSets.toLocaleString('en-US')} seeded answer sets`,
        ours: perSecond(ours.opsPerSecond),
        peer: `${peer.name} ${perSecond(peer.opsPerSecond)}`,
        ratio: `${times(ratio)} faster`,
        target: target ? `≥ ${target}× faster` : '—',
        met: target ? ratio >= target : null,
      });
    }
    for (const [i, peer] of speedsPreCounted.slice(1).entries()) {
      const oursAgain = speedsPreCounted[0];
      if (!oursAgain) break;
      rows.push({
        measure: 'Rule evaluation, peers given pre-counted answers (reference)',
        ours: perSecond(oursAgain.opsPerSecond),
        peer: `${peer.name} ${perSecond(peer.opsPerSecond)}`,
        ratio: `${times(ratiosPreCounted[i] ?? 0)} faster`,
        target: '—',
        met: null,
      });
    }
    const disagreeing = evaluation.value.disagreements.filter((d) => d.count > 0);
    rows.push({
      measure: 'Same tier and fired rules on every answer set',
      ours: 'reference',
      peer: disagreeing.length === 0 ? 'both peers agree on all' : disagreeing.map((d) => `${d.engine}: ${d.count} differ`).join('; '),
      ratio: '—',
      target: 'all agree',
      met: disagreeing.length === 0,
    });
  } else {
    rows.push(na('Rule evaluation', '≥ 100× / ≥ 10× faster'));
  }

  rows.push(
    check.ok
      ? { measure: `\`${check.command}\` (median of ${check.samplesMs.length})`, ours: ms(check.medianMs), peer: '—', ratio: '—', target: '≤ 1 s', met: check.medianMs <= 1000 }
      : na(`\`${check.command}\``, '≤ 1 s'),
  );
  const worst = results.worstCase;
  if (worst) {
    const target = '≤ 10 s, ≤ 512 MB';
    rows.push(
      worst.ok
        ? {
            measure: `\`${worst.command}\` (one run: time, peak memory)`,
            ours: `${ms(worst.wallMs)}, ${Math.round(worst.maxRssMb)} MB`,
            peer: '—',
            ratio: '—',
            target,
            met: worst.wallMs <= 10_000 && worst.maxRssMb <= 512,
          }
        : na(`\`${worst.command}\``, target),
    );
  }
  return rows;
}

const OWN_LOAD_TARGET = '≥ 10× less than SurveyJS';
const ANSWER_TARGET = '≤ 50 ms and ≥ 5× less than SurveyJS';
const MEMORY_TARGET = 'less than SurveyJS (issue 16 sets no number)';

type Timed = Pick<WalkSummary, 'introMedian' | 'questionMedian'>;
/** The two load marks and where each one's median is. */
const LOAD_MARKS = [['intro', 'introMedian'], ['first question', 'questionMedian']] as const;

/** The widget's own time (its time minus the page alone's, same runs), intro and first question, against SurveyJS's. */
function ownLoadRows(ours: Timed, survey: Timed, blank: Timed, label: string): Row[] {
  const floor = blank.questionMedian;
  return LOAD_MARKS.map(([what, key]) => {
    const own = ours[key] - floor;
    const peer = survey[key] - floor;
    const ratio = peer / Math.max(own, 1);
    return {
      measure: `Widget's own time to the ${what} (minus the page alone, ${ms(floor)}) ${label}`,
      ours: ms(own),
      peer: `SurveyJS ${ms(peer)}`,
      ratio: `${times(ratio)} less`,
      target: OWN_LOAD_TARGET,
      met: ratio >= 10,
    };
  });
}

/**
 * The plain-DOM floor's own time (the least any widget can do on this page),
 * against the most the 10× target allows; and each widget's own time beyond it.
 */
function floorRows(ours: Timed, survey: Timed, blank: Timed, floor: Timed, label: string): Row[] {
  const page = blank.questionMedian;
  return LOAD_MARKS.flatMap(([what, key]) => {
    const least = floor[key] - page;
    const beyond = (timed: Timed) => timed[key] - floor[key];
    return [
      {
        measure: `The same ${what === 'intro' ? 'intro' : 'intro and first question'} drawn with plain DOM (the floor of this measure), own time to the ${what} ${label}`,
        ours: ms(least),
        peer: `10× target: ≤ ${ms((survey[key] - page) / 10)}`,
        ratio: '—',
        target: '—',
        met: null,
      },
      {
        measure: `Own time to the ${what} minus the plain-DOM floor's (reference) ${label}`,
        ours: ms(beyond(ours)),
        peer: `SurveyJS ${ms(beyond(survey))}`,
        ratio: `${times(beyond(survey) / Math.max(beyond(ours), 1))} less`,
        target: '—',
        met: null,
      },
    ];
  });
}

/** p95 of Continue → next screen painted, against 50 ms and against SurveyJS; and the slowest screens. */
function answerRows(w: EngineWalks, label: string): Row[] {
  const ratio = w.survey.answerP95 / Math.max(w.ours.answerP95, 1);
  return [
    {
      measure: `Every answer, Continue → next screen painted, p95 of ${w.ours.answerCount} ${label}`,
      ours: ms(w.ours.answerP95),
      peer: `SurveyJS ${ms(w.survey.answerP95)}`,
      ratio: `${times(ratio)} less`,
      target: ANSWER_TARGET,
      met: w.ours.answerP95 <= 50 && ratio >= 5,
    },
    {
      measure: `Every answer, the same questions drawn with plain DOM on the page alone (the floor of this measure), p95 ${label}`,
      ours: ms(w.blank.answerP95),
      peer: `median ${ms(w.blank.answerMedian)}`,
      ratio: '—',
      target: '—',
      met: null,
    },
    {
      measure: `Every answer, p95 minus the plain-DOM floor's p95 (reference) ${label}`,
      ours: ms(w.ours.answerP95 - w.blank.answerP95),
      peer: `SurveyJS ${ms(w.survey.answerP95 - w.blank.answerP95)}`,
      ratio: `${times((w.survey.answerP95 - w.blank.answerP95) / Math.max(w.ours.answerP95 - w.blank.answerP95, 1))} less`,
      target: '—',
      met: null,
    },
    {
      measure: `Every answer, the slowest screen (its median) ${label}`,
      ours: `${w.ours.slowest.id}: ${ms(w.ours.slowest.medianMs)}`,
      peer: `SurveyJS ${w.survey.slowest.id}: ${ms(w.survey.slowest.medianMs)}`,
      ratio: '—',
      target: '—',
      met: null,
    },
  ];
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** JS heap after the assessment and a GC: the whole page's, and the widget's own above the page alone. */
function memoryRows(w: EngineWalks): Row[] {
  const [ours, survey, blank] = [w.ours.heapUsedMedian, w.survey.heapUsedMedian, w.blank.heapUsedMedian];
  if (ours === undefined || survey === undefined || blank === undefined) return [na('JS heap used after a finished assessment', MEMORY_TARGET)];
  const label = `(${w.version.split('.')[0]}, after a GC, median of ${w.ours.runs})`;
  return [
    {
      measure: `JS heap used after a finished assessment, whole page ${label}`,
      ours: mb(ours),
      peer: `SurveyJS ${mb(survey)}`,
      ratio: `${times(survey / ours)} less`,
      target: MEMORY_TARGET,
      met: ours < survey,
    },
    {
      measure: `JS heap used after a finished assessment, minus the page alone (${mb(blank)}) ${label}`,
      ours: mb(ours - blank),
      peer: `SurveyJS ${mb(survey - blank)}`,
      ratio: `${times((survey - blank) / Math.max(ours - blank, 1))} less`,
      target: '—',
      met: null,
    },
  ];
}

const mark = (met: boolean | null): string => (met === null ? '' : met ? 'met' : 'NOT met');

function textTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function markdownTable(header: string[], body: string[][]): string {
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n');
}

function machineLine(results: BenchResults): string {
  const m = results.machine;
  const others = Object.values(results.otherEngines ?? {}).flatMap((engine) => (engine.ok ? [engine.value.version] : []));
  return `${m.date} · ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB, load average ${m.load.start} → ${m.load.end}) · ${m.os} · Node ${m.node} · Chromium ${m.chromium}${others.map((v) => ` · ${v}`).join('')} · Vite ${m.vite} · commit ${m.commit}${results.settings.quick ? ' · --quick (fewer runs)' : ''}`;
}

function breakdownBody(breakdown: Breakdown): string[][] {
  return breakdown.rows.map((row) => [
    row.group,
    kb(row.min),
    `${(row.share * 100).toFixed(1)}%`,
    kb(row.gzipCost),
    row.modules.slice(0, 3).map((m) => `${m.source} ${kb(m.min)}`).join(', ') + (row.modules.length > 3 ? `, +${row.modules.length - 3} more` : ''),
  ]);
}

const BREAKDOWN_HEADER = ['Part of the widget', 'min', 'share', 'gzip cost', 'largest modules'];
const HEADER = ['Measure', 'Ours', 'Peer', 'Ratio', 'Target', 'Result'];

/** Notes on method that a reader of the numbers needs. */
export function methodNotes(results: BenchResults): string[] {
  const notes = [
    `Sizes: every bundle is built by the same Vite ${results.machine.vite} (Rolldown + Oxc minifier), and both widget pages (ours and SurveyJS's) then get widget/build/build.ts's Terser compress pass; gzip level 9, brotli quality 11. SurveyJS renders the same questionnaire (generated from ${results.settings.rulesFile}) with its default theme (fontless build: no Google Fonts request); its target ratio uses the smaller of its Vite bundle and its shipped .min files.`,
    `First question: Chromium with the DevTools protocol's Emulation.setCPUThrottlingRate(${results.settings.throttle}), a 412×823 viewport, the same plain host page served from 127.0.0.1, a fresh context per run (empty cache), files sent uncompressed with no network throttling (so download time is not in these figures), runs alternating after one discarded warm-up each. An in-page script polls each animation frame from navigation start: "intro" is the first frame in which the Start button has a layout box; it then clicks Start; "first question" is the first frame in which the first question's title has a layout box.`,
    `Rule evaluation: ${results.settings.answerSets.toLocaleString('en-US')} random valid answer sets (seed ${results.settings.seed}), answers to hidden questions included. The peers' rules are translated from ours with visibility ENCODED in them (each test on a question also requires that question's showIf chain and an answer), so all three engines take the same raw answers and must reach the same tier and fired rules — checked on every set before timing. json-rules-engine is async (awaited per set) and gets one custom operator, "isAnswered". Engines are timed in interleaved rounds (${results.evaluation.ok ? results.evaluation.value.speeds[0]?.rounds : '?'} rounds of 1 s per engine, 0.5 s for the reference rows, after a warm-up); rates are medians over rounds and each ratio is the median of the round-by-round ratios, so load changes on a shared machine hit all engines alike. The reference rows give the peers answers already filtered by our countedAnswers() (not timed): their best case.`,
  ];
  notes.push(
    `Widget's own time: the widget's median time to the intro or to the first question minus the host page alone's median (its first frame after the DOM is parsed) in the same runs, so the page's own cost, the same for both, is out of the ratio. Target (issue 16): at least 10× less than SurveyJS's own time.`,
    `Plain-DOM floor: the same host page with a deferred script (tests/bench/first-question.ts, floorScript) that draws the same intro (title, paragraphs, notices, Start) and, on Start, the same first question (its title, its input, Continue) with createElement into a shadow root: no framework, no engine, no styles but buttons and inputs in the page's font. Timed in the same runs by the same probe. It is the least any widget can do to show those screens on this page, so when its own time is above the 10× target's allowance, no widget can meet that target on this machine.`,
  );
  const walk = results.everyAnswer?.ok ? results.everyAnswer.value : null;
  if (walk) {
    notes.push(
      `Every answer: one in-page script (tests/bench/every-answer.ts, inlined at the top of the same host page, so no driver round trip is timed) walks a whole assessment along the scenario case "${walk.path}" of ${results.settings.rulesFile} (${walk.ours.answerCount / Math.max(walk.ours.runs, 1)} questions, a typical path: no flag raised). On each screen it gives the case's answer with input events on the same inputs a patient uses, waits two frames and 50 ms, then takes the time and clicks Continue (ours) or Next / Complete (SurveyJS, the same questionnaire, one question per page, with its visibleIf branching); the time stops in a task posted from the first animation frame in which the next question's title (after the last answer: our result screen, SurveyJS's completed page) has a layout box, i.e. once that frame is rendered. p95 is nearest-rank over every answer of every run (${walk.ours.runs} assessments each, alternating, after one discarded warm-up each); the slowest screen is the question whose Continue has the highest median. The floor: the page alone, in the same runs, draws the same questions with plain DOM (a form with the title, every option and a Continue button; no framework, no engine, no styles) and the same script answers and times them the same way; no widget's page change can be cheaper than that, so a target below it cannot be met on this machine. Chromium at ${walk.throttle}× CPU throttle, 412×823 viewport.`,
      `Memory: after the walk, in the same Chromium page, CPU throttling off, CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage (usedSize, the page's JS heap); median over the runs. The page alone's heap is given so the widget's own share can be read. Issue 16 asks for the figure against SurveyJS's without a number: the row is "met" when ours is smaller.`,
    );
  }
  const others = Object.values(results.otherEngines ?? {}).flatMap((e) => (e.ok ? [e.value] : []));
  if (others.length) {
    notes.push(
      `Other engines: the same in-page walk (load, then every answer) in ${others.map((o) => o.version).join(' and ')}, driven by tests/browser/support/engines.ts (Firefox: puppeteer-core over WebDriver BiDi; WebKit: WebKitWebDriver + MiniBrowser under Xvfb), WITHOUT CPU throttling (neither driver offers it), default window size, ${others[0]?.ours.runs} runs per page alternating after one warm-up each. Their load figures come from the walk's own probe (not first-question.ts's), so they are comparable across engines but not with Chromium's throttled rows.`,
    );
  }
  if (results.sizes.ok && results.sizes.value.languages) {
    notes.push(
      `Bytes per language: our script tag file for the language (dist/eligibility-screener.js, dist/eligibility-screener.es.js; rules, styles and the widget's words inside) against SurveyJS's Vite bundle (JS + CSS) with the same questionnaire in that language; the Spanish one also imports SurveyJS's own Spanish words (survey-core/i18n/spanish) and sets locale "es". Target: each of ours at most 30 KB (30,720 B) gzip, the budget \`npm run build\` enforces.`,
    );
  }
  if (results.breakdown.ok) {
    const b = results.breakdown.value;
    const drift = b.distMin === null ? null : b.totalMin - b.distMin;
    const agreement = drift === null
      ? 'dist/eligibility-screener.js is missing'
      : drift === 0
        ? 'byte for byte the size of dist/eligibility-screener.js'
        : `${Math.abs(drift).toLocaleString('en-US')} bytes ${drift > 0 ? 'larger' : 'smaller'} than dist/eligibility-screener.js${Math.abs(drift) > b.totalMin * 0.01 ? ' — WARNING: over 1%, so widget/build/build.ts has changed in a way this mirror does not follow; treat the breakdown as approximate' : ''}`;
    notes.push(
      `Breakdown: a rebuild of widget/entry-script.ts with the settings of widget/build/build.ts plus a sourcemap (${kb(b.totalMin)} min, ${agreement}). Bytes are attributed by sourcemap; the compiled rules and the CSS are priced by rebuilding without them. "gzip cost" is how much the whole script's gzip shrinks without that part.`,
    );
  }
  if (!results.check.ok) notes.push(`screener check: n/a — ${results.check.reason}.`);
  else notes.push(`screener check: wall time of a fresh \`node src/cli/bin.js check ${results.settings.rulesFile}\` (what \`npx screener check\` runs, with the prebuilt bundle that \`npm install\` makes; the bench builds it first when it is stale), exit ${results.check.exitCode}: "${results.check.summary}".`);
  const worst = results.worstCase;
  if (worst && !worst.ok) notes.push(`Worst case within the limits: n/a — ${worst.reason}.`);
  else if (worst) notes.push(`Worst case within the limits: tests/bench/worst-case.ts generates a rule file (${worst.bytes.toLocaleString('en-US')} bytes) just within every limit of rules/README.md, "Limits" (a multiple-choice question with 2^15 answer classes after two yes/no questions, 21 invariants: nearly all of one check's 5,000,000 answer steps), and \`screener check\` runs on it once in a fresh process; peak memory is the process's max RSS. Exit ${worst.exitCode}: "${worst.summary}". The time depends on the machine's load (see the load average above).`);
  return notes;
}

/** Every section of a run, to list those that could not be measured. */
export function sections(results: BenchResults): Section<unknown>[] {
  const { sizes, breakdown, firstQuestion, evaluation, everyAnswer, otherEngines } = results;
  return [sizes, breakdown, firstQuestion, evaluation, ...(everyAnswer ? [everyAnswer] : []), ...Object.values(otherEngines ?? {})];
}

/**
 * The report as plain text for the terminal.
 *
 * @example
 * console.log(consoleReport(results));
 */
export function consoleReport(results: BenchResults): string {
  const rows = comparisonRows(results);
  const parts = [
    `eligibility-screener bench — ${machineLine(results)}`,
    '',
    textTable(HEADER, rows.map((r) => [r.measure, r.ours, r.peer, r.ratio, r.target, mark(r.met)])),
  ];
  if (results.breakdown.ok) parts.push('', textTable(BREAKDOWN_HEADER, breakdownBody(results.breakdown.value)));
  for (const section of sections(results)) if (!section.ok) parts.push(`n/a: ${section.reason}`);
  parts.push('', ...methodNotes(results).map((note) => `- ${note}`));
  return parts.join('\n');
}

/**
 * The report as Markdown, for the README.
 *
 * @example
 * writeFileSync('tests/bench/results/latest.md', markdownReport(results));
 */
export function markdownReport(results: BenchResults): string {
  const rows = comparisonRows(results);
  const parts = [
    `Measured by \`npm run bench\` on ${machineLine(results)}.`,
    '',
    markdownTable(HEADER, rows.map((r) => [r.measure, r.ours, r.peer, r.ratio, r.target, r.met === null ? '' : r.met ? '✅ met' : '❌ not met'])),
  ];
  if (results.breakdown.ok) parts.push('', 'Where the widget\'s bytes go:', '', markdownTable(BREAKDOWN_HEADER, breakdownBody(results.breakdown.value)));
  for (const section of sections(results)) if (!section.ok) parts.push('', `n/a: ${section.reason}`);
  parts.push('', ...methodNotes(results).map((note) => `- ${note}`), '');
  return parts.join('\n');
}
