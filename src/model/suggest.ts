import { english, eitherOf, type Said, type SaidParam, said } from './said.js';
/**
 * "Did you mean …?" suggestions. Edit distance counts a swap of two neighbouring letters as one
 * edit (optimal string alignment), the commonest typo in codes: AZ-BRA → AZ-BAR.
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
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

/** The plausible typo fixes, closest first (same length first on ties, then alphabetical), at most 3. */
export function closestAll(word: string, candidates: Iterable<string>): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored = [...candidates]
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()), len: Math.abs(c.length - word.length) }))
    .filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return scored
    .filter((x) => x.d === best)
    .sort((a, b) => a.len - b.len || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0))
    .slice(0, 3)
    .map((x) => x.c);
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return closestAll(word, candidates)[0];
}

export function didYouMean(word: string, candidates: Iterable<string>, describe?: (c: string) => string): string {
  const s = didYouMeanSaid(word, candidates, describe);
  return s ? english(s) : '';
}

/** " Did you mean 'a' or 'b'?" as a message, undefined when nothing is close. */
export function didYouMeanSaid(
  word: string,
  candidates: Iterable<string>,
  describe?: (c: string) => SaidParam,
): Said | undefined {
  const all = closestAll(word, candidates);
  if (!all.length) return undefined;
  const one = (c: string) =>
    describe ? said('check.code_named', { code: c, name: describe(c) }) : said('check.quoted', { text: c });
  return said('check.did_you_mean', { list: eitherOf(all.map(one)) });
}
