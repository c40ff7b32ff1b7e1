/**
 * Own properties only. The core runs inside a host page, whose scripts may
 * have added keys to `Object.prototype` before the widget loaded (old
 * libraries do: `Object.prototype.extend = …`). `key in value` and
 * `record[key]` see such keys, so `Object.prototype.answered = 1` once made
 * every test read as `answered` and a pregnant patient end `candidate`.
 * Rule data and answers are read with these instead.
 */

/**
 * True when `key` is an own property of `value`. Narrows like `in`.
 *
 * @example
 * Object.defineProperty(Object.prototype, 'equals', { value: 1, configurable: true });
 * 'equals' in { question: 'age', lessThan: 18 }       // true
 * has({ question: 'age', lessThan: 18 }, 'equals')     // false
 */
export function has<T extends object, K extends string>(value: T, key: K): value is Extract<T, Record<K, unknown>> {
  return Object.hasOwn(value, key);
}

/**
 * `value[key]` when it is an own property, else undefined: for optional
 * fields of rule data (`showIf`, `step`, `interrupt`…) and answers by id.
 *
 * @example
 * own(question, 'showIf') // undefined for a question without one, whatever Object.prototype has
 */
export function own<T extends object, K extends keyof T & string>(value: T, key: K): T[K] | undefined {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * A record with no prototype, for records keyed by question id: writing
 * `record[id]` calls no setter a page put on `Object.prototype`, and reading
 * a missing id finds nothing there.
 *
 * @example
 * const counted = record<Answer>(); counted.age = 34;
 */
export function record<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
