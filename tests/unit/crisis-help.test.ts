/**
 * Which help a result shows (src/core/crisis-help.ts), on the component fixture's
 * rules: wish-dead → thoughts-now (crisis), a passive wish (review, crisis
 * lines) and a blood-pressure crisis (medical).
 */
import { describe, expect, it } from 'vitest';
import { resultHelp, showsCrisisLines } from '../../src/core/crisis-help.ts';
import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/core/engine.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';

const loaded = loadRuleSet(readFileSync('tests/components/fixtures/mini.yaml', 'utf8'), 'mini.yaml');
if (!loaded.ok) throw new Error('the component fixture does not load');
const ruleSet = loaded.ruleSet;
const base = { age: 40, goals: ['depression'], pregnancy: 'no', bp: 'normal' };
const helpFor = (answers: Record<string, string | string[] | number>, crisisLines = false) => resultHelp({ ...evaluate(ruleSet, answers), crisisLines });

describe('showsCrisisLines()', () => {
  it('is true for a crisis rule unless it is medical, and for any rule marked crisisHelp: lines', () => {
    expect(showsCrisisLines({ tier: 'crisis' })).toBe(true);
    expect(showsCrisisLines({ tier: 'crisis', crisisHelp: 'medical' })).toBe(false);
    expect(showsCrisisLines({ tier: 'review', crisisHelp: 'lines' })).toBe(true);
    expect(showsCrisisLines({ tier: 'not-suitable' })).toBe(false);
  });

  it('reads only the rule\'s own marks: a page\'s Object.prototype.crisisHelp cannot hide the lines', () => {
    Object.defineProperty(Object.prototype, 'crisisHelp', { value: 'medical', writable: true, configurable: true });
    try {
      expect(showsCrisisLines({ tier: 'crisis' })).toBe(true);
    } finally {
      delete (Object.prototype as { crisisHelp?: unknown }).crisisHelp;
    }
  });
});

describe('resultHelp()', () => {
  it('titles a blood-pressure-only crisis "seek medical care now"', () => {
    expect(helpFor({ ...base, 'wish-dead': 'no', bp: 'crisis' })).toMatchObject({ shown: true, onTop: true, medical: true });
  });

  it('never hides suicide-risk help behind the medical title: crisis lines title, both reasons first', () => {
    const help = helpFor({ ...base, 'wish-dead': 'yes', 'thoughts-now': 'no', bp: 'crisis' });
    expect(help).toMatchObject({ shown: true, onTop: true, medical: false });
    expect(help.reasons.map((rule) => rule.id).sort()).toEqual(['bp-crisis', 'passive-wish'].sort());
  });

  it('keeps the lines once shown earlier in the session, even when nothing fires now', () => {
    expect(helpFor({ ...base, 'wish-dead': 'no' })).toMatchObject({ shown: false });
    expect(helpFor({ ...base, 'wish-dead': 'no' }, true)).toMatchObject({ shown: true, onTop: false, reasons: [] });
    expect(helpFor({ ...base, 'wish-dead': 'no', bp: 'crisis' }, true)).toMatchObject({ onTop: true, medical: false });
  });

  it('shows the lines below a milder result when a rule marked crisisHelp: lines fired', () => {
    expect(helpFor({ ...base, 'wish-dead': 'yes', 'thoughts-now': 'no' })).toMatchObject({ shown: true, onTop: false });
    expect(helpFor({ ...base, 'wish-dead': 'no', bp: 'high' })).toMatchObject({ shown: false });
  });
});
