/**
 * Words a patient reads on each screen, counted the way the time estimate
 * needs them: every word the widget draws (`widget/components/`), its own
 * words (`src/core/ui-strings.ts`) included. A component test renders each screen
 * and holds these counts to the words on it.
 *
 * - intro: intro title, body and start button, and the four notices;
 * - question: the progress line, question text, help, the hint ("Choose all
 *   that apply.", or the number range), every option label (or the unit),
 *   Back and Continue;
 * - result: the tier's title, body and action; for crisis, the crisis help
 *   (title, intro, each resource's name, detail and link label, the
 *   emergency line) with the reasons of the rules behind it; otherwise the
 *   not-an-emergency notice, and the crisis help when the crisis lines are
 *   shown; always the not-advice notice, Back, Start again and the rules
 *   version line; for review and not-suitable (when `showReasons`), the
 *   reasons heading and the reason of each fired rule that is not a crisis rule;
 * - the crisis screen shown by an interrupt before "Continue": the crisis
 *   help with the reasons of the interrupting rules, Back and "Continue the
 *   assessment".
 */
import { isHelpReason, showsCrisisLines } from '../core/crisis-help.ts';
import { parseText, resolveText, type Text } from '../core/text.ts';
import type { Question, Rule, RuleSet, Tier } from '../authoring/schema.ts';
import { uiStrings } from '../core/ui-strings.ts';

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
  const ui = uiStrings(locale);
  const extra = question.type === 'number' ? [question.unit] : question.options.map((option) => option.label);
  const hint = question.type === 'number' ? ui.range(question.min, question.max) : question.type === 'multiple-choice' ? ui.chooseAll : '';
  // "Question 3 of about 12": the numbers change along the path, the count of words does not.
  return wordsOf(ruleSet, locale, [question.text, question.help, ...extra]) + uiWords([ui.progress(1, 1), hint, ui.back, ui.continue]);
}

/** Words of the widget's own captions and lines. */
function uiWords(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + countWords(text), 0);
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
 * Words on the crisis screen an interrupt shows, for the interrupting rules.
 *
 * @example
 * crisisScreenWords(ruleSet, 'en', ['suicidal-thoughts-now'])
 */
export function crisisScreenWords(ruleSet: RuleSet, locale: string, interrupts: readonly string[]): number {
  const ui = uiStrings(locale);
  return crisisHelpWords(ruleSet, locale) + reasonWords(ruleSet, 'crisis', interrupts, locale) + uiWords([ui.back, ui.continueAssessment]);
}

/**
 * Words on the result screen for a tier, without the reasons (see {@link reasonWords}).
 * `crisisLines`: the crisis help is shown below a milder result.
 *
 * @example
 * resultWords(ruleSet, 'review', 'en') // title, body, action, notices and buttons, without reasons
 */
export function resultWords(ruleSet: RuleSet, tier: Tier, locale: string, crisisLines = false): number {
  const ui = uiStrings(locale);
  const text = ruleSet.outcomes[tier];
  const base =
    wordsOf(ruleSet, locale, [text.title, text.body, text.action, ruleSet.notices.notAdvice]) +
    uiWords([ui.back, ui.startAgain, ui.rulesVersion(ruleSet.version)]);
  if (tier === 'crisis') return base + crisisHelpWords(ruleSet, locale);
  // A review or not-suitable result always lists the reason of a rule of its tier, under this heading.
  const heading = ruleSet.showReasons && tier !== 'candidate' ? countWords(ui.reasonsTitle) : 0;
  return base + heading + wordsOf(ruleSet, locale, [ruleSet.notices.notEmergency]) + (crisisLines ? crisisHelpWords(ruleSet, locale) : 0);
}

/**
 * True when the result screen for `tier` says the reason of a fired `rule`:
 * in the reasons list (review, not-suitable), or at the top of the crisis
 * help (crisis: the rules behind the help).
 *
 * @example
 * showsReason(ruleSet, 'review', ruleSet.rules[0]) // true unless showReasons is off or the rule is a crisis rule
 */
export function showsReason(ruleSet: RuleSet, tier: Tier, rule: Rule): boolean {
  if (tier === 'crisis') return isHelpReason(rule);
  return ruleSet.showReasons && (tier === 'review' || tier === 'not-suitable') && rule.tier !== 'crisis';
}

/**
 * Words of the reasons the result screen for `tier` says, for these fired
 * rule ids (the heading above them is counted in {@link resultWords}).
 *
 * @example
 * reasonWords(ruleSet, 'review', ['liver-disease'], 'en') // that rule's reason
 */
export function reasonWords(ruleSet: RuleSet, tier: Tier, ruleIds: readonly string[], locale: string): number {
  let sum = 0;
  for (const id of ruleIds) {
    const rule = ruleSet.rules.find((r) => r.id === id);
    if (rule && showsReason(ruleSet, tier, rule)) sum += wordsOf(ruleSet, locale, [rule.reason]);
  }
  return sum;
}

/**
 * Words of the crisis help a milder result adds when one of these rules shows the lines.
 *
 * @example
 * linesWords(ruleSet, 'review', ['past-suicide-attempt'], 'en') // the crisis help box
 */
export function linesWords(ruleSet: RuleSet, tier: Tier, ruleIds: readonly string[], locale: string): number {
  if (tier === 'crisis') return 0;
  const lines = ruleIds.some((id) => {
    const rule = ruleSet.rules.find((r) => r.id === id);
    return rule !== undefined && showsCrisisLines(rule);
  });
  return lines ? crisisHelpWords(ruleSet, locale) : 0;
}
