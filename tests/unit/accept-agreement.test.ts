/**
 * One house, one meaning: a rule file `screener check` (the loader) accepts is
 * one the widget accepts once compiled, and the other way round. Random valid
 * rule sets, each changed once in a way one of the two checkers might read
 * differently: conditions nested around the depth limit, tests on the wrong
 * question type or naming an option that is not there, unsafe and
 * harmless-but-suspicious text in any prose field, resource links with query
 * strings and worse, an option marked `noEffect` (the checker's alone).
 *
 * A failing run prints its seed and the two verdicts.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLINICIAN_ONLY_RULE_FIELDS, compileRuleSet } from '../../src/core/compile.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import type { Condition, RuleSet, RuleSetInput } from '../../src/authoring/schema.ts';
import { LEAF_OPERATORS, LEAF_TESTS, MAX_CONDITION_DEPTH } from '../../src/core/vocabulary.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { conditionArb, ruleSetInputArb } from '../support/arbitraries.ts';
import { getAt, nodes, setAt, type Path } from '../support/doc-paths.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

const RUNS = { numRuns: 200 };
const PROPERTY_TIMEOUT = { timeout: 120_000 };

type Doc = RuleSetInput;
type Question = Doc['questions'][number];

/** Prose a clinician might write, safe or not; each checker must judge it alike. */
const PROSE = [
  'Call us any time.',
  'Chat at https://988lifeline.org/chat?online=true', //  "online=" reads as an event handler in prose
  '[chat with us](https://988lifeline.org/chat?online=true)',
  '[chat with us](https://988lifeline.org/chat?a=1&b=2)',
  'x onclick=alert(1)',
  '<b>bold</b>',
  'a < b',
  '[x](javascript:alert(1))',
  '[text us](sms:741741)', //                             sms: is for resource links only
  'see data:text/html,hi',
  'Only *sometimes*, **never** more.',
];

/** Resource links, fine and not. */
const HREFS = [
  'https://988lifeline.org/chat?online=true',
  'https://988lifeline.org/chat?onclick=1',
  'https://example.org/a?b=1&c=2#top',
  'tel:988',
  'sms:741741',
  'mailto:help@example.org?subject=Help',
  'https://example.org/a b',
  'https://example.org/"onmouseover="x',
  'https://example.org/<script>',
  'http://example.org',
  'javascript:alert(1)',
  'data:text/html,hi',
];

/** Fields whose strings are not prose: ids, codes, and the operands of tests. */
const NOT_PROSE = new Set(['id', 'version', 'locale', 'type', 'tier', 'atLeast', 'reviewedOn', 'href', 'crisisHelp', 'question', ...LEAF_OPERATORS]);

/** A random valid document, with invariants (the random one has none of its own), or the sample rule set. */
const docArb: fc.Arbitrary<Doc> = fc.oneof(
  { weight: 4, arbitrary: ruleSetInputArb.chain((doc) =>
    fc.array(conditionArb(doc.questions), { maxLength: 2 }).map((whens) => ({
      ...doc,
      invariants: whens.map((when, i) => ({ id: `i${i + 1}`, description: 'A check that must hold.', when, atLeast: 'review' as const })),
    })),
  ) },
  { weight: 1, arbitrary: fc.constant(null).map(() => sampleRuleSetInput()) },
);

/** Every condition of a document: rules' `when`, questions' `showIf`, invariants' `when`. */
function conditionPaths(doc: Doc): Path[] {
  return [
    ...doc.rules.map((_, i): Path => ['rules', i, 'when']),
    ...doc.questions.flatMap((q, i): Path[] => (q.showIf ? [['questions', i, 'showIf']] : [])),
    ...(doc.invariants ?? []).map((_, i): Path => ['invariants', i, 'when']),
  ];
}

/** A leaf test `operator` on `question`, with an operand of the kind the test takes. */
function leaf(question: Question, operator: (typeof LEAF_OPERATORS)[number], optionId: string): Condition {
  const operand = { option: optionId, options: [optionId], number: 5, boolean: true }[LEAF_TESTS[operator].operand];
  return { question: question.id, [operator]: operand } as Condition;
}

type Mutation = { how: string; apply: (doc: Doc) => void };

/** One change to a document, picked at random. */
function mutationArb(doc: Doc): fc.Arbitrary<Mutation> {
  const conditions = conditionPaths(doc);
  // Clinician notes and sources never reach the widget (compileRuleSet leaves them out): only the loader reads them, for the sign-off sheet.
  const prose = nodes(doc).filter(({ path, value }) =>
    typeof value === 'string' && !path.some((key) => typeof key === 'string' && NOT_PROSE.has(key)) && !path.includes('when') && !path.includes('showIf') &&
    !path.some((key) => (CLINICIAN_ONLY_RULE_FIELDS as readonly (string | number)[]).includes(key)));
  const questions = doc.questions;
  const optionIds = [...new Set(questions.flatMap((q) => ('options' in q ? q.options.map((o) => o.id) : [])))];

  const nest = fc
    .record({
      at: fc.constantFrom(...conditions),
      levels: fc.integer({ min: MAX_CONDITION_DEPTH - 4, max: MAX_CONDITION_DEPTH + 4 }),
      wrap: fc.constantFrom('not', 'all', 'any'),
    })
    .map(({ at, levels, wrap }): Mutation => ({
      how: `wrap ${at.join('.')} in ${levels} × ${wrap}`,
      apply: (d) => {
        let condition = getAt(d, at) as Condition;
        for (let i = 0; i < levels; i += 1) condition = wrap === 'not' ? { not: condition } : ({ [wrap]: [condition] } as Condition);
        setAt(d, at, condition);
      },
    }));

  const test = fc
    .record({
      at: fc.constantFrom(...conditions),
      question: fc.nat(),
      operator: fc.constantFrom(...LEAF_OPERATORS),
      option: fc.constantFrom(...optionIds, 'no-such-option'),
      negate: fc.boolean(),
    })
    .map(({ at, question, operator, option, negate }): Mutation => {
      // Only questions the condition may read: a showIf reads earlier questions.
      const limit = at[0] === 'questions' ? (at[1] as number) : questions.length;
      const target = questions[question % limit]!;
      const condition = leaf(target, operator, option);
      return {
        how: `${at.join('.')} = ${JSON.stringify(condition)} (${target.type})`,
        apply: (d) => setAt(d, at, negate ? { not: condition } : condition),
      };
    });

  const text = fc.record({ at: fc.constantFrom(...prose.map((p) => p.path)), value: fc.constantFrom(...PROSE) }).map(
    ({ at, value }): Mutation => ({ how: `${at.join('.')} = ${JSON.stringify(value)}`, apply: (d) => setAt(d, at, value) }),
  );

  // A link alone, or one per language with the other language's link fine.
  const perLanguage = (value: string) => fc.constantFrom<string | Record<string, string>>(value, { en: 'tel:988', es: value }, { en: value, es: 'tel:988' });
  const href = fc.record({ i: fc.nat(), value: fc.constantFrom(...HREFS).chain(perLanguage) }).map(({ i, value }): Mutation => {
    const at: Path = ['crisisResources', 'resources', i % doc.crisisResources.resources.length, 'href'];
    return { how: `${at.join('.')} = ${JSON.stringify(value)}`, apply: (d) => setAt(d, at, value) };
  });

  // `noEffect` is for the checker only; the widget must accept a file that has it.
  const options = questions.flatMap((q, i) => ('options' in q ? q.options.map((_, j): Path => ['questions', i, 'options', j, 'noEffect']) : []));
  const noEffect = options.length
    ? [fc.record({ at: fc.constantFrom(...options), value: fc.boolean() }).map(
        ({ at, value }): Mutation => ({ how: `${at.join('.')} = ${value}`, apply: (d) => setAt(d, at, value) }),
      )]
    : [];

  return fc.oneof(fc.constant<Mutation>({ how: 'unchanged', apply: () => {} }), nest, test, text, href, ...noEffect);
}

/** What the widget would be handed: the document with the loader's defaults filled in, compiled. */
async function widgetVerdict(doc: Doc) {
  const ruleSet = { locale: 'en', showReasons: true, invariants: [], ...doc } as RuleSet;
  return validateCompiled(await compileRuleSet(ruleSet));
}

describe('screener check and the widget agree on what is a valid rule set', () => {
  it('the loader accepts a document exactly when the widget accepts it compiled', PROPERTY_TIMEOUT, async () => {
    const cases = docArb.chain((doc) => mutationArb(doc).map((mutation) => ({ doc, mutation })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ doc: original, mutation }) => {
        const doc = structuredClone(original);
        mutation.apply(doc);
        const loaded = loadRuleSet(stringify(doc), 'random.yaml');
        const widget = await widgetVerdict(doc);
        const why = [
          mutation.how,
          `loader: ${loaded.ok ? 'accepts' : loaded.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}: ${i.message}`).join(' | ')}`,
          `widget: ${widget.ok ? 'accepts' : widget.problem}`,
        ].join('\n');
        expect(widget.ok, why).toBe(loaded.ok);
      }),
      RUNS,
    );
  });
});
