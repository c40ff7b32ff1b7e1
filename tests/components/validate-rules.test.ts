import { describe, expect, it } from 'vitest';
import type { CompiledRuleSet } from '../../src/core/compile.ts';
import { MAX_CONDITION_DEPTH } from '../../src/core/vocabulary.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { fixtureCompiled } from './support.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests break the compiled rule set on purpose.
type Edit = (compiled: any) => void;

// Hashing is async (Web Crypto): compile once, edit copies.
const FIXTURE = await fixtureCompiled();

function edited(edit: Edit): unknown {
  const copy = structuredClone(FIXTURE) as CompiledRuleSet;
  edit(copy);
  return copy;
}

describe('validateCompiled()', () => {
  it('accepts a compiled rule set', () => {
    expect(validateCompiled(FIXTURE)).toEqual({ ok: true, compiled: FIXTURE, languages: ['en', 'es'] });
  });

  // Each row: what is wrong → where the problem is reported.
  it.each<[string, Edit, RegExp]>([
    ['another format', (c) => (c.format = 'something/else'), /^the file/],
    ['a future format version', (c) => (c.formatVersion = 2), /^the file/],
    ['no hash', (c) => delete c.hash, /^the file/],
    ['a version that is not x.y.z', (c) => (c.ruleSet.version = 'v2'), /^the file/],
    ['no questions', (c) => (c.ruleSet.questions = []), /^questions/],
    ['questions that are not a list', (c) => (c.ruleSet.questions = { age: {} }), /^questions/],
    ['a duplicate question id', (c) => (c.ruleSet.questions[1].id = 'age'), /^questions\[1\]/],
    ['an id with capitals', (c) => (c.ruleSet.questions[0].id = 'Age'), /^questions\[0\]/],
    ['an unknown question type', (c) => (c.ruleSet.questions[2].type = 'date'), /^questions\[2\]/],
    ['a choice question with one option', (c) => (c.ruleSet.questions[2].options = [{ id: 'yes', label: 'Yes' }]), /^questions\[2\]/],
    ['a duplicate option id', (c) => (c.ruleSet.questions[2].options[1].id = 'yes'), /^questions\[2\]/],
    ['an empty option label', (c) => (c.ruleSet.questions[2].options[0].label = ' '), /^questions\[2\]/],
    ['a number range upside down', (c) => Object.assign(c.ruleSet.questions[0], { min: 10, max: 1 }), /^questions\[0\]/],
    ['a zero step', (c) => (c.ruleSet.questions[0].step = 0), /^questions\[0\]/],
    ['a showIf on a later question', (c) => (c.ruleSet.questions[0].showIf = { question: 'bp', equals: 'high' }), /^questions\[0\]/],
    ['a rule on an unknown question', (c) => (c.ruleSet.rules[0].when = { question: 'height', lessThan: 1 }), /^rules\[0\]/],
    ['a rule with two tests in one object', (c) => (c.ruleSet.rules[0].when = { question: 'age', lessThan: 18, atLeast: 1 }), /^rules\[0\]/],
    ['an unknown operator', (c) => (c.ruleSet.rules[0].when = { question: 'age', below: 18 }), /^rules\[0\]/],
    ['a number test given text', (c) => (c.ruleSet.rules[0].when = { question: 'age', lessThan: '18' }), /^rules\[0\]/],
    ['an empty all', (c) => (c.ruleSet.rules[0].when = { all: [] }), /^rules\[0\]/],
    ['an unknown tier', (c) => (c.ruleSet.rules[0].tier = 'urgent'), /^rules\[0\]/],
    ['a rule without reason', (c) => delete c.ruleSet.rules[0].reason, /^rules\[0\]/],
    ['a missing outcome', (c) => delete c.ruleSet.outcomes.review, /^outcomes\.review/],
    ['an outcome without action', (c) => delete c.ruleSet.outcomes.candidate.action, /^outcomes\.candidate\.action/],
    ['no crisis resources', (c) => (c.ruleSet.crisisResources.resources = []), /^resources/],
    ['a javascript: resource link', (c) => (c.ruleSet.crisisResources.resources[0].href = 'javascript:alert(1)'), /^resources\[0\]: a resource link starts with https:/],
    ['an http: resource link', (c) => (c.ruleSet.crisisResources.resources[0].href = 'http://988.example'), /^resources\[0\]/],
    ['HTML in a question', (c) => (c.ruleSet.questions[0].text = '<img src=x onerror=alert(1)>'), /HTML is not allowed/],
    ['an event handler in a translation', (c) => (c.ruleSet.intro.title = { en: 'Hi', es: 'x onclick=alert(1)' }), /event-handler/],
    ['a javascript: link in a reason', (c) => (c.ruleSet.rules[0].reason = '[x](javascript:alert(1))'), /script URLs|not allowed/],
    ['not an object at all', (c) => (c.ruleSet = 'rules'), /^the file/],
    // What the loader refuses, the widget refuses too (issue 11).
    ['equals on a multiple-choice question', (c) => (c.ruleSet.rules[0].when = { question: 'goals', equals: 'depression' }), /^rules\[0\]/],
    ['includes on a single-choice question', (c) => (c.ruleSet.rules[0].when = { question: 'bp', includes: 'high' }), /^rules\[0\]/],
    ['lessThan on a choice question', (c) => (c.ruleSet.rules[0].when = { question: 'bp', lessThan: 3 }), /^rules\[0\]/],
    ['an option the question does not have', (c) => (c.ruleSet.rules[0].when = { question: 'bp', equals: 'low' }), /^rules\[0\]/],
    ['a resource link with a space', (c) => (c.ruleSet.crisisResources.resources[0].href = 'https://988lifeline.org/a b'), /^resources\[0\]/],
    ['a resource link with a quote', (c) => (c.ruleSet.crisisResources.resources[0].href = 'tel:988" x'), /^resources\[0\]/],
  ])('refuses %s', (_name, edit, where) => {
    const result = validateCompiled(edited(edit));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(where);
  });

  it('accepts a resource link with a query string, as the loader does (online= is no event handler there)', () => {
    const result = validateCompiled(edited((c) => (c.ruleSet.crisisResources.resources[0].href = 'https://988lifeline.org/chat?online=true')));
    expect(result).toMatchObject({ ok: true });
  });

  it('still refuses an event handler in prose', () => {
    const result = validateCompiled(edited((c) => (c.ruleSet.crisisResources.resources[0].detail = 'Chat at https://988lifeline.org/chat?online=true')));
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/event-handler/) });
  });

  it(`accepts conditions ${MAX_CONDITION_DEPTH} levels deep and refuses one level more`, () => {
    const nested = (levels: number) => {
      let condition: object = { question: 'age', lessThan: 18 };
      for (let i = 1; i < levels; i += 1) condition = { not: condition };
      return condition;
    };
    expect(validateCompiled(edited((c) => (c.ruleSet.rules[0].when = nested(MAX_CONDITION_DEPTH))))).toMatchObject({ ok: true });
    expect(validateCompiled(edited((c) => (c.ruleSet.rules[0].when = nested(MAX_CONDITION_DEPTH + 1))))).toMatchObject({ ok: false, problem: expect.stringMatching(/^rules\[0\]/) });
  });

  it.each([null, 42, 'text', [], {}])('refuses %j without throwing', (data) => {
    expect(validateCompiled(data).ok).toBe(false);
  });
});

describe('validateCompiled() and the self-test', () => {
  const CASE = { answers: { age: 16, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'yes', bp: 'normal' }, tier: 'not-suitable', interrupted: false, crisisLines: false };
  const withSelfTest = (edit: Edit = () => {}) => edited((c) => ((c.selfTest = [structuredClone(CASE)]), edit(c)));

  it('accepts a file with a self-test, and an older file without one', () => {
    expect(validateCompiled(withSelfTest()).ok).toBe(true);
    expect(validateCompiled(FIXTURE).ok).toBe(true);
  });

  // Each row: what is wrong in the self-test → refused at `selfTest[0]` (or the list).
  it.each<[string, Edit, RegExp]>([
    ['an empty list', (c) => (c.selfTest = []), /^selfTest: is not a list/],
    ['not a list', (c) => (c.selfTest = { 0: CASE }), /^selfTest: is not a list/],
    ['an unknown tier', (c) => (c.selfTest[0].tier = 'maybe'), /^selfTest\[0\]/],
    ['a missing flag', (c) => delete c.selfTest[0].interrupted, /^selfTest\[0\]/],
    ['a flag that is not a boolean', (c) => (c.selfTest[0].crisisLines = 'no'), /^selfTest\[0\]/],
    ['no answers', (c) => delete c.selfTest[0].answers, /^selfTest\[0\]/],
    ['an answer to an unknown question', (c) => (c.selfTest[0].answers.height = 180), /^selfTest\[0\]/],
    ['an unknown option', (c) => (c.selfTest[0].answers.bp = 'low'), /^selfTest\[0\]/],
    ['a list for a single choice', (c) => (c.selfTest[0].answers.pregnancy = ['yes']), /^selfTest\[0\]/],
    ['a number out of range', (c) => (c.selfTest[0].answers.age = 200), /^selfTest\[0\]/],
  ])('refuses %s', (_name, edit, where) => {
    const result = validateCompiled(withSelfTest(edit));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(where);
  });
});
