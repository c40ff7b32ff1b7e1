import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, install, mount, open, VERSION } from '../../widget/api.ts';
import { fixtureCompiled, settle } from './support.ts';

install(await fixtureCompiled());

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('window.EligibilityScreener', () => {
  it('is installed once, with version, open and mount', async () => {
    expect(window.EligibilityScreener).toBe(api);
    install(await fixtureCompiled());
    expect(window.EligibilityScreener).toBe(api);
    expect(Object.keys(api).sort()).toEqual(['mount', 'open', 'version']);
    expect(api.version).toBe(VERSION);
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('mount()', () => {
  it('puts a widget with the options as attributes into an element found by selector', async () => {
    document.body.innerHTML = '<div id="slot"></div>';
    const element = mount('#slot', { bookingUrl: '/book', lang: 'es', shareOutcome: true, allowedOrigins: ['https://a.example', 'https://b.example'] });
    await settle();
    expect(element?.parentElement?.id).toBe('slot');
    expect(element?.getAttribute('booking-url')).toBe('/book');
    expect(element?.getAttribute('lang')).toBe('es');
    expect(element?.shareOutcome).toBe(true);
    expect(element?.allowedOrigins).toBe('https://a.example https://b.example');
    expect(element?.shadowRoot?.querySelector('h2')?.textContent).toBe('¿Este tratamiento es para usted?');
  });

  it('returns null with one warning, and throws nothing, when the target is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(mount('#nowhere')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[eligibility-screener\] .*target not found/);
  });
});

describe('open()', () => {
  it('opens the assessment in a modal dialog without a launcher button of its own, reusing it next time', async () => {
    const element = open({ bookingUrl: '/book' });
    await settle();
    const root = element!.shadowRoot!;
    expect(element!.mode).toBe('popup');
    expect(root.querySelector('dialog')!.open).toBe(true);
    expect(root.querySelector('h2')?.textContent).toBe('Is this treatment a fit for you?');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Take the two-minute assessment');
    element!.close();
    expect(open()).toBe(element);
    expect(document.querySelectorAll('eligibility-screener')).toHaveLength(1);
  });
});
