/**
 * Line and column of a path in a parsed YAML document, so every problem in a
 * rule file can point at the exact spot a clinician has to change.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based position in the source text. */
export interface Position {
  line: number;
  column: number;
}

/** Where a path lands in the document. */
export interface Located {
  /** Position of the deepest node that exists on the path. */
  position: Position;
  /** How many path segments were found (equal to `path.length` when the whole path exists). */
  depth: number;
  /** Position of the key of the last found map entry, when the path ends in a map key. */
  keyPosition?: Position;
}

/**
 * 1-based line and column of a character offset.
 *
 * @example
 * positionAt(lineCounter, 0) // { line: 1, column: 1 }
 */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function keyMatches(key: unknown, segment: string | number): boolean {
  const value = isScalar(key) ? key.value : key;
  return value === segment || String(value) === String(segment);
}

/**
 * Finds the node at `path`, falling back to the nearest parent that exists
 * (a missing field is reported on the object that should hold it).
 *
 * @example
 * const lineCounter = new LineCounter();
 * const doc = parseDocument('questions:\n  - id: age\n', { lineCounter });
 * locate(doc, lineCounter, ['questions', 0, 'id']).position // { line: 2, column: 9 }
 */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): Located {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    let next: unknown;
    let nextKey: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (!pair) break;
      next = pair.value ?? pair.key;
      nextKey = pair.key as Node | undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      if (next === undefined) break;
      nextKey = undefined;
    } else break;
    node = next;
    keyNode = nextKey;
    depth += 1;
  }
  const located: Located = { position: nodePosition(node, lineCounter), depth };
  if (keyNode?.range && depth === path.length) located.keyPosition = positionAt(lineCounter, keyNode.range[0]);
  return located;
}

function nodePosition(node: unknown, lineCounter: LineCounter): Position {
  const range = (node as Node | null | undefined)?.range;
  return range ? positionAt(lineCounter, range[0]) : { line: 1, column: 1 };
}
