/** Optimal-string-alignment Damerau–Levenshtein distance over code points. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1]!;
      let best = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Length in code points, without building an array of them. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

/**
 * The candidate the user most likely meant, compared case-insensitively: an exact match, else the only candidate
 * the input is a prefix of, else the nearest candidate within max(2, a third of the input's length) edits.
 * Ties go to the earliest candidate.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = typeof input === 'string' ? input.trim().toLowerCase() : '';
  if (needle === '') return undefined;
  const lowered = candidates.map((candidate) => candidate.toLowerCase());
  const exact = lowered.indexOf(needle);
  if (exact >= 0) return candidates[exact];
  const prefixed = lowered.filter((candidate) => candidate.startsWith(needle));
  if (prefixed.length > 0 && new Set(prefixed).size === 1) return candidates[lowered.indexOf(prefixed[0]!)];
  // A candidate is at least the difference in length away: far longer input can match nothing, so stop before
  // splitting it into characters.
  const length = codePoints(needle);
  const longest = Math.max(0, ...lowered.map((candidate) => candidate.length));
  if (length - longest > Math.max(2, Math.floor(length / 3))) return undefined;
  const needleChars = Array.from(needle);
  const limit = Math.max(2, Math.floor(needleChars.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  candidates.forEach((candidate, index) => {
    const chars = Array.from(lowered[index]!);
    // The distance is at least the difference in length: skipping those candidates keeps the work bounded by the
    // candidates' lengths, however long the input.
    if (Math.abs(needleChars.length - chars.length) > limit) return;
    const distance = editDistance(needleChars, chars);
    const replacesEverything = distance >= Math.max(needleChars.length, chars.length);
    if (distance <= limit && !replacesEverything && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  });
  return best;
}
