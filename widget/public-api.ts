/**
 * Everything the ES module build exports, in one place (the entry adds only
 * the built-in rules and the registration). Pinned by
 * tests/components/exports.test.ts.
 */
export { api, mount, open, VERSION as version } from './api.ts';
export type { EligibilityScreenerApi, ScreenerOptions } from './api.ts';
export { EligibilityScreenerElement, TAG } from './element.tsx';
export type {
  ScreenerCompleteDetail,
  ScreenerEventMap,
  ScreenerStartDetail,
  ScreenerStepDetail,
} from './events.ts';
export type { CompiledRuleSet } from '../src/core/compile.ts';
