/**
 * "Did you mean …?" suggestions for misspelt ids and field names, so a typo
 * in a rule file gets a one-glance fix instead of a bare "unknown".
 */

/**
 * Levenshtein distance (insertions, deletions, substitutions), case-insensitive.
 *
 * @example
 * editDistance('pregnacy', 'pregnancy') // 1
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The closest candidate to `input`, when it is close enough to be a likely
 * typo: within a third of its length (at least 1, at most 3 edits), or when
 * one contains the other (`bp` → `blood-pressure` is not suggested, but
 * `pregnant` → `pregnancy` is).
 *
 * @example
 * closest('pregnacy', ['age', 'pregnancy']) // 'pregnancy'
 * closest('zzz', ['age', 'pregnancy'])      // undefined
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(Math.max(input.length, best.length) / 3)));
  const lower = input.toLowerCase();
  const contains = lower.length >= 3 && (best.toLowerCase().includes(lower) || lower.includes(best.toLowerCase()));
  return bestDistance <= limit || contains ? best : undefined;
}
