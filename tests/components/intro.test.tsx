import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mountWidget, settle } from './support.ts';

afterEach(() => document.body.replaceChildren());

describe('Intro', () => {
  it('shows the rule set intro: heading, body, notices and a start button named by intro.start', async () => {
    const { ui } = await mountWidget();
    expect(ui.getByRole('heading', { level: 2, name: 'Is this treatment a fit for you?' })).toBeTruthy();
    expect(ui.getByText(/about/).textContent).toBe('A few questions, about two minutes.');
    expect(ui.getByText('two minutes').tagName).toBe('EM');
    for (const notice of ['For adults 18 and over.', 'This is not medical advice.', 'Your answers stay on this device.', 'This is not an emergency service.']) {
      expect(ui.getByText(notice)).toBeTruthy();
    }
    expect(ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
  });

  it('does not take the page focus when it loads', async () => {
    const { element } = await mountWidget();
    expect(document.activeElement).toBe(document.body);
    expect(element.shadowRoot!.activeElement).toBeNull();
  });

  it('starts: the first question appears and focus moves to its heading', async () => {
    const { ui, root } = await mountWidget();
    fireEvent.click(ui.getByRole('button', { name: 'Start the questions' }));
    await settle();
    const heading = ui.getByRole('heading', { name: 'How old are you?' });
    expect(root.activeElement).toBe(heading);
    expect(ui.getAllByText('Question 1 of about 6').map((el) => el.className)).toEqual(['progress', 'sr-only']);
  });
});
