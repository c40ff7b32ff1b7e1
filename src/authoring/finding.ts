/**
 * A problem found in a rule or cases file before it has a line and column:
 * the checks name the path, and the loader turns the path into a position.
 */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  /** Point at the field name rather than its value (unknown or duplicate fields). */
  at?: 'key';
}

/**
 * A plain object (a YAML map), not a list or null.
 *
 * @example
 * isMap({ id: 'age' }) // true
 * isMap(['age'])       // false
 */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Reads a nested value of parsed YAML by path; undefined when any step is missing.
 *
 * @example
 * valueAt({ rules: [{ id: 'a' }] }, ['rules', 0, 'id']) // 'a'
 */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isMap(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}
