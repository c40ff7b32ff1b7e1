/**
 * Answers the mounted widget's questions the way a patient clicks, for the
 * fixture rule set: `answer(ui, 'age', 40)`, `answer(ui, 'goals', ['none'])`.
 */
import { fireEvent } from '@testing-library/preact';
import type { mountWidget } from './support.ts';
import { settle } from './support.ts';

type Ui = Awaited<ReturnType<typeof mountWidget>>['ui'];

/** Option labels of the fixture, by question and option id. */
const LABELS: Record<string, Record<string, string>> = {
  goals: { depression: 'Low mood or depression', anxiety: 'Worry or anxiety', none: 'None of these' },
  'wish-dead': { yes: 'Yes', no: 'No' },
  'thoughts-now': { yes: 'Yes', no: 'No' },
  pregnancy: { yes: 'Yes', no: 'No' },
  bp: { normal: 'Under 140/90', high: '140/90 to 179/119', crisis: '180/120 or higher' },
};

export async function press(ui: Ui, name: string): Promise<void> {
  fireEvent.click(ui.getByRole('button', { name }));
  await settle();
}

/** Gives one answer on the current screen and presses Continue. */
export async function answer(ui: Ui, question: string, value: number | string | string[]): Promise<void> {
  if (typeof value === 'number') fireEvent.input(ui.getByRole('spinbutton'), { target: { value: String(value) } });
  else for (const id of [value].flat()) fireEvent.click(ui.getByLabelText(LABELS[question]![id]!));
  await press(ui, 'Continue');
}

/** Starts and answers in order. */
export async function walk(ui: Ui, answers: [string, number | string | string[]][]): Promise<void> {
  await press(ui, 'Start the questions');
  for (const [question, value] of answers) await answer(ui, question, value);
}

export const TO_CANDIDATE: [string, number | string | string[]][] = [
  ['age', 40], ['goals', ['depression']], ['wish-dead', 'no'], ['pregnancy', 'no'], ['bp', 'normal'],
];
export const TO_REVIEW: [string, number | string | string[]][] = [
  ['age', 40], ['goals', ['anxiety']], ['wish-dead', 'no'], ['pregnancy', 'no'], ['bp', 'high'],
];
export const TO_NOT_SUITABLE: [string, number | string | string[]][] = [
  ['age', 16], ['goals', ['depression']], ['wish-dead', 'no'], ['pregnancy', 'yes'], ['bp', 'normal'],
];
export const TO_PASSIVE_WISH: [string, number | string | string[]][] = [
  ['age', 40], ['goals', ['depression']], ['wish-dead', 'yes'], ['thoughts-now', 'no'], ['pregnancy', 'no'], ['bp', 'normal'],
];
export const TO_CRISIS_INTERRUPT: [string, number | string | string[]][] = [
  ['age', 40], ['goals', ['depression']], ['wish-dead', 'yes'], ['thoughts-now', 'yes'],
];
