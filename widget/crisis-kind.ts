/**
 * Which help a result shows, read from the rules that fired (the rule file's
 * `crisisHelp` field), never guessed from the questions' shape:
 *
 * - a crisis that is *medical* only (a blood-pressure reading) is titled with
 *   `crisisResources.medicalTitle`;
 * - a milder rule marked `crisisHelp: lines` (a passive death wish, tier
 *   `review`) still shows the crisis resources with the result.
 */
import type { Outcome } from '../src/engine.ts';

/**
 * True when every crisis rule that fired is marked `crisisHelp: medical`.
 *
 * @example
 * isMedicalCrisisOnly(evaluate(ruleSet, { bp: '180-plus' })) // true
 */
export function isMedicalCrisisOnly(outcome: Outcome): boolean {
  const crisis = outcome.fired.filter((rule) => rule.tier === 'crisis');
  return crisis.length > 0 && crisis.every((rule) => rule.crisisHelp === 'medical');
}

/**
 * True when a non-crisis rule marked `crisisHelp: lines` fired, so the result
 * shows the crisis resources as well.
 *
 * @example
 * needsSupportResources(evaluate(ruleSet, { 'wish-dead': 'yes', 'thoughts-now': 'no' })) // true
 */
export function needsSupportResources(outcome: Outcome): boolean {
  return outcome.fired.some((rule) => rule.tier !== 'crisis' && rule.crisisHelp === 'lines');
}
