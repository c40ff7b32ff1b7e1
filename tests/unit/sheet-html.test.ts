import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, sheetToHtml, ruleSetToMarkdown } from '../../src/analysis/index.ts';
import { tableCell, textCell } from '../../src/analysis/markdown.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { reviewHash } from '../../src/authoring/review-hash.ts';
import { writtenBy } from '../support/cli.ts';

const HOSTILE = 'Call <script>alert(1)</script> | now & "quote" <img src=x onerror=alert(2)>';

describe('markdownToHtml (the printable sign-off sheet)', () => {
  it('escapes rule text in table cells, paragraphs, headings, lists and code: it never becomes markup', () => {
    const html = markdownToHtml(
      [`# ${tableCell(HOSTILE)}`, '', `- ${tableCell(HOSTILE)}`, '', '| a | b |', '|---|---|', `| ${textCell(HOSTILE)} | \`${tableCell(HOSTILE)}\` |`, '', HOSTILE, ''].join('\n'),
    );
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(html).toContain('Call &lt;script&gt;alert(1)&lt;/script&gt; | now &amp; &quot;quote&quot;');
    // In code the Markdown's `&lt;` is shown as written, as GitHub shows it: text either way.
    expect(html).toContain('<code>Call &amp;lt;script&gt;');
  });

  it('reads tables: a header row, escaped pipes and backslashes, <br>, bold, code', () => {
    const md = ['| Rule | Text |', '|---|---|', `| \`a-b\` | ${textCell('One | two \\ three.\n\nSecond **para**')} |`, ''].join('\n');
    expect(markdownToHtml(md)).toBe(
      '<table><thead><tr><th scope="col">Rule</th><th scope="col">Text</th></tr></thead><tbody>\n' +
        '<tr><td><code>a-b</code></td><td>One | two \\ three.<br><br>Second <strong>para</strong></td></tr>\n</tbody></table>',
    );
  });

  it('prints a link with its target, and opens only http(s), mailto and tel', () => {
    const html = markdownToHtml('Call [988](tel:988) or [this](javascript:alert(1)) *now*.');
    expect(html).toContain('<a href="tel:988">988</a><span class="link-target"> (tel:988)</span>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<em>now</em>');
  });

  it('shows the mermaid block as its source, escaped, and wraps each ## section', () => {
    const html = markdownToHtml('## Flow\n\n```mermaid\nflowchart TD\n  r1{{"a<br/>b"}}\n```\n\n## Sign-off\n\nSign here.\n');
    expect(html).toContain('<pre><code>flowchart TD\n  r1{{&quot;a&lt;br/&gt;b&quot;}}</code></pre>');
    expect(html).toMatch(/<section class="sheet-section" id="section-flow">[\s\S]*<\/section>\n<section class="sheet-section" id="section-sign-off">/);
  });
});

describe('sheetToHtml for rules/ketamine.yaml', () => {
  it('is the Markdown sheet as a page: every section, the review hash in the head, the margin and the signature block', async () => {
    const html = await writtenBy(['graph', 'rules/ketamine.yaml', '--html'], 'rules/ketamine.html');
    const loaded = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'rules/ketamine.yaml');
    if (!loaded.ok) throw new Error('rules/ketamine.yaml does not load');
    const hash = reviewHash(loaded.ruleSet);
    expect(html).toContain(`<meta name="review-hash" content="${hash}">`);
    expect(html).toContain(`content: "Review hash ${hash}"`);
    expect(html.match(new RegExp(hash.replace(/[+/]/g, '\\$&'), 'g'))!.length).toBeGreaterThan(3);
    // The same sheet as rules/ketamine.md: every heading of it, as a heading.
    const markdown = readFileSync('rules/ketamine.md', 'utf8');
    const headings = [...markdown.matchAll(/^#{1,3} /gm)].length;
    expect(html.match(/<h[1-3] id=/g)?.length).toBe(headings);
    expect(html).toContain('<table class="signature"><tbody>');
    expect(html).toContain('<thead><tr><th scope="col">Rule</th>');
    expect(html).not.toMatch(/<script/i);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(sheetToHtml(ruleSetToMarkdown(loaded.ruleSet), { hash }).length).toBeGreaterThan(10_000);
  });
});
