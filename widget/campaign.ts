/**
 * `forward-utm`: a clinic that measures its ad campaigns can ask for the
 * host page's `utm_*` parameters to travel on to the booking page. Only
 * those: nothing else from the page's address (a search term, an email in
 * a newsletter link, a fragment) is ever copied, and never an answer.
 */

/**
 * The booking URL with the page's `utm_*` parameters set on it (they replace
 * any of the same name). Relative URLs come back absolute.
 *
 * @example
 * withCampaign('https://clinic.example/book', '?utm_source=news&email=a%40b.c')
 * // 'https://clinic.example/book?utm_source=news'
 */
export function withCampaign(url: string, search: string): string {
  const target = new URL(url, document.baseURI);
  for (const [name, value] of new URLSearchParams(search)) if (name.startsWith('utm_')) target.searchParams.set(name, value);
  return target.href;
}
