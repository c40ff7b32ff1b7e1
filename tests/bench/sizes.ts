/**
 * Bundle sizes: our widget against SurveyJS rendering the same
 * questionnaire, and our engine against json-rules-engine and json-logic-js,
 * each bundled alone by the same Vite/Rolldown build with the same minifier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { bundle, measure, type Sizes } from './bundle.ts';
import { buildSurveyPage, shippedSurveyFiles, type SurveyBuild } from './surveyjs/build.ts';

/** One measured thing. */
export interface SizeEntry {
  name: string;
  /** What exactly was measured. */
  what: string;
  sizes: Sizes;
}

/** The result of {@link benchSizes}. */
export interface SizeResult {
  widget: { ours: SizeEntry; surveyVite: SizeEntry; surveyShipped: SizeEntry };
  engine: { ours: SizeEntry; jsonRulesEngine: SizeEntry; jsonLogic: SizeEntry };
  /**
   * What a patient downloads in each language: our script of that language
   * against SurveyJS's page (Vite bundle, JS + CSS) with the same
   * questionnaire in it, plus SurveyJS's own locale file for Spanish.
   */
  languages: { lang: string; ours: SizeEntry; survey: SizeEntry }[];
  /** The SurveyJS page files, reused by the timing. */
  surveyBuild: SurveyBuild;
}

async function engineEntry(root: string, name: string, what: string, entry: string): Promise<SizeEntry> {
  const files = await bundle({ entry: join(root, entry), format: 'es', root });
  return { name, what, sizes: measure(files.map((f) => f.code)) };
}

/**
 * Measures every bundle. `dist/eligibility-screener.js` must exist.
 *
 * @example
 * const sizes = await benchSizes('/work/main', ruleSet);
 * sizes.widget.surveyVite.sizes.gzip / sizes.widget.ours.sizes.gzip // how many times smaller we are
 */
export async function benchSizes(root: string, ruleSet: RuleSet): Promise<SizeResult> {
  const ours: SizeEntry = {
    name: 'ours',
    what: 'dist/eligibility-screener.js as built by `npm run build` (rules and styles inside)',
    sizes: measure([readFileSync(join(root, 'dist/eligibility-screener.js'))]),
  };
  const surveyBuild = await buildSurveyPage(ruleSet, root);
  const surveyVite: SizeEntry = {
    name: 'SurveyJS 2.5.38 (Vite bundle)',
    what: 'survey-core + survey-js-ui + default theme CSS (fontless) + the same questionnaire, bundled and minified by Vite like ours; JS + CSS',
    sizes: measure([surveyBuild.js, surveyBuild.css]),
  };
  const shipped = shippedSurveyFiles(ruleSet, root);
  const surveyShipped: SizeEntry = {
    name: 'SurveyJS 2.5.38 (shipped .min files)',
    what: `${shipped.map((f) => f.name).join(' + ')}`,
    sizes: measure(shipped.map((f) => f.content)),
  };
  // A build that fails (e.g. over budget) may leave no Spanish script: the report then says n/a for it.
  const spanishScript = join(root, 'dist/eligibility-screener.es.js');
  const languages: SizeResult['languages'] = [{ lang: 'en', ours, survey: surveyVite }];
  if (existsSync(spanishScript)) {
    const surveyEs = await buildSurveyPage(ruleSet, root, 'es');
    languages.push({
      lang: 'es',
      ours: { name: 'ours (es)', what: 'dist/eligibility-screener.es.js', sizes: measure([readFileSync(spanishScript)]) },
      survey: {
        name: 'SurveyJS 2.5.38 (Vite bundle, es)',
        what: 'the Vite bundle above with the questionnaire in Spanish, survey-core/i18n/spanish and locale "es"; JS + CSS',
        sizes: measure([surveyEs.js, surveyEs.css]),
      },
    });
  }
  return {
    widget: { ours, surveyVite, surveyShipped },
    languages,
    engine: {
      ours: await engineEntry(root, 'ours', 'src/core/engine.ts, every export', 'src/core/engine.ts'),
      jsonRulesEngine: await engineEntry(root, 'json-rules-engine 7.3.1', 'its Engine with dependencies', 'tests/bench/entries/json-rules-engine.ts'),
      jsonLogic: await engineEntry(root, 'json-logic-js 2.0.5', 'the whole library', 'tests/bench/entries/json-logic.ts'),
    },
    surveyBuild,
  };
}
