/**
 * One vocabulary (src/core/vocabulary.ts), every reader: the schema and
 * loader (`screener check`), the words of condition-shape.ts, and the
 * widget's check of a fetched file. For each word of the vocabulary, all of
 * them say yes together or no together, and the vocabulary says which.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseCondition } from '../../src/authoring/condition-shape.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { LeafCondition, type RuleSet, type RuleSetInput } from '../../src/authoring/schema.ts';
import { compileRuleSet, hashRuleSet } from '../../src/core/compile.ts';
import {
  CRISIS_HELP,
  HASH_PATTERN,
  ID_PATTERN,
  LEAF_OPERATORS,
  LEAF_TESTS,
  QUESTION_TYPES,
  RULE_TIERS,
  testFitsType,
  TIERS,
  VERSION_PATTERN,
  type LeafOperator,
  type QuestionType,
} from '../../src/core/vocabulary.ts';
import { validateCompiled } from '../../widget/validate-rules.ts';
import { stringify } from 'yaml';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

type Doc = RuleSetInput;

/** A question of each type in the sample rule set, and an option id it has. */
const SAMPLE_QUESTION: Record<QuestionType, { id: string; option: string }> = {
  'single-choice': { id: 'care', option: 'yes' },
  'multiple-choice': { id: 'conditions', option: 'heart' },
  number: { id: 'age', option: 'adult' }, // no options: an option test on it names one it lacks
};

/** A test `operator` on the sample's question of `type`, with the operand the vocabulary says it takes. */
function leaf(operator: LeafOperator, type: QuestionType) {
  const { id, option } = SAMPLE_QUESTION[type];
  const operand = { option, options: [option], number: 18, boolean: true }[LEAF_TESTS[operator].operand];
  return { question: id, [operator]: operand } as LeafCondition;
}

/** The two verdicts on the sample rule set changed by `edit`: the loader's, and the widget's on the compiled file. */
async function verdicts(edit: (doc: Doc) => void): Promise<{ loader: boolean; widget: boolean }> {
  const doc = sampleRuleSetInput();
  edit(doc);
  const loader = loadRuleSet(stringify(doc), 'sample.yaml').ok;
  const widget = validateCompiled(await compileRuleSet({ showReasons: true, invariants: [], ...doc } as RuleSet)).ok;
  return { loader, widget };
}

describe('the operator table', () => {
  const pairs = LEAF_OPERATORS.flatMap((operator) => QUESTION_TYPES.map((type) => [operator, type] as const));

  it.each(pairs)('%s on a %s question: the schema, condition-shape, loader and widget agree with LEAF_TESTS', async (operator, type) => {
    const condition = leaf(operator, type);
    // Shape alone: every operator of the vocabulary is a test to the schema and to condition-shape.
    expect(LeafCondition.safeParse(condition).success).toBe(true);
    expect(diagnoseCondition(condition, ['when'])).toEqual([]);
    // Meaning: the question type decides, the same way for the loader and the widget.
    const fits = testFitsType(operator, type);
    expect(fits).toBe((LEAF_TESTS[operator].types as readonly string[]).includes(type));
    expect(await verdicts((doc) => (doc.rules[0]!.when = condition))).toEqual({ loader: fits, widget: fits });
  });

  it('has no operator the schema, condition-shape or widget knows and it does not', async () => {
    const condition = { question: 'age', below: 18 };
    expect(LeafCondition.safeParse(condition).success).toBe(false);
    expect(diagnoseCondition(condition, ['when'])[0]?.code).toBe('invalid-condition');
    expect(await verdicts((doc) => (doc.rules[0]!.when = condition as never))).toEqual({ loader: false, widget: false });
  });
});

describe('tiers, help kinds, id and version patterns', () => {
  it.each(TIERS)('a rule of tier %s is accepted by both exactly when RULE_TIERS has it', async (tier) => {
    const allowed = (RULE_TIERS as readonly string[]).includes(tier);
    expect(await verdicts((doc) => (doc.rules[0]!.tier = tier as never))).toEqual({ loader: allowed, widget: allowed });
  });

  it.each([...CRISIS_HELP, 'hotline'])('crisisHelp: %s is accepted by both exactly when CRISIS_HELP has it', async (help) => {
    const allowed = (CRISIS_HELP as readonly string[]).includes(help);
    expect(await verdicts((doc) => (doc.rules[0]!.crisisHelp = help as never))).toEqual({ loader: allowed, widget: allowed });
  });

  // ids: fine, then each way to break the pattern
  it.each(['blood-pressure', 'a1', 'Blood-pressure', 'blood_pressure', 'blood--pressure', '-blood', 'blood-', ''])(
    'rule id %j is accepted by both exactly when ID_PATTERN matches it',
    async (id) => {
      const allowed = ID_PATTERN.test(id);
      expect(await verdicts((doc) => (doc.rules[0]!.id = id))).toEqual({ loader: allowed, widget: allowed });
    },
  );

  it.each(['1.0.0', '12.3.45', '1.0', 'v1.0.0', '1.0.0-beta'])(
    'version %j is accepted by both exactly when VERSION_PATTERN matches it',
    async (version) => {
      const allowed = VERSION_PATTERN.test(version);
      expect(await verdicts((doc) => (doc.version = version))).toEqual({ loader: allowed, widget: allowed });
    },
  );
});

describe('HASH_PATTERN', () => {
  it('matches every hash hashRuleSet writes, and the widget refuses a file whose hash does not match it', async () => {
    const doc = sampleRuleSetInput();
    const ruleSet = { showReasons: true, invariants: [], ...doc } as RuleSet;
    for (const version of ['1.0.0', '1.0.1', '2.3.4']) expect(await hashRuleSet({ ...ruleSet, version })).toMatch(HASH_PATTERN);
    const compiled = await compileRuleSet(ruleSet);
    expect(validateCompiled(compiled).ok).toBe(true);
    expect(validateCompiled({ ...compiled, hash: compiled.hash.replace('sha256-', 'sha384-') }).ok).toBe(false);
  });
});

describe('no copies of the vocabulary', () => {
  /** Every TypeScript file the patient's bundle or the authoring tools are built from. */
  const sources = ['src', 'widget'].flatMap((dir) =>
    (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f)),
  );

  // A copy, as each was once written outside vocabulary.ts; vocabulary.ts itself may spell it.
  it.each([
    ['the tier list', /\[\s*'crisis',\s*'not-suitable'/, "const TIERS = ['crisis', 'not-suitable', 'review', 'candidate'];"],
    ['the id pattern', /\[a-z0-9\]\+\((\?:)?-\[a-z0-9\]\+\)\*/, 'check(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value))'],
    ['the version pattern', /\\d\+\\\.\\d\+\\\.\\d\+/, 'check(/^\\d+\\.\\d+\\.\\d+$/.test(r.version))'],
    ['the hash pattern', /sha256-\[/, 'check(/^sha256-[\\w+/]+=*$/.test(d.hash))'],
    ['the locale pattern', /\[a-z\]\{2,3\}/, '/^[a-z]{2,3}(?:-[A-Z]{2})?$/.test(k)'],
    ['the operator list', /'equals'[\s:,]+(case\s+)?'(oneOf|includes)'/, "case 'equals':\n    case 'includes':"],
  ])('spells %s only in vocabulary.ts', (_, copy, once) => {
    expect(once).toMatch(copy);
    const spelled = sources.filter((file) => !file.endsWith('vocabulary.ts') && copy.test(readFileSync(file, 'utf8')));
    expect(spelled).toEqual([]);
  });
});
