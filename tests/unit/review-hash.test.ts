/**
 * The sign-off's review hash: a synchronous SHA-256 (the check pipeline is
 * synchronous), held to Web Crypto's, and bound to every clinical and
 * patient-facing field but the sign-off itself.
 */
import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewHash, sha256 } from '../../src/authoring/review-hash.ts';
import { loadRules } from '../support/load-rules.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha256()', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Web Crypto on any text (lengths across the 64-byte block edges)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(hex(sha256(bytes))).toBe(hex(new Uint8Array(await webcrypto.subtle.digest('SHA-256', bytes))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reviewHash()', () => {
  const ruleSet = loadRules('ketamine');

  it('ignores the sign-off itself, and changes with any clinical or patient-facing text', () => {
    const hash = reviewHash(ruleSet);
    expect(hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(reviewHash({ ...ruleSet, signOff: { reviewedBy: 'Dr A, medical director', reviewedOn: '2027-01-02' } })).toBe(hash);
    const spanish = structuredClone(ruleSet);
    (spanish.intro.start as Record<string, string>).es = 'Empezar';
    expect(reviewHash(spanish)).not.toBe(hash);
    const note = structuredClone(ruleSet);
    note.rules[0]!.clinicianNote = 'changed';
    expect(reviewHash(note)).not.toBe(hash);
  });
});
