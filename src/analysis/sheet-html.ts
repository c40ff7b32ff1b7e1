/**
 * The sign-off sheet as a printable HTML page (`screener graph <file> --html`),
 * converted from the sheet's Markdown ({@link ruleSetToMarkdown}), so the two
 * always say the same thing. The converter reads exactly the Markdown the
 * sheet writes (headings, paragraphs, bullet lists, tables with `\|`,
 * `code`, **bold**, *em*, links, `<br>`, and the ```mermaid block, shown as
 * its source) and escapes everything else: a rule's text never becomes markup,
 * and a link opens only http(s), mailto and tel targets, printed beside it.
 * The page has no script, no network and a policy that allows neither; its
 * print stylesheet repeats table headers, keeps rows, the signature block and
 * each heading with what follows it together, and puts the review hash and the
 * page number in every page's margin.
 */

/** Options for {@link sheetToHtml}. */
export interface SheetHtmlOptions {
  /** The rules' review hash (`sha256-…`), printed on every page. */
  hash: string;
  /** The page's `lang` (the sheet's own words are English). */
  lang?: string;
}

/** The characters a Markdown backslash can escape (CommonMark: ASCII punctuation). */
const PUNCTUATION = /[!-/:-@[-`{-~]/;
/** The entities the sheet's Markdown writes (`tableCell` writes `&lt;`), passed through as they are. */
const ENTITY = /^&(?:lt|gt|amp|quot|#39|#\d{1,7}|#x[0-9a-f]{1,6});/i;
/** Link targets the page may open. */
const SAFE_HREF = /^(?:https?:|mailto:|tel:|#)/i;

/**
 * Escapes text for HTML text and attribute values.
 *
 * @example
 * escapeHtml('<script>"x" & y') // '&lt;script&gt;&quot;x&quot; &amp; y'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The sheet's Markdown as the body of an HTML page: one `<section>` a `##`
 * heading, tables with `<thead>`, the Mermaid source in a `<pre>`.
 *
 * @example
 * markdownToHtml('# Title\n\n| a | b |\n|---|---|\n| x \\| y | `<b>` |\n')
 * // '<h1 id="title">Title</h1>\n<table>…<td>x | y</td><td><code>&lt;b&gt;</code></td>…</table>'
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const ids = new Map<string, number>();
  let inSection = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = /^```\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      const end = lines.findIndex((next, j) => j > i && /^```\s*$/.test(next));
      const stop = end < 0 ? lines.length : end;
      const body = escapeHtml(lines.slice(i + 1, stop).join('\n'));
      const lang = fence[1] ?? '';
      out.push(
        lang === 'mermaid'
          ? `<figure class="diagram"><figcaption>The flow as Mermaid source (a diagram tool draws it; the sheet prints it as written).</figcaption><pre><code>${body}</code></pre></figure>`
          : `<pre><code>${body}</code></pre>`,
      );
      i = stop + 1;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const id = uniqueId(slug(heading[2]!), ids);
      if (level === 2) {
        if (inSection) out.push('</section>');
        out.push(`<section class="sheet-section" id="section-${id}">`);
        inSection = true;
      }
      out.push(`<h${level} id="${id}">${inline(heading[2]!)}</h${level}>`);
      i += 1;
      continue;
    }
    if (line.startsWith('|') && /^\|[\s:|-]*-[\s:|-]*\|?\s*$/.test(lines[i + 1] ?? '')) {
      const rows: string[][] = [];
      const head = splitRow(line);
      i += 2;
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(splitRow(lines[i++]!));
      out.push(table(head, rows));
      continue;
    }
    if (/^[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^[-*]\s+/.test(lines[i]!)) {
        let item = lines[i]!.replace(/^[-*]\s+/, '');
        i += 1;
        // A continuation line is indented under its item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !/^\s*[-*]\s+/.test(lines[i]!)) item += ` ${lines[i++]!.trim()}`;
        items.push(`<li>${inline(item)}</li>`);
      }
      out.push(`<ul>\n${items.join('\n')}\n</ul>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines, i)) paragraph.push(lines[i++]!.trim());
    out.push(`<p>${inline(paragraph.join('\n'))}</p>`);
  }
  if (inSection) out.push('</section>');
  return out.join('\n');
}

/** True when line `i` starts a heading, fence, list or table (so a paragraph ends before it). */
function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return /^(#{1,6}\s|```|[-*]\s+)/.test(line) || (line.startsWith('|') && /^\|[\s:|-]*-[\s:|-]*\|?\s*$/.test(lines[i + 1] ?? ''));
}

/** A table row's cells: split on `|` that is not escaped, then `\|` read as `|` (in code too, as GitHub does). */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      cell += body[i + 1] === '|' ? '|' : c + body[i + 1];
      i += 1;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const cells = (tag: 'th' | 'td', row: readonly string[]) =>
    head.map((_, i) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${inline(row[i] ?? '')}</${tag}>`).join('');
  // A table whose header cells are all empty (the signature block) has no header row to repeat.
  const thead = head.some((cell) => cell !== '') ? `<thead><tr>${cells('th', head)}</tr></thead>` : '';
  const signature = head.every((cell) => cell === '') ? ' class="signature"' : '';
  return `<table${signature}>${thead}<tbody>\n${rows.map((row) => `<tr>${cells('td', row)}</tr>`).join('\n')}\n</tbody></table>`;
}

/**
 * One line of Markdown text as HTML: code spans, backslash escapes, `**`,
 * `*`, links, `<br>` and the entities the sheet writes; every other `<`, `>`,
 * `&` and quote escaped.
 */
function inline(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const rest = text.slice(i);
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      out += escapeHtml(text[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '`') {
      const ticks = /^`+/.exec(rest)![0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        out += `<code>${escapeHtml(text.slice(i + ticks.length, end).replace(/^ (.*) $/s, '$1'))}</code>`;
        i = end + ticks.length;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const end = closing(text, '**', i + 2);
      if (end > 0) {
        out += `<strong>${inline(text.slice(i + 2, end))}</strong>`;
        i = end + 2;
        continue;
      }
    }
    if (c === '*' && /^\*\S/.test(rest)) {
      const end = closing(text, '*', i + 1);
      if (end > 0 && !/\s/.test(text[end - 1]!)) {
        out += `<em>${inline(text.slice(i + 1, end))}</em>`;
        i = end + 1;
        continue;
      }
    }
    const link = c === '[' ? /^\[((?:[^\]\\]|\\.)*)\]\(([^()\s]*)\)/.exec(rest) : null;
    if (link) {
      const href = link[2]!.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      const label = inline(link[1]!);
      out += SAFE_HREF.test(href)
        ? `<a href="${escapeHtml(href)}">${label}</a><span class="link-target"> (${escapeHtml(href)})</span>`
        : `${label}<span class="link-target"> (${escapeHtml(href)}: not a link the sheet opens)</span>`;
      i += link[0].length;
      continue;
    }
    const br = /^<br\s*\/?>/i.exec(rest);
    if (br) {
      out += '<br>';
      i += br[0].length;
      continue;
    }
    const entity = c === '&' ? ENTITY.exec(rest) : null;
    if (entity) {
      out += entity[0];
      i += entity[0].length;
      continue;
    }
    out += c === '\n' ? '\n' : escapeHtml(c);
    i += 1;
  }
  return out;
}

/** Where `marker` closes a span opened before `from`: not escaped, not inside a code span; -1 when it never does. */
function closing(text: string, marker: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\') i += 1;
    else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (text.startsWith(marker, i) && i > from && (marker !== '*' || text[i + 1] !== '*')) return i;
  }
  return -1;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[`*\\]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'section'
  );
}

function uniqueId(id: string, seen: Map<string, number>): string {
  const n = seen.get(id) ?? 0;
  seen.set(id, n + 1);
  return n === 0 ? id : `${id}-${n + 1}`;
}

/** A string for a CSS `content:`: quotes, backslashes, newlines and `<` escaped (so `</style>` cannot appear). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The print stylesheet. A4 and Letter both fit: 18 mm margins, the page box
 * left to the printer's paper size.
 */
function styles(hash: string): string {
  return `
:root { color: #111; font: 10pt/1.4 system-ui, "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 18pt; margin: 0 0 0.6rem; }
h2 { font-size: 14pt; margin: 1.4rem 0 0.5rem; border-bottom: 1px solid #999; padding-bottom: 0.15rem; }
h3 { font-size: 11.5pt; margin: 1rem 0 0.4rem; }
p, ul { margin: 0.4rem 0; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
code { overflow-wrap: anywhere; }
code.hash, h1 + ul code { white-space: nowrap; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; border: 1px solid #ddd; padding: 0.5rem; font-size: 7.5pt; line-height: 1.3; }
figure { margin: 0.5rem 0; }
figcaption { font-size: 8.5pt; color: #444; margin-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 0.8rem; font-size: 8.5pt; }
th, td { border: 1px solid #888; padding: 0.2rem 0.35rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
.link-target { font-size: 0.9em; color: #333; }
a { color: inherit; }
.running { font-size: 8pt; color: #444; border-bottom: 1px solid #ccc; margin-bottom: 1rem; padding-bottom: 0.3rem; }
table.signature { width: 70%; font-size: 11pt; }
table.signature td { height: 2.6rem; vertical-align: bottom; }
table.signature td:first-child { width: 30%; font-weight: 600; }
#section-sign-off { break-inside: avoid; break-before: page; }
@page {
  margin: 18mm 16mm 20mm;
  @bottom-left { content: ${cssString(`Review hash ${hash}`)}; font: 7.5pt ui-monospace, "DejaVu Sans Mono", monospace; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #444; }
}
@media print {
  :root { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  .running { display: none; }
  h1, h2, h3, figcaption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  #section-flow, #section-what-each-screen-shows, #section-check-results { break-before: page; }
  pre { font-size: 6.5pt; }
}
`;
}

/**
 * The sign-off sheet as a complete, printable HTML page.
 *
 * @example
 * const markdown = ruleSetToMarkdown(ruleSet, { file: 'rules/ketamine.yaml' });
 * writeFileSync('rules/ketamine.html', sheetToHtml(markdown, { hash: reviewHash(ruleSet) }));
 */
export function sheetToHtml(markdown: string, options: SheetHtmlOptions): string {
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? 'Rules';
  const plainTitle = title.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No script, no request: the page is a document to print, nothing else.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="review-hash" content="${escapeHtml(options.hash)}">`,
    `<title>Sign-off sheet: ${escapeHtml(plainTitle)}</title>`,
    `<style>${styles(options.hash)}</style>`,
    '</head>',
    '<body>',
    `<header class="running">Sign-off sheet · review hash <code class="hash">${escapeHtml(options.hash)}</code></header>`,
    '<main>',
    markdownToHtml(markdown),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
