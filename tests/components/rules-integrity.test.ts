/**
 * `rules-integrity` pins the rules' content hash, as SRI pins a script: rules
 * with another hash (fetched, or built into the script) are refused with the
 * contact-the-clinic message, never run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureCompiled, mountWidget, settle } from './support.ts';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const FIXTURE = await fixtureCompiled();
const UNAVAILABLE = 'The assessment is not available right now';

describe('rules-integrity', () => {
  it('built-in rules: runs with their hash pinned, refuses another hash', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pinned = await mountWidget({ 'rules-integrity': FIXTURE.hash });
    expect(pinned.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy();
    const other = await mountWidget({ 'rules-integrity': 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(other.ui.getByText(UNAVAILABLE)).toBeTruthy();
    expect(other.ui.queryByRole('button', { name: 'Start the questions' })).toBeNull();
  });

  it('fetched rules: loads with one of the pinned hashes, refuses otherwise', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(FIXTURE)));
    const pinned = await mountWidget({ rules: '/rules.json', 'rules-integrity': `sha256-old ${FIXTURE.hash}` });
    await vi.waitFor(() => expect(pinned.ui.getByRole('button', { name: 'Start the questions' })).toBeTruthy());
    const other = await mountWidget({ rules: '/rules.json', 'rules-integrity': 'sha256-old' });
    await settle();
    await vi.waitFor(() => expect(other.ui.getByText(UNAVAILABLE)).toBeTruthy());
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain('is not the one rules-integrity pins');
  });
});
