/**
 * Fetches a compiled rule set named by the `rules` attribute, carefully: only
 * from the page's own origin or origins the clinic lists, with a timeout and
 * a size limit, then checked by hand and against its content hash. Any
 * failure is a plain message for the console; the caller shows the fallback.
 */
import { hashRuleSet, MAX_COMPILED_BYTES, type CompiledRuleSet } from '../src/core/compile.ts';
import { validateCompiled, type ValidationResult } from './validate-rules.ts';

/** Limits for {@link fetchRules}. */
export interface FetchRulesOptions {
  /** Origins allowed besides the page's own, e.g. `['https://cdn.clinic.example']`. */
  allowedOrigins?: readonly string[];
  /** Give up after this many milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Refuse files larger than this (default 512 KB). */
  maxBytes?: number;
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
  const { allowedOrigins = [], timeoutMs = 10_000, maxBytes = MAX_COMPILED_BYTES } = options;
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
    const text = await response.text();
    if (text.length > maxBytes) return fail(tooBig);
    const checked = validateCompiled(JSON.parse(text));
    if (!checked.ok) return fail(`not a valid rule set: ${checked.problem}`);
    if (!(await hashMatches(checked.compiled))) return fail('hash mismatch: edited after it was compiled');
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
 * Recomputes the content hash. Where Web Crypto is missing (a page served
 * over plain http from another host) the check is skipped: the hash guards
 * against accidental edits, and the hand check above still runs.
 */
async function hashMatches(compiled: CompiledRuleSet): Promise<boolean> {
  return !globalThis.crypto?.subtle || (await hashRuleSet(compiled.ruleSet, compiled.selfTest)) === compiled.hash;
}
