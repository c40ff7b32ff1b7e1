/**
 * The default rule set, rules/ketamine.yaml, checked the way a clinical lead
 * and a patient would notice: every scenario case, the two-minute budget,
 * no final-sounding words, a citation on every rule, crisis help that works.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCases, runCases } from '../../src/authoring/cases.ts';
import { countedAnswers, evaluate, evaluateCondition, isAtLeast, visibleQuestionIds, type Answers } from '../../src/core/engine.ts';
import { formatIssue, loadRuleSet } from '../../src/authoring/loader.ts';
import type { RuleSet, Tier, TierInvariant } from '../../src/authoring/schema.ts';
import { resolveText, type Text } from '../../src/core/text.ts';
import { countWords, introWords, questionWords, resultWords } from '../../src/analysis/words.ts';
import { estimateTime } from '../../src/analysis/estimate.ts';
import { allPaths, answerClasses } from '../support/answer-paths.ts';
import { RULES_DIR, TYPICAL_KETAMINE_ANSWERS } from '../support/load-rules.ts';

const RULES_FILE = 'rules/ketamine.yaml';
const CASES_FILE = 'rules/ketamine.cases.yaml';

const loaded = loadRuleSet(readFileSync(`${RULES_DIR}ketamine.yaml`, 'utf8'), RULES_FILE);
if (!loaded.ok) throw new Error(`${RULES_FILE} does not load:\n${loaded.issues.map(formatIssue).join('\n')}`);
const ruleSet: RuleSet = loaded.ruleSet;

const casesLoaded = loadCases(readFileSync(`${RULES_DIR}ketamine.cases.yaml`, 'utf8'), CASES_FILE, ruleSet);
if (!casesLoaded.ok) throw new Error(`${CASES_FILE} does not load:\n${casesLoaded.issues.map(formatIssue).join('\n')}`);
const cases = casesLoaded.cases;

const en = (text: Text) => resolveText(text, 'en', ruleSet.locale);

// ---------------------------------------------------------------------------
// The reading-time budget: 200 words a minute plus 3 seconds an answer. Words
// are counted per screen as the widget shows them (src/analysis/words.ts: the
// intro with its four notices, each question with help and options, the
// result with its notices), the same count `screener check` reports.

const WORDS_PER_MINUTE = 200;
const SECONDS_PER_ANSWER = 3;

/** Seconds to read and answer a path with no reasons on its result: intro, each question, the result. */
function pathSeconds(questionIds: string[], tier: Tier): number {
  const words =
    introWords(ruleSet, 'en') +
    questionIds.reduce((sum, id) => sum + questionWords(ruleSet, ruleSet.questions.find((q) => q.id === id)!, 'en'), 0) +
    resultWords(ruleSet, tier, 'en');
  return (words / WORDS_PER_MINUTE) * 60 + SECONDS_PER_ANSWER * questionIds.length;
}

const TYPICAL = TYPICAL_KETAMINE_ANSWERS;

// ---------------------------------------------------------------------------

describe('rules/ketamine.yaml', () => {
  it('loads with no problems at all (not even warnings)', () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
  });

  describe('scenario cases (rules/ketamine.cases.yaml)', () => {
    const results = runCases(ruleSet, cases);
    it.each(results.map((result) => [result.case.name, result] as const))('%s', (_name, result) => {
      expect({ tier: result.actual.tier, fired: [...result.actual.fired].sort() }).toEqual({
        tier: result.case.expect.tier,
        fired: [...result.case.expect.fired].sort(),
      });
    });

    it('has at least one case where each rule fires', () => {
      const fired = new Set(results.flatMap((result) => result.actual.fired));
      expect(ruleSet.rules.map((rule) => rule.id).filter((id) => !fired.has(id))).toEqual([]);
    });

    it('has cases for every outcome tier, including candidate paths', () => {
      const tiers = new Set(cases.map((c) => c.expect.tier));
      expect([...tiers].sort()).toEqual(['candidate', 'crisis', 'not-suitable', 'review']);
      expect(cases.filter((c) => c.expect.tier === 'candidate').length).toBeGreaterThanOrEqual(3);
    });

    it('includes cases whose hidden answers would have changed the outcome if they counted', () => {
      const hiddenMatters = cases.filter((c) => {
        const visible = new Set(visibleQuestionIds(ruleSet, c.answers));
        const hidden = Object.keys(c.answers).filter((id) => !visible.has(id));
        if (hidden.length === 0) return false;
        // Treat the hidden answers as if they counted, by evaluating the rules directly.
        const naive = ruleSet.rules.filter((rule) => evaluateCondition(rule.when, c.answers)).map((rule) => rule.id);
        return naive.length > c.expect.fired.length;
      });
      expect(hiddenMatters.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('two-minute budget', () => {
    // The target is 120 seconds. The suicide-risk and safety questions added after the
    // clinical review (issue 10) put the typical path over it; safety content is never cut
    // to meet the budget, so `check` warns and the README reports the figure. This bound
    // keeps it from growing further unnoticed.
    const HONEST_TYPICAL_SECONDS_CEILING = 200;

    it(`keeps the typical path under ${HONEST_TYPICAL_SECONDS_CEILING} seconds, and check warns while it is over 120`, () => {
      expect(evaluate(ruleSet, TYPICAL).tier).toBe('candidate');
      const shown = visibleQuestionIds(ruleSet, TYPICAL);
      expect(shown).toHaveLength(10);
      const seconds = pathSeconds(shown, 'candidate');
      expect(seconds).toBeLessThanOrEqual(HONEST_TYPICAL_SECONDS_CEILING);
      const warned = estimateTime(ruleSet).findings.some((finding) => /typical path takes about/.test(finding.message));
      expect(warned).toBe(estimateTime(ruleSet).typical!.seconds > 120);
    });

    it('never asks more than 12 questions on any path', () => {
      const paths = allPaths(ruleSet);
      // The suicide follow-ups branch: both the short and the long route exist.
      expect(new Set(paths.map((p) => p.questions.length)).size).toBeGreaterThan(1);
      expect(Math.max(...paths.map((p) => p.questions.length))).toBeLessThanOrEqual(12);
    });

    it('asks everyone both suicide screening questions, and the two follow-ups only after a yes to either', () => {
      for (const path of allPaths(ruleSet)) {
        expect(path.questions.slice(1, 3)).toEqual(['death-wish', 'suicide-attempt']);
        const positive = path.answers['death-wish'] === 'yes' || path.answers['suicide-attempt'] !== 'no';
        const followUps = path.questions.filter((id) => id === 'suicide-now' || id === 'suicide-plan');
        expect(followUps.length).toBe(positive ? 2 : 0);
      }
    });

    it('asks a minor the suicide-risk questions and nothing medical', () => {
      for (const path of allPaths(ruleSet)) {
        if ((path.answers.age as number) >= 18) continue;
        expect(path.questions.every((id) => id === 'age' || id === 'death-wish' || id.startsWith('suicide-')), path.questions.join()).toBe(true);
      }
    });

    it('asks age first and the suicide question before any medical history', () => {
      const order = ruleSet.questions.map((q) => q.id);
      expect(order[0]).toBe('age');
      expect(ruleSet.questions[0]!.type).toBe('number');
      expect(order.indexOf('death-wish')).toBeLessThan(order.indexOf('blood-pressure'));
      expect(order.indexOf('death-wish')).toBeLessThan(order.indexOf('health'));
    });
  });

  describe('patient-facing words', () => {
    const texts: [string, Text][] = [
      ['intro.title', ruleSet.intro.title],
      ['intro.body', ruleSet.intro.body],
      ...Object.entries(ruleSet.notices).map(([key, text]) => [`notices.${key}`, text] as [string, Text]),
      ...ruleSet.questions.flatMap((q) => [
        [`${q.id}.text`, q.text] as [string, Text],
        ...(q.help ? [[`${q.id}.help`, q.help] as [string, Text]] : []),
        ...(q.type === 'number' ? [] : q.options.map((o) => [`${q.id}.${o.id}`, o.label] as [string, Text])),
      ]),
      ...ruleSet.rules.map((rule) => [`rule ${rule.id}`, rule.reason] as [string, Text]),
      ...Object.entries(ruleSet.outcomes).flatMap(([tier, o]) => [
        [`outcome ${tier}.title`, o.title] as [string, Text],
        [`outcome ${tier}.body`, o.body] as [string, Text],
        [`outcome ${tier}.action`, o.action] as [string, Text],
      ]),
      ['crisis.title', ruleSet.crisisResources.title],
      ['crisis.intro', ruleSet.crisisResources.intro],
      ['crisis.emergency', ruleSet.crisisResources.emergency],
      ...ruleSet.crisisResources.resources.flatMap((r) => [[`resource ${en(r.name)}`, r.detail] as [string, Text]]),
    ];

    it('never says eligible, approved or qualified', () => {
      const final = texts.filter(([, text]) => /eligib|approv|qualif/i.test(en(text)));
      expect(final.map(([where]) => where)).toEqual([]);
    });

    it('keeps sentences short (at most 25 words) and questions at most 20 words', () => {
      const long = texts.filter(([, text]) => en(text).split(/(?<=[.?!])\s+/).some((sentence) => countWords(sentence) > 25));
      expect(long.map(([where]) => where)).toEqual([]);
      const longQuestions = ruleSet.questions.filter((q) => countWords(en(q.text)) > 20).map((q) => q.id);
      expect(longQuestions).toEqual([]);
    });

    it('says on the intro screen what this is, about two minutes, not medical advice, and that answers stay on the device', () => {
      const { intro: i, notices } = ruleSet;
      const intro = [i.title, i.body, notices.adultsOnly, notices.notAdvice, notices.privacy, notices.notEmergency].map(en).join(' ').toLowerCase();
      expect(intro).toContain('ketamine');
      expect(intro).toContain('two minutes');
      expect(intro).toContain('18');
      expect(intro).toContain('not medical advice');
      expect(intro).toContain('stay on this device');
    });

    it('words every non-crisis result as relative ("may", "a clinician"), never final', () => {
      for (const tier of ['not-suitable', 'review', 'candidate'] as const) {
        const o = ruleSet.outcomes[tier];
        expect(`${en(o.title)} ${en(o.body)}`, tier).toMatch(/\bmay\b|\bclinician\b/i);
      }
      expect(en(ruleSet.notices.notAdvice)).toMatch(/not medical advice/i);
    });

    it('offers "None of these" as the exclusive option of every multiple choice', () => {
      for (const q of ruleSet.questions) {
        if (q.type !== 'multiple-choice') continue;
        const exclusive = q.options.filter((o) => o.exclusive);
        expect(exclusive.map((o) => en(o.label)), q.id).toEqual(['None of these']);
      }
    });
  });

  describe('rules', () => {
    it('cites a source and has a clinician note on every rule', () => {
      for (const rule of ruleSet.rules) {
        expect(rule.source.trim().length, rule.id).toBeGreaterThan(10);
        expect(en(rule.clinicianNote).trim().length, rule.id).toBeGreaterThan(10);
      }
    });

    it('interrupts on every crisis rule, and only on crisis rules', () => {
      for (const rule of ruleSet.rules) expect(rule.interrupt === true, rule.id).toBe(rule.tier === 'crisis');
    });

    it('shows the crisis lines with each non-acute suicide-risk review, whose text says what the patient answered', () => {
      for (const id of ['suicidal-thoughts-past-weeks', 'past-suicide-attempt']) {
        const rule = ruleSet.rules.find((r) => r.id === id)!;
        expect(rule.tier, id).toBe('review');
        expect(rule.crisisHelp, id).toBe('lines');
        expect(en(rule.reason), id).toMatch(/^You told us/);
        expect(en(rule.clinicianNote), id).toMatch(/safety assessment/);
      }
    });

    it('tells a minor about 988 in the adults-only reason', () => {
      expect(en(ruleSet.rules.find((r) => r.id === 'under-18')!.reason)).toContain('(tel:988)');
    });

    it('says "seek medical care now" for a blood pressure of 180/120 or higher', () => {
      const outcome = evaluate(ruleSet, { ...TYPICAL, 'blood-pressure': '180-120-or-higher' });
      expect(outcome.tier).toBe('crisis');
      expect(en(outcome.fired[0]!.reason)).toMatch(/seek medical care now/i);
      expect(en(ruleSet.crisisResources.medicalTitle!)).toMatch(/medical care now/i);
    });
  });

  describe('invariants', () => {
    const tierFor = (answers: Answers) => evaluate(ruleSet, answers).tier;
    const tierInvariants = ruleSet.invariants.filter((inv): inv is TierInvariant => 'atLeast' in inv);

    it('declares one for each not-suitable and crisis rule, holding in every case where that rule fires', () => {
      for (const rule of ruleSet.rules.filter((r) => r.tier !== 'review')) {
        const firing = cases.filter((c) => evaluate(ruleSet, c.answers).fired.some((f) => f.id === rule.id));
        expect(firing.length, rule.id).toBeGreaterThan(0);
        for (const c of firing) {
          const counted = countedAnswers(ruleSet, c.answers);
          const guarding = tierInvariants.filter((inv) => evaluateCondition(inv.when, counted) && isAtLeast(rule.tier, inv.atLeast));
          expect(guarding.length, `${rule.id} in "${c.name}"`).toBeGreaterThan(0);
        }
      }
    });

    it('holds in every scenario case and whenever one answer of a typical path changes', () => {
      // Proving invariants over every path is `screener check`'s job; here each
      // invariant is exercised on the cases and on one-answer changes to two
      // typical paths (with and without the suicide follow-ups shown).
      const conditions = ruleSet.invariants.map((inv) => inv.when);
      const starts: Answers[] = [
        TYPICAL,
        { ...TYPICAL, 'death-wish': 'yes', 'suicide-now': 'no', 'suicide-plan': 'no', 'suicide-attempt': 'no' },
        { ...TYPICAL, 'suicide-attempt': 'longer-ago', 'suicide-now': 'no', 'suicide-plan': 'no' },
      ];
      const variants = starts.flatMap((start) =>
        ruleSet.questions.flatMap((q) => answerClasses(q, conditions, 'singletons').map((value) => ({ ...start, [q.id]: value }))),
      );
      const samples = [...cases.map((c) => c.answers), ...variants];
      for (const invariant of tierInvariants) {
        let exercised = 0;
        for (const answers of samples) {
          if (!evaluateCondition(invariant.when, countedAnswers(ruleSet, answers))) continue;
          exercised += 1;
          expect(isAtLeast(tierFor(answers), invariant.atLeast), `${invariant.id} with ${JSON.stringify(answers)}`).toBe(true);
        }
        expect(exercised, invariant.id).toBeGreaterThan(0);
      }
    });
  });

  describe('crisis resources', () => {
    const { resources, emergency } = ruleSet.crisisResources;
    const hrefs = resources.map((r) => en(r.href));

    it('lists 988 (call, text and chat), 911 and the Crisis Text Line as working links', () => {
      expect(hrefs).toEqual(expect.arrayContaining(['tel:988', 'sms:988', 'tel:911', 'sms:741741']));
      expect(hrefs.some((href) => /^https:\/\/988lifeline\.org\//.test(href))).toBe(true);
      const textLine = resources.find((r) => en(r.href) === 'sms:741741')!;
      expect(`${en(textLine.detail)} ${en(textLine.linkLabel)}`).toContain('HOME');
    });

    it('says the clinic is not an emergency service', () => {
      expect(en(emergency)).toMatch(/not an emergency service/i);
      expect(en(ruleSet.notices.notEmergency)).toMatch(/not an emergency service/i);
    });
  });
});
