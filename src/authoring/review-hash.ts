/**
 * The hash a clinician's sign-off is bound to (`screener sign`): SHA-256 of
 * everything clinical and patient-facing in a rule set — questions, rules
 * (with their clinician notes and sources), every language, crisis
 * resources, notices, outcomes, invariants — that is, the validated rule set
 * without its `signOff`. Computed here synchronously, in plain JS, because the
 * check pipeline is synchronous and runs in the playground's worker as well
 * as in Node; tests/unit/review-hash.test.ts holds this SHA-256 to Web
 * Crypto's (the one `hashRuleSet` in src/core/compile.ts uses).
 */
import type { RuleSet } from './schema.ts';

// The core's types leave out the DOM and Node, so the one standard global used here is named here.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

/** UTF-8, as Node, browsers and the playground's worker all have it (lone surrogates become U+FFFD). */
const encoder = new TextEncoder();

/**
 * The review hash of a validated rule set: `sha256-` and the digest in base64.
 *
 * @example
 * reviewHash(loaded.ruleSet) // 'sha256-Qm9…='
 */
export function reviewHash(ruleSet: RuleSet): string {
  const { signOff: _signOff, ...reviewed } = ruleSet;
  return `sha256-${base64(sha256(encoder.encode(JSON.stringify(reviewed))))}`;
}

/**
 * The rule set as it is compiled for patients' browsers: its sign-off keeps
 * `contentHash` only while it is bound to this content, so what ships says
 * "Reviewed by … on …" (src/core/screens.ts) only for rules signed as they
 * are. `screener compile`, the widget build and the playground all compile
 * through it.
 *
 * @example
 * compileRuleSet(withBoundSignOff(ruleSet), selfTest)
 */
export function withBoundSignOff(ruleSet: RuleSet): RuleSet {
  const { contentHash, ...named } = ruleSet.signOff;
  return contentHash === undefined || contentHash === reviewHash(ruleSet) ? ruleSet : { ...ruleSet, signOff: named };
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 (FIPS 180-4) of some bytes.
 *
 * @example
 * sha256(new TextEncoder().encode('abc')) // ba7816bf…15ad
 */
export function sha256(data: Uint8Array): Uint8Array {
  const bits = data.length * 8;
  const padded = new Uint8Array((((data.length + 9 + 63) >> 6) << 6));
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, k] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, k].forEach((value, i) => (h[i] = (h[i]! + value) >>> 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setUint32(i * 4, value));
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, as `btoa` gives. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}
