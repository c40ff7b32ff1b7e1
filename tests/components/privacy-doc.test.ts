/**
 * The README's Privacy section is what a clinic's compliance review reads.
 * These tests hold its statements against the code: the attributes it names
 * exist, the storage key and fields are the ones written, the events carry
 * the keys it lists, the replay hints are the ones set, the size limit is
 * the one enforced. (The browser tests check the same behaviour in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EligibilityScreenerElement } from '../../widget/element.tsx';
import { fetchRules } from '../../widget/fetch-rules.ts';
import { ATTRIBUTES } from '../../widget/attributes.ts';
import { fireEvent } from '@testing-library/preact';
import { uiStrings } from '../../src/core/ui-strings.ts';
import { RESUME_KEY_PREFIX } from '../../widget/resume.ts';

const RESUME_MINUTES = ATTRIBUTES['resume-minutes'][1];
import { TO_CANDIDATE, TO_REVIEW, walk } from './flow.ts';
import { fixtureCompiled, mountWidget } from './support.ts';

const README = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');

function section(name: string): string {
  const text = README.match(new RegExp(`<!-- section:${name} -->([\\s\\S]*?)<!-- /section:${name} -->`))?.[1];
  if (!text) throw new Error(`README.md has no <!-- section:${name} --> … <!-- /section:${name} -->`);
  return text;
}
const PRIVACY = section('privacy');
const EMBEDDING = section('embedding');

/** The text of a `### heading` of the privacy section, up to the next one. */
function part(heading: string): string {
  const text = PRIVACY.split(/^### /m).find((chunk) => chunk.startsWith(heading));
  if (!text) throw new Error(`the Privacy section has no "### ${heading}"`);
  return text;
}

/** Rows of the first Markdown table in `text`, as cells. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line))
    .slice(1)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('README: attributes', () => {
  it('the embedding table lists exactly the attributes the element observes', () => {
    const table = EMBEDDING.split('### Attributes')[1]!.split('### ')[0]!;
    const documented = tableRows(table).map(([name]) => name!.replace(/`/g, ''));
    expect(documented.sort()).toEqual([...EligibilityScreenerElement.observedAttributes].sort());
  });

  it('the privacy section names every opt-in, each a real attribute', () => {
    for (const name of ['share-outcome', 'resume', 'resume-minutes', 'forward-utm', 'rules', 'allowed-origins', 'booking-url']) {
      expect(PRIVACY, name).toContain(`\`${name}\``);
      expect(EligibilityScreenerElement.observedAttributes, name).toContain(name);
    }
  });
});

describe('README: what is stored', () => {
  it('nothing by default: no storage and no cookie through a whole assessment', async () => {
    expect(part('What is stored')).toMatch(/By default, nothing/);
    const { ui } = await mountWidget({ id: 'screener', 'booking-url': '/book' });
    await walk(ui, TO_CANDIDATE);
    expect([sessionStorage.length, localStorage.length, document.cookie]).toEqual([0, 0, '']);
  });

  it('with resume: the key and the four fields it names, and the default minutes', async () => {
    const text = part('What is stored');
    expect(text.match(/under\s+the key `([^`<]+)<id>`/)?.[1]).toBe(RESUME_KEY_PREFIX);
    const fields = [...text.matchAll(/`([a-z])` \(/g)].map((m) => m[1]);
    expect(text).toContain(`\`resume-minutes\` (default ${RESUME_MINUTES})`);
    expect(EMBEDDING).toMatch(new RegExp(`\\| \`resume-minutes\` \\| \`resumeMinutes\` \\| \`${RESUME_MINUTES}\` \\|`));

    const { ui } = await mountWidget({ id: 'screener', 'booking-url': '/book', resume: true });
    await walk(ui, TO_CANDIDATE.slice(0, 2));
    expect(Object.keys(sessionStorage)).toEqual([`${RESUME_KEY_PREFIX}screener`]);
    const saved = JSON.parse(sessionStorage.getItem(`${RESUME_KEY_PREFIX}screener`)!) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).toEqual(fields.sort());
    expect(fields).toHaveLength(4);
    expect(localStorage.length).toBe(0);
  });
});

describe('README: what is sent', () => {
  it('no request with the built-in rules; exactly the rules URL when one is set', async () => {
    expect(part('What is sent')).toMatch(/No request\*\* during an assessment, except fetching the `rules` URL/);
    const body = JSON.stringify(await fixtureCompiled());
    const fetch = vi.fn(async () => new Response(body));
    vi.stubGlobal('fetch', fetch);
    const plain = await mountWidget({ 'booking-url': '/book' });
    await walk(plain.ui, TO_REVIEW);
    expect(fetch).not.toHaveBeenCalled();
    document.body.replaceChildren();
    const remote = await mountWidget({ 'booking-url': '/book', rules: '/rules/mini.json' });
    await vi.waitFor(() => expect(remote.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy());
    await walk(remote.ui, TO_REVIEW);
    expect(fetch.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual([`${location.origin}/rules/mini.json`]);
  });

  it('the size limit it states is the one enforced', async () => {
    const kb = Number(part('What is sent').match(/at most (\d+) KB/)?.[1]);
    expect(kb).toBeGreaterThan(0);
    const body = JSON.stringify(await fixtureCompiled()).padEnd(kb * 1024 + 1);
    vi.stubGlobal('fetch', async () => new Response(body));
    expect(await fetchRules('/rules.json')).toEqual({ ok: false, problem: `over ${kb * 1024} bytes` });
  });
});

describe('README: what the events carry', () => {
  /** README row → [event, detail keys without share-outcome, extra keys with it]. */
  function documented(): Record<string, { keys: string[]; withShare: string[] }> {
    const out: Record<string, { keys: string[]; withShare: string[] }> = {};
    for (const [name, detail] of tableRows(part('What the events carry'))) {
      const keys = detail!
        .match(/\{([^}]*)\}/)![1]!
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean);
      const withShare = [...detail!.matchAll(/`(\w+)` only with `share-outcome`/g)].map((m) => m[1]!);
      out[name!.replace(/`/g, '')] = { keys, withShare };
    }
    return out;
  }

  async function detailKeys(attributes: Record<string, string | true>): Promise<Record<string, string[]>> {
    const seen: Record<string, string[]> = {};
    const record = (event: Event) => (seen[event.type] = Object.keys((event as CustomEvent).detail as object).sort());
    const types = ['screener-start', 'screener-step', 'screener-complete'];
    for (const type of types) document.addEventListener(type, record);
    const { ui } = await mountWidget(attributes);
    await walk(ui, TO_REVIEW);
    for (const type of types) document.removeEventListener(type, record);
    document.body.replaceChildren();
    return seen;
  }

  it('lists every event the element dispatches, with exactly the detail keys it carries', async () => {
    const doc = documented();
    expect(Object.keys(doc).sort()).toEqual(['screener-complete', 'screener-start', 'screener-step']);
    const plain = await detailKeys({ 'booking-url': '/book' });
    const shared = await detailKeys({ 'booking-url': '/book', 'share-outcome': true });
    for (const [name, { keys, withShare }] of Object.entries(doc)) {
      expect(plain[name], name).toEqual([...keys].sort());
      expect(shared[name], `${name} with share-outcome`).toEqual([...keys, ...withShare].sort());
    }
  });
});

describe("README: the patient's summary", () => {
  it('made in the browser and sent nowhere: a blob: URL, no request, no event, attribute, storage or URL change', async () => {
    const statement = PRIVACY.split('- **The patient\'s summary**')[1]!.split('\n- ')[0]!.replace(/\s+/g, ' ');
    expect(statement).toContain('`blob:` URL, with no request of any kind');
    expect(statement).toContain('Nothing about the summary goes into an event, an attribute, storage or the URL.');
    expect(statement).toContain('`summary="off"` removes both actions');
    expect(EligibilityScreenerElement.observedAttributes).toContain('summary');
    // The line beside the buttons says what the README says it says.
    expect(README.replace(/\s+/g, ' ')).toContain(`"${uiStrings('en').keepPrivate}"`);

    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    vi.stubGlobal('print', vi.fn());
    const urls: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => (urls.push('blob:x'), 'blob:x'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { ui, element } = await mountWidget();
    await walk(ui, TO_REVIEW);
    const heard: string[] = [];
    for (const type of ['screener-start', 'screener-step', 'screener-complete']) element.addEventListener(type, () => heard.push(type));
    const before = { attributes: element.getAttributeNames().join(), href: location.href };
    fireEvent.click(ui.getByRole('button', { name: 'Save my answers' }));
    fireEvent.click(ui.getByRole('button', { name: 'Print' }));
    expect(urls).toEqual(['blob:x']);
    expect(fetched).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    expect({ attributes: element.getAttributeNames().join(), href: location.href }).toEqual(before);
    expect([sessionStorage.length, localStorage.length, document.cookie]).toEqual([0, 0, '']);
  });
});

describe('README: booking link and session-replay hints', () => {
  it('the booking link is exactly booking-url, without the tier even with share-outcome', async () => {
    expect(part('What the booking link carries')).toMatch(/no tier, even with `share-outcome`/);
    const { ui, root } = await mountWidget({ 'booking-url': 'https://clinic.example/book', 'share-outcome': true });
    await walk(ui, TO_REVIEW);
    const hrefs = [...root.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href'))
      .filter((href) => href!.includes('clinic.example'));
    expect(hrefs).toEqual(['https://clinic.example/book']);
  });

  it('names exactly the hints the element carries', async () => {
    const text = part('Session-replay');
    const attributes = [...text.matchAll(/`(data-[a-z-]+)="([^"]*)"`/g)].map((m) => [m[1], m[2]]);
    const classes = [...text.matchAll(/the class `([\w-]+)`/g)].map((m) => m[1]);
    const { element } = await mountWidget({ 'booking-url': '/book' });
    const actual = element
      .getAttributeNames()
      .filter((name) => name.startsWith('data-'))
      .map((name) => [name, element.getAttribute(name)]);
    expect(attributes.sort()).toEqual(actual.sort());
    expect(classes).toEqual([...element.classList]);
    // The recorders those hints address, and the plain limit of any hint.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('These hints address exactly those four recorders: Microsoft Clarity, Hotjar, LogRocket and others that honour `data-private`, and FullStory.');
    expect(flat).toContain('no hint stops a script on the page, or an auto-capture tag');
    expect(flat).toContain('the safest choice stays no session replay and no auto-capture on the page with the widget at all.');
  });
});
