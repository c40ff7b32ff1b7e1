/**
 * Words a patient reads on each screen, counted the way the time estimate
 * needs them. What a screen shows follows the widget (`widget/components/`):
 *
 * - intro: intro title, body and start button, and the four notices;
 * - question: question text, help, every option label (or the unit);
 * - result: the tier's title, body and action; for crisis, the crisis help
 *   (title, intro, each resource's name, detail and link label, the
 *   emergency line); otherwise the not-an-emergency notice; always the
 *   not-advice notice; for review and not-suitable (when `showReasons`), the
 *   reason of each fired rule that is not a crisis rule;
 * - the crisis screen shown by an interrupt before "Continue": the crisis help.
 *
 * Button captions of the widget itself ("Continue", "Back") are not counted.
 */
import { parseText, resolveText, type Text } from '../text.ts';
import type { Question, Rule, RuleSet, Tier } from '../schema.ts';

/**
 * Words in a piece of rule text: runs of characters holding a letter or a
 * digit ("180/120" is one word); link targets and emphasis marks are not words.
 *
 * @example
 * countWords('Call [988](tel:988) *now*, please.') // 4
 */
export function countWords(source: string): number {
  const visible = parseText(source).map((part) => part.text).join('');
  return visible.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Resolves and counts several texts (undefined ones count 0).
 *
 * @example
 * wordsOf(ruleSet, 'en', [ruleSet.intro.title, undefined]) // words in the title
 */
export function wordsOf(ruleSet: RuleSet, locale: string, texts: readonly (Text | undefined)[]): number {
  return texts.reduce<number>(
    (sum, text) => sum + (text === undefined ? 0 : countWords(resolveText(text, locale, ruleSet.locale))),
    0,
  );
}

/**
 * Words on the intro screen.
 *
 * @example
 * introWords(ruleSet, 'en') // title, body, start button and the four notices
 */
export function introWords(ruleSet: RuleSet, locale: string): number {
  const { intro, notices } = ruleSet;
  return wordsOf(ruleSet, locale, [
    intro.title, intro.body, intro.start,
    notices.adultsOnly, notices.notAdvice, notices.privacy, notices.notEmergency,
  ]);
}

/**
 * Words on a question's screen.
 *
 * @example
 * questionWords(ruleSet, ruleSet.questions[0], 'en') // text + help + option labels (or unit)
 */
export function questionWords(ruleSet: RuleSet, question: Question, locale: string): number {
  const extra = question.type === 'number' ? [question.unit] : question.options.map((option) => option.label);
  return wordsOf(ruleSet, locale, [question.text, question.help, ...extra]);
}

/**
 * Words of the crisis help box (also the whole crisis screen an interrupt shows).
 *
 * @example
 * crisisHelpWords(ruleSet, 'en') // the crisis screen an interrupt shows
 */
export function crisisHelpWords(ruleSet: RuleSet, locale: string): number {
  const help = ruleSet.crisisResources;
  return wordsOf(ruleSet, locale, [
    help.title, help.intro, help.emergency,
    ...help.resources.flatMap((resource) => [resource.name, resource.detail, resource.linkLabel]),
  ]);
}

/**
 * Words on the result screen for a tier, without the reasons (see {@link reasonWords}).
 *
 * @example
 * resultWords(ruleSet, 'review', 'en') // title, body, action and notices, without reasons
 */
export function resultWords(ruleSet: RuleSet, tier: Tier, locale: string): number {
  const text = ruleSet.outcomes[tier];
  const base = wordsOf(ruleSet, locale, [text.title, text.body, text.action, ruleSet.notices.notAdvice]);
  if (tier === 'crisis') return base + crisisHelpWords(ruleSet, locale);
  return base + wordsOf(ruleSet, locale, [ruleSet.notices.notEmergency]);
}

/**
 * True when the result screen for `tier` lists the reason of a fired `rule`.
 *
 * @example
 * showsReason(ruleSet, 'review', ruleSet.rules[0]) // true unless showReasons is off or the rule is a crisis rule
 */
export function showsReason(ruleSet: RuleSet, tier: Tier, rule: Rule): boolean {
  return ruleSet.showReasons && (tier === 'review' || tier === 'not-suitable') && rule.tier !== 'crisis';
}

/**
 * Words of the reasons the result screen for `tier` lists, for these fired rule ids.
 *
 * @example
 * reasonWords(ruleSet, 'review', ['liver-disease'], 'en') // words of that rule's reason
 */
export function reasonWords(ruleSet: RuleSet, tier: Tier, ruleIds: readonly string[], locale: string): number {
  let sum = 0;
  for (const id of ruleIds) {
    const rule = ruleSet.rules.find((r) => r.id === id);
    if (rule && showsReason(ruleSet, tier, rule)) sum += wordsOf(ruleSet, locale, [rule.reason]);
  }
  return sum;
}
