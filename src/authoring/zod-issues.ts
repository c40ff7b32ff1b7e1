/**
 * Turns Zod's issues into findings a clinician can act on: what was expected,
 * what was found (read from the written file), and how to fix it. Zod knows
 * the schema; only the file knows what the clinician actually typed.
 */
import type * as z from 'zod';
import { diagnoseCondition, suggestId } from './condition-shape.ts';
import { valueAt, type Finding } from './finding.ts';
import { describe, messages as M, placeName } from './messages.ts';
import { def, unwrap } from './schema-walk.ts';
import { closest } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/**
 * Findings for every Zod issue, with paths into the written file.
 *
 * @example
 * const parsed = RuleSet.safeParse(raw);
 * if (!parsed.success) translateIssues(parsed.error.issues, raw, RuleSet);
 */
export function translateIssues(issues: readonly Issue[], raw: unknown, schema: z.ZodType, prefix: Path = []): Finding[] {
  // Any problem inside a condition is explained from the condition as written,
  // once per condition, because Zod's view of a union of shapes is not helpful.
  const diagnosed = new Map<string, Finding[]>();
  const findings = issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const root = path.findIndex((segment) => segment === 'when' || segment === 'showIf');
    if (root >= 0) {
      const rootPath = path.slice(0, root + 1);
      const key = JSON.stringify(rootPath);
      if (diagnosed.has(key)) return diagnosed.get(key)!.length > 0 ? [] : translate(issue, raw, schema, prefix);
      const found = valueAt(raw, rootPath) === undefined ? [] : diagnoseCondition(valueAt(raw, rootPath), rootPath);
      diagnosed.set(key, found);
      if (found.length > 0) return found;
    }
    return translate(issue, raw, schema, prefix);
  });
  // A misspelt field is also a missing one; "no field txt. Did you mean text?" says both.
  const meant = new Set(
    findings
      .filter((f) => f.code === 'unknown-field')
      .flatMap((f) => {
        const parent = f.path.slice(0, -1);
        const suggestion = closest(String(f.path.at(-1)), knownKeys(schema, parent, raw));
        return suggestion ? [JSON.stringify([...parent, suggestion])] : [];
      }),
  );
  return findings.filter((f) => !(f.code === 'missing-field' && meant.has(JSON.stringify(f.path))));
}

function translate(issue: Issue, raw: unknown, schema: z.ZodType, prefix: Path): Finding[] {
  const path: Path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  const found = valueAt(raw, path);
  const idAt = (at: Path) => valueAt(raw, at);
  const error = (code: string, message: string, at?: 'key'): Finding => ({
    code,
    severity: 'error',
    path,
    message,
    ...(at ? { at } : {}),
  });
  const key = path.at(-1);

  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined && typeof key === 'string') {
        return [error('missing-field', M.missingField(key, placeName(path.slice(0, -1), idAt)))];
      }
      if (found === null && typeof key === 'string') return [error('invalid-type', M.emptyValue(key), 'key')];
      return [error('invalid-type', M.invalidType(M.fieldName(key), issue.expected, found, typeHint(issue.expected, found)))];
    }
    case 'unrecognized_keys': {
      const allowed = knownKeys(schema, path, raw);
      return issue.keys.map((unknown) => ({
        code: 'unknown-field',
        severity: 'error' as const,
        path: [...path, unknown],
        at: 'key' as const,
        message: M.unknownField(unknown, placeName(path, idAt), closest(unknown, allowed), allowed),
      }));
    }
    case 'invalid_union':
      return translateUnion(issue, path, found, raw, schema, error);
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof found === 'string' ? closest(found, values) : undefined;
      const code = key === 'tier' || key === 'atLeast' ? 'unknown-tier' : 'invalid-value';
      return [error(code, M.notOneOf(M.fieldName(key), values, found, suggestion))];
    }
    case 'too_small': {
      if (issue.origin === 'array' && Array.isArray(found)) {
        return [error('too-few', M.tooFew(Number(issue.minimum), itemName(path), found.length))];
      }
      if (issue.origin === 'string') return [error('empty-text', `${sentence(issue.message)} Write it after the colon.`)];
      return [error('invalid-value', M.tooSmall(Number(issue.minimum), found))];
    }
    case 'invalid_format': {
      const code = key === 'id' || typeof found === 'string' && /\bid/.test(issue.message) ? 'invalid-id' : 'invalid-value';
      const id = code === 'invalid-id' && typeof found === 'string' ? suggestId(found) : '';
      const hint = id ? M.hintTryId(id) : '';
      return [error(code, `${M.withFound(issue.message, found)}${hint ? ` ${hint}` : ''}`)];
    }
    case 'invalid_key': {
      const badKey = typeof key === 'string' ? key : String(key);
      return [error('invalid-locale', M.badLocale(badKey), 'key')];
    }
    case 'custom': {
      const kind = (issue.params as { kind?: string } | undefined)?.kind;
      return [error(kind ?? 'invalid-value', sentence(issue.message))];
    }
    default:
      return [error('invalid-value', M.invalidGeneric(`${issue.message}; found ${describe(found)}`))];
  }
}

function translateUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: Path,
  found: unknown,
  raw: unknown,
  schema: z.ZodType,
  error: (code: string, message: string) => Finding,
): Finding[] {
  const key = path.at(-1);
  if (found === undefined && typeof key === 'string') {
    return [error('missing-field', M.missingField(key, placeName(path.slice(0, -1), (at) => valueAt(raw, at))))];
  }
  if (found === null && typeof key === 'string') return [{ ...error('invalid-type', M.emptyValue(key)), at: 'key' }];
  if (isConditionPath(path)) {
    const diagnosed = diagnoseCondition(found, path);
    if (diagnosed.length > 0) return diagnosed;
  }
  // A discriminated union (a question's `type`) names its options.
  const options = (issue as { options?: unknown[] }).options;
  if (Array.isArray(options)) {
    const values = options.map(String);
    return [error('invalid-value', M.notOneOf(M.fieldName(key), values, found, typeof found === 'string' ? closest(found, values) : undefined))];
  }
  // Keep the branches whose basic type matched: their issues are the real ones.
  const matching = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (matching.length === 1) return translateIssues(matching[0]!, raw, schema, path);
  const expected = issue.errors.flatMap((branch) =>
    branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as { expected: string }).expected),
  );
  if (expected.includes('string') && expected.includes('record')) return [error('invalid-type', M.notText(M.fieldName(key), found))];
  if (expected.includes('date')) {
    return [error('invalid-type', M.invalidType(M.fieldName(key), 'a date written YYYY-MM-DD, like 2026-11-20', found))];
  }
  return [error('invalid-value', M.invalidGeneric(`this value does not fit here; found ${describe(found)}`))];
}

function isConditionPath(path: Path): boolean {
  const last = path.at(-1);
  const parent = path.at(-2);
  return (
    last === 'when' || last === 'showIf' || last === 'not' || (typeof last === 'number' && (parent === 'all' || parent === 'any'))
  );
}

function typeHint(expected: string, found: unknown): string {
  if (expected === 'string' && typeof found === 'boolean') return M.hintQuoteBoolean;
  if (expected === 'string' && typeof found === 'number') return M.hintQuoteText;
  if (expected === 'number' && typeof found === 'string') {
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(found)) return M.hintUnquoteNumber;
    if (/^\s*-?\d/.test(found)) return M.hintOnlyNumber;
  }
  if (expected === 'array' && !Array.isArray(found)) return M.hintWriteList;
  return '';
}

const ITEM_NAMES: Record<string, string> = {
  questions: 'question',
  rules: 'rule',
  options: 'option',
  resources: 'resource',
  invariants: 'invariant',
  oneOf: 'option id',
  noneOf: 'option id',
  includesAny: 'option id',
  all: 'condition',
  any: 'condition',
};

function itemName(path: Path): string {
  return ITEM_NAMES[String(path.at(-1))] ?? 'item';
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// ---------------------------------------------------------------------------
// Walking the schema to list the fields allowed at a place (for "Did you mean").

/**
 * The field names the schema allows in the object at `path` (empty when unknown).
 *
 * @example
 * knownKeys(RuleSet, ['signOff'], raw) // ['reviewedBy', 'reviewedOn']
 */
export function knownKeys(schema: z.ZodType, path: Path, raw: unknown): string[] {
  let current = unwrap(schema, raw);
  for (let i = 0; i < path.length; i += 1) {
    const d = def(current);
    const segment = path[i]!;
    const next =
      d.type === 'object' && d.shape ? d.shape[String(segment)]
      : d.type === 'array' ? d.element
      : d.type === 'record' ? d.valueType
      : undefined;
    if (!next) return [];
    current = unwrap(next, valueAt(raw, path.slice(0, i + 1)));
  }
  const shape = def(current).shape;
  return shape ? Object.keys(shape) : [];
}
