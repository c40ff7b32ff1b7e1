/**
 * The ES module build (`dist/eligibility-screener.mjs`) for sites that bundle
 * their own code. Importing it registers `<eligibility-screener>` (with the
 * built-in rules) exactly as the script tag does.
 *
 * @example
 * import { mount } from './vendor/eligibility-screener.mjs';
 * mount('#screener', { bookingUrl: '/book' });
 */
import defaultRules from 'virtual:eligibility-screener/default-rules';
import { install } from './api.ts';

install(defaultRules);

export * from './public-api.ts';
