import { render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../src/core/engine.ts';
import { ResultScreen } from '../../widget/components/result.tsx';
import { press, TO_CANDIDATE, TO_NOT_SUITABLE, TO_PASSIVE_WISH, TO_REVIEW, walk } from './flow.ts';
import { contentOf, fixtureRuleSet, mountWidget, viewFor } from './support.ts';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const BOOKING = 'https://clinic.example/book';

describe('ResultScreen, reached by answering', () => {
  it('candidate: heading, booking link to booking-url, no reasons, notice, rules version, Start again', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_CANDIDATE);
    expect(root.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('candidate');
    const heading = ui.getByRole('heading', { level: 2, name: 'You may be a good fit to talk about this treatment' });
    expect(root.activeElement).toBe(heading);
    expect(ui.getByRole('link', { name: 'Book a free consultation' }).getAttribute('href')).toBe(BOOKING);
    expect(ui.queryByRole('heading', { name: 'What a clinician will want to talk about' })).toBeNull();
    expect(ui.getByText('This is not medical advice.')).toBeTruthy();
    expect(ui.getByText('Screening rules version 2.1.0')).toBeTruthy();
    expect(ui.queryByRole('link', { name: 'Call 988' })).toBeNull();
  });

  it('review: the reasons in plain words and the booking link', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_REVIEW);
    expect(root.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('review');
    const reasons = ui.getByRole('heading', { name: 'What a clinician will want to talk about' }).parentElement!;
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Your blood pressure may need to be checked first.']);
    expect(ui.getByRole('link', { name: 'Book a consultation' }).getAttribute('href')).toBe(BOOKING);
  });

  it('not-suitable: every reason once, and a "talk to our team" link instead of booking', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_NOT_SUITABLE);
    expect(root.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('not-suitable');
    const reasons = ui.getByRole('heading', { name: 'What a clinician will want to talk about' }).parentElement!;
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'This treatment is only for adults.',
      'This treatment is not offered during pregnancy.',
    ]);
    expect(ui.getByRole('link', { name: 'Talk to our team about other options' }).getAttribute('href')).toBe(BOOKING);
    expect(ui.queryByRole('link', { name: /^Book/ })).toBeNull();
  });

  it('review after a passive death wish: crisis resources are shown as well', async () => {
    const { ui } = await mountWidget();
    await walk(ui, TO_PASSIVE_WISH);
    expect(ui.getByRole('heading', { level: 2 }).textContent).toBe('A clinician will want to review some answers');
    expect(ui.getByRole('heading', { level: 3, name: 'Please reach out for help now' })).toBeTruthy();
    expect(ui.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
  });

  it('Start again returns to the intro with focus on its heading, and nothing of the old answers', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_REVIEW);
    await press(ui, 'Start again');
    expect(root.activeElement).toBe(ui.getByRole('heading', { name: 'Is this treatment a fit for you?' }));
    expect(root.querySelector('[data-outcome]')).toBeNull();
    await press(ui, 'Start the questions');
    expect((ui.getByRole('spinbutton') as HTMLInputElement).value).toBe('');
  });

  it('shows no booking link, and warns once, when booking-url is not https or relative', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ui } = await mountWidget({ 'booking-url': 'javascript:alert(1)' });
    await walk(ui, TO_CANDIDATE);
    expect(ui.queryByRole('link')).toBeNull();
    expect(warn.mock.calls.filter(([message]) => String(message).startsWith('[eligibility-screener] booking-url'))).toHaveLength(1);
  });
});

describe('ResultScreen, rendered on its own', () => {
  const answers = { age: 16, goals: ['depression'], 'wish-dead': 'no', pregnancy: 'no', bp: 'high' };

  it('hides the reasons when the rule set says showReasons: false', () => {
    const ruleSet = { ...fixtureRuleSet(), showReasons: false };
    const { view } = viewFor(ruleSet);
    const { queryByText, getByRole } = render(<ResultScreen view={view} content={contentOf(view, { kind: 'result', outcome: { ...evaluate(ruleSet, answers), crisisLines: false } })} />);
    expect(getByRole('heading', { level: 2 }).textContent).toBe('This may not be a good fit right now');
    expect(queryByText('This treatment is only for adults.')).toBeNull();
  });

  it('shows the reasons, most serious first, when showReasons is true', () => {
    const ruleSet = fixtureRuleSet();
    const { view } = viewFor(ruleSet);
    const { getAllByRole } = render(<ResultScreen view={view} content={contentOf(view, { kind: 'result', outcome: { ...evaluate(ruleSet, answers), crisisLines: false } })} />);
    const items = getAllByRole('listitem').map((li) => li.textContent);
    expect(items.indexOf('This treatment is only for adults.')).toBeLessThan(items.indexOf('Your blood pressure may need to be checked first.'));
  });

  it('has no clinic link at all when there is no booking URL', () => {
    const ruleSet = fixtureRuleSet();
    const { view } = viewFor(ruleSet, { bookingUrl: null });
    const { queryAllByRole } = render(<ResultScreen view={view} content={contentOf(view, { kind: 'result', outcome: { ...evaluate(ruleSet, { ...answers, age: 40, bp: 'normal' }), crisisLines: false } })} />);
    expect(queryAllByRole('link')).toEqual([]);
  });
});
