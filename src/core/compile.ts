/**
 * Compiles a validated rule set into the JSON the widget loads: the rule set
 * itself (defaults filled, invariants kept) plus a format tag and a content
 * hash, so a clinic can tell exactly which reviewed rules produced an outcome.
 *
 * The compiled format and its one hash, for every reader: `screener compile`,
 * the widget's check of a fetched file and the playground. Runs anywhere with
 * Web Crypto (browsers on secure pages, Node 20+); imports nothing but types
 * from the schema, so neither Zod nor the YAML parser comes with it.
 */
import type { RuleSet } from '../authoring/schema.ts';
import type { SelfTestCase } from './self-test.ts';
import { MAX_RULE_FILE_BYTES } from './vocabulary.ts';

/** The file format the widget accepts through its `rules` attribute. */
export const COMPILED_FORMAT = 'eligibility-screener/rules';
/** Bumped only when the compiled shape changes incompatibly. */
export const COMPILED_FORMAT_VERSION = 1;

/** A rule set ready for the widget. */
export interface CompiledRuleSet {
  format: typeof COMPILED_FORMAT;
  formatVersion: typeof COMPILED_FORMAT_VERSION;
  /**
   * `sha256-<base64>` of `JSON.stringify(ruleSet)`, or of
   * `JSON.stringify([ruleSet, selfTest])` when there is a self-test: the
   * canonical content, everything the widget trusts.
   */
  hash: string;
  /** Validated, defaults filled, invariants kept; without clinician notes and sources ({@link CLINICIAN_ONLY_RULE_FIELDS}). */
  ruleSet: RuleSet;
  /**
   * A few of the rule set's own scenario cases, walked again in the host page
   * before the first result (`src/core/self-test.ts`). Absent in files compiled
   * before it existed, or without a cases file: then no self-test runs.
   */
  selfTest?: SelfTestCase[];
}

/**
 * What only clinicians read in a rule: why it exists and where it comes
 * from. The sign-off sheet (`screener graph`) shows them; nothing that ships
 * to patients' browsers carries them (`compileRuleSet`, the widget build).
 */
export const CLINICIAN_ONLY_RULE_FIELDS = ['clinicianNote', 'source'] as const;

/**
 * The rule set without {@link CLINICIAN_ONLY_RULE_FIELDS}: what may ship to a
 * browser. Typed as a rule set; the widget never reads those fields.
 *
 * @example
 * withoutClinicianNotes(ruleSet).rules[0].clinicianNote // undefined
 */
export function withoutClinicianNotes(ruleSet: RuleSet): RuleSet {
  const rules = ruleSet.rules.map((rule) => {
    const kept: Record<string, unknown> = { ...rule };
    for (const field of CLINICIAN_ONLY_RULE_FIELDS) delete kept[field];
    return kept;
  });
  return { ...ruleSet, rules } as RuleSet;
}

/** The largest compiled file the widget fetches (`rules` attribute): 512 KB, the limit on a rule file too. */
export const MAX_COMPILED_BYTES = MAX_RULE_FILE_BYTES;

/**
 * The content hash of a rule set: `sha256-<base64>` of `JSON.stringify(ruleSet)`,
 * or of `JSON.stringify([ruleSet, selfTest])` with a self-test (so files
 * compiled before the self-test keep their hash). Needs Web Crypto (`crypto.subtle`), which browsers give only to secure
 * pages: callers there check for it first.
 *
 * @example
 * await hashRuleSet(ruleSet) // 'sha256-3q2+7w…='
 */
export async function hashRuleSet(ruleSet: RuleSet, selfTest?: readonly SelfTestCase[]): Promise<string> {
  const content = JSON.stringify(selfTest ? [ruleSet, selfTest] : ruleSet);
  const digest = new Uint8Array(await platform.crypto.subtle.digest('SHA-256', new platform.TextEncoder().encode(content)));
  return `sha256-${platform.btoa(String.fromCharCode(...digest))}`;
}

/**
 * All the core asks of its host beyond ECMAScript, which Node 20+ and browsers
 * both give. Typed here so the core compiles without the DOM or Node types
 * (tsconfig.core.json); read at call time, as the globals were.
 */
interface Platform {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
  btoa(data: string): string;
}
const platform = globalThis as unknown as Platform;

/**
 * Wraps a validated rule set (from `loadRuleSet`) for the widget, with its
 * self-test (from `pickSelfTest`) when there is one. The clinician notes and
 * sources stay out ({@link withoutClinicianNotes}); the hash is of what ships.
 *
 * @example
 * const result = loadRuleSet(yamlText, 'rules/ketamine.yaml');
 * if (result.ok) writeFileSync('rules/ketamine.json', JSON.stringify(await compileRuleSet(result.ruleSet, selfTest), null, 2));
 */
export async function compileRuleSet(ruleSet: RuleSet, selfTest?: SelfTestCase[]): Promise<CompiledRuleSet> {
  const tested = selfTest?.length ? selfTest : undefined;
  const shipped = withoutClinicianNotes(ruleSet);
  return {
    format: COMPILED_FORMAT,
    formatVersion: COMPILED_FORMAT_VERSION,
    hash: await hashRuleSet(shipped, tested),
    ruleSet: shipped,
    ...(tested ? { selfTest: tested } : {}),
  };
}
