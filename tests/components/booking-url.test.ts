import { afterEach, describe, expect, it } from 'vitest';
import { safeBookingUrl } from '../../widget/booking-url.ts';

describe('safeBookingUrl()', () => {
  it.each([
    ['https://clinic.example/book', 'https://clinic.example/book'],
    ['  https://clinic.example/book?from=screener  ', 'https://clinic.example/book?from=screener'],
    // A relative URL becomes the page's own absolute URL (so a <base href> cannot send it elsewhere).
    ['/book', `${location.origin}/book`],
    ['book.html', new URL('book.html', location.href).href],
    ['#contact', new URL('#contact', location.href).href],
  ])('keeps %j', (input, expected) => {
    expect(safeBookingUrl(input)).toBe(expected);
  });

  // Anything that is not https: or relative is refused.
  it.each([
    'http://clinic.example/book',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:desk@clinic.example',
    'ftp://clinic.example',
    'https://',
    // Protocol-relative and backslash forms look relative but lead to another host.
    '//evil.example/book',
    ' //evil.example/book',
    '\\\\evil.example/book',
    '/\\evil.example/book',
    '\\/evil.example/book',
    'https:\\\\evil.example/book',
    '',
    null,
    undefined,
  ])('refuses %j', (input) => {
    expect(safeBookingUrl(input)).toBeNull();
  });
});

describe('safeBookingUrl() under a <base href> pointing elsewhere', () => {
  afterEach(() => document.querySelector('base')?.remove());

  it('resolves a relative booking URL against the page itself, never the base', () => {
    const base = document.createElement('base');
    base.href = 'https://evil.example/';
    document.head.append(base);
    expect(new URL('/book', document.baseURI).origin).toBe('https://evil.example');
    expect(safeBookingUrl('/book')).toBe(`${location.origin}/book`);
  });
});
