/**
 * The ES module build (`dist/eligibility-screener.mjs`) for sites that bundle
 * their own code. Importing it registers `<eligibility-screener>` (with the
 * built-in rules) exactly as the script tag does.
 *
 * @example
 * import { mount } from 'eligibility-screener';
 * mount('#screener', { bookingUrl: '/book' });
 */
import defaultRules from 'virtual:eligibility-screener/default-rules';
import { install } from './api.ts';

install(defaultRules);

export { api, mount, open, VERSION as version } from './api.ts';
export type { EligibilityScreenerApi, ScreenerOptions } from './api.ts';
export { EligibilityScreenerElement, TAG } from './element.tsx';
export type {
  ScreenerCompleteDetail,
  ScreenerEventMap,
  ScreenerStartDetail,
  ScreenerStepDetail,
} from './events.ts';
export type { CompiledRuleSet } from '../src/compile.ts';
