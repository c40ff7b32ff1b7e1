/**
 * Finds the line whose indentation breaks a rule file, and the column it
 * should start at, so a YAML error can say "indent it by 8 spaces (column
 * 9), to line up with "id" on line 30" instead of the parser's follow-on
 * complaint about a missing colon somewhere else.
 *
 * A plain reading of block YAML as rule files use it: each line opens a key
 * (`label: …`), a list item (`- …`) or both (`- id: …`); what lines up with
 * what is kept as a stack of open columns. Flow collections (`{ … }`, `[ … ]`)
 * spread over lines, quoted text spread over lines and block text (`>`, `|`)
 * are stepped over. Only used once the parser has found an error.
 */

/** A line indented wrongly, and where it should start. */
export interface IndentProblem {
  /** 1-based line. */
  line: number;
  /** A tab in the indentation; deeper than the line above allows; or between the columns above. */
  how: 'tab' | 'deeper' | 'between';
  /** Spaces the line is indented by (a tab counted as one). */
  found: number;
  /** The best column to move it to: 0-based spaces, what lines up there and on which line. */
  expected: { spaces: number; what: string; line: number };
  /** A second choice, as likely as the first. */
  alternative?: { spaces: number; what: string; line: number };
}

interface Level {
  column: number;
  kind: 'key' | 'item';
  /** A key with nothing after its colon: a list may line up with it. */
  holds?: boolean;
  what: string;
  line: number;
}

/**
 * Every line indented with a tab, or else the first line indented to a column
 * nothing above it lines up with (or deeper than the line above allows).
 *
 * @example
 * indentProblems('a:\n  b: 1\n c: 2\n') // [{ line: 3, found: 1, expected: { spaces: 2, what: 'b', line: 2 }, … }]
 */
export function indentProblems(source: string): IndentProblem[] {
  const lines = source.split(/\r?\n/);
  const tabs: IndentProblem[] = [];
  let first: IndentProblem | undefined;
  let stack: Level[] = [];
  /** The line before: its deepest open column, and whether it leaves a block open for deeper lines. */
  let opens = true;
  let blockText: number | null = null;
  let flowDepth = 0;
  let quote: string | null = null;

  lines.forEach((text, index) => {
    const lineNo = index + 1;
    const indentText = /^[ \t]*/.exec(text)![0];
    const rest = text.slice(indentText.length);
    const indent = indentText.length;
    // Inside block text (`>` or `|`): lines deeper than its key, and blank lines, are the text.
    if (blockText !== null) {
      if (rest === '' || indent > blockText) return;
      blockText = null;
    }
    if (quote !== null || flowDepth > 0) {
      ({ quote, flowDepth } = scan(text, quote, flowDepth));
      return;
    }
    if (rest === '' || rest.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(rest)) return;

    const tab = indentText.includes('\t');
    const items = /^(?:-(?:[ \t]+|$))+/.exec(rest)?.[0] ?? '';
    const keyMatch = /^((?:"[^"]*"|'[^']*'|[^\s#"'[\]{},:][^#:]*?))[ \t]*:(?:[ \t]+|$)/.exec(rest.slice(items.length));
    const place = (how: IndentProblem['how'], expected: Level, alternative?: Level): IndentProblem => ({
      line: lineNo,
      how,
      found: indent,
      expected: { spaces: expected.column, what: expected.what, line: expected.line },
      ...(alternative ? { alternative: { spaces: alternative.column, what: alternative.what, line: alternative.line } } : {}),
    });

    const deepest = stack.at(-1);
    if (tab) {
      // The width a tab was meant to have is unknown: the line most likely continues the one above.
      const expected = deepest && opens ? { ...deepest, column: deepest.column + 2 } : deepest;
      if (expected) tabs.push(place('tab', expected));
    } else if (first === undefined && deepest !== undefined) {
      const deeper = indent > deepest.column;
      if (deeper && !opens && (items !== '' || keyMatch)) {
        // Deeper than a line that already has its value: it should line up with that line.
        first = place('deeper', deepest);
      } else if (!deeper && !stack.some((level) => level.column === indent)) {
        const kind = items !== '' ? 'item' : 'key';
        // A key lines up with keys; an item with items, or with the key that holds the list.
        const fits = stack.filter((level) => level.kind === kind || (kind === 'item' && level.holds));
        const ranked = [...(fits.length > 0 ? fits : stack)].sort(
          (a, b) =>
            Math.abs(a.column - indent) - Math.abs(b.column - indent) ||
            Number(b.kind === kind) - Number(a.kind === kind) ||
            b.column - a.column,
        );
        const [best, second] = ranked;
        const tie = second && Math.abs(second.column - indent) === Math.abs(best!.column - indent) && second.column !== best!.column;
        first = place('between', best!, tie ? second : undefined);
      }
    }

    // The levels this line leaves open: those left of it, then its items and its key.
    stack = stack.filter((level) => level.column < indent);
    const dashes = items.match(/-[ \t]*/g) ?? [];
    let column = indent;
    for (const dash of dashes) {
      stack.push({ column, kind: 'item', what: `- ${keyMatch?.[1] ?? ''}`.trim(), line: lineNo });
      column += dash.length;
    }
    const value = rest.slice(items.length + (keyMatch?.[0].length ?? 0));
    const valueText = value.replace(/(^|\s+)#.*$/, '').trim();
    if (keyMatch) stack.push({ column, kind: 'key', what: keyMatch[1]!, line: lineNo, holds: valueText === '' });
    // A line of plain text (a value on its own line, or a key that lost its colon): later lines may line up with it.
    else if (dashes.length === 0) stack.push({ column, kind: 'key', what: rest.split(/\s/)[0]!, line: lineNo });
    if (keyMatch && /^[|>][-+0-9]*$/.test(valueText)) blockText = indent;
    opens = (keyMatch !== null && valueText === '') || (dashes.length > 0 && !keyMatch && valueText === '');
    ({ quote, flowDepth } = scan(keyMatch || items ? value : rest, null, 0));
  });
  return tabs.length > 0 ? tabs : first ? [first] : [];
}

/** Carries quotes and brackets left open at the end of `text` over to the next line. */
function scan(text: string, quote: string | null, flowDepth: number): { quote: string | null; flowDepth: number } {
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quote !== null) {
      if (quote === '"' && char === '\\') i += 1;
      else if (char === quote) {
        if (quote === "'" && text[i + 1] === "'") i += 1;
        else quote = null;
      }
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
    // A quote opens quoted text only where a value starts, not inside a plain word (it's).
    if ((char === '"' || char === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1]!))) quote = char;
    else if (char === '[' || char === '{') flowDepth += 1;
    else if ((char === ']' || char === '}') && flowDepth > 0) flowDepth -= 1;
  }
  return { quote, flowDepth };
}
