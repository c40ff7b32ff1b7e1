/**
 * The script-tag build (`dist/eligibility-screener.js`): registers
 * `<eligibility-screener>` with the built-in rules and sets
 * `window.EligibilityScreener`. Loading it twice is harmless.
 */
import defaultRules from 'virtual:eligibility-screener/default-rules';
import { install } from './api.ts';

install(defaultRules);
