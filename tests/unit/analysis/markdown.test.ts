import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSetToMarkdown, textCell } from '../../../src/analysis/markdown.ts';
import { screenTexts, wordsFor } from '../../../src/analysis/words.ts';
import { reviewHash } from '../../../src/authoring/review-hash.ts';
import { describeScreen } from '../../../src/core/screens.ts';
import { mermaidLabel, ruleSetToMermaid } from '../../../src/analysis/mermaid.ts';
import { proveInvariants } from '../../../src/analysis/prove.ts';
import { loadRuleSet } from '../../../src/authoring/loader.ts';
import type { RuleSet } from '../../../src/authoring/schema.ts';
import type { Text } from '../../../src/core/text.ts';
import { invariant, multiple, number, rule, ruleSet, single } from '../../support/rule-set-builder.ts';

const set = ruleSet({
  questions: [
    number('age', 10, 110, { text: 'How old are you?' }),
    single('wish', ['no', 'yes'], { text: 'Have you wished you were dead?' }),
    single('now', ['no', 'yes'], { text: 'Thoughts of it "right now"?', showIf: { question: 'wish', equals: 'yes' } }),
    single('plan', ['no', 'yes'], { text: 'A plan [or intent]?', showIf: { question: 'wish', equals: 'yes' } }),
    multiple('meds', ['opioids', 'none!'], { text: 'Medicines < 5 > 2 #1 | a|b' }),
  ],
  rules: [
    rule('under-18', { question: 'age', lessThan: 18 }, 'not-suitable', {
      reason: 'You need to be *18 or older*.',
      source: 'Spravato label, section 8.4',
    }),
    rule('thoughts-now', { question: 'now', equals: 'yes' }, 'crisis', {
      interrupt: true,
      reason: 'Please get help now.',
      source: 'NIMH ASQ',
    }),
    rule('opioids', { question: 'meds', includes: 'opioids' }, 'review', { reason: 'Opioids | sedation', source: 'Interaction review' }),
  ],
  invariants: [invariant('minors', { question: 'age', lessThan: 18 }, 'not-suitable')],
});

describe('ruleSetToMermaid()', () => {
  const chart = ruleSetToMermaid(set);

  it('draws the questions in order, with each branch labelled in words', () => {
    expect(chart.split('\n')[0]).toBe('flowchart TD');
    expect(chart).toContain('  q1["1. How old are you?"]');
    expect(chart).toContain('  start --> q1');
    expect(chart).toContain('  q2 -->|"if “Have you wished you were dead?” is “Yes”"| q3');
    expect(chart).toContain('  q2 -->|"otherwise"| q5');
    // "plan" has the same showIf as "now": never next after "wish", so no misleading shortcut edge.
    expect(chart).not.toContain('q2 -->|"if “Have you wished you were dead?” is “Yes”"| q4');
    // Once "now" is shown, "plan" always follows: no branch to draw.
    expect(chart).toContain('  q3 --> q4');
    expect(chart).toContain('  q4 --> q5');
    expect(chart).toContain('  q5 --> finish');
    expect(chart).toContain('  q3 -.->|"crisis answer: result at once"| finish');
  });

  it('dashes a question no answer path shows', () => {
    const hidden = ruleSet({
      questions: [
        single('q1', ['a', 'b']),
        single('q2', ['x', 'y'], {
          showIf: {
            all: [
              { question: 'q1', equals: 'a' },
              { question: 'q1', equals: 'b' },
            ],
          },
        }),
      ],
      rules: [rule('r', { question: 'q1', equals: 'a' }, 'review')],
    });
    const lines = ruleSetToMermaid(hidden).split('\n');
    expect(lines).toContain('  q1 --> finish');
    expect(lines.filter((line) => line.includes('--> q2'))).toEqual([]);
    expect(lines).toContain('  class q2 unreachable');
  });

  it('hangs each rule on its deciding question, coloured by tier', () => {
    expect(chart).toContain('  r1{{"under-18<br/>not suitable"}}');
    expect(chart).toContain('  q1 -.-> r1');
    expect(chart).toContain('  r2{{"thoughts-now<br/>crisis, stops the questions"}}');
    expect(chart).toContain('  q3 -.-> r2');
    expect(chart).toContain('  q5 -.-> r3');
    expect(chart).toMatch(/classDef crisis fill:#\w+/);
    expect(chart).toContain('  class r2 crisis');
    expect(chart).toContain('  class r1 notSuitable');
    expect(chart).toContain('  class r3 review');
  });

  it('escapes quotes, brackets, pipes and # so labels cannot break the diagram', () => {
    expect(chart).toContain('  q3["3. Thoughts of it #quot;right now#quot;?"]');
    expect(chart).toContain('  q5["5. Medicines #lt; 5 #gt; 2 #35;1 #124; a#124;b"]');
    // Outside the quoted labels, no quote, bracket or pipe from rule text survives.
    const unquoted = chart.replace(/"[^"\n]*"/g, '""');
    expect(unquoted).not.toMatch(/Thoughts|Medicines|right now/);
    expect(mermaidLabel('a "b" <c> #d & e')).toBe('a #quot;b#quot; #lt;c#gt; #35;d #amp; e');
  });
});

describe('ruleSetToMarkdown()', () => {
  const sheet = ruleSetToMarkdown(set, { file: 'rules/test.yaml', proofs: proveInvariants(set) });

  it('heads the sheet with title, version and sign-off, and embeds the flowchart', () => {
    expect(sheet.startsWith('# Built\n')).toBe(true);
    expect(sheet).toContain('- Rule set: `built`, version **1.0.0**');
    expect(sheet).toContain('- Clinical sign-off: Dr Reviewer, 2026-01-15');
    expect(sheet).toContain('Generated from `rules/test.yaml`');
    expect(sheet).toContain('```mermaid\nflowchart TD\n');
  });

  it('has one table row per rule: condition in words, tier, reason and source, with pipes escaped', () => {
    expect(sheet).toContain(
      '| `under-18` | “How old are you?” is under 18 units | not-suitable | You need to be *18 or older*. | Spravato label, section 8.4 |',
    );
    expect(sheet).toContain(
      '| `thoughts-now` | “Thoughts of it "right now"?” is “Yes” | crisis (stops the questions at once); shows the crisis lines | Please get help now. | NIMH ASQ |',
    );
    expect(sheet).toContain(
      '| `opioids` | “Medicines &lt; 5 > 2 #1 \\| a\\|b” includes “Opioids” | review | Opioids \\| sedation | Interaction review |',
    );
  });

  it('lists the questions with their branching, and the invariants with their proof', () => {
    expect(sheet).toContain('| 3 | Thoughts of it "right now"? `now` | one of: “No”, “Yes” | “Have you wished you were dead?” is “Yes” |');
    expect(sheet).toContain(
      '| 5 | Medicines &lt; 5 > 2 #1 \\| a\\|b `meds` | one or more of: “Opioids”, “None” (only on its own) | always |',
    );
    expect(sheet).toContain('| `minors` | minors holds | “How old are you?” is under 18 units | at least not-suitable | yes |');
  });

  it('is the same text every time, so a test can keep the committed sheet up to date', () => {
    expect(ruleSetToMarkdown(set, { file: 'rules/test.yaml', proofs: proveInvariants(set) })).toBe(sheet);
  });
});

function load(path: string): RuleSet {
  const result = loadRuleSet(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`${path} does not load`);
  return result.ruleSet;
}

/** The cells of the sheet's table row whose first cell is `first`. */
function rowOf(sheet: string, first: string): string[] {
  const line = sheet.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`no row "${first}"`);
  return line
    .slice(2, -2)
    .split(/ (?<!\\)\| /)
    .map((cell) => cell.trim());
}

describe('ruleSetToMarkdown() for a rule set in several languages', () => {
  const ketamine = load('rules/ketamine.yaml');
  const sheet = ruleSetToMarkdown(ketamine, { file: 'rules/ketamine.yaml' });

  it('names the languages, and gives every text table one column a language', () => {
    expect(sheet).toContain('- Languages: English (en), Spanish (es).');
    expect(sheet).toContain('| The assessment | English (en) | Spanish (es) |');
    expect(sheet).toContain('| # | Text | English (en) | Spanish (es) | Asked when |');
    expect(sheet).toContain(
      '| Rule | Fires when | Tier | What the patient reads: English (en) | What the patient reads: Spanish (es) | Source |',
    );
    expect(sheet).toContain('### Result: candidate');
    expect(sheet).toContain('| Part | English (en) | Spanish (es) |');
  });

  it('puts each Spanish text next to its English one: intro, notices, questions, help, answers, reasons, results, crisis help', () => {
    const es = (text: Text) => (typeof text === 'string' ? [text, text] : [text.en, text.es]);
    const texts: [string, Text][] = [
      ['Start button', ketamine.intro.start],
      ['Text', ketamine.intro.body],
    ];
    for (const [label, text] of texts) expect(rowOf(sheet, label), label).toEqual([label, ...es(text)]);
    for (const notice of [ketamine.notices.adultsOnly, ketamine.notices.privacy]) expect(sheet).toContain(`| Notice | ${es(notice).join(' | ')} |`);
    const deathWish = ketamine.questions.find((q) => q.id === 'death-wish')!;
    expect(rowOf(sheet, '2 `death-wish`')).toEqual(['2 `death-wish`', 'question (one answer)', ...es(deathWish.text), 'always']);
    expect(sheet).toContain('|  | answer `yes` | Yes | Sí |  |');
    const withHelp = ketamine.questions.find((q) => q.help !== undefined)!;
    expect(sheet).toContain(`|  | help | ${es(withHelp.help!).join(' | ')} |  |`);
    for (const rule of ketamine.rules) {
      const cells = rowOf(sheet, `\`${rule.id}\``);
      expect(cells.slice(3, 5), rule.id).toEqual(es(rule.reason));
    }
    expect(sheet).toContain(`| Title | ${es(ketamine.outcomes.crisis.title).join(' | ')} |`);
    expect(rowOf(sheet, 'Crisis help: Title')).toEqual(['Crisis help: Title', ...es(ketamine.crisisResources.title)]);
  });

  it('prints what each screen shows from the description the widget draws (src/core/screens.ts), in screen order', () => {
    const lines = sheet.split('\n');
    for (const screen of [
      { kind: 'intro' as const },
      { kind: 'crisis' as const, outcome: { tier: 'crisis' as const, fired: [], crisisLines: true } },
      { kind: 'result' as const, outcome: { tier: 'review' as const, fired: [], crisisLines: false } },
    ]) {
      let from = lines.indexOf('## What each screen shows');
      for (const text of screenTexts(describeScreen(ketamine, screen, wordsFor(ketamine, 'es')))) {
        const at = lines.findIndex((line, i) => i > from && line.includes(` ${textCell(text)} |`));
        expect(at, text).toBeGreaterThan(from);
        from = at;
      }
    }
  });

  it("carries what a reviewer signs: clinician notes, the review hash and a place to sign, bound to this content", () => {
    const noted = ketamine.rules.find((rule) => rule.clinicianNote !== undefined)!;
    expect(rowOf(sheet, `\`${noted.id}\``).at(-1)).toBe(textCell(noted.clinicianNote as string));
    const hash = reviewHash(ketamine);
    expect(sheet).toContain(`- Review hash: \`${hash}\` — not yet signed`);
    expect(sheet).toMatch(/## Sign-off\n\nI have reviewed every question, rule, patient-facing text \(in English \(en\) and Spanish \(es\)\)/);
    expect(sheet).toContain('| Signature |  |');
    const signed = { ...ketamine, signOff: { ...ketamine.signOff, contentHash: hash } };
    expect(ruleSetToMarkdown(signed)).toContain(`- Review hash: \`${hash}\` — signed with \`screener sign\` for exactly this content.`);
    const changed = structuredClone(signed);
    (changed.intro.start as Record<string, string>).es = 'Empezar';
    expect(ruleSetToMarkdown(changed)).toContain(`**changed since it was signed** (signed for \`${hash}\`)`);
  });

  it("shows each crisis line's link target in each language", () => {
    const chat = ketamine.crisisResources.resources.findIndex((r) => typeof r.href !== 'string');
    expect(chat).toBeGreaterThanOrEqual(0);
    const href = ketamine.crisisResources.resources[chat]!.href as Record<string, string>;
    expect(rowOf(sheet, `Crisis line ${chat + 1}: link opens`)).toEqual([`Crisis line ${chat + 1}: link opens`, `\`${href.en}\``, `\`${href.es}\``]);
  });

  it('says **missing** for a text without a Spanish version, instead of showing the English as its translation', () => {
    const broken = structuredClone(ketamine);
    const question = broken.questions.find((q) => q.id === 'death-wish')!;
    if (question.type === 'number' || typeof question.options[0]!.label === 'string') throw new Error('expected a bilingual label');
    delete (question.options[0]!.label as Record<string, string>).es;
    delete (broken.intro.start as Record<string, string>).es;
    const text = ruleSetToMarkdown(broken);
    expect(text).toContain('|  | answer `yes` | Yes | **missing** (patients see the en text) |  |');
    expect(rowOf(text, 'Start button')).toEqual(['Start button', 'Start', '**missing** (patients see the en text)']);
  });

  it('shows a plain string (the same in every language) in each column, and keeps paragraph breaks', () => {
    const mini = ruleSetToMarkdown(load('tests/components/fixtures/mini.yaml'));
    expect(mini).toContain('| Notice | Your answers stay on this device. | Your answers stay on this device. |');
    expect(rowOf(mini, 'Text')).toEqual([
      'Text',
      'A few questions, about *two minutes*.<br><br>A clinician will decide with you.',
      'Unas preguntas, unos *dos minutos*.',
    ]);
  });
});

describe('ruleSetToMarkdown() for a rule set in one language', () => {
  const sheet = ruleSetToMarkdown(set, { file: 'rules/test.yaml' });

  it('keeps one language column, with the start screen, results and crisis help', () => {
    expect(sheet).toContain('- Language: English (en).');
    expect(sheet).not.toMatch(/Spanish|missing/);
    expect(sheet).toContain('| Start button | Start |');
    expect(sheet).toContain('### Result: candidate');
    expect(sheet).toContain('| Crisis line 1: link opens | `tel:988` |');
    expect(sheet).toContain('| Rule | Fires when | Tier | What the patient reads | Source |');
  });
});
