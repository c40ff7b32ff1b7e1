/**
 * The patient's summary (issue 14), drawn from src/core/summary.ts's
 * description with the same rich-text path as the screens (`rich`: text
 * nodes, links only with an allowed scheme, never `innerHTML`). Save
 * serialises it into one self-contained HTML page with no script and hands
 * it to the browser as a Blob URL download; Print draws it in a host of its
 * own at the end of the page's body and hides the rest of the page for
 * print media. Neither makes a request, and nothing about them reaches an
 * event, an attribute, storage or the URL.
 */
import { render, type VNode } from 'preact';
import { h } from './h.ts';
import type { SummaryContent } from '../../src/core/summary.ts';
import { CrisisHelp } from './crisis.tsx';
import { rich } from './rich-text.tsx';

/** The summary's tag while it is being printed (a child of `<body>`). */
export const PRINT_TAG = 'eligibility-screener-print';

/** Plain, readable on paper and on any screen; the same in the saved file and in print. */
const SUMMARY_CSS = '.summary{max-width:40em;margin:auto;font:16px/1.5 sans-serif}dt{margin-top:.75em;font-weight:700}.crisis li>*{display:block}';

/** The page's own print rules while the summary prints: only the summary is on paper. */
const PAGE_CSS = `${PRINT_TAG}{display:none}@media print{body>:not(${PRINT_TAG}){display:none!important}${PRINT_TAG}{display:block!important}}`;

/**
 * @example
 * <Summary content={describeSummary(ruleSet, source, words)} />
 */
export function Summary({ content }: { content: SummaryContent }) {
  const { reasons, help } = content;
  return (
    <article class="summary">
      <h1>{content.title}</h1>
      {content.clinic && <p>{content.clinic}</p>}
      <p>{content.made}</p>
      <dl>{content.answers.map(({ question, answer }) => [<dt>{rich(question)}</dt>, answer.map((line) => <dd>{rich(line)}</dd>)])}</dl>
      <h2>{content.resultTitle}</h2>
      <p>
        <strong>{rich(content.result)}</strong>
      </p>
      {reasons.length > 0 && [<h3>{content.reasonsTitle}</h3>, <ul>{reasons.map((reason) => <li>{rich(reason)}</li>)}</ul>]}
      {help && <CrisisHelp box={help} main={false} />}
      <hr />
      {content.rules.map((line) => <p>{rich(line)}</p>)}
      <ul>{content.notices.map((notice) => <li>{rich(notice)}</li>)}</ul>
    </article>
  );
}

/**
 * The summary as a file: one HTML page, its styles inline, no script, made
 * in an inert document (nothing in it runs or loads while it is made).
 *
 * @example
 * summaryFile(<Summary … />, 'My pre-screening answers', 'en') // '<!doctype html><html lang="en">…'
 */
export function summaryFile(summary: VNode, title: string, lang: string): string {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  const meta = doc.createElement('meta');
  const style = doc.createElement('style');
  meta.setAttribute('charset', 'utf-8');
  style.textContent = SUMMARY_CSS;
  doc.head.prepend(meta);
  doc.head.append(style);
  doc.documentElement.lang = lang;
  render(summary, doc.body);
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}

/**
 * Downloads the summary through a Blob URL: the file is made here and goes
 * nowhere but the patient's downloads. Its name has no health words.
 *
 * @example
 * saveSummary(<Summary … />, 'My pre-screening answers', 'en') // prescreen-2026-12-04.html
 */
export function saveSummary(summary: VNode, title: string, lang: string): void {
  const url = URL.createObjectURL(new Blob([summaryFile(summary, title, lang)], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  // "sv" writes a date as 2026-12-04, in the patient's own time zone.
  link.download = `prescreen-${new Date().toLocaleDateString('sv')}.html`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

let printed: HTMLElement | undefined;

/**
 * Prints the summary alone: drawn in its own shadow root at the end of the
 * body, the rest of the page hidden for print media until the print is done.
 *
 * @example
 * printSummary(<Summary … />);
 */
export function printSummary(summary: VNode): void {
  printed?.remove();
  const host = (printed = document.createElement(PRINT_TAG));
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheetOf(SUMMARY_CSS)];
  render(summary, root);
  document.body.append(host);
  const page = sheetOf(PAGE_CSS);
  const before = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...before, page];
  addEventListener(
    'afterprint',
    () => {
      host.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== page);
    },
    { once: true },
  );
  print();
}

function sheetOf(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}
