/**
 * The k nearest sites to every point (candidate sites for the optimizer, open facilities for the
 * capacitated catchments), in 3D chord space: chord order is geodesic order (geodesic.ts), so the
 * answer is exact. The sites of each side sit in a k-d tree (median splits on the widest axis, each
 * node with the tight box of its sites); a point walks it nearest box first, keeps its k best in a
 * max-heap, and skips every box farther than its k-th. A uniform grid did this before and cost
 * 1.9 s for 100,000 places × 5,000 candidates, k = 40: real places crowd around towns, so a few
 * cells held most sites and every point read them all; the tree's boxes follow the crowding. A
 * geokdbush query per point cost about 100 µs for k = 40 among 5,000 sites (its queue computes
 * great-circle bounds per node): ten seconds for 100,000 points.
 */
import type { PointSet } from './nearest-tracker.js';

/** Sites per leaf of the tree. */
const LEAF = 8;

/**
 * For point i, its k nearest admissible sites (same side), nearest first (equal distances: the lower
 * site index first), in out[i*k .. i*k+k), padded with -1 when fewer are admissible.
 */
export function kNearestSites(
  points: PointSet,
  pointSide: ArrayLike<number>,
  sites: PointSet,
  siteSide: ArrayLike<number>,
  k: number,
): Int32Array {
  const out = new Int32Array(points.count * k).fill(-1);
  if (k === 0 || sites.count === 0) return out;
  const trees = new Map<number, SiteTree>();
  for (const side of new Set(Array.from(siteSide))) trees.set(side, siteTree(sites, siteSide, side));
  const near = new NearHeap(k);
  let stack = new Float64Array(256);
  // Points in Z-order, so each starts from its predecessor's k-th distance (see below).
  const order = zOrder(points);
  let prev = -1,
    prevKth = Infinity;
  for (let o = 0; o < points.count; o++) {
    const i = order[o]!;
    const t = trees.get(pointSide[i]!);
    if (!t) continue;
    const px = points.x[i]!,
      py = points.y[i]!,
      pz = points.z[i]!;
    // The previous point q had k sites within prevKth; by the triangle inequality they are all
    // within prevKth + |pq| of this one, so nothing farther is among its k nearest. The margin
    // covers rounding; a looser limit only reads more.
    let limit = Infinity;
    if (prev >= 0 && pointSide[prev] === pointSide[i] && Number.isFinite(prevKth)) {
      const r = Math.sqrt(prevKth) + Math.hypot(px - points.x[prev]!, py - points.y[prev]!, pz - points.z[prev]!);
      limit = r * r * (1 + 1e-9) + 1e-12;
    }
    near.size = 0;
    // The stack holds (node, first, end, box distance²) per entry; nearer child pushed last.
    let sp = 0;
    stack[0] = 1;
    stack[1] = 0;
    stack[2] = t.j.length;
    stack[3] = 0;
    sp = 4;
    while (sp > 0) {
      sp -= 4;
      const boxD = stack[sp + 3]!;
      // A box farther than the k-th holds nothing nearer (equal: a lower index may tie, so read it).
      if (boxD > (near.size === k ? near.d[0]! : limit)) continue;
      const node = stack[sp]!,
        from = stack[sp + 1]!,
        end = stack[sp + 2]!;
      if (end - from <= LEAF) {
        for (let s = from; s < end; s++) {
          const dx = t.x[s]! - px,
            dy = t.y[s]! - py,
            dz = t.z[s]! - pz;
          const d2 = dx * dx + dy * dy + dz * dz;
          if (d2 <= limit) near.offer(d2, t.j[s]!);
        }
        continue;
      }
      const mid = (from + end) >> 1;
      const a = 2 * node,
        b = a + 1;
      const da = boxDistance2(t.box, a, px, py, pz),
        db = boxDistance2(t.box, b, px, py, pz);
      if (sp + 8 > stack.length) {
        const grown = new Float64Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      // Nearer child on top: read first, it tightens the k-th soonest.
      const nearA = da <= db;
      stack[sp] = nearA ? b : a;
      stack[sp + 1] = nearA ? mid : from;
      stack[sp + 2] = nearA ? end : mid;
      stack[sp + 3] = nearA ? db : da;
      stack[sp + 4] = nearA ? a : b;
      stack[sp + 5] = nearA ? from : mid;
      stack[sp + 6] = nearA ? mid : end;
      stack[sp + 7] = nearA ? da : db;
      sp += 8;
    }
    prevKth = near.size === k ? near.d[0]! : Infinity;
    prev = i;
    near.drainInto(out, i * k);
  }
  return out;
}

/** Bits per axis of the Z-order (Morton) code. */
const Z_BITS = 10;

/**
 * The points sorted by the Z-order code of their cell (2^Z_BITS cells per axis over their box),
 * ties in index order: consecutive points are near each other. Two radix passes of 15 bits.
 */
export function zOrder(p: PointSet): Int32Array {
  const n = p.count;
  const lo = [Infinity, Infinity, Infinity],
    hi = [-Infinity, -Infinity, -Infinity];
  const axes = [p.x, p.y, p.z];
  for (let a = 0; a < 3; a++)
    for (let i = 0; i < n; i++) {
      lo[a] = Math.min(lo[a]!, axes[a]![i]!);
      hi[a] = Math.max(hi[a]!, axes[a]![i]!);
    }
  const cells = 1 << Z_BITS;
  const scale = axes.map((_, a) => (hi[a]! > lo[a]! ? (cells - 1) / (hi[a]! - lo[a]!) : 0));
  const code = new Uint32Array(n);
  for (let a = 0; a < 3; a++) {
    const v = axes[a]!,
      l = lo[a]!,
      sc = scale[a]!;
    for (let i = 0; i < n; i++) {
      const c = Math.floor((v[i]! - l) * sc);
      for (let b = 0; b < Z_BITS; b++) code[i]! |= ((c >> b) & 1) << (3 * b + a);
    }
  }
  const half = 15,
    mask = (1 << half) - 1;
  let order = new Int32Array(n),
    next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, half]) {
    const count = new Int32Array(mask + 2);
    for (let i = 0; i < n; i++) count[((code[i]! >>> shift) & mask) + 1]!++;
    for (let c = 0; c <= mask; c++) count[c + 1]! += count[c]!;
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      next[count[(code[i]! >>> shift) & mask]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * The k best (distance², site) so far as a max-heap (root: the worst kept), ordered by distance
 * then site index: the same k a full sort would keep.
 */
class NearHeap {
  readonly d: Float64Array;
  readonly j: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.d = new Float64Array(k);
    this.j = new Int32Array(k);
  }

  offer(d2: number, j: number): void {
    const { d, j: idx, k } = this;
    let at: number;
    if (this.size < k) {
      // Sift up from the end.
      at = this.size++;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (d[up]! > d2 || (d[up] === d2 && idx[up]! > j)) break;
        d[at] = d[up]!;
        idx[at] = idx[up]!;
        at = up;
      }
    } else {
      if (d2 > d[0]! || (d2 === d[0] && j > idx[0]!)) return;
      at = this.siftDown(d2, j, k);
    }
    d[at] = d2;
    idx[at] = j;
  }

  /** The place for (d2, j) when it replaces the root of a heap of `size` entries. */
  private siftDown(d2: number, j: number, size: number): number {
    const { d, j: idx } = this;
    let at = 0;
    for (;;) {
      let c = 2 * at + 1;
      if (c >= size) break;
      if (c + 1 < size && (d[c + 1]! > d[c]! || (d[c + 1] === d[c] && idx[c + 1]! > idx[c]!))) c++;
      if (d[c]! < d2 || (d[c] === d2 && idx[c]! < j)) break;
      d[at] = d[c]!;
      idx[at] = idx[c]!;
      at = c;
    }
    return at;
  }

  /** Writes the kept sites nearest first to out[at …] (emptying the heap). */
  drainInto(out: Int32Array, at: number): void {
    const { d, j: idx } = this;
    for (let size = this.size; size > 0; size--) {
      out[at + size - 1] = idx[0]!;
      // The last entry moves into the root's place and sinks.
      const lastD = d[size - 1]!,
        lastJ = idx[size - 1]!;
      const to = this.siftDown(lastD, lastJ, size - 1);
      d[to] = lastD;
      idx[to] = lastJ;
    }
    this.size = 0;
  }
}

/** Squared distance from a point to node's box (0 inside). */
function boxDistance2(box: Float64Array, node: number, px: number, py: number, pz: number): number {
  const o = node * 6;
  const dx = Math.max(box[o]! - px, 0, px - box[o + 3]!),
    dy = Math.max(box[o + 1]! - py, 0, py - box[o + 4]!),
    dz = Math.max(box[o + 2]! - pz, 0, pz - box[o + 5]!);
  return dx * dx + dy * dy + dz * dz;
}

interface SiteTree {
  /** Sites in tree order: node n covers a range, its children (2n, 2n + 1) the two halves. */
  j: Int32Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  /** Per node, its sites' box (minX, minY, minZ, maxX, maxY, maxZ). */
  box: Float64Array;
}

/** The k-d tree of the sites on `side` (implicit: node n's range is split at its middle). */
function siteTree(s: PointSet, siteSide: ArrayLike<number>, side: number): SiteTree {
  const members: number[] = [];
  for (let j = 0; j < s.count; j++) if (siteSide[j] === side) members.push(j);
  const n = members.length;
  const j = Int32Array.from(members);
  const x = Float64Array.from(members, (m) => s.x[m]!),
    y = Float64Array.from(members, (m) => s.y[m]!),
    z = Float64Array.from(members, (m) => s.z[m]!);
  // Node numbers stay below 2^(depth + 1); depth ≤ ⌈log2(n / LEAF)⌉ + 1.
  const depth = Math.ceil(Math.log2(Math.max(1, n / LEAF))) + 2;
  const box = new Float64Array(6 * 2 ** (depth + 1));
  const t: SiteTree = { j, x, y, z, box };
  build(t, 1, 0, n);
  return t;
}

function build(t: SiteTree, node: number, from: number, end: number): void {
  const { x, y, z, box } = t;
  let x0 = Infinity,
    y0 = Infinity,
    z0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity,
    z1 = -Infinity;
  for (let s = from; s < end; s++) {
    x0 = Math.min(x0, x[s]!);
    x1 = Math.max(x1, x[s]!);
    y0 = Math.min(y0, y[s]!);
    y1 = Math.max(y1, y[s]!);
    z0 = Math.min(z0, z[s]!);
    z1 = Math.max(z1, z[s]!);
  }
  box.set([x0, y0, z0, x1, y1, z1], node * 6);
  if (end - from <= LEAF) return;
  const axis = x1 - x0 >= y1 - y0 && x1 - x0 >= z1 - z0 ? x : y1 - y0 >= z1 - z0 ? y : z;
  const mid = (from + end) >> 1;
  select(t, axis, from, end - 1, mid);
  build(t, 2 * node, from, mid);
  build(t, 2 * node + 1, mid, end);
}

/** Reorders [lo, hi] so that position `at` holds its value on `axis`, smaller before, larger after (quickselect). */
function select(t: SiteTree, axis: Float64Array, lo: number, hi: number, at: number): void {
  while (lo < hi) {
    const pivot = axis[(lo + hi) >> 1]!;
    let a = lo,
      b = hi;
    while (a <= b) {
      while (axis[a]! < pivot) a++;
      while (axis[b]! > pivot) b--;
      if (a <= b) swap(t, a++, b--);
    }
    if (at <= b) hi = b;
    else if (at >= a) lo = a;
    else return;
  }
}

function swap(t: SiteTree, a: number, b: number): void {
  const { x, y, z, j } = t;
  const vx = x[a]!,
    vy = y[a]!,
    vz = z[a]!,
    vj = j[a]!;
  x[a] = x[b]!;
  y[a] = y[b]!;
  z[a] = z[b]!;
  j[a] = j[b]!;
  x[b] = vx;
  y[b] = vy;
  z[b] = vz;
  j[b] = vj;
}
