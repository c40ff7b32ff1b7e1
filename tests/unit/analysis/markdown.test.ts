import { describe, expect, it } from 'vitest';
import { ruleSetToMarkdown } from '../../../src/analysis/markdown.ts';
import { mermaidLabel, ruleSetToMermaid } from '../../../src/analysis/mermaid.ts';
import { proveInvariants } from '../../../src/analysis/prove.ts';
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
    rule('under-18', { question: 'age', lessThan: 18 }, 'not-suitable', { reason: 'You need to be *18 or older*.', source: 'Spravato label, section 8.4' }),
    rule('thoughts-now', { question: 'now', equals: 'yes' }, 'crisis', { interrupt: true, reason: 'Please get help now.', source: 'NIMH ASQ' }),
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
      questions: [single('q1', ['a', 'b']), single('q2', ['x', 'y'], { showIf: { all: [{ question: 'q1', equals: 'a' }, { question: 'q1', equals: 'b' }] } })],
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
    expect(sheet).toContain('| `under-18` | “How old are you?” is under 18 units | not-suitable | You need to be *18 or older*. | Spravato label, section 8.4 |');
    expect(sheet).toContain('| `thoughts-now` | “Thoughts of it "right now"?” is “Yes” | crisis (stops the questions at once); shows the crisis lines | Please get help now. | NIMH ASQ |');
    expect(sheet).toContain('| `opioids` | “Medicines &lt; 5 > 2 #1 \\| a\\|b” includes “Opioids” | review | Opioids \\| sedation | Interaction review |');
  });

  it('lists the questions with their branching, and the invariants with their proof', () => {
    expect(sheet).toContain('| 3 | Thoughts of it "right now"? `now` | one of: “No”, “Yes” | “Have you wished you were dead?” is “Yes” |');
    expect(sheet).toContain('| 5 | Medicines &lt; 5 > 2 #1 \\| a\\|b `meds` | one or more of: “Opioids”, “None” (only on its own) | always |');
    expect(sheet).toContain('| `minors` | minors holds | “How old are you?” is under 18 units | at least not-suitable | yes |');
  });

  it('is the same text every time, so a test can keep the committed sheet up to date', () => {
    expect(ruleSetToMarkdown(set, { file: 'rules/test.yaml', proofs: proveInvariants(set) })).toBe(sheet);
  });
});
