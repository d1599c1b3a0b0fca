/**
 * Sorting (candidate, distance) pairs kept in two parallel arrays (site[t], d[t]), in place, by
 * distance: the candidate lists of the p-median instances.
 */

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
