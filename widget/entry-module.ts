/**
 * The ES module build (`dist/eligibility-screener.mjs`) for sites that bundle
 * their own code. Importing it registers `<eligibility-screener>` (with the
 * built-in rules) exactly as the script tag does; importing it in Node, where
 * there is no DOM, registers nothing and does not throw.
 *
 * @example
 * import { mount } from './vendor/eligibility-screener.mjs';
 * mount('#screener', { bookingUrl: '/book' });
 */
import defaultRules from 'virtual:eligibility-screener/default-rules';
import { install } from './api.ts';

// Imported on a server (server-side rendering in Next.js or Astro: Node, no DOM) it defines nothing and says nothing.
if (typeof customElements < 'u') install(defaultRules);

export * from './public-api.ts';
