/**
 * Walking the rule-set schema alongside a value: which schema describes the
 * value at a place. The loader's messages use it to list the fields allowed
 * somewhere ("Did you mean …?"); the build and the tests use it to find every
 * per-language field without a hand-kept list that would drift from the schema.
 */
import type * as z from 'zod';
import type { Text } from '../core/text.ts';
import { isMap } from './finding.ts';
import { localizedKind, RuleSet, type LocalizedKind } from './schema.ts';

type Path = (string | number)[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
}

/**
 * The parts of a schema that say what it is (Zod's `_zod.def`).
 *
 * @example
 * def(RuleSet).type // 'object'
 */
export function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * The schema that describes `value`: through optional, default, pipe and lazy
 * wrappers, and into the branch of a union the value is meant for (by its
 * discriminator, or the only object branch). A union of plain values, such as
 * {@link Text}, stays itself.
 *
 * @example
 * def(unwrap(Question, { type: 'number' })).shape?.unit // the number question's `unit`
 */
export function unwrap(schema: z.ZodType, value: unknown): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 20; guard += 1) {
    const d = def(current);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else if (d.type === 'lazy' && d.getter) current = d.getter();
    else if (d.type === 'union' && d.options) {
      // Pick the branch the written value is meant for: by discriminator, or the only object branch.
      const pick =
        d.discriminator && isMap(value)
          ? d.options.find((option) => def(option).shape?.[d.discriminator!]?.safeParse(value[d.discriminator!]).success)
          : d.options.filter((option) => def(unwrap(option, undefined)).type === 'object').length === 1
            ? d.options.find((option) => def(unwrap(option, undefined)).type === 'object')
            : undefined;
      if (!pick) return current;
      current = pick;
    } else return current;
  }
  return current;
}

/**
 * A copy of a rule set (whole, or with fields left out) in which every
 * per-language field (text, and a resource's `href`) is replaced by what `change`
 * returns for it. Only the schema decides what is per-language: a field added
 * to the schema as `Text` is found without changing this.
 *
 * @example
 * mapLocalized(ruleSet, (text) => resolveText(text, 'es', ruleSet.locale)) // the rule set in Spanish
 * mapLocalized(ruleSet, (text, path, kind) => (found.push(path.join('.')), text)) // only visits
 */
export function mapLocalized<T>(ruleSet: T, change: (value: Text, path: Path, kind: LocalizedKind) => Text): T {
  return walk(RuleSet, ruleSet, [], change) as T;
}

function walk(schema: z.ZodType, value: unknown, path: Path, change: (value: Text, path: Path, kind: LocalizedKind) => Text): unknown {
  const at = unwrap(schema, value);
  const kind = localizedKind(at);
  if (kind) return change(value as Text, path, kind);
  const { type, element, shape } = def(at);
  if (type === 'array' && element && Array.isArray(value)) return value.map((item, i) => walk(element, item, [...path, i], change));
  if (type === 'object' && shape && isMap(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shape[key] ? walk(shape[key], item, [...path, key], change) : item]),
    );
  }
  return value;
}
