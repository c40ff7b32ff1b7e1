/**
 * "Download for your website": the prebuilt script tag file with the edited
 * rules built in, made in the browser, so a clinic publishes rule changes
 * without a developer. The rules are compiled as `screener compile` does,
 * cut to what ships (widget/build/ship.ts, as the build does), checked by the
 * widget's own validator, and put in the prebuilt script's rules slot
 * (widget/build/rules-slot.ts); the result comes with its integrity hash and
 * the two lines to paste into the clinic's page.
 */
import type { RuleSet } from '../../src/authoring/schema.ts';
import { BUDGET_GZIP_BYTES } from '../../widget/build/budget.ts';
import { spliceRules } from '../../widget/build/rules-slot.ts';
import { patientFacing } from '../../widget/build/ship.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { compileInBrowser } from './compile-in-browser.ts';

/** A script ready to download. */
export interface Published {
  fileName: string;
  script: string;
  /** `sha384-…`, for the script tag's `integrity`. */
  integrity: string;
  /** The two lines for the clinic's page. */
  embed: string;
  /** Gzip size, when the browser can measure it. */
  gzipBytes: number | null;
}

/**
 * The prebuilt script tag file for a language: the rules' own `locale`
 * (each file carries one language of the widget's own words).
 *
 * @example
 * prebuiltScriptFor('es') // 'eligibility-screener.es.js'
 */
export function prebuiltScriptFor(locale: string): string {
  return locale === 'en' ? 'eligibility-screener.js' : `eligibility-screener.${locale}.js`;
}

/**
 * Builds the download from the edited rules and the prebuilt script's text.
 *
 * @example
 * const result = await publish(ruleSet, await (await fetch('/dist/eligibility-screener.js')).text());
 * if ('problem' in result) show(result.problem); else download(result);
 */
export async function publish(ruleSet: RuleSet, prebuilt: string): Promise<Published | { problem: string }> {
  const compiled = await compileInBrowser(ruleSet);
  if (compiled.hash === 'sha256-unchecked') return { problem: 'this page is not secure (https or localhost), so the rules cannot be hashed' };
  const shipped = patientFacing(compiled);
  const checked = validateCompiled(shipped);
  if (!checked.ok) return { problem: `the widget would refuse these rules (${checked.problem}), so patients would see "please contact the clinic"` };
  let script: string;
  try {
    script = spliceRules(prebuilt, JSON.stringify(shipped));
  } catch (error) {
    return { problem: `${(error as Error).message} (run "npm run build" again)` };
  }
  const bytes = new TextEncoder().encode(script);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  const integrity = `sha384-${btoa(String.fromCharCode(...digest))}`;
  const fileName = prebuiltScriptFor(ruleSet.locale);
  const embed = [
    `<script src="/js/${fileName}" integrity="${integrity}" crossorigin="anonymous" defer></script>`,
    '<eligibility-screener booking-url="https://your-clinic.example/book"></eligibility-screener>',
  ].join('\n');
  return { fileName, script, integrity, embed, gzipBytes: await gzipSize(script) };
}

/** Gzip size in the browser (CompressionStream), or null where it is missing. */
async function gzipSize(text: string): Promise<number | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** Whether a download is within the widget's size budget (gzip, as the build measures it, give or take the level). */
export function overBudget(published: Published): boolean {
  return published.gzipBytes !== null && published.gzipBytes > BUDGET_GZIP_BYTES;
}
