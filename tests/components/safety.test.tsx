/**
 * The suicide-risk and blood-pressure journeys of the clinical review
 * (tests/support/safety-scenarios.ts), clicked through the widget with the
 * default ketamine rules built in: what the patient sees at the end.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, type within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/core/compile.ts';
import type { Answer } from '../../src/core/engine.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { parseText, resolveText, type Text } from '../../src/core/text.ts';
import { defineEligibilityScreener } from '../../widget/element.tsx';
import { playScenario, SAFETY_SCENARIOS, type PatientAction } from '../support/safety-scenarios.ts';
import { mountWidget, settle } from './support.ts';

const loaded = loadRuleSet(readFileSync(resolve(process.cwd(), 'rules/ketamine.yaml'), 'utf8'), 'rules/ketamine.yaml');
if (!loaded.ok) throw new Error('rules/ketamine.yaml does not load');
const ruleSet = loaded.ruleSet;
const plain = (text: Text) => parseText(resolveText(text, 'en', 'en')).map((part) => part.text).join('');

beforeAll(async () => {
  // The first definition wins: the widget's built-in rules are the default ketamine rules here.
  defineEligibilityScreener(await compileRuleSet(ruleSet));
});

afterEach(() => document.body.replaceChildren());

type Ui = ReturnType<typeof within>;

async function press(ui: Ui, name: string) {
  fireEvent.click(ui.getByRole('button', { name }));
  await settle();
}

async function act(ui: Ui, action: PatientAction) {
  if (action.kind === 'back') return press(ui, 'Back');
  const question = ruleSet.questions.find((q) => q.id === action.question)!;
  if (question.type === 'number') {
    fireEvent.input(ui.getByRole('spinbutton'), { target: { value: String(action.answer) } });
  } else {
    for (const id of [action.answer as Answer].flat() as string[]) {
      fireEvent.click(ui.getByLabelText(plain(question.options.find((o) => o.id === id)!.label)));
    }
  }
  await press(ui, 'Continue');
}

describe('the widget on the suicide-risk and blood-pressure journeys (rules/ketamine.yaml)', () => {
  it.each(SAFETY_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { ui, root } = await mountWidget();
    await press(ui, plain(ruleSet.intro.start));
    for (const action of playScenario(ruleSet, scenario).actions) await act(ui, action);

    const { expect: want } = scenario;
    expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe(want.tier);
    expect(ui.queryByRole('button', { name: 'Continue the assessment' }) !== null).toBe(want.screen === 'crisis');
    // The crisis lines: every resource link, or none.
    for (const resource of ruleSet.crisisResources.resources) {
      const link = ui.queryByRole('link', { name: plain(resource.linkLabel) });
      expect(link !== null, plain(resource.linkLabel)).toBe(want.crisisLines);
      if (link) expect(link.getAttribute('href')).toBe(plain(resource.href));
    }
    const onScreen = (root.textContent ?? '').replace(/\s+/g, ' ');
    for (const id of want.reasons ?? []) expect(onScreen, id).toContain(plain(ruleSet.rules.find((rule) => rule.id === id)!.reason));
    if (want.tier === 'crisis' && want.crisisLines) {
      // Suicide-risk help is never titled as a medical emergency only.
      expect(ui.getByRole('heading', { level: 2 }).textContent).toBe(plain(ruleSet.crisisResources.title));
    }
  });
});
