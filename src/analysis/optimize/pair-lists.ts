/**
 * Sorting (candidate, distance) pairs kept in two parallel arrays (site[t], d[t]), in place, by
 * distance: the candidate lists of the p-median instances; and the lists regrouped by candidate.
 */

/**
 * Point-by-point lists (point x's pairs in [start[x], start[x + 1])) regrouped candidate by
 * candidate, points in increasing order; list x is point active[x] when `active` is given.
 */
export function byCandidate(
  lists: { start: Int32Array; site: Int32Array; d: Float64Array },
  m: number,
  active?: Int32Array,
): { points: Int32Array; d: Float64Array }[] {
  const count = new Int32Array(m);
  for (let t = 0; t < lists.site.length; t++) count[lists.site[t]!]!++;
  const reverse = Array.from(count, (c) => ({ points: new Int32Array(c), d: new Float64Array(c) }));
  count.fill(0);
  for (let x = 0; x + 1 < lists.start.length; x++) {
    const i = active ? active[x]! : x;
    for (let t = lists.start[x]!; t < lists.start[x + 1]!; t++) {
      const j = lists.site[t]!,
        r = reverse[j]!;
      r.points[count[j]!] = i;
      r.d[count[j]!++] = lists.d[t]!;
    }
  }
  return reverse;
}

/** Moves the (at - from) smallest distances of [from, to) to [from, at), in no particular order (quickselect). */
export function selectNearest(site: Int32Array, d: Float64Array, from: number, to: number, at: number): void {
  let lo = from,
    hi = to - 1;
  while (lo < hi) {
    const pivot = median3(d[lo]!, d[(lo + hi) >> 1]!, d[hi]!);
    let a = lo,
      b = hi;
    while (a <= b) {
      while (d[a]! < pivot) a++;
      while (d[b]! > pivot) b--;
      if (a <= b) {
        swapEntries(site, d, a++, b--);
      }
    }
    // [lo, b] ≤ pivot ≤ [a, hi]; keep narrowing to the side that holds position `at`.
    if (at <= b) hi = b;
    else if (at >= a) lo = a;
    else return;
  }
}

const median3 = (x: number, y: number, z: number) => Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));

function swapEntries(site: Int32Array, d: Float64Array, a: number, b: number): void {
  const x = d[a]!,
    j = site[a]!;
  d[a] = d[b]!;
  site[a] = site[b]!;
  d[b] = x;
  site[b] = j;
}

export function insertionSort(site: Int32Array, d: Float64Array, from: number, to: number): void {
  for (let t = from + 1; t < to; t++) {
    const x = d[t]!,
      j = site[t]!;
    let u = t - 1;
    for (; u >= from && d[u]! > x; u--) {
      d[u + 1] = d[u]!;
      site[u + 1] = site[u]!;
    }
    d[u + 1] = x;
    site[u + 1] = j;
  }
}
