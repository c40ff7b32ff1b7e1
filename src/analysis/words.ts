/**
 * Words a patient reads on each screen, counted the way the time estimate
 * needs them, from the one description of each screen the widget draws
 * (`describeScreen` in src/core/screens.ts): every text on it, the widget's
 * own words included; link targets, option ids and numbers are not words.
 * tests/components/screen-words.test.tsx renders the screens and holds these
 * counts to the words on them.
 *
 * The estimate adds a path up screen by screen, so a result is priced in
 * parts: the result without reasons ({@link resultWords}), the reasons of the
 * rules decided along the way ({@link reasonWords}) and the crisis box a rule
 * that shows the lines adds ({@link linesWords}).
 */
import type { FiredRule } from '../core/engine.ts';
import { showsCrisisLines } from '../core/crisis-help.ts';
import { describeScreen, type Screen, type ScreenContent, type Words } from '../core/screens.ts';
import { parseText, resolveText, type Text } from '../core/text.ts';
import type { Question, RuleSet, Tier } from '../authoring/schema.ts';
import { uiStrings } from '../core/ui-strings.ts';

/** Keys of a screen's description that hold no words: kinds, link targets, option ids, flags, numbers. */
const NOT_WORDS = new Set(['kind', 'tier', 'href', 'id', 'exclusive']);

/** One text on a screen, named by where the description keeps it ("title", "help.resources.name"). */
export interface ScreenPart {
  part: string;
  text: string;
}

/**
 * Every text a screen shows, in screen order (as `describeScreen` lists them), each named by its place;
 * `withLinks` adds the crisis resources' link targets (for the sign-off sheet: not words on screen).
 *
 * @example
 * screenParts(describeScreen(ruleSet, { kind: 'intro' }, words))[0] // { part: 'title', text: 'Ketamine therapy check' }
 */
export function screenParts(content: ScreenContent, withLinks = false): ScreenPart[] {
  const parts: ScreenPart[] = [];
  visitTexts(content, withLinks, '', (text, part) => parts.push({ part: part ?? '', text }));
  return parts;
}

/**
 * Every text a screen shows, in screen order.
 *
 * @example
 * screenTexts(describeScreen(ruleSet, { kind: 'intro' }, words)) // [title, body, …notices, start]
 */
export function screenTexts(content: ScreenContent): string[] {
  const texts: string[] = [];
  visitTexts(content, false, null, (text) => texts.push(text));
  return texts;
}

/**
 * Calls `found` for every text of a screen's description, in order, with its
 * place's name; `part` null leaves places unnamed (the time estimate counts
 * the words of thousands of screens and needs no names).
 */
function visitTexts(value: unknown, withLinks: boolean, part: string | null, found: (text: string, part: string | null) => void): void {
  if (typeof value === 'string') found(value, part);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      visitTexts(item, withLinks, part !== null && typeof item === 'object' ? `${part}.${i + 1}` : part, found);
    }
  } else if (value && typeof value === 'object') {
    // for…in, not Object.entries: the same keys in the same order for these plain records, without an array of pairs
    // for each of the thousands of screens the estimate describes.
    for (const key in value) {
      if (NOT_WORDS.has(key) && !(withLinks && key === 'href')) continue;
      visitTexts((value as Record<string, unknown>)[key], withLinks, part === null ? null : part ? `${part}.${key}` : key, found);
    }
  }
}

/**
 * The words the widget draws a screen in, for a locale.
 *
 * @example
 * describeScreen(ruleSet, screen, wordsFor(ruleSet, 'es'))
 */
export function wordsFor(ruleSet: RuleSet, locale: string): Words {
  // The time estimate describes thousands of screens of one rule set: its texts are resolved once each.
  let byLocale = wordsCache.get(ruleSet);
  if (!byLocale) wordsCache.set(ruleSet, (byLocale = new Map()));
  let words = byLocale.get(locale);
  if (!words) {
    const resolved = new WeakMap<object, string>();
    const t = (text: Text) => {
      if (typeof text === 'string') return text;
      let value = resolved.get(text);
      if (value === undefined) resolved.set(text, (value = resolveText(text, locale, ruleSet.locale)));
      return value;
    };
    byLocale.set(locale, (words = { strings: uiStrings(locale), t }));
  }
  return words;
}

/** Rule set → locale → its words. Rule sets are never changed once loaded. */
const wordsCache = new WeakMap<RuleSet, Map<string, Words>>();

/**
 * Words on a screen.
 *
 * @example
 * screenWords(ruleSet, { kind: 'intro' }, 'en') // title, body, the four notices and the start button
 */
export function screenWords(ruleSet: RuleSet, screen: Screen, locale: string): number {
  return screenTexts(describeScreen(ruleSet, screen, wordsFor(ruleSet, locale))).reduce((sum, text) => sum + countWords(text), 0);
}

/**
 * Words in a piece of rule text: runs of characters holding a letter or a
 * digit ("180/120" is one word); link targets and emphasis marks are not words.
 *
 * @example
 * countWords('Call [988](tel:988) *now*, please.') // 4
 */
export function countWords(source: string): number {
  let count = counted.get(source);
  if (count === undefined) {
    // The same few texts are counted again and again along every answer path.
    if (counted.size > 10_000) counted.clear();
    counted.set(source, (count = countUncached(source)));
  }
  return count;
}

const counted = new Map<string, number>();

function countUncached(source: string): number {
  const visible = parseText(source).map((part) => part.text).join('');
  return visible.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Words on the intro screen.
 *
 * @example
 * introWords(ruleSet, 'en') // title, body, the four notices and the start button
 */
export function introWords(ruleSet: RuleSet, locale: string): number {
  return screenWords(ruleSet, { kind: 'intro' }, locale);
}

/**
 * Words on a question's screen ("Question 3 of about 12": the numbers change along the path, the count of words does not).
 *
 * @example
 * questionWords(ruleSet, ruleSet.questions[0], 'en') // progress, text, help, hint, options (or unit), Back, Continue
 */
export function questionWords(ruleSet: RuleSet, question: Question, locale: string): number {
  return screenWords(ruleSet, { kind: 'question', question, step: 1, total: 1 }, locale);
}

/** The rules of these ids as the engine reports them fired, in the rule set's order. */
function firedOf(ruleSet: RuleSet, ids: readonly string[]): FiredRule[] {
  let records = firedRecords.get(ruleSet);
  if (!records) {
    // Made once per rule set: the time estimate asks for thousands of lists of the same few rules.
    records = ruleSet.rules.map((rule) => ({
      id: rule.id,
      tier: rule.tier,
      reason: rule.reason,
      source: rule.source,
      interrupt: rule.interrupt === true,
      ...(rule.crisisHelp ? { crisisHelp: rule.crisisHelp } : {}),
    }));
    firedRecords.set(ruleSet, records);
  }
  return records.filter((rule) => ids.includes(rule.id));
}

/** Rule set → each of its rules as a fired record, in order. Rule sets are never changed once loaded. */
const firedRecords = new WeakMap<RuleSet, FiredRule[]>();

/** Words on the result screen for `tier` after these rules fired. */
function resultScreenWords(ruleSet: RuleSet, tier: Tier, ids: readonly string[], crisisLines: boolean, locale: string): number {
  return screenWords(ruleSet, { kind: 'result', outcome: { tier, fired: firedOf(ruleSet, ids), crisisLines } }, locale);
}

/**
 * Words on the crisis screen an interrupt shows, for the interrupting rules.
 *
 * @example
 * crisisScreenWords(ruleSet, 'en', ['suicidal-thoughts-now'])
 */
export function crisisScreenWords(ruleSet: RuleSet, locale: string, interrupts: readonly string[]): number {
  return screenWords(ruleSet, { kind: 'crisis', outcome: { tier: 'crisis', fired: firedOf(ruleSet, interrupts), crisisLines: false } }, locale);
}

/**
 * Words on the result screen for a tier, without the reasons (see {@link reasonWords}); the heading
 * of the reasons is counted here, as every review or not-suitable result lists at least one.
 * `crisisLines`: the crisis help is shown below a milder result. A crisis result is priced with
 * the crisis-lines title (a medical crisis alone may show the shorter medical one).
 *
 * @example
 * resultWords(ruleSet, 'review', 'en') // title, body, action, notices and buttons, without reasons
 */
export function resultWords(ruleSet: RuleSet, tier: Tier, locale: string, crisisLines = false): number {
  return resultScreenWords(ruleSet, tier, [], crisisLines || tier === 'crisis', locale);
}

/**
 * Words of the reasons the result screen for `tier` says, for these fired
 * rule ids (the heading above them is counted in {@link resultWords}).
 *
 * @example
 * reasonWords(ruleSet, 'review', ['liver-disease'], 'en') // that rule's reason
 */
export function reasonWords(ruleSet: RuleSet, tier: Tier, ruleIds: readonly string[], locale: string): number {
  return resultPartWords(ruleSet, locale).reasons(tier, ruleIds);
}

/**
 * Words of the crisis help a milder result adds when one of these rules shows the lines.
 *
 * @example
 * linesWords(ruleSet, 'review', ['past-suicide-attempt'], 'en') // the crisis help box
 */
export function linesWords(ruleSet: RuleSet, tier: Tier, ruleIds: readonly string[], locale: string): number {
  return resultPartWords(ruleSet, locale).lines(tier, ruleIds);
}

/** The parts of a result screen priced apart: {@link reasonWords} and {@link linesWords}. */
export interface ResultPartWords {
  reasons(tier: Tier, ruleIds: readonly string[]): number;
  lines(tier: Tier, ruleIds: readonly string[]): number;
}

/**
 * {@link reasonWords} and {@link linesWords} for one rule set and locale, each result screen
 * without reasons counted once: for pricing many lists of rules (the time estimate walks
 * thousands of answer steps). Holds no state beyond its own calls.
 *
 * @example
 * const parts = resultPartWords(ruleSet, 'en');
 * parts.reasons('review', ['liver-disease']) === reasonWords(ruleSet, 'review', ['liver-disease'], 'en') // true
 */
export function resultPartWords(ruleSet: RuleSet, locale: string): ResultPartWords {
  const bare = new Map<string, number>();
  // The result screen for `tier` with no reasons listed, with or without the crisis box.
  const withoutReasons = (tier: Tier, crisisLines: boolean) => {
    const key = `${tier}|${crisisLines}`;
    let words = bare.get(key);
    if (words === undefined) bare.set(key, (words = resultScreenWords(ruleSet, tier, [], crisisLines, locale)));
    return words;
  };
  return {
    reasons: (tier, ruleIds) => {
      if (ruleIds.length === 0) return 0;
      // With the crisis box on both sides, only the reasons differ.
      return resultScreenWords(ruleSet, tier, ruleIds, true, locale) - withoutReasons(tier, true);
    },
    lines: (tier, ruleIds) => {
      if (tier === 'crisis' || !firedOf(ruleSet, ruleIds).some(showsCrisisLines)) return 0;
      return withoutReasons(tier, true) - withoutReasons(tier, false);
    },
  };
}
