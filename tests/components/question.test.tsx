import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mountWidget, settle } from './support.ts';

afterEach(() => document.body.replaceChildren());

type Ui = Awaited<ReturnType<typeof mountWidget>>['ui'];

async function start(attributes?: Record<string, string>) {
  const mounted = await mountWidget(attributes);
  fireEvent.click(mounted.ui.getByRole('button', { name: 'Start the questions' }));
  await settle();
  return mounted;
}

async function press(ui: Ui, name: string) {
  fireEvent.click(ui.getByRole('button', { name }));
  await settle();
}

async function typeAge(ui: Ui, value: string) {
  const input = ui.getByRole('spinbutton');
  // As a browser does: beforeinput with what was typed, then the input (whose value it may sanitise to '').
  input.dispatchEvent(new InputEvent('beforeinput', { data: value, bubbles: true, cancelable: true }));
  fireEvent.input(input, { target: { value } });
  await press(ui, 'Continue');
}

describe('QuestionScreen: number question', () => {
  it('is a number input named by the question, with its unit and range beside it', async () => {
    const { ui } = await start();
    const input = ui.getByRole('spinbutton', { name: 'How old are you?' }) as HTMLInputElement;
    expect(input.type).toBe('number');
    expect([input.min, input.max, input.step]).toEqual(['0', '120', '1']);
    expect(ui.getByText('years')).toBeTruthy();
    expect(ui.getByText('Enter a number from 0 to 120.')).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toContain(ui.getByText('years').closest('[id]')!.id);
    expect(ui.getByRole('group', { name: 'How old are you?' })).toBeTruthy();
  });

  // What the patient types → the message they get (nothing moves on).
  it.each([
    ['', 'Please enter a number from 0 to 120.'],
    ['200', 'Please enter a number from 0 to 120.'],
    ['-1', 'Please enter a number from 0 to 120.'],
    ['40.5', 'Please enter a whole number.'],
    // Within 1e-9 of a whole number, once accepted unrounded (issue 11).
    ['17.9999999999', 'Please enter a whole number.'],
    // Other digit scripts (Arabic-Indic, Persian, Devanagari): ask for 0–9, not for a range.
    ['٤٢', 'Please type the number with the digits 0 to 9.'],
    ['۴۲', 'Please type the number with the digits 0 to 9.'],
    ['४२', 'Please type the number with the digits 0 to 9.'],
  ])('refuses %j with "%s", marks the input invalid and focuses it', async (typed, message) => {
    const { ui, root } = await start();
    await typeAge(ui, typed);
    expect(ui.getByRole('alert').textContent).toBe(message);
    const input = ui.getByRole('spinbutton');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(ui.getByRole('alert').id);
    expect(root.activeElement).toBe(input);
    expect(ui.getAllByText('Question 1 of about 6')[0]!.className).toBe('progress');
  });

  it('moves on with a valid number, and Back brings it back filled in', async () => {
    const { ui } = await start();
    await typeAge(ui, '40');
    expect(ui.getByRole('group', { name: 'What would you like help with?' })).toBeTruthy();
    expect(ui.queryByRole('alert')).toBeNull();
    await press(ui, 'Back');
    expect((ui.getByRole('spinbutton') as HTMLInputElement).value).toBe('40');
  });

  it('goes back to the intro from the first question', async () => {
    const { ui } = await start();
    await press(ui, 'Back');
    expect(ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
  });
});

describe('QuestionScreen: choice questions', () => {
  async function atGoals() {
    const mounted = await start();
    await typeAge(mounted.ui, '40');
    return mounted;
  }

  it('shows a multiple-choice question as a fieldset of labelled checkboxes, with its help text', async () => {
    const { ui } = await atGoals();
    const group = ui.getByRole('group', { name: 'What would you like help with?' });
    expect(group.tagName).toBe('FIELDSET');
    expect(group.querySelector('legend')?.textContent).toBe('What would you like help with?');
    const boxes = ui.getAllByRole('checkbox').map((box) => ui.getByLabelText(box.parentElement!.textContent!) === box);
    expect(boxes).toEqual([true, true, true]);
    expect(ui.getByText('Pick as many as you like.').closest('[id]')!.id).toBe(group.getAttribute('aria-describedby'));
    expect(ui.getAllByText('Question 2 of about 6').map((el) => el.className)).toEqual(['progress', 'sr-only']);
  });

  it('asks for at least one box before moving on', async () => {
    const { ui } = await atGoals();
    await press(ui, 'Continue');
    expect(ui.getByRole('alert').textContent).toBe('Please choose at least one answer to continue.');
    expect(ui.getByRole('group', { name: 'What would you like help with?' })).toBeTruthy();
  });

  it('clears the other boxes when the exclusive "None of these" is ticked, and clears it when another is', async () => {
    const { ui } = await atGoals();
    const box = (name: string) => ui.getByRole('checkbox', { name }) as HTMLInputElement;
    fireEvent.click(box('Low mood or depression'));
    fireEvent.click(box('Worry or anxiety'));
    expect([box('Low mood or depression').checked, box('Worry or anxiety').checked]).toEqual([true, true]);
    fireEvent.click(box('None of these'));
    expect([box('Low mood or depression').checked, box('Worry or anxiety').checked, box('None of these').checked]).toEqual([false, false, true]);
    fireEvent.click(box('Worry or anxiety'));
    expect([box('Worry or anxiety').checked, box('None of these').checked]).toEqual([true, false]);
  });

  it('shows a single-choice question as labelled radios in one group and asks for a choice', async () => {
    const { ui } = await atGoals();
    fireEvent.click(ui.getByRole('checkbox', { name: 'None of these' }));
    await press(ui, 'Continue');
    const group = ui.getByRole('group', { name: 'In the past few weeks, have you wished you were dead?' });
    const radios = ui.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.name)).toEqual([radios[0]!.name, radios[0]!.name]);
    expect(group.contains(radios[0]!)).toBe(true);
    await press(ui, 'Continue');
    expect(ui.getByRole('alert').textContent).toBe('Please choose an answer to continue.');
    fireEvent.click(ui.getByRole('radio', { name: 'No' }));
    await press(ui, 'Continue');
    expect(ui.getByRole('group', { name: 'Are you pregnant?' })).toBeTruthy();
    expect(ui.getAllByText('Question 4 of about 5').map((el) => el.className)).toEqual(['progress', 'sr-only']);
  });
});
