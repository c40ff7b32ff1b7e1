/**
 * The script tag file holds its rules in one slot, which the playground's
 * "Download for your website" fills with edited rules (the build checks the
 * slot on every script it writes: widget/build/build.ts, checkRulesSlot).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { findRulesSlot, spliceRules } from '../../widget/build/rules-slot.ts';

const script = readFileSync('dist/eligibility-screener.js', 'utf8');
const rulesIn = (code: string) => {
  const slot = findRulesSlot(code);
  if (typeof slot === 'string') throw new Error(slot);
  return JSON.parse(JSON.stringify(runInNewContext(`(${code.slice(slot.start, slot.end)})`)));
};

describe('the rules slot', () => {
  it('takes other rules, any number of times, and leaves the rest of the script as it was', () => {
    const rules = rulesIn(script);
    expect(rules.ruleSet.id).toBe('ketamine');
    const edited = structuredClone(rules);
    edited.ruleSet.intro.title = 'Edited {in} the "playground" [1]';
    const once = spliceRules(script, JSON.stringify(edited));
    expect(rulesIn(once)).toEqual(edited);
    const slot = findRulesSlot(script) as { start: number; end: number };
    expect(once.startsWith(script.slice(0, slot.start))).toBe(true);
    expect(once.endsWith(script.slice(slot.end))).toBe(true);
    expect(rulesIn(spliceRules(once, JSON.stringify(rules)))).toEqual(rules);
  });

  it('says why when a script has no slot, or two', () => {
    expect(findRulesSlot('console.log(1)')).toBe('the script holds no built-in rules');
    expect(findRulesSlot(`${script}\n${script}`)).toBe('the script holds the rules more than once');
    expect(() => spliceRules('x', '{}')).toThrow(/cannot put rules into this script/);
  });
});
