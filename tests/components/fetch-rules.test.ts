import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRules, isAllowedOrigin } from '../../widget/fetch-rules.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import { fixtureCompiled, fixtureRuleSet } from './support.ts';

afterEach(() => vi.unstubAllGlobals());

// Hashing is async (Web Crypto): compile once; tests that edit it take a copy.
const FIXTURE = await fixtureCompiled();
const fixtureCompiledCopy = () => structuredClone(FIXTURE);

function serve(body: string, init: ResponseInit = {}) {
  const fetch = vi.fn(async (_url: URL, _init?: RequestInit) => new Response(body, { status: 200, ...init }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('fetchRules()', () => {
  it('loads a compiled rule set from the page origin, without following redirects', async () => {
    const compiled = fixtureCompiledCopy();
    const fetch = serve(JSON.stringify(compiled));
    const result = await fetchRules('/rules/mini.json');
    expect(result).toEqual({ ok: true, compiled, languages: ['en', 'es'] });
    expect(String(fetch.mock.calls[0]![0])).toBe(`${location.origin}/rules/mini.json`);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ redirect: 'error' });
  });

  it('refuses another origin unless it is listed, and never plain http', async () => {
    const fetch = serve(JSON.stringify(fixtureCompiledCopy()));
    expect(await fetchRules('https://cdn.example/rules.json')).toMatchObject({ ok: false, problem: expect.stringContaining('is not allowed') });
    expect(fetch).not.toHaveBeenCalled();
    expect(await fetchRules('https://cdn.example/rules.json', { allowedOrigins: ['https://cdn.example'] })).toMatchObject({ ok: true });
    expect(isAllowedOrigin(new URL('http://cdn.example/r.json'), ['http://cdn.example'])).toBe(false);
  });

  it.each<[string, () => void, RegExp]>([
    ['an HTTP error', () => serve('nope', { status: 404 }), /HTTP 404/],
    ['a body that is not JSON', () => serve('{ "format": '), /unreadable/],
    ['a file over the size limit', () => serve(JSON.stringify(fixtureCompiledCopy()), { headers: { 'content-length': '9999999' } }), /over 524288 bytes/],
    ['a JSON that is not a rule set', () => serve('{"format":"eligibility-screener/rules","formatVersion":1}'), /not a valid rule set/],
    ['a rule set edited after compiling', () => {
      const compiled = fixtureCompiledCopy();
      compiled.ruleSet.questions[0]!.text = 'How old are you, really?';
      serve(JSON.stringify(compiled));
    }, /hash mismatch/],
  ])('reports %s as a problem, never throwing', async (_name, setup, problem) => {
    setup();
    const result = await fetchRules('/rules.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it('checks the self-test against the hash too: an edited expectation is refused, the compiled one loads', async () => {
    const selfTest = [{ answers: { age: 16, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'yes', bp: 'normal' }, tier: 'not-suitable' as const, interrupted: false, crisisLines: false }];
    const compiled = await compileRuleSet(fixtureRuleSet(), selfTest);
    serve(JSON.stringify(compiled));
    expect(await fetchRules('/rules.json')).toEqual({ ok: true, compiled, languages: ['en', 'es'] });
    serve(JSON.stringify({ ...compiled, selfTest: [{ ...selfTest[0], tier: 'candidate' }] }));
    expect(await fetchRules('/rules.json')).toMatchObject({ ok: false, problem: expect.stringContaining('hash mismatch') });
    serve(JSON.stringify({ ...compiled, selfTest: undefined }));
    expect(await fetchRules('/rules.json')).toMatchObject({ ok: false, problem: expect.stringContaining('hash mismatch') });
  });

  it('refuses a body longer than the limit even without a content-length', async () => {
    serve(JSON.stringify(fixtureCompiledCopy()));
    expect(await fetchRules('/rules.json', { maxBytes: 100 })).toMatchObject({ ok: false, problem: expect.stringContaining('over 100 bytes') });
  });

  it('counts bytes, not characters: 300,000 two-byte letters are over 512 KB', async () => {
    const compiled = fixtureCompiledCopy();
    compiled.ruleSet.title = 'é'.repeat(300_000);
    const body = JSON.stringify(compiled);
    expect(body.length).toBeLessThan(524_288);
    serve(body);
    expect(await fetchRules('/rules.json')).toMatchObject({ ok: false, problem: 'over 524288 bytes' });
  });

  it('stops reading an endless body at the limit, and cancels the download', async () => {
    let sent = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    vi.stubGlobal('fetch', async () => new Response(endless, { status: 200 }));
    expect(await fetchRules('/endless.json')).toMatchObject({ ok: false, problem: 'over 524288 bytes' });
    expect(sent).toBeLessThanOrEqual(524_288 + 2 * chunk.length);
    expect(cancelled).toBe(true);
  });

  it('refuses rules whose hash cannot be checked (no Web Crypto on a plain-http page), never accepting them unchecked', async () => {
    serve(JSON.stringify(fixtureCompiledCopy()));
    vi.stubGlobal('crypto', {});
    expect(await fetchRules('/rules.json')).toMatchObject({ ok: false, problem: expect.stringContaining('cannot check') });
  });

  it('rules-integrity: loads only rules with one of the pinned hashes', async () => {
    const compiled = fixtureCompiledCopy();
    serve(JSON.stringify(compiled));
    expect(await fetchRules('/rules.json', { integrity: `sha256-other ${compiled.hash}` })).toMatchObject({ ok: true });
    expect(await fetchRules('/rules.json', { integrity: 'sha256-AAAA' })).toEqual({
      ok: false,
      problem: `its hash ${compiled.hash} is not the one rules-integrity pins`,
    });
  });

  it('gives up after the timeout', async () => {
    vi.stubGlobal('fetch', (_url: URL, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    expect(await fetchRules('/slow.json', { timeoutMs: 20 })).toEqual({ ok: false, problem: 'no answer within 20 ms' });
  });
});
