import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineEligibilityScreener, EligibilityScreenerElement, TAG } from '../../widget/element.tsx';
import { answer, press, walk } from './flow.ts';
import { fixtureCompiled, mountWidget, settle } from './support.ts';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('<eligibility-screener>', () => {
  it('renders into an open shadow root, styled by an adopted stylesheet, with no <style> element or style attribute', async () => {
    const { element, root } = await mountWidget();
    const other = await mountWidget();
    expect(root.mode).toBe('open');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.adoptedStyleSheets[0]).toBeInstanceOf(CSSStyleSheet);
    // One sheet object shared by every widget on the page.
    expect(other.root.adoptedStyleSheets[0]).toBe(root.adoptedStyleSheets[0]);
    await walk(other.ui, [['age', 40]]);
    for (const node of [element.shadowRoot!, document]) {
      expect(node.querySelectorAll('style, [style]').length).toBe(0);
    }
  });

  it('is defined once: a second definition (the script loaded twice) is harmless', async () => {
    const compiled = await fixtureCompiled();
    defineEligibilityScreener(compiled);
    expect(() => defineEligibilityScreener(compiled)).not.toThrow();
    expect(customElements.get(TAG)).toBe(EligibilityScreenerElement);
  });

  it('marks itself for session-replay tools and never mirrors an answer into an attribute', async () => {
    const { element, ui } = await mountWidget();
    expect(element.getAttribute('data-clarity-mask')).toBe('true');
    expect(element.hasAttribute('data-hj-suppress')).toBe(true);
    expect(element.hasAttribute('data-private')).toBe(true);
    expect(element.classList.contains('fs-exclude')).toBe(true);
    const before = element.getAttributeNames().sort();
    await walk(ui, [['age', 57], ['goals', ['anxiety']]]);
    expect(element.getAttributeNames().sort()).toEqual(before);
    expect(element.outerHTML).not.toMatch(/57|anxiety/);
  });

  it('mirrors its attributes as properties', async () => {
    const { element } = await mountWidget();
    element.bookingUrl = '/book';
    element.rules = '/rules.json';
    element.mode = 'popup';
    element.shareOutcome = true;
    element.allowedOrigins = 'https://cdn.example';
    expect(['booking-url', 'rules', 'mode', 'share-outcome', 'allowed-origins'].map((name) => element.getAttribute(name))).toEqual([
      '/book', '/rules.json', 'popup', '', 'https://cdn.example',
    ]);
    element.shareOutcome = false;
    expect(element.shareOutcome).toBe(false);
    element.rules = '';
    element.setAttribute('mode', 'something');
    expect(element.mode).toBe('inline');
  });

  it('keeps the patient\'s place when removed and added back', async () => {
    const { element, ui } = await mountWidget();
    await walk(ui, [['age', 40]]);
    element.remove();
    await settle();
    document.body.prepend(element);
    await settle();
    expect(ui.getByRole('group', { name: 'What would you like help with?' })).toBeTruthy();
    await answer(ui, 'goals', ['none']);
    expect(ui.getAllByText('Question 3 of about 6')[0]).toBeTruthy();
  });

  it('runs several widgets independently', async () => {
    const a = await mountWidget();
    const b = await mountWidget();
    await walk(a.ui, [['age', 40]]);
    expect(b.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
    expect(a.ui.getByRole('group', { name: 'What would you like help with?' })).toBeTruthy();
  });

  it('falls back to English for a lang it does not have, and uses a translation the rules have', async () => {
    const french = await mountWidget({ lang: 'fr' });
    expect(french.ui.getByRole('heading').textContent).toBe('Is this treatment a fit for you?');
    const spanish = await mountWidget({ lang: 'es' });
    expect(spanish.ui.getByRole('heading').textContent).toBe('¿Este tratamiento es para usted?');
    expect(spanish.root.querySelector('[lang]')?.getAttribute('lang')).toBe('es');
  });

  it('re-renders when an attribute changes', async () => {
    const { element, ui } = await mountWidget({ 'booking-url': '/book' });
    element.setAttribute('lang', 'es');
    await settle();
    expect(ui.getByRole('heading').textContent).toBe('¿Este tratamiento es para usted?');
  });
});

describe('<eligibility-screener rules="…">', () => {
  it('holds its space with a loading note, then starts with the fetched rules', async () => {
    const remote = await fixtureCompiled((ruleSet) => ({ ...ruleSet, intro: { ...ruleSet.intro, title: 'Remote rules' } }));
    let answer!: (response: Response) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const { ui } = await mountWidget({ 'booking-url': '/book', rules: '/rules/remote.json' });
    expect(ui.getByText('Loading the assessment…').getAttribute('aria-busy')).toBe('true');
    answer(new Response(JSON.stringify(remote)));
    await vi.waitFor(() => expect(ui.getByRole('heading').textContent).toBe('Remote rules'));
  });

  it('shows "contact the clinic" with the booking link and one prefixed warning when the rules fail, never a result', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    const { ui, root } = await mountWidget({ 'booking-url': '/book', rules: '/rules/gone.json' });
    await vi.waitFor(() => expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('unavailable'));
    expect(ui.getByRole('heading').textContent).toBe('The assessment is not available right now');
    expect(ui.getByText(/Please contact the clinic/)).toBeTruthy();
    expect(ui.getByRole('link', { name: 'Contact the clinic' }).getAttribute('href')).toBe(`${location.origin}/book`);
    expect(ui.queryByRole('button')).toBeNull();
    expect(root.querySelectorAll('fieldset, input').length).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[eligibility-screener\] rules "\/rules\/gone.json" refused: HTTP 404/);
  });
});

describe('<eligibility-screener mode="popup">', () => {
  it('shows only a launcher button until pressed: no rules fetched, no assessment built', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { ui, root } = await mountWidget({ mode: 'popup', 'booking-url': '/book', rules: '/rules.json' });
    expect(ui.getByRole('button', { name: 'Take the two-minute assessment' }).getAttribute('aria-haspopup')).toBe('dialog');
    expect(root.querySelectorAll('h2, fieldset, [data-outcome]').length).toBe(0);
    expect(root.querySelector('dialog')!.open).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('opens a modal dialog with the intro, and closing it returns focus to the button', async () => {
    const { ui, root } = await mountWidget({ mode: 'popup', 'booking-url': '/book' });
    const opener = ui.getByRole('button', { name: 'Take the two-minute assessment' });
    opener.focus();
    fireEvent.click(opener);
    await settle();
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-label')).toBe('Mini pre-screen');
    const heading = ui.getByRole('heading', { name: 'Is this treatment a fit for you?' });
    expect(dialog.contains(heading)).toBe(true);
    expect(root.activeElement).toBe(heading);
    await press(ui, 'Close');
    expect(dialog.open).toBe(false);
    expect(root.activeElement).toBe(opener);
  });

  it('reopens where the patient was', async () => {
    const { ui, root } = await mountWidget({ mode: 'popup', 'booking-url': '/book' });
    await press(ui, 'Take the two-minute assessment');
    await walk(ui, [['age', 40]]);
    await press(ui, 'Close');
    expect(root.querySelectorAll('fieldset').length).toBe(0);
    await press(ui, 'Take the two-minute assessment');
    expect(ui.getByRole('group', { name: 'What would you like help with?' })).toBeTruthy();
  });

  it('closes its dialog when removed, and works again when added back', async () => {
    const { element, ui, root } = await mountWidget({ mode: 'popup', 'booking-url': '/book' });
    await press(ui, 'Take the two-minute assessment');
    expect(root.querySelector('dialog')!.open).toBe(true);
    element.remove();
    await settle();
    document.body.append(element);
    await settle();
    expect(root.querySelector('dialog')!.open).toBe(false);
    await press(ui, 'Take the two-minute assessment');
    expect(root.querySelector('dialog')!.open).toBe(true);
    expect(ui.getByRole('heading', { name: 'Is this treatment a fit for you?' })).toBeTruthy();
  });
});
