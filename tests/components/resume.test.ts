import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAssessment } from '../../src/core/machine.ts';
import { keepProgress, RESUME_KEY_PREFIX, resumeKey, resumeProgress, type SavedProgress } from '../../widget/resume.ts';
import { screenOf } from '../../widget/screen.ts';
import { answer, press, TO_CANDIDATE, TO_CRISIS_INTERRUPT, walk } from './flow.ts';
import { fixtureCompiled, fixtureRuleSet, mountWidget, settle } from './support.ts';

afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
  localStorage.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const HASH = (await fixtureCompiled()).hash;
const KEY = `${RESUME_KEY_PREFIX}screener`;

/** Everything the page could have kept: both storages and cookies. */
function stored(): string {
  const dump = (store: Storage) => Object.fromEntries(Array.from({ length: store.length }, (_, i) => [store.key(i), store.getItem(store.key(i)!)]));
  return JSON.stringify({ session: dump(sessionStorage), local: dump(localStorage), cookie: document.cookie });
}
const EMPTY = JSON.stringify({ session: {}, local: {}, cookie: '' });

/** The page is reloaded: the old element is gone, a new one with the same markup appears. */
async function reload(attributes: Record<string, string | true>) {
  document.body.replaceChildren();
  return mountWidget(attributes);
}

const WITH_RESUME = { id: 'screener', 'booking-url': 'https://clinic.example/book', resume: true } as const;

describe('without the resume attribute', () => {
  it('stores nothing anywhere through a whole assessment, a restart and a reload', async () => {
    const { ui } = await mountWidget({ id: 'screener', 'booking-url': 'https://clinic.example/book' });
    await walk(ui, TO_CANDIDATE.slice(0, 2));
    expect(stored()).toBe(EMPTY);
    for (const [question, value] of TO_CANDIDATE.slice(2)) await answer(ui, question, value);
    expect(ui.getByRole('link', { name: /book/i })).toBeTruthy();
    await press(ui, 'Start again');
    expect(stored()).toBe(EMPTY);
    const again = await reload({ id: 'screener', 'booking-url': 'https://clinic.example/book' });
    expect(again.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
  });
});

describe('<eligibility-screener resume>', () => {
  it('keeps the questions shown and the answers before the current one in sessionStorage only, under one key', async () => {
    const { ui } = await mountWidget(WITH_RESUME);
    await walk(ui, [['age', 40], ['goals', ['anxiety']]]);
    expect(Object.keys(localStorage)).toEqual([]);
    expect(document.cookie).toBe('');
    expect(sessionStorage.length).toBe(1);
    const saved = JSON.parse(sessionStorage.getItem(KEY)!) as SavedProgress;
    expect(saved).toEqual({ h: HASH, t: expect.any(Number), p: ['age', 'goals', 'wish-dead'], a: [40, ['anxiety']] });
  });

  it('after a reload, opens at the same question, and Back shows the earlier answers', async () => {
    const first = await mountWidget(WITH_RESUME);
    await walk(first.ui, [['age', 57], ['goals', ['anxiety']]]);
    const { ui, root } = await reload(WITH_RESUME);
    expect(ui.getByRole('group', { name: 'In the past few weeks, have you wished you were dead?' })).toBeTruthy();
    expect(ui.getByText(/^Question 3 of about/)).toBeTruthy();
    await press(ui, 'Back');
    expect((ui.getByLabelText('Worry or anxiety') as HTMLInputElement).checked).toBe(true);
    await press(ui, 'Back');
    expect((root.querySelector('input[type=number]') as HTMLInputElement).value).toBe('57');
  });

  it('announces nothing and moves no focus when it resumes on page load', async () => {
    const first = await mountWidget(WITH_RESUME);
    await walk(first.ui, [['age', 40]]);
    document.body.replaceChildren();
    const events: string[] = [];
    for (const type of ['screener-start', 'screener-step', 'screener-complete']) document.addEventListener(type, () => events.push(type));
    const { root } = await mountWidget(WITH_RESUME);
    expect(root.querySelector('fieldset')).toBeTruthy();
    expect(root.activeElement).toBe(null);
    expect(events).toEqual([]);
  });

  it('is empty again once a result appears, and after Start again', async () => {
    const { ui } = await mountWidget(WITH_RESUME);
    await walk(ui, TO_CANDIDATE.slice(0, 4));
    expect(sessionStorage.getItem(KEY)).not.toBe(null);
    await answer(ui, 'bp', 'normal');
    expect(stored()).toBe(EMPTY);
    // Back from the result is a question again: kept, and gone with the result again.
    await press(ui, 'Back');
    expect(sessionStorage.getItem(KEY)).not.toBe(null);
    await press(ui, 'Continue');
    expect(stored()).toBe(EMPTY);
    await press(ui, 'Start again');
    expect(stored()).toBe(EMPTY);
    // A reload now finds nothing to resume.
    const again = await reload(WITH_RESUME);
    expect(again.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
  });

  it('is empty again after Back to the intro', async () => {
    const { ui } = await mountWidget(WITH_RESUME);
    await walk(ui, [['age', 40]]);
    await press(ui, 'Back');
    await press(ui, 'Back');
    expect(ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
    expect(stored()).toBe(EMPTY);
  });

  it('keeps crisis help: a patient who went on past it resumes after it, and the result still shows it first', async () => {
    const { ui } = await mountWidget(WITH_RESUME);
    await walk(ui, TO_CRISIS_INTERRUPT);
    await press(ui, 'Continue the assessment');
    const { ui: after, root } = await reload(WITH_RESUME);
    expect(after.getByRole('group', { name: 'Are you pregnant?' })).toBeTruthy();
    await answer(after, 'pregnancy', 'no');
    await answer(after, 'bp', 'normal');
    const result = root.querySelector('[data-outcome]')!;
    expect(result.getAttribute('data-outcome')).toBe('crisis');
    expect(result.querySelector('.crisis')).toBeTruthy();
  });

  it('uses one key per widget id, so two widgets on a page resume separately', async () => {
    const a = await mountWidget({ ...WITH_RESUME, id: 'a' });
    const b = await mountWidget({ ...WITH_RESUME, id: 'b' });
    await walk(a.ui, [['age', 40]]);
    await walk(b.ui, [['age', 30], ['goals', ['none']]]);
    expect(Object.keys(sessionStorage).sort()).toEqual([`${RESUME_KEY_PREFIX}a`, `${RESUME_KEY_PREFIX}b`]);
    document.body.replaceChildren();
    const a2 = await mountWidget({ ...WITH_RESUME, id: 'a' });
    const b2 = await mountWidget({ ...WITH_RESUME, id: 'b' });
    expect(a2.ui.getByText(/^Question 2 of about/)).toBeTruthy();
    expect(b2.ui.getByText(/^Question 3 of about/)).toBeTruthy();
  });

  // What a reload finds in storage → it starts afresh at the intro, and the entry is deleted.
  const discarded: Array<[string, (saved: SavedProgress) => string]> = [
    ['saved for other rules (another hash)', (saved) => JSON.stringify({ ...saved, h: 'sha256-other' })],
    ['older than resume-minutes (30 by default)', (saved) => JSON.stringify({ ...saved, t: Date.now() - 31 * 60_000 })],
    ['without a time', ({ t: _t, ...saved }) => JSON.stringify(saved)],
    ['not JSON', () => '{"h":'],
    ['JSON of the wrong shape', () => JSON.stringify([1, 2, 3])],
    ['an answer the question does not accept', (saved) => JSON.stringify({ ...saved, a: [400, ['anxiety']] })],
    ['a path the answers do not lead to', (saved) => JSON.stringify({ ...saved, p: ['age', 'goals', 'bp'] })],
    ['a script in an answer', (saved) => JSON.stringify({ ...saved, a: [40, ['<img src=x onerror=alert(1)>']] })],
  ];
  for (const [name, corrupt] of discarded) {
    it(`starts afresh and deletes what it found: ${name}`, async () => {
      const first = await mountWidget(WITH_RESUME);
      await walk(first.ui, [['age', 40], ['goals', ['anxiety']]]);
      const saved = JSON.parse(sessionStorage.getItem(KEY)!) as SavedProgress;
      sessionStorage.setItem(KEY, corrupt(saved));
      const warn = vi.spyOn(console, 'warn');
      const { ui, root } = await reload(WITH_RESUME);
      expect(ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
      expect(root.querySelector('[data-outcome="unavailable"]')).toBe(null);
      expect(sessionStorage.getItem(KEY)).toBe(null);
      expect(warn).not.toHaveBeenCalled();
    });
  }

  it('resumes a fresh save (the cases above fail only for their reason)', async () => {
    const first = await mountWidget(WITH_RESUME);
    await walk(first.ui, [['age', 40], ['goals', ['anxiety']]]);
    const { ui } = await reload(WITH_RESUME);
    expect(ui.getByText(/^Question 3 of about/)).toBeTruthy();
  });

  it('honours resume-minutes when reading', async () => {
    const first = await mountWidget({ ...WITH_RESUME, 'resume-minutes': '5' });
    await walk(first.ui, [['age', 40]]);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 4 * 60_000);
    expect((await reload({ ...WITH_RESUME, 'resume-minutes': '5' })).ui.getByText(/^Question 2 of about/)).toBeTruthy();
    vi.spyOn(Date, 'now').mockReturnValue(now + 6 * 60_000);
    expect((await reload({ ...WITH_RESUME, 'resume-minutes': '5' })).ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
    expect(sessionStorage.length).toBe(0);
  });

  it('stores nothing when the page blocks storage, and the assessment goes on', async () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    for (const method of ['getItem', 'setItem', 'removeItem'] as const) vi.spyOn(Storage.prototype, method).mockImplementation(blocked);
    const warn = vi.spyOn(console, 'warn');
    const { ui } = await mountWidget(WITH_RESUME);
    await walk(ui, TO_CANDIDATE);
    expect(ui.getByRole('button', { name: 'Start again' })).toBeTruthy();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('keepProgress()', () => {
  it('deletes the entry resume-minutes after the last save, even if the page stays open', () => {
    vi.useFakeTimers();
    const element = document.createElement('div');
    element.id = 'screener';
    element.setAttribute('resume', '');
    element.setAttribute('resume-minutes', '2');
    const actor = createAssessment(fixtureRuleSet());
    actor.send({ type: 'user.start' });
    actor.send({ type: 'user.answer', value: 40 });
    const snapshot = actor.getSnapshot();
    keepProgress(element, HASH, screenOf(snapshot), snapshot.context);
    vi.advanceTimersByTime(60_000);
    // Another answer a minute later starts the clock again.
    keepProgress(element, HASH, screenOf(snapshot), snapshot.context);
    vi.advanceTimersByTime(119_000);
    expect(sessionStorage.getItem(resumeKey(element))).not.toBe(null);
    vi.advanceTimersByTime(2_000);
    expect(sessionStorage.getItem(resumeKey(element))).toBe(null);
  });

  it('deletes the entry on the intro (Start again) and on a result, keeps it on crisis help mid-way', () => {
    const element = document.createElement('div');
    element.id = 'screener';
    element.setAttribute('resume', '');
    const actor = createAssessment(fixtureRuleSet());
    const keep = () => keepProgress(element, HASH, screenOf(actor.getSnapshot()), actor.getSnapshot().context);
    const saved = () => sessionStorage.getItem(KEY) !== null;
    actor.send({ type: 'user.start' });
    for (const value of [40, ['depression'], 'yes']) actor.send({ type: 'user.answer', value }), keep();
    expect(saved()).toBe(true);
    actor.send({ type: 'user.answer', value: 'yes' });
    expect(screenOf(actor.getSnapshot()).kind).toBe('crisis');
    keep();
    expect(saved()).toBe(true);
    actor.send({ type: 'user.restart' });
    keep();
    expect(saved()).toBe(false);
    actor.send({ type: 'user.start' });
    keep();
    expect(saved()).toBe(true);
    for (const value of [16, ['none'], 'no', 'no', 'normal']) actor.send({ type: 'user.answer', value });
    expect(screenOf(actor.getSnapshot()).kind).toBe('result');
    keep();
    expect(saved()).toBe(false);
  });

  it('does nothing, and reads nothing, without the attribute', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const element = document.createElement('div');
    const actor = createAssessment(fixtureRuleSet());
    resumeProgress(element, actor, HASH);
    actor.send({ type: 'user.start' });
    const snapshot = actor.getSnapshot();
    keepProgress(element, HASH, screenOf(snapshot), snapshot.context);
    expect(sessionStorage.length).toBe(0);
    expect(getItem).not.toHaveBeenCalled();
    expect(screenOf(actor.getSnapshot()).kind).toBe('question');
  });
});

describe('resume key', () => {
  it('names the widget by its id', async () => {
    const { element } = await mountWidget({ id: 'clinic-screener', resume: true });
    expect(resumeKey(element)).toBe('eligibility-screener:clinic-screener');
    fireEvent.click(element.shadowRoot!.querySelector('button')!);
    await settle();
    expect(Object.keys(sessionStorage)).toEqual(['eligibility-screener:clinic-screener']);
  });
});
