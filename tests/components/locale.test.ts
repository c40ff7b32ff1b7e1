import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiStrings } from '../../src/core/ui-strings.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { offeredLanguages, pickLocale, widgetStrings } from '../../widget/locale.ts';
import { fixtureCompiled, mountWidget, settle } from './support.ts';

describe('pickLocale(): the lang attribute, else the page, else the rules', () => {
  it.each([
    [['es', 'en'], 'es'],
    [['es-MX', null], 'es-MX'],
    [['en', 'es'], 'en'],
    [[null, 'es'], 'es'],
    [['', 'es-US'], 'es-US'],
    [['fr', 'es'], 'es'],
    [['fr', 'de'], 'en'],
    [[null, ''], 'en'],
    [['constructor', '__proto__'], 'en'],
  ] as const)('lang and <html lang> %j in rules covering en and es → %j', (wished, locale) => {
    expect(pickLocale(wished, ['en', 'es'])).toBe(locale);
  });

  it('takes only languages the rules are written in throughout', () => {
    expect(pickLocale(['es'], ['en'])).toBe('en');
  });
});

describe('the languages a rule set covers', () => {
  it('are those of every one of its texts, its own locale first', async () => {
    const compiled = await fixtureCompiled();
    const checked = validateCompiled(compiled);
    expect(checked.ok && checked.languages).toEqual(['en', 'es']);
    const partly = structuredClone(compiled);
    partly.ruleSet.questions[0]!.text = { en: 'How old are you?' };
    const check = validateCompiled(partly);
    expect(check.ok && check.languages).toEqual(['en']);
  });
});

describe("the widget's own words", () => {
  it('fall back to English', () => {
    expect(uiStrings('fr').continue).toBe('Continue');
    expect(uiStrings('en-GB').progress(3, 11)).toBe('Question 3 of about 11');
    expect(widgetStrings('fr').back).toBe('Back');
  });

  it('are Spanish for Spanish', () => {
    expect(widgetStrings('es-MX').progress(3, 11)).toBe('Pregunta 3 de aproximadamente 11');
  });
});

describe('a Spanish page', () => {
  afterEach(() => {
    document.documentElement.lang = '';
    vi.restoreAllMocks();
  });

  it('gets the assessment in Spanish without a lang attribute', async () => {
    document.documentElement.lang = 'es';
    const { root } = await mountWidget({ 'booking-url': '/book' });
    expect(root.querySelector('h2')?.textContent).toBe('¿Este tratamiento es para usted?');
    expect(root.querySelector('[lang]')?.getAttribute('lang')).toBe('es');
  });

  it('keeps lang="en" over the page and warns once for a language the rules lack', async () => {
    document.documentElement.lang = 'es';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { root } = await mountWidget({ 'booking-url': '/book', lang: 'fr' });
    expect(root.querySelector('h2')?.textContent).toBe('¿Este tratamiento es para usted?');
    expect(warn.mock.calls.filter(([message]) => String(message).includes('lang="fr"'))).toHaveLength(1);
  });
});

describe('the popup button', () => {
  afterEach(() => {
    document.documentElement.lang = '';
  });

  it('speaks the page language before anything is loaded', async () => {
    document.documentElement.lang = 'es';
    const { root } = await mountWidget({ 'booking-url': '/book', mode: 'popup' });
    expect(root.querySelector('button')?.textContent).toBe('Hacer la evaluación de dos minutos');
  });
});

describe('the language switch (languages="en es")', () => {
  afterEach(() => document.body.replaceChildren());

  it('offers each language named in itself, and the patient’s pick changes the whole assessment', async () => {
    const { root, ui } = await mountWidget({ 'booking-url': '/book', languages: 'en es' });
    const group = ui.getByRole('group', { name: 'Language' });
    const spanish = within(group).getByRole('button', { name: 'Español' });
    expect(spanish.getAttribute('lang')).toBe('es');
    expect(within(group).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(spanish.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(spanish);
    await settle();
    expect(root.querySelector('h2')?.textContent).toBe('¿Este tratamiento es para usted?');
    expect(root.querySelector('.card')?.getAttribute('lang')).toBe('es');
    expect(ui.getByRole('group', { name: 'Idioma' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(ui.getByRole('button', { name: 'Empezar las preguntas' }));
    await settle();
    expect(ui.getByRole('button', { name: 'Continuar' })).toBeTruthy();
    expect(root.querySelector('.progress')?.textContent).toMatch(/^Pregunta 1 de aproximadamente \d+$/);
    // The switch is on the intro only.
    expect(ui.queryByRole('group', { name: 'Idioma' })).toBeNull();
  });

  it('puts the pick before the lang attribute', async () => {
    const { root, ui } = await mountWidget({ 'booking-url': '/book', languages: 'en es', lang: 'es' });
    expect(ui.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(ui.getByRole('button', { name: 'English' }));
    await settle();
    expect(root.querySelector('.card')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('h2')?.textContent).not.toBe('¿Este tratamiento es para usted?');
  });

  it('offers only languages the rules cover, and no switch for fewer than two', async () => {
    const { ui } = await mountWidget({ 'booking-url': '/book', languages: 'en fr' });
    expect(ui.queryByRole('group', { name: 'Language' })).toBeNull();
    expect(offeredLanguages('es-MX, en, fr, es', ['en', 'es'])).toEqual(['es-MX', 'en']);
    expect(offeredLanguages('en es', ['en'])).toEqual([]);
  });
});
