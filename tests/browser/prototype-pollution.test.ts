/**
 * Host pages whose scripts, run before the widget, added keys to
 * Object.prototype and Array.prototype (issue 11). Old libraries do this
 * (`Object.prototype.extend = function () {}`, Prototype.js's `Array#any`);
 * so may a page that means harm. Whatever was added, a patient's journey ends
 * with the right outcome, or with the contact-the-clinic fallback; never with
 * a wrong result. The additions this widget defends against must leave it
 * fully usable: for those, the fallback is a failure too.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/engine.ts';
import { useHarness } from './support/harness.ts';
import { hostPage } from './support/pages.ts';
import { Patient } from './support/patient.ts';
import { planCase, scenarioCases, type Plan } from './support/scenarios.ts';

const h = useHarness();

// Rule keys the engine once tested with `in`, question ids, and the names props and context go by.
const RULE_KEYS = ['answered', 'equals', 'any', 'includes', 'oneOf', 'all', 'not', 'noneOf', 'includesAny', 'showIf', 'question', 'interrupt', 'exclusive', 'step', 'lessThan', 'atLeast'];
const DATA_KEYS = ['body', 'answers', 'previous', 'outcome', 'screen', 'view', 'error', 'age', 'pregnancy', 'death-wish', 'suicide-now'];

interface Pollution {
  name: string;
  /** Runs in the page before the widget's script. */
  script: string;
  /** The widget must work (the fallback is a failure), not merely stay safe. */
  usable: boolean;
}

const define = (target: string, names: string[], descriptor: string) =>
  `for (const name of ${JSON.stringify(names)}) Object.defineProperty(${target}, name, Object.assign({ configurable: true }, ${descriptor}));`;

const POLLUTIONS: Pollution[] = [
  // One key alone, exactly as the issue reported it: once, every rule read as an `answered` test.
  { name: 'Object.prototype.answered = 1 (non-enumerable), alone', script: define('Object.prototype', ['answered'], '{ value: 1, writable: true }'), usable: true },
  { name: 'Object.prototype.showIf = 1 (non-enumerable), alone', script: define('Object.prototype', ['showIf'], '{ value: 1, writable: true }'), usable: true },
  { name: 'non-enumerable 1 on rule keys', script: define('Object.prototype', RULE_KEYS, '{ value: 1, writable: true }'), usable: true },
  { name: 'non-enumerable functions on rule keys', script: define('Object.prototype', RULE_KEYS, '{ value: function () { return true; }, writable: true }'), usable: true },
  {
    name: 'non-enumerable "yes" on Array.prototype (keys it does not have already)',
    script: define('Array.prototype', RULE_KEYS.filter((name) => !(name in [])), "{ value: 'yes', writable: true }"),
    usable: true,
  },
  {
    name: 'enumerable lists on Array.prototype',
    script: `for (const name of ${JSON.stringify(RULE_KEYS.filter((name) => !(name in [])))}) Array.prototype[name] = ['pregnant'];`,
    usable: true,
  },
  // A page that breaks a built-in breaks its own scripts too: the widget may stop, but must not mislead.
  { name: 'Array.prototype.includes replaced by a non-function', script: "Array.prototype.includes = 'yes';", usable: false },
  { name: 'enumerable 1 on rule keys (Object.prototype.x = 1)', script: `for (const name of ${JSON.stringify(RULE_KEYS)}) Object.prototype[name] = 1;`, usable: true },
  {
    name: 'old-library style: enumerable Object.prototype.extend, Array.prototype.any/all',
    script: 'Object.prototype.extend = function () {}; Array.prototype.any = function () { return true; }; Array.prototype.all = function () { return true; };',
    usable: true,
  },
  {
    name: 'setters that swallow, getters that answer, named after props, context and question ids',
    script: `window.__received = []; ${define('Object.prototype', DATA_KEYS, '{ get: function () { return undefined; }, set: function (v) { window.__received.push(v); } }')}`,
    usable: true,
  },
  { name: 'non-enumerable values named after question ids', script: define('Object.prototype', DATA_KEYS, "{ value: 15, writable: true }"), usable: true },
];

function journey(name: string, answers: Partial<Record<string, Answers[string]>> = {}): Plan {
  const base = scenarioCases().find((c) => c.name === name);
  if (!base) throw new Error(`no scenario case "${name}"`);
  const plan = planCase({ ...base, answers: { ...base.answers, ...answers } as Answers });
  if ('unanswered' in plan) throw new Error(`case "${name}" leaves "${plan.unanswered}" unanswered`);
  return plan;
}

const JOURNEYS: [string, Plan][] = [
  ['pregnant', journey('Pregnant')],
  ['15 years old', journey('Adult with depression after two antidepressants, no flags', { age: 15 })],
  ['suicidal right now', journey('Thoughts of suicide right now')],
  ['a plain candidate', journey('Adult with depression after two antidepressants, no flags')],
];

/** Walks a plan; returns the outcome the widget shows, 'unavailable' for the fallback. */
async function outcomeOf(patient: Patient, plan: Plan): Promise<string> {
  const fallback = patient.outcome('unavailable');
  await patient.introHeading().or(fallback).first().waitFor();
  if (await fallback.count()) return 'unavailable';
  await patient.startButton().click();
  for (const step of plan.steps) {
    await patient.questionScreen(step.question).or(patient.outcome()).first().waitFor();
    if (await patient.outcome().count()) break;
    await patient.answer(step);
  }
  const shown = patient.outcome();
  await shown.first().waitFor();
  return (await shown.first().getAttribute('data-outcome')) ?? '';
}

describe('a host page that polluted the prototypes', () => {
  for (const [index, pollution] of POLLUTIONS.entries()) {
    it(`never gives a wrong result: ${pollution.name}`, async () => {
      h.server.route(`/pollute-${index}.js`, { body: pollution.script, headers: { 'content-type': 'text/javascript' } });
      h.server.route(`/polluted-${index}.html`, { body: hostPage({ head: `<script src="/pollute-${index}.js"></script>` }) });
      const seen: string[] = [];
      for (const [, plan] of JOURNEYS) {
        const { page } = await h.open(`/polluted-${index}.html`);
        seen.push(await outcomeOf(new Patient(page, page.locator('eligibility-screener')), plan).catch((e: Error) => `stuck: ${e.message.split('\n')[0]}`));
        // Nothing of the patient's answers reached a page setter.
        const received = await page.evaluate(() => (window as unknown as { __received?: unknown[] }).__received ?? []);
        expect(received.filter((v) => v !== null && typeof v === 'object').map((v) => Object.keys(v as object))).toEqual([]);
      }
      const expected = JOURNEYS.map(([, plan]) => plan.tier);
      const allowed = pollution.usable ? expected : expected.map(() => 'unavailable');
      expect(seen.every((tier, i) => tier === expected[i] || tier === allowed[i]), `${JOURNEYS.map(([n]) => n).join(', ')}: ${seen.join(', ')}`).toBe(true);
    });
  }

  it('the journeys themselves end pregnant → not-suitable, 15 → not-suitable, suicidal → crisis, plain → candidate', () => {
    expect(JOURNEYS.map(([, plan]) => plan.tier)).toEqual(['not-suitable', 'not-suitable', 'crisis', 'candidate']);
  });
});
