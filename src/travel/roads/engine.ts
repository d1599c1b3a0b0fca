/**
 * Shortest travel times over the road graph, searching backwards from facilities: for every
 * vertex, the minutes (and the km along that fastest route) to the nearest open site of a layer,
 * and which site that is. Kept current incrementally as sites open and close:
 *
 * - an opening runs a Dijkstra from the new sites that continues only where it beats the current
 *   best, so it stops at the boundary of the area the new site takes over;
 * - a closing forgets the vertices the closed site served, re-seeds each of them from its
 *   neighbours that are still served (their values stand: removing a site never shortens
 *   anything), and runs a Dijkstra over just that area.
 *
 * `recompute()` is the plain full multi-source search, the baseline the bench and tests compare with.
 */
import type { RoadGraph } from './graph.js';

/** Where a site enters the graph: a vertex, with the minutes and km from there to the site. */
export interface Seed {
  node: number;
  minutes: number;
  km: number;
}

export interface SiteSeeds {
  id: number;
  seeds: readonly Seed[];
}

/** A binary min-heap of (key, node, tag, km) in growable typed arrays. */
export class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  private tags = new Int32Array(1024);
  private kms = new Float64Array(1024);
  size = 0;

  push(key: number, node: number, tag = 0, km = 0): void {
    if (this.size === this.keys.length) this.grow();
    let c = this.size++;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[c] = this.keys[p]!;
      this.nodes[c] = this.nodes[p]!;
      this.tags[c] = this.tags[p]!;
      this.kms[c] = this.kms[p]!;
      c = p;
    }
    this.keys[c] = key;
    this.nodes[c] = node;
    this.tags[c] = tag;
    this.kms[c] = km;
  }

  /** Removes the minimum; its fields are then in top*. */
  topKey = 0;
  topNode = 0;
  topTag = 0;
  topKm = 0;
  pop(): void {
    this.topKey = this.keys[0]!;
    this.topNode = this.nodes[0]!;
    this.topTag = this.tags[0]!;
    this.topKm = this.kms[0]!;
    const n = --this.size;
    const key = this.keys[n]!,
      node = this.nodes[n]!,
      tag = this.tags[n]!,
      km = this.kms[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!;
      this.nodes[i] = this.nodes[c]!;
      this.tags[i] = this.tags[c]!;
      this.kms[i] = this.kms[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    this.tags[i] = tag;
    this.kms[i] = km;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const k = new Float64Array(n),
      v = new Int32Array(n),
      t = new Int32Array(n),
      m = new Float64Array(n);
    k.set(this.keys);
    v.set(this.nodes);
    t.set(this.tags);
    m.set(this.kms);
    (this.keys = k), (this.nodes = v), (this.tags = t), (this.kms = m);
  }
}

/** A 4-ary min-heap of (key, vertex): shallower than a binary heap, two arrays only (the hot path). */
export class NodeHeap {
  private keys = new Float64Array(1 << 16);
  private nodes = new Int32Array(1 << 16);
  size = 0;
  topKey = 0;
  topNode = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2),
        v = new Int32Array(this.size * 2);
      k.set(this.keys);
      v.set(this.nodes);
      (this.keys = k), (this.nodes = v);
    }
    const keys = this.keys,
      nodes = this.nodes;
    let c = this.size++;
    while (c > 0) {
      const p = (c - 1) >> 2;
      if (keys[p]! <= key) break;
      keys[c] = keys[p]!;
      nodes[c] = nodes[p]!;
      c = p;
    }
    keys[c] = key;
    nodes[c] = node;
  }

  pop(): void {
    const keys = this.keys,
      nodes = this.nodes;
    this.topKey = keys[0]!;
    this.topNode = nodes[0]!;
    const n = --this.size;
    const key = keys[n]!,
      node = nodes[n]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let c = first,
        ck = keys[first]!;
      const last = Math.min(first + 4, n);
      for (let j = first + 1; j < last; j++) if (keys[j]! < ck) (c = j), (ck = keys[j]!);
      if (ck >= key) break;
      keys[i] = ck;
      nodes[i] = nodes[c]!;
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

/** Per vertex: minutes and km to the nearest open site of one layer, and that site. */
export class NodeCosts {
  readonly dist: Float64Array;
  readonly km: Float64Array;
  readonly owner: Int32Array;
  private readonly sites = new Map<number, readonly Seed[]>();
  private readonly heap = new NodeHeap();
  private readonly invalid: Uint8Array;
  /** Vertices settled by the last update (work done; the bench prints it). */
  settled = 0;
  /** Vertices whose cost changed since the last takeChanged() ('all' after a recompute). */
  private changed: number[] | 'all' = 'all';
  private readonly mark: Uint8Array;

  constructor(private readonly g: RoadGraph) {
    const n = g.lat.length;
    this.dist = new Float64Array(n).fill(Infinity);
    this.km = new Float64Array(n).fill(Infinity);
    this.owner = new Int32Array(n).fill(-1);
    this.invalid = new Uint8Array(n);
    this.mark = new Uint8Array(n);
  }

  private touch(v: number): void {
    if (this.changed !== 'all' && !this.mark[v]) {
      this.mark[v] = 1;
      this.changed.push(v);
    }
  }

  /** The vertices whose cost changed since the last call, or 'all'; then starts a new list. */
  takeChanged(): number[] | 'all' {
    const out = this.changed;
    if (out !== 'all') for (const v of out) this.mark[v] = 0;
    this.changed = [];
    return out;
  }

  get openSites(): number {
    return this.sites.size;
  }

  open(sites: readonly SiteSeeds[]): void {
    for (const s of sites) {
      this.sites.set(s.id, s.seeds);
      for (const seed of s.seeds) this.offer(seed, s.id);
    }
    this.run();
  }

  close(ids: readonly number[]): void {
    const closed = new Set(ids.filter((id) => this.sites.delete(id)));
    if (!closed.size) return;
    const { dist, km, owner, invalid, g } = this;
    const lost: number[] = [];
    for (let v = 0; v < owner.length; v++) {
      if (closed.has(owner[v]!)) {
        invalid[v] = 1;
        this.touch(v);
        dist[v] = Infinity;
        km[v] = Infinity;
        owner[v] = -1;
        lost.push(v);
      }
    }
    // Re-seed each forgotten vertex from its still-served successors.
    for (const v of lost) {
      for (let e = g.fwdStart[v]!, end = g.fwdStart[v + 1]!; e < end; e++) {
        const w = g.fwdTo[e]!;
        if (invalid[w] || owner[w]! < 0) continue;
        const d = dist[w]! + g.fwdMin[e]!;
        if (d < dist[v]!) {
          dist[v] = d;
          km[v] = km[w]! + g.fwdKm[e]!;
          owner[v] = owner[w]!;
        }
      }
    }
    for (const v of lost) {
      invalid[v] = 0;
      if (dist[v]! < Infinity) this.heap.push(dist[v]!, v);
    }
    // A remaining site may enter the graph right inside the forgotten area.
    for (const [id, seeds] of this.sites) for (const seed of seeds) this.offer(seed, id);
    this.run();
  }

  /** The baseline: forget everything and search from every open site at once. */
  recompute(): void {
    this.changed = 'all';
    this.mark.fill(0);
    this.dist.fill(Infinity);
    this.km.fill(Infinity);
    this.owner.fill(-1);
    for (const [id, seeds] of this.sites) for (const seed of seeds) this.offer(seed, id);
    this.run();
  }

  private offer(seed: Seed, id: number): void {
    if (seed.minutes < this.dist[seed.node]!) {
      this.touch(seed.node);
      this.dist[seed.node] = seed.minutes;
      this.km[seed.node] = seed.km;
      this.owner[seed.node] = id;
      this.heap.push(seed.minutes, seed.node);
    }
  }

  private run(): void {
    const { heap, dist, km, owner } = this;
    const { revStart, revFrom, revMin, revKm } = this.g;
    let settled = 0;
    while (heap.size) {
      heap.pop();
      const d = heap.topKey,
        v = heap.topNode;
      if (d > dist[v]!) continue;
      settled++;
      const kv = km[v]!,
        ov = owner[v]!;
      for (let e = revStart[v]!, end = revStart[v + 1]!; e < end; e++) {
        const u = revFrom[e]!;
        const nd = d + revMin[e]!;
        if (nd < dist[u]!) {
          if (!this.mark[u]) this.touch(u);
          dist[u] = nd;
          km[u] = kv + revKm[e]!;
          owner[u] = ov;
          heap.push(nd, u);
        }
      }
    }
    this.settled = settled;
  }
}

/**
 * The k fastest distinct sites of chosen vertices: a Dijkstra whose labels are (vertex, site)
 * pairs, each vertex accepting at most k. Every vertex keeps the ids of its accepted sites (to
 * refuse a second label from the same site), but minutes and km are kept only for the `wanted`
 * vertices (slot ≥ 0), so memory is vertices × k × 4 bytes plus wanted × k × 20.
 */
export function kNearestSites(
  g: RoadGraph,
  sites: readonly SiteSeeds[],
  k: number,
  slotOf: Int32Array,
  wanted: number,
): { site: Int32Array; minutes: Float64Array; km: Float64Array } {
  const n = g.lat.length;
  const seen = new Int32Array(n * k);
  const count = new Uint16Array(n);
  const site = new Int32Array(wanted * k).fill(-1);
  const minutes = new Float64Array(wanted * k).fill(Infinity);
  const km = new Float64Array(wanted * k).fill(Infinity);
  const heap = new MinHeap();
  for (const s of sites) for (const seed of s.seeds) heap.push(seed.minutes, seed.node, s.id, seed.km);
  const { revStart, revFrom, revMin, revKm } = g;
  while (heap.size) {
    heap.pop();
    const d = heap.topKey,
      v = heap.topNode,
      s = heap.topTag,
      dk = heap.topKm;
    const c = count[v]!;
    if (c >= k) continue;
    let dup = false;
    for (let i = v * k; i < v * k + c; i++) if (seen[i] === s) dup = true;
    if (dup) continue;
    seen[v * k + c] = s;
    count[v] = c + 1;
    const slot = slotOf[v]!;
    if (slot >= 0) {
      site[slot * k + c] = s;
      minutes[slot * k + c] = d;
      km[slot * k + c] = dk;
    }
    for (let e = revStart[v]!, end = revStart[v + 1]!; e < end; e++) {
      const u = revFrom[e]!;
      if (count[u]! < k) heap.push(d + revMin[e]!, u, s, dk + revKm[e]!);
    }
  }
  return { site, minutes, km };
}

/**
 * A single-site search that stops at a limit (minutes, and km along the fastest route), reusing
 * its arrays between runs: only the vertices it touched are reset.
 */
export class BoundedSearch {
  private readonly dist: Float64Array;
  private readonly km: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap = new NodeHeap();

  constructor(private readonly g: RoadGraph) {
    this.dist = new Float64Array(g.lat.length).fill(Infinity);
    this.km = new Float64Array(g.lat.length).fill(Infinity);
  }

  /** Calls `visit(vertex, minutes, km)` for each vertex settled within the limits. */
  run(
    seeds: readonly Seed[],
    maxMin: number,
    maxKm: number,
    visit: (v: number, minutes: number, km: number) => void,
  ): void {
    const { dist, km, heap, touched } = this;
    const { revStart, revFrom, revMin, revKm } = this.g;
    for (const v of touched) (dist[v] = Infinity), (km[v] = Infinity);
    touched.length = 0;
    for (const s of seeds) {
      if (s.minutes <= maxMin && s.km <= maxKm && s.minutes < dist[s.node]!) {
        if (dist[s.node] === Infinity) touched.push(s.node);
        dist[s.node] = s.minutes;
        km[s.node] = s.km;
        heap.push(s.minutes, s.node);
      }
    }
    while (heap.size) {
      heap.pop();
      const d = heap.topKey,
        v = heap.topNode;
      if (d > dist[v]!) continue;
      visit(v, d, km[v]!);
      for (let e = revStart[v]!, end = revStart[v + 1]!; e < end; e++) {
        const u = revFrom[e]!;
        const nd = d + revMin[e]!,
          nk = km[v]! + revKm[e]!;
        if (nd < dist[u]! && nd <= maxMin && nk <= maxKm) {
          if (dist[u] === Infinity) touched.push(u);
          dist[u] = nd;
          km[u] = nk;
          heap.push(nd, u);
        }
      }
    }
  }
}
