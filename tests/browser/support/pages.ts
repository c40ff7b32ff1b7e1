/**
 * Host pages written the way a clinic would: static markup, the widget's
 * script with `defer`, no inline script or style (so the same page works
 * under a strict Content-Security-Policy).
 */
import { WIDGET_SCRIPT } from './server.ts';

/** Attributes of one `<eligibility-screener>`; `true` writes a bare attribute. */
export type WidgetAttributes = Record<string, string | true>;

/** The booking URL the tests give the widget. */
export const BOOKING_URL = 'https://clinic.example/book?from=screener';

export interface HostPageOptions {
  /** One entry per widget on the page. Defaults to one widget with {@link BOOKING_URL}. */
  widgets?: WidgetAttributes[];
  /** How many times the page loads the widget script. */
  scriptCount?: number;
  /** The script the page loads (default {@link WIDGET_SCRIPT}; `widgetScript('es')` for the Spanish one). */
  script?: string;
  /** The page's `<html lang>` (default `en`). */
  lang?: string;
  /** Extra markup in `<head>` (stylesheets). */
  head?: string;
  /** Host content before and after the widgets. */
  before?: string;
  after?: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * `<eligibility-screener …></eligibility-screener>` with escaped attributes.
 *
 * @example
 * widgetTag({ 'booking-url': BOOKING_URL, 'share-outcome': true })
 * // '<eligibility-screener booking-url="https://…" share-outcome></eligibility-screener>'
 */
export function widgetTag(attributes: WidgetAttributes): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  return `<eligibility-screener${attrs}></eligibility-screener>`;
}

/**
 * A small, plain host page.
 *
 * @example
 * server.route('/popup.html', { body: hostPage({ widgets: [{ 'booking-url': BOOKING_URL, mode: 'popup' }] }) });
 */
export function hostPage(options: HostPageOptions = {}): string {
  const widgets = options.widgets ?? [{ 'booking-url': BOOKING_URL }];
  const scripts = `<script src="${options.script ?? WIDGET_SCRIPT}" defer></script>\n`.repeat(options.scriptCount ?? 1);
  return `<!doctype html>
<html lang="${escapeAttribute(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Wellness Clinic</title>
${scripts}${options.head ?? ''}
</head>
<body>
<header><p><a href="/">Riverside Wellness Clinic</a></p></header>
<main>
<h1>Ketamine therapy</h1>
${options.before ?? '<p>Find out in two minutes whether a consultation may be right for you.</p>'}
${widgets.map(widgetTag).join('\n')}
${options.after ?? '<p>Questions? Call us during opening hours.</p>'}
</main>
</body>
</html>
`;
}
