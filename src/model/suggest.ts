/**
 * "Did you mean …?" suggestions. Edit distance counts a swap of two neighbouring letters as one
 * edit (optimal string alignment), the commonest typo in codes: AZ-BRA → AZ-BAR.
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // Ties go to the candidate of the same length, then alphabetically, so answers are stable.
    const d = editDistance(w, c.toLowerCase()) + Math.abs(c.length - word.length) / 100;
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return Math.floor(bestD) <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>, describe?: (c: string) => string): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` Did you mean '${c}'${describe ? ` (${describe(c)})` : ''}?`;
}
