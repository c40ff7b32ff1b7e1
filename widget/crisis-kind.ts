/**
 * Two questions the screens ask about crisis rules, answered from the rule
 * set's structure (the schema has no field for them):
 *
 * - Is this a *medical* crisis only (a blood-pressure reading), so the help
 *   box uses `crisisResources.medicalTitle`?
 * - Did a milder rule fire on the suicide-risk questions (a passive death
 *   wish, tier `review`), so the result still shows the crisis resources?
 *
 * The suicide-risk questions are recognised by their shape: follow-up
 * questions that a crisis rule reads and that show only after an earlier
 * (gate) question, plus that gate. A blood-pressure question stands alone.
 */
import type { Outcome } from '../src/engine.ts';
import { questionRefs } from '../src/engine.ts';
import type { RuleSet } from '../src/schema.ts';

const cache = new WeakMap<RuleSet, Set<string>>();

/**
 * Ids of the suicide-risk questions: gated follow-ups read by crisis rules, and their gates.
 *
 * @example
 * riskQuestionIds(ketamine) // Set { 'suicide-now', 'death-wish', 'suicide-plan', 'suicide-attempt' }
 */
export function riskQuestionIds(ruleSet: RuleSet): Set<string> {
  let ids = cache.get(ruleSet);
  if (ids) return ids;
  ids = new Set<string>();
  const byId = new Map(ruleSet.questions.map((question) => [question.id, question]));
  for (const rule of ruleSet.rules) {
    if (rule.tier !== 'crisis') continue;
    for (const id of questionRefs(rule.when)) {
      const showIf = byId.get(id)?.showIf;
      if (!showIf) continue;
      ids.add(id);
      for (const gate of questionRefs(showIf)) ids.add(gate);
    }
  }
  cache.set(ruleSet, ids);
  return ids;
}

function readsRisk(ruleSet: RuleSet, ruleId: string): boolean {
  const rule = ruleSet.rules.find((r) => r.id === ruleId);
  const risk = riskQuestionIds(ruleSet);
  return rule !== undefined && questionRefs(rule.when).some((id) => risk.has(id));
}

/**
 * True when every crisis rule that fired is medical (reads no suicide-risk question).
 *
 * @example
 * isMedicalCrisisOnly(ruleSet, evaluate(ruleSet, { bp: '180-plus' })) // true
 */
export function isMedicalCrisisOnly(ruleSet: RuleSet, outcome: Outcome): boolean {
  const crisis = outcome.fired.filter((rule) => rule.tier === 'crisis');
  return crisis.length > 0 && crisis.every((rule) => !readsRisk(ruleSet, rule.id));
}

/**
 * True when a non-crisis rule on the suicide-risk questions fired, so the
 * result shows the crisis resources as well.
 *
 * @example
 * needsSupportResources(ruleSet, evaluate(ruleSet, { 'wish-dead': 'yes', 'thoughts-now': 'no' })) // true
 */
export function needsSupportResources(ruleSet: RuleSet, outcome: Outcome): boolean {
  return outcome.fired.some((rule) => rule.tier !== 'crisis' && readsRisk(ruleSet, rule.id));
}
