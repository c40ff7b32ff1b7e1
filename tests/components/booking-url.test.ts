import { describe, expect, it } from 'vitest';
import { safeBookingUrl } from '../../widget/booking-url.ts';

describe('safeBookingUrl()', () => {
  it.each([
    ['https://clinic.example/book', 'https://clinic.example/book'],
    ['  https://clinic.example/book?from=screener  ', 'https://clinic.example/book?from=screener'],
    ['/book', '/book'],
    ['book.html', 'book.html'],
    ['#contact', '#contact'],
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
    '',
    null,
    undefined,
  ])('refuses %j', (input) => {
    expect(safeBookingUrl(input)).toBeNull();
  });
});
