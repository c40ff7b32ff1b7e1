import { afterEach, describe, expect, it } from 'vitest';
import { withCampaign } from '../../widget/campaign.ts';
import { TO_CANDIDATE, TO_REVIEW, walk } from './flow.ts';
import { mountWidget } from './support.ts';

const PAGE = location.pathname;

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', PAGE);
});

describe('withCampaign()', () => {
  // page query → booking URL it gives, for the booking URL https://clinic.example/book?from=screener
  const cases: Array<[string, string]> = [
    ['?utm_source=news&utm_medium=email&utm_campaign=spring', 'https://clinic.example/book?from=screener&utm_source=news&utm_medium=email&utm_campaign=spring'],
    // Anything that is not utm_* stays on the page: an email, a search, a click id.
    ['?email=pat%40example.com&q=ketamine+depression&gclid=abc&utm_source=news', 'https://clinic.example/book?from=screener&utm_source=news'],
    // Look-alikes are not campaign parameters.
    ['?utm=1&xutm_source=2&UTM_SOURCE=3', 'https://clinic.example/book?from=screener'],
    // The page's campaign replaces one of the same name on the booking URL.
    ['?from=page&utm_source=news', 'https://clinic.example/book?from=screener&utm_source=news'],
    ['', 'https://clinic.example/book?from=screener'],
  ];
  for (const [search, expected] of cases) {
    it(`turns page query "${search}" into ${expected}`, () => {
      expect(withCampaign('https://clinic.example/book?from=screener', search)).toBe(expected);
    });
  }

  it('keeps the booking URL\'s own fragment and replaces its utm value with the page\'s', () => {
    expect(withCampaign('https://clinic.example/book?utm_source=site#slots', '?utm_source=ad')).toBe('https://clinic.example/book?utm_source=ad#slots');
  });

  it('resolves a relative booking URL against the page', () => {
    expect(withCampaign('/book', '?utm_source=news')).toBe(new URL('/book?utm_source=news', location.href).href);
  });
});

describe('<eligibility-screener forward-utm>', () => {
  const bookingHref = (root: ShadowRoot) =>
    [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => href.includes('clinic.example'));

  it('adds only the page\'s utm_* parameters to the booking link, and never an answer or the tier', async () => {
    history.replaceState(null, '', `${PAGE}?utm_source=news&utm_campaign=spring&email=pat%40example.com#top`);
    const { root, ui } = await mountWidget({ 'booking-url': 'https://clinic.example/book', 'forward-utm': true, 'share-outcome': true });
    await walk(ui, TO_REVIEW);
    expect(root.querySelector('[data-outcome="review"]')).toBeTruthy();
    expect(bookingHref(root)).toEqual(['https://clinic.example/book?utm_source=news&utm_campaign=spring']);
  });

  it('leaves the booking link exactly as written without forward-utm, share-outcome or not', async () => {
    history.replaceState(null, '', `${PAGE}?utm_source=news`);
    for (const extra of [{}, { 'share-outcome': true }] as Record<string, true>[]) {
      const { root, ui } = await mountWidget({ 'booking-url': 'https://clinic.example/book?from=screener', ...extra });
      await walk(ui, TO_CANDIDATE);
      expect(bookingHref(root)).toEqual(['https://clinic.example/book?from=screener']);
      document.body.replaceChildren();
    }
  });

  it('shows no link at all for a refused booking URL, forward-utm or not', async () => {
    history.replaceState(null, '', `${PAGE}?utm_source=news`);
    const { root, ui } = await mountWidget({ 'booking-url': 'http://clinic.example/book', 'forward-utm': true });
    await walk(ui, TO_CANDIDATE);
    expect(bookingHref(root)).toEqual([]);
  });
});
