/**
 * Builds the SurveyJS page script two ways: bundled with Vite like ours (the
 * comparison we use; with the same Terser pass after Oxc that our script
 * gets), and as SurveyJS's own shipped `.min.js`/`.min.css` files (for
 * reference).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { RuleSet } from '../../../src/authoring/schema.ts';
import { terserPass } from '../../../widget/build/plugins.ts';
import { bundle } from '../bundle.ts';
import { toSurveyJson } from './to-survey.ts';

const VIRTUAL = 'virtual:bench-survey-json';

function surveyJsonPlugin(json: unknown): Plugin {
  return {
    name: 'bench-survey-json',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(json)};` : null),
  };
}

/** The SurveyJS page's files: script and stylesheet. */
export interface SurveyBuild {
  js: string;
  css: string;
}

/**
 * Bundles survey-core + survey-js-ui + the default theme + the questionnaire with Vite.
 *
 * @example
 * const { js, css } = await buildSurveyPage(ruleSet, '/work/main');
 * const spanish = await buildSurveyPage(ruleSet, '/work/main', 'es');
 */
export async function buildSurveyPage(ruleSet: RuleSet, root: string, locale = ruleSet.locale): Promise<SurveyBuild> {
  const spanish = locale === 'es';
  if (locale !== ruleSet.locale && !spanish) throw new Error(`bench: no SurveyJS entry for the locale "${locale}" (only es)`);
  const files = await bundle({
    // The Spanish page also loads SurveyJS's Spanish words (survey-core/i18n/spanish).
    entry: join(root, spanish ? 'tests/bench/surveyjs/entry-es.ts' : 'tests/bench/surveyjs/entry.ts'),
    format: 'iife',
    root,
    // The same last step as our script (widget/build/build.ts): Terser's compressor after Oxc.
    plugins: [surveyJsonPlugin(toSurveyJson(ruleSet, locale)), terserPass()],
  });
  const js = files.filter((f) => f.fileName.endsWith('.js')).map((f) => f.code).join('\n');
  const css = files.filter((f) => f.fileName.endsWith('.css')).map((f) => f.code).join('\n');
  if (!js || !css) throw new Error('bench: the SurveyJS build emitted no script or no stylesheet');
  return { js, css };
}

/**
 * SurveyJS's shipped minified files plus a one-line boot script with the same
 * questionnaire, as a page loading them from a CDN would.
 *
 * @example
 * const files = shippedSurveyFiles(ruleSet, '/work/main'); // [core.min.js, ui.min.js, boot, css]
 */
export function shippedSurveyFiles(ruleSet: RuleSet, root: string): { name: string; content: string }[] {
  const require = createRequire(join(root, 'package.json'));
  const core = join(require.resolve('survey-core'), '..');
  const ui = join(require.resolve('survey-js-ui'), '..');
  const boot = `SurveyUI.renderSurvey(new Survey.Model(${JSON.stringify(toSurveyJson(ruleSet))}),document.getElementById("survey"));`;
  return [
    { name: 'survey-core/survey.core.min.js', content: readFileSync(join(core, 'survey.core.min.js'), 'utf8') },
    { name: 'survey-js-ui/survey-js-ui.min.js', content: readFileSync(join(ui, 'survey-js-ui.min.js'), 'utf8') },
    { name: 'questionnaire boot script', content: boot },
    { name: 'survey-core/survey-core.fontless.min.css', content: readFileSync(join(core, 'survey-core.fontless.min.css'), 'utf8') },
  ];
}
