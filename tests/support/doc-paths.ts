/**
 * Reading and writing a plain rule-set document by path, the way issues name
 * places (`['rules', 3, 'when', 'question']`). Test helpers for mutating a
 * valid document one spot at a time.
 */

/** A path into a document, as issues report it. */
export type Path = (string | number)[];

/**
 * Every node of a document (objects, arrays and leaves) with its path, root first.
 *
 * @example
 * nodes({ a: [1] }) // [{ path: [], … }, { path: ['a'], … }, { path: ['a', 0], value: 1 }]
 */
export function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = { path, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((item, i) => nodes(item, [...path, i]))];
  if (value && typeof value === 'object') return [here, ...Object.entries(value).flatMap(([key, item]) => nodes(item, [...path, key]))];
  return [here];
}

/** The value at `path`. */
export function getAt(doc: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc);
}

/** Replaces the value at `path` (the parent must exist). */
export function setAt(doc: unknown, path: Path, value: unknown): void {
  (getAt(doc, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = value;
}
