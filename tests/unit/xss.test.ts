/**
 * XSS payloads in every field of a rule file are refused by validation, with a
 * message at the exact path, before they could reach a patient's screen.
 *
 * Decision on entity text (`&lt;script&gt;`, `&#60;`, `javascript&colon;`):
 * it is ACCEPTED. The widget renders rule text only as text nodes (through
 * `parseText`), which never decode entities, so the patient sees the literal
 * characters "&lt;script&gt;" and nothing runs. The last block checks that.
 */
import { describe, expect, it } from 'vitest';
import { RuleSet } from '../../src/authoring/schema.ts';
import { parseText } from '../../src/core/text.ts';
import { nodes, setAt, type Path } from '../support/doc-paths.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';
import { PAYLOADS } from '../support/xss-payloads.ts';


/** Messages a clinician sees; each names the problem. */
const UNSAFE_MESSAGE = /HTML is not allowed|event-handler attributes|script URLs|link target .* is not allowed/;

const stringLeaves = (doc: unknown): Path[] => nodes(doc).filter((node) => typeof node.value === 'string').map((node) => node.path);

/** Fields that hold identifiers, codes or dates, not prose. */
const CODE_KEYS = new Set(['id', 'version', 'locale', 'type', 'tier', 'atLeast', 'reviewedOn', 'question', 'equals', 'includes', 'oneOf', 'noneOf', 'includesAny']);
/** Prose that is not rendered as patient text but is still part of the file. */
const OTHER_PROSE_KEYS = new Set(['source', 'reviewedBy', 'description']);

const leaves = stringLeaves(sampleRuleSetInput());
const isCode = (path: Path) => path.some((key) => typeof key === 'string' && CODE_KEYS.has(key));
const lastKey = (path: Path) => String(path.findLast((key) => typeof key === 'string'));
const textPaths = leaves.filter((path) => !isCode(path) && lastKey(path) !== 'href' && !OTHER_PROSE_KEYS.has(lastKey(path)));
const otherProsePaths = leaves.filter((path) => OTHER_PROSE_KEYS.has(lastKey(path)));
const codePaths = leaves.filter(isCode);
const hrefPaths = leaves.filter((path) => lastKey(path) === 'href');

function issuesWith(path: Path, value: unknown) {
  const doc = sampleRuleSetInput();
  setAt(doc, path, value);
  const result = RuleSet.safeParse(doc);
  return result.success ? [] : result.error.issues;
}

describe('RuleSet refuses XSS payloads', () => {
  it('covers every patient-facing text field the rule file has', () => {
    const fields = new Set(textPaths.map(lastKey));
    expect([...fields].sort()).toEqual([
      'action', 'adultsOnly', 'body', 'detail', 'emergency', 'help', 'intro', 'label', 'linkLabel', 'medicalTitle',
      'name', 'notAdvice', 'notEmergency', 'privacy', 'reason', 'clinicianNote', 'start', 'text', 'title', 'unit',
    ].sort());
    expect(textPaths.length).toBeGreaterThan(50);
  });

  it('accepts the sample document untouched (so each refusal below is the payload\'s doing)', () => {
    expect(RuleSet.safeParse(sampleRuleSetInput()).error?.issues ?? []).toEqual([]);
  });

  it.each(PAYLOADS)('refuses %j in every text field, with a message at that path', (payload) => {
    const misses: string[] = [];
    for (const path of textPaths) {
      for (const [value, at] of [
        [`Please read this. ${payload}`, path],
        [{ en: 'Plain words.', es: payload }, [...path, 'es']], // the locale-map variant
      ] as const) {
        const hit = issuesWith(path, value).find((issue) => JSON.stringify(issue.path) === JSON.stringify(at));
        if (!hit || !UNSAFE_MESSAGE.test(hit.message)) misses.push(`${at.join('.')}: ${hit?.message ?? 'accepted'}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it.each(PAYLOADS)('refuses %j in the non-patient prose fields (source, reviewer, invariant description)', (payload) => {
    const misses = otherProsePaths.filter((path) => {
      const hit = issuesWith(path, `Reviewed ${payload}`).find((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
      return !hit || !UNSAFE_MESSAGE.test(hit.message);
    });
    expect(otherProsePaths.map(lastKey).sort()).toEqual(['description', 'reviewedBy', 'source', 'source', 'source', 'source', 'source']);
    expect(misses).toEqual([]);
  });

  it('refuses payloads in id, version, locale, date and reference fields', () => {
    expect(codePaths.length).toBeGreaterThan(20);
    const misses = codePaths.flatMap((path) =>
      PAYLOADS.filter((payload) => !issuesWith(path, payload).some((issue) => JSON.stringify(issue.path).startsWith(JSON.stringify(path).slice(0, -1)))).map(
        (payload) => `${path.join('.')} ← ${payload}`,
      ),
    );
    expect(misses).toEqual([]);
  });

  it('explains the problem in words a clinician can act on', () => {
    const messages = (payload: string) => issuesWith(['questions', 0, 'text'], payload).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages('<img src=x onerror=alert(1)>')).toMatchInlineSnapshot(`
      [
        "questions.0.text: HTML is not allowed in rule text; write plain words, *emphasis* or [a link](https://…)",
      ]
    `);
    expect(messages('Hover " onmouseover="alert(1)')).toMatchInlineSnapshot(`
      [
        "questions.0.text: event-handler attributes (onclick=…) are not allowed in rule text",
      ]
    `);
    expect(messages('[Book](javascript:alert(1))')).toMatchInlineSnapshot(`
      [
        "questions.0.text: script URLs (javascript:, vbscript:, data:text/html) are not allowed in rule text",
      ]
    `);
    expect(messages('[Book](http://example.org)')).toMatchInlineSnapshot(`
      [
        "questions.0.text: the link target "http://example.org" is not allowed; links must start with https:, tel: or mailto:",
      ]
    `);
  });
});

describe('RuleSet refuses unsafe resource links', () => {
  // href                                                  why it is refused
  const BAD_HREFS = [
    'javascript:alert(1)', //                              script URL
    'JaVaScRiPt:alert(1)', //                              mixed case
    '  javascript:alert(1)', //                            leading spaces
    'java\tscript:alert(1)', //                            tab inside the scheme (browsers drop it)
    'vbscript:msgbox(1)', //                               old IE script URL
    'data:text/html,<script>alert(1)</script>', //         data URL
    'http://example.org', //                               not https
    '//evil.example', //                                   protocol-relative
    'example.org', //                                      no scheme
    'https://example.org/" onmouseover="alert(1)', //      attribute break-out inside an https link
    'https://example.org/<script>alert(1)</script>', //    HTML inside an https link
    'tel:988" onclick="alert(1)', //                       …and inside a tel link
  ];

  it.each(BAD_HREFS)('refuses href %j with a message at that path', (href) => {
    for (const path of hrefPaths) {
      const hit = issuesWith(path, href).find((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
      expect(hit?.message, path.join('.')).toMatch(/resource link/);
    }
  });

  it('accepts the link kinds crisis lines use', () => {
    for (const href of ['https://988lifeline.org/chat/', 'tel:988', 'tel:+1-800-273-8255', 'sms:741741', 'mailto:help@example.org']) {
      expect(issuesWith(hrefPaths[0]!, href)).toEqual([]);
    }
  });
});

describe('entity text is accepted and stays inert text', () => {
  // Entities and escaped schemes are not markup to the widget: it shows them literally.
  const INERT = [
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;img src=x&#62;',
    'javascript&colon;alert(1)',
    '\\u003cscript\\u003e',
    '＜script＞alert(1)＜/script＞', // full-width brackets are not HTML
  ];

  it.each(INERT)('accepts %j and renders it as exactly that text, never a link', (text) => {
    expect(issuesWith(['intro', 'body'], text)).toEqual([]);
    expect(parseText(text)).toEqual([{ kind: 'text', text }]);
  });
});
