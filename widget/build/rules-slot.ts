/**
 * Where the built-in rules sit in the script tag file, so the playground can
 * publish edited rules without a developer: the prebuilt script with the
 * compiled rules spliced in, in the browser (issue 13). The build
 * (widget/build/build.ts) checks every script it writes: exactly one slot,
 * holding exactly the rules it shipped, so a change of bundler or minifier
 * that moves them fails the build instead of the clinic's download.
 *
 * The rules are one object literal, the widget's start function's argument:
 * `…}({format:"eligibility-screener/rules",formatVersion:1,…})}();`. Any
 * JSON is a valid replacement for it.
 */

/** How the minified rules literal begins. */
const SLOT_START = '{format:"eligibility-screener/rules"';
/** …or, once spliced, as JSON. */
const SPLICED_START = '{"format":"eligibility-screener/rules"';

/**
 * The start and end (exclusive) of the rules literal in a script, or a
 * sentence saying why there is none.
 *
 * @example
 * const slot = findRulesSlot(script); // { start: 86512, end: 90011 }
 */
export function findRulesSlot(script: string): { start: number; end: number } | string {
  const starts = [SLOT_START, SPLICED_START].flatMap((marker) => {
    const found: number[] = [];
    for (let at = script.indexOf(marker); at >= 0; at = script.indexOf(marker, at + 1)) found.push(at);
    return found;
  });
  if (starts.length !== 1) return starts.length ? 'the script holds the rules more than once' : 'the script holds no built-in rules';
  const start = starts[0]!;
  let depth = 0;
  for (let i = start; i < script.length; i++) {
    const char = script[i];
    if (char === '"' || char === "'" || char === '`') {
      // A string: skip to its closing quote (the rules hold no template expressions).
      for (i++; i < script.length && script[i] !== char; i++) if (script[i] === '\\') i++;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return { start, end: i + 1 };
    }
  }
  return 'the built-in rules never end';
}

/**
 * The script with other rules in its slot (`rules`: the compiled rules as the
 * widget ships them, JSON).
 *
 * @example
 * spliceRules(prebuilt, JSON.stringify(patientFacing(compiled))) // a script tag file with those rules built in
 */
export function spliceRules(script: string, rules: string): string {
  const slot = findRulesSlot(script);
  if (typeof slot === 'string') throw new Error(`cannot put rules into this script: ${slot}`);
  return script.slice(0, slot.start) + rules + script.slice(slot.end);
}
