/**
 * Fetches a compiled rule set named by the `rules` attribute, carefully: only
 * from the page's own origin or origins the clinic lists, with a timeout and
 * a size limit in bytes, then checked by hand and against its content hash
 * (and the hashes `rules-integrity` pins). Rules whose hash cannot be
 * checked are refused. Any
 * failure is a plain message for the console; the caller shows the fallback.
 */
import { hashRuleSet, MAX_COMPILED_BYTES } from '../src/core/compile.ts';
import { validateCompiled, type ValidationResult } from './validate-rules.ts';

/** Limits for {@link fetchRules}. */
export interface FetchRulesOptions {
  /** Origins allowed besides the page's own, e.g. `['https://cdn.clinic.example']`. */
  allowedOrigins?: readonly string[];
  /** Give up after this many milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Refuse files larger than this many bytes (default 512 KB), counted while they arrive. */
  maxBytes?: number;
  /** `rules-integrity`: the hashes (`sha256-…`, space-separated) the rules must have, as SRI pins a script. */
  integrity?: string;
}

/** The outcome of {@link fetchRules}: the checked rules and their languages, or why not. */
export type FetchRulesResult = ValidationResult;

/**
 * Loads and checks a compiled rule set. Never throws.
 *
 * @example
 * const result = await fetchRules('/rules/ketamine.json');
 * if (result.ok) start(result.compiled);
 */
export async function fetchRules(url: string, options: FetchRulesOptions = {}): Promise<FetchRulesResult> {
  const { allowedOrigins = [], timeoutMs = 10_000, maxBytes = MAX_COMPILED_BYTES, integrity } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const fail = (problem: string): FetchRulesResult => ({ ok: false, problem });
  try {
    const target = new URL(url, document.baseURI);
    if (!isAllowedOrigin(target, allowedOrigins)) {
      return fail(`${target.origin} is not allowed; list it in allowed-origins`);
    }
    // redirect: 'error' keeps a redirect from leading to an origin nobody listed.
    const response = await fetch(target, { signal: controller.signal, redirect: 'error', credentials: 'same-origin' });
    const tooBig = `over ${maxBytes} bytes`;
    if (!response.ok) return fail(`HTTP ${response.status}`);
    if (Number(response.headers.get('content-length')) > maxBytes) return fail(tooBig);
    // Bytes are counted as they arrive, and the download stops at the limit (a body can be endless).
    const chunks: BlobPart[] = [];
    let size = 0;
    for (const reader = response.body?.getReader(); reader; ) {
      const { done, value } = await reader.read();
      if (done) break;
      if ((size += value.length) > maxBytes) {
        reader.cancel();
        return fail(tooBig);
      }
      chunks.push(value);
    }
    const checked = validateCompiled(JSON.parse(await new Blob(chunks).text()));
    if (!checked.ok) return fail(`not a valid rule set: ${checked.problem}`);
    const { hash } = checked.compiled;
    // No Web Crypto (a plain-http page on another host): the hash cannot be checked, so the rules are refused.
    if (!globalThis.crypto?.subtle) return fail('cannot check its hash on this page (no Web Crypto: serve the page over https)');
    if ((await hashRuleSet(checked.compiled.ruleSet, checked.compiled.selfTest)) !== hash) return fail('hash mismatch: edited after it was compiled');
    if (!isPinned(hash, integrity)) return fail(`its hash ${hash} is not the one rules-integrity pins`);
    return checked;
  } catch (error) {
    return fail(controller.signal.aborted ? `no answer within ${timeoutMs} ms` : `unreadable (${error})`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when `target` is the page's own origin, or an `https:` origin the clinic listed.
 *
 * @example
 * isAllowedOrigin(new URL('https://cdn.example/r.json'), ['https://cdn.example']) // true
 */
export function isAllowedOrigin(target: URL, allowed: readonly string[]): boolean {
  if (target.origin === location.origin) return true;
  return target.protocol === 'https:' && allowed.some((origin) => origin.replace(/\/+$/, '') === target.origin);
}

/**
 * True when `rules-integrity` is empty or names `hash` among its space-separated hashes.
 *
 * @example
 * isPinned('sha256-a', 'sha256-old sha256-a') // true
 */
export function isPinned(hash: string, integrity: string | undefined): boolean {
  return !integrity || integrity.split(/\s+/).includes(hash);
}
