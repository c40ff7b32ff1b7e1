/**
 * The live widget: the package's ES module (`dist/eligibility-screener.mjs`,
 * loaded by playground.html), fed the edited rules through its ordinary
 * `rules` attribute. The module is the build that has the widget's own words
 * in every language (each script tag file carries one), so the language
 * select above the preview shows the whole assessment in any language the
 * rule file is written in, through the same `lang` attribute a clinic sets.
 * The rules are compiled here and handed over as a `blob:` URL of this
 * page's own origin, so they never leave the browser and the widget runs its
 * usual checks on them (the hand check and the content hash) exactly as on a
 * clinic's site.
 *
 * A new widget is mounted only when the compiled rules really change (an
 * edited comment keeps the patient's place); while the file has errors, the
 * last valid widget stays. Changing the language keeps the patient's place.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { languageName } from '../../src/analysis/markdown.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { ruleSetLanguages } from '../../src/core/rule-texts.ts';
import type { EligibilityScreenerApi } from '../../widget/api.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { compileInBrowser } from './compile-in-browser.ts';
import { overBudget, prebuiltScriptFor, publish, type Published } from './publish.ts';
import { signOffState } from '../../src/analysis/sign-off.ts';

/** Where the preview's booking link points: this page, so a click loses no edits. */
const PREVIEW_BOOKING_URL = '#booking-page';

export interface WidgetPreviewProps {
  /** The last valid rule set, or null before the first one. */
  ruleSet: RuleSet | null;
  /** False while the file being edited has errors (the preview then shows older rules). */
  current: boolean;
}

interface Mounted {
  hash: string;
  version: string;
  at: Date;
  /** The languages the widget accepted these rules in: those every text is written in. */
  complete: string[];
}

/**
 * @example
 * <WidgetPreview ruleSet={lastValid} current={!hasErrors} />
 */
export function WidgetPreview({ ruleSet, current }: WidgetPreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  const blobUrl = useRef<string | null>(null);
  const attempt = useRef(0);
  const mountedHash = useRef<string | null>(null);
  const [mounted, setMounted] = useState<Mounted | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [published, setPublished] = useState<Published | { problem: string } | null>(null);
  const languages = useMemo(() => (ruleSet ? ruleSetLanguages(ruleSet) : []), [ruleSet]);
  const [lang, setLang] = useState<string | null>(null);
  // The language shown: the one picked, while the rules still use it; else the rules' own.
  const shown = lang && languages.includes(lang) ? lang : (languages[0] ?? null);
  const langRef = useRef(shown);
  langRef.current = shown;

  const mount = async (rules: RuleSet, force: boolean) => {
    const mine = ++attempt.current;
    const compiled = await compileInBrowser(rules);
    if (mine !== attempt.current || !host.current) return;
    if (!force && mountedHash.current === compiled.hash) return;
    const checked = validateCompiled(compiled);
    if (!checked.ok) {
      setProblem(`The widget refuses these rules (${checked.problem}), so a patient would see "please contact the clinic". The preview keeps the last rules it accepted.`);
      return;
    }
    const api = await widgetApi();
    if (mine !== attempt.current || !host.current) return;
    if (!api) {
      setProblem('The widget module (/dist/eligibility-screener.mjs) did not load: run "npm start" again, which builds it.');
      return;
    }
    const url = URL.createObjectURL(new Blob([JSON.stringify(compiled)], { type: 'application/json' }));
    host.current.replaceChildren();
    api.mount(host.current, { bookingUrl: PREVIEW_BOOKING_URL, rules: url, ...(langRef.current ? { lang: langRef.current } : {}) });
    // The old widget is gone, so nothing will read its rules again.
    if (blobUrl.current) URL.revokeObjectURL(blobUrl.current);
    blobUrl.current = url;
    mountedHash.current = compiled.hash;
    setProblem(null);
    setLink(null);
    setMounted({ hash: compiled.hash, version: rules.version, at: new Date(), complete: checked.languages });
  };

  useEffect(() => {
    if (ruleSet) void mount(ruleSet, false);
  }, [ruleSet]);

  // The widget repaints in the new language where the patient is.
  useEffect(() => {
    const element = host.current?.querySelector('eligibility-screener');
    if (element && shown && element.getAttribute('lang') !== shown) element.setAttribute('lang', shown);
  }, [shown, mounted]);

  useEffect(() => () => {
    if (blobUrl.current) URL.revokeObjectURL(blobUrl.current);
  }, []);

  // A download is of the rules as they were; an edit makes it stale.
  useEffect(() => setPublished(null), [ruleSet]);

  const download = async (rules: RuleSet) => {
    const file = prebuiltScriptFor(rules.locale);
    const response = await fetch(`/dist/${file}`).catch(() => null);
    if (!response?.ok) {
      setPublished({ problem: `the prebuilt script /dist/${file} is missing: run "npm start" again, which builds it` });
      return;
    }
    const result = await publish(rules, await response.text());
    setPublished(result);
    if ('problem' in result) return;
    const url = URL.createObjectURL(new Blob([result.script], { type: 'text/javascript' }));
    const anchor = Object.assign(document.createElement('a'), { href: url, download: result.fileName });
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const sign = ruleSet ? signOffState(ruleSet) : null;

  // Links in the preview (booking, crisis lines) would take the clinician away
  // from their edits: say where they go instead of following them.
  const onClick = (event: MouseEvent) => {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    setLink(href === PREVIEW_BOOKING_URL ? "the clinic's booking page (the booking-url attribute)" : href);
  };

  return (
    <div class="pg-preview">
      <div class="pg-preview-bar">
        <p class="pg-preview-state">
          {!mounted && !problem && 'Starting the widget…'}
          {mounted && current && (
            <>Running the rules as edited: version {mounted.version}, loaded at {mounted.at.toLocaleTimeString()}.</>
          )}
          {mounted && !current && (
            <strong class="pg-stale">
              The rules have errors. The widget below still runs the last valid version (loaded at {mounted.at.toLocaleTimeString()}).
            </strong>
          )}
        </p>
        {languages.length > 1 && (
          <label class="pg-language">
            Language{' '}
            <select value={shown ?? ''} onChange={(event) => setLang(event.currentTarget.value)}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="pg-button" disabled={!ruleSet} onClick={() => ruleSet && void mount(ruleSet, true)}>
          Restart the preview
        </button>
        <button type="button" class="pg-button" disabled={!ruleSet || !current} onClick={() => ruleSet && void download(ruleSet)}>
          Download for your website
        </button>
      </div>
      {published && 'problem' in published && <p class="pg-alert">Not downloaded: {published.problem}.</p>}
      {published && !('problem' in published) && (
        <section class="pg-publish" aria-label="Your download">
          <p>
            Downloaded <code>{published.fileName}</code>: the widget with these rules built in
            {published.gzipBytes !== null && <>, {published.gzipBytes.toLocaleString('en-US')} bytes gzip</>}. Put it on your website (here:{' '}
            <code>/js/{published.fileName}</code>) and paste these two lines into the page, with your booking page:
          </p>
          <pre class="pg-embed">{published.embed}</pre>
          <p>
            Integrity hash: <code>{published.integrity}</code>
          </p>
          {overBudget(published) && <p class="pg-alert">This file is over the widget's 30 KB size budget: shorten texts so it stays fast on phones.</p>}
          {sign && sign.state !== 'signed' && (
            <p class="pg-alert">
              These rules are not signed for this content, so the result will not say who reviewed them. A clinician signs the rule file
              (npx screener sign) before patients use it.
            </p>
          )}
        </section>
      )}
      {problem && <p class="pg-alert">{problem}</p>}
      {mounted && shown && !mounted.complete.includes(shown) && (
        <p class="pg-note">
          Some texts have no {languageName(shown)} version (see Problems), so the widget shows {languageName(mounted.complete[0] ?? '')}{' '}
          instead, as it would for a patient.
        </p>
      )}
      {link && <p class="pg-note">Links are not followed in the preview. This one goes to {link}.</p>}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches clicks on links inside the preview (delegation); the links are the controls. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link fires the same click event. */}
      <div class="pg-preview-host" ref={host} onClick={onClick} />
    </div>
  );
}

/** `window.EligibilityScreener` once the widget module has run (it sets it, as the script does), or null if it never does. */
async function widgetApi(): Promise<EligibilityScreenerApi | null> {
  if (window.EligibilityScreener) return window.EligibilityScreener;
  const defined = customElements.whenDefined('eligibility-screener').then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000));
  return (await Promise.race([defined, timeout])) ? (window.EligibilityScreener ?? null) : null;
}
