/**
 * The routable graph: a compact CSR (compressed sparse row) structure in typed arrays, built
 * from the nodes and ways an OSM reader delivers. Every OSM node used by a routable way is a
 * vertex; every pair of consecutive nodes of a way is a segment; a segment gives one directed
 * edge per direction it may be driven. Both the forward and the reverse adjacency are kept:
 * the engine searches backwards from facilities (reverse) and re-seeds after a closure (forward).
 */
import { geodesicKm } from '../../geo/geodesic.js';
import { wayCost, type Profile } from './profile.js';

/** What a network reader (load/roads/osm-reader.ts) delivers: the graph builder is one. */
export interface OsmSink {
  node(id: number, lat: number, lon: number): void;
  /** Only ways tagged `highway` or `route` reach the sink (everything else is never routable). */
  way(refs: readonly number[], tags: Record<string, string>): void;
}

/** The kinds of road network file load/roads/ reads; a cached graph's header names one. */
export const NETWORK_FORMATS = ['pbf', 'xml', 'geojson', 'shapefile', 'geopackage'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

export interface DroppedIsland {
  lat: number;
  lon: number;
  km: number;
}

export interface GraphMeta {
  format: NetworkFormat;
  /** Routable road length (each segment once, ferries excluded), km. */
  roadKm: number;
  ferryKm: number;
  /** Junctions: the search graph's vertices (OSM nodes where roads meet or end). */
  vertices: number;
  edges: number;
  /** OSM nodes on kept roads, and the segments between them. */
  roadNodes: number;
  segments: number;
  /** Kept connected pieces of network, and the dropped ones (islands), largest first. */
  components: number;
  dropped: { count: number; km: number; largest: DroppedIsland[] };
  /** Way nodes absent from the file (a way cut at the extract's edge): their segments are skipped. */
  missingNodes: number;
  /** Routable ways whose maxspeed was out of range (profile.ts MAXSPEED_KMH): class speed used. */
  ignoredMaxspeed: number;
}

export interface RoadGraph {
  meta: GraphMeta;
  lat: Float64Array;
  lon: Float64Array;
  fwdStart: Uint32Array;
  fwdTo: Uint32Array;
  fwdMin: Float32Array;
  fwdKm: Float32Array;
  revStart: Uint32Array;
  revFrom: Uint32Array;
  revMin: Float32Array;
  revKm: Float32Array;
  /**
   * Chains: runs of segments between junctions (the graph's vertices). Per chain: its end
   * junctions, the finite minutes each way and km, and how many segments forbid each way.
   */
  chainA: Uint32Array;
  chainB: Uint32Array;
  chainFwd: Float64Array;
  chainBwd: Float64Array;
  chainKm: Float64Array;
  chainFwdBlk: Uint32Array;
  chainBwdBlk: Uint32Array;
  /**
   * Segments a place may join (not motorways, not ferries), oriented along their chain: end
   * points [latA, lonA, latB, lonB], km, minutes A→B and B→A (Infinity where one-way-forbidden),
   * chain and index in it, and the chain's totals before the segment (finite minutes each way,
   * km, forbidding segments each way).
   */
  segGeo: Float64Array;
  segKm: Float32Array;
  segFwd: Float32Array;
  segBwd: Float32Array;
  segChain: Uint32Array;
  segIdx: Uint32Array;
  segFwdPre: Float64Array;
  segBwdPre: Float64Array;
  segKmPre: Float64Array;
  segFwdBlk: Uint32Array;
  segBwdBlk: Uint32Array;
}

/** The typed-array fields of a RoadGraph, in the order the cache writes them. */
export const GRAPH_ARRAYS = [
  'lat',
  'lon',
  'fwdStart',
  'fwdTo',
  'fwdMin',
  'fwdKm',
  'revStart',
  'revFrom',
  'revMin',
  'revKm',
  'chainA',
  'chainB',
  'chainFwd',
  'chainBwd',
  'chainKm',
  'chainFwdBlk',
  'chainBwdBlk',
  'segGeo',
  'segKm',
  'segFwd',
  'segBwd',
  'segChain',
  'segIdx',
  'segFwdPre',
  'segBwdPre',
  'segKmPre',
  'segFwdBlk',
  'segBwdBlk',
] as const;

type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Int8Array | Uint8Array;

/** A growable typed array (doubling), trimmed with view(). */
class Grow<T extends Typed> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = () => new Grow(new Float64Array(1024), (n) => new Float64Array(n));
const i32 = () => new Grow(new Int32Array(1024), (n) => new Int32Array(n));
const f32 = () => new Grow(new Float32Array(1024), (n) => new Float32Array(n));
const i8 = () => new Grow(new Int8Array(1024), (n) => new Int8Array(n));

/** Collects what a reader delivers: all node positions (1e-7°, as OSM stores them) and the routable ways. */
export class GraphBuilder implements OsmSink {
  private readonly ids = f64();
  private readonly lat7 = i32();
  private readonly lon7 = i32();
  private sorted = true;
  private lastId = -Infinity;
  private readonly refs = f64();
  private readonly wayStart = i32();
  private readonly wayKmh = f32();
  private readonly wayFerryMin = f32();
  private readonly wayOneway = i8();
  /** bit 0: a place may join here; bit 1: ferry. */
  private readonly wayFlags = i8();

  private ignoredMaxspeed = 0;

  /** `contract: false` makes every road node a vertex (tests compare both). */
  constructor(
    private readonly profile: Profile,
    private readonly contract = true,
  ) {}

  node(id: number, lat: number, lon: number): void {
    if (id <= this.lastId) this.sorted = false;
    this.lastId = id;
    this.ids.push(id);
    this.lat7.push(Math.round(lat * 1e7));
    this.lon7.push(Math.round(lon * 1e7));
  }

  way(refs: readonly number[], tags: Record<string, string>): void {
    const cost = wayCost(tags, this.profile);
    if (!cost || refs.length < 2) return;
    if (cost.maxspeedIgnored) this.ignoredMaxspeed++;
    this.wayStart.push(this.refs.length);
    for (const r of refs) this.refs.push(r);
    this.wayKmh.push(cost.kmh);
    this.wayFerryMin.push(cost.ferryMinutes ?? NaN);
    this.wayOneway.push(cost.oneway);
    this.wayFlags.push((cost.access ? 1 : 0) | (cost.ferry ? 2 : 0));
  }

  build(format: NetworkFormat): RoadGraph {
    const nodeIndex = this.nodeLookup();
    const refs = this.refs.view();
    const ways = this.wayStart.length;
    const starts = this.wayStart.view();
    const lat7 = this.lat7.view(),
      lon7 = this.lon7.view();

    // Vertices: the nodes routable ways use, numbered in order of first use (ways are local, so
    // neighbours in the graph tend to be neighbours in memory).
    const vertexOf = new Int32Array(lat7.length).fill(-1);
    const refVertex = new Int32Array(refs.length);
    let vertices = 0,
      missingNodes = 0;
    for (let i = 0; i < refs.length; i++) {
      const n = nodeIndex(refs[i]!);
      if (n < 0) {
        refVertex[i] = -1;
        missingNodes++;
        continue;
      }
      if (vertexOf[n]! < 0) vertexOf[n] = vertices++;
      refVertex[i] = vertexOf[n]!;
    }
    const vLat = new Float64Array(vertices),
      vLon = new Float64Array(vertices);
    for (let n = 0; n < vertexOf.length; n++) {
      const v = vertexOf[n]!;
      if (v >= 0) {
        vLat[v] = lat7[n]! / 1e7;
        vLon[v] = lon7[n]! / 1e7;
      }
    }

    // Segments.
    const maxSeg = refs.length;
    const sA = new Uint32Array(maxSeg),
      sB = new Uint32Array(maxSeg);
    const sKm = new Float64Array(maxSeg),
      sFwd = new Float32Array(maxSeg),
      sBwd = new Float32Array(maxSeg);
    const sFlags = new Uint8Array(maxSeg);
    let segs = 0;
    for (let w = 0; w < ways; w++) {
      const from = starts[w]!,
        to = w + 1 < ways ? starts[w + 1]! : refs.length;
      const first = segs;
      let wayKm = 0;
      for (let i = from; i + 1 < to; i++) {
        const a = refVertex[i]!,
          b = refVertex[i + 1]!;
        if (a < 0 || b < 0 || a === b) continue;
        const km = geodesicKm({ lat: vLat[a]!, lon: vLon[a]! }, { lat: vLat[b]!, lon: vLon[b]! });
        sA[segs] = a;
        sB[segs] = b;
        sKm[segs] = km;
        wayKm += km;
        segs++;
      }
      const ferryMin = this.wayFerryMin.view()[w]!;
      const kmh = this.wayKmh.view()[w]!;
      const oneway = this.wayOneway.view()[w]!;
      for (let s = first; s < segs; s++) {
        // A ferry's duration covers the whole crossing: each segment gets its share by length.
        const minutes = Number.isFinite(ferryMin) && wayKm > 0 ? (ferryMin * sKm[s]!) / wayKm : (sKm[s]! / kmh) * 60;
        sFwd[s] = oneway === -1 ? Infinity : minutes;
        sBwd[s] = oneway === 1 ? Infinity : minutes;
        sFlags[s] = this.wayFlags.view()[w]!;
      }
    }

    // Connected pieces (ignoring direction), by union-find.
    const parent = new Int32Array(vertices);
    for (let v = 0; v < vertices; v++) parent[v] = v;
    const find = (v: number): number => {
      while (parent[v] !== v) {
        parent[v] = parent[parent[v]!]!;
        v = parent[v]!;
      }
      return v;
    };
    for (let s = 0; s < segs; s++) {
      const ra = find(sA[s]!),
        rb = find(sB[s]!);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
    const compKm = new Float64Array(vertices);
    for (let s = 0; s < segs; s++) compKm[find(sA[s]!)]! += sKm[s]!;
    let largest = -1;
    for (let v = 0; v < vertices; v++)
      if (parent[v] === v && (largest < 0 || compKm[v]! > compKm[largest]!)) largest = v;
    const keepRoot = (r: number) => r === largest || compKm[r]! >= this.profile.min_component_km;
    const dropped: DroppedIsland[] = [];
    let components = 0;
    for (let v = 0; v < vertices; v++) {
      if (parent[v] !== v) continue;
      if (keepRoot(v)) components++;
      else dropped.push({ lat: vLat[v]!, lon: vLon[v]!, km: compKm[v]! });
    }
    dropped.sort((a, b) => b.km - a.km || a.lat - b.lat || a.lon - b.lon);

    // The kept segments, compacted in place (vertex numbers still the builder's).
    const keep = (v: number) => keepRoot(find(v));
    let S = 0,
      roadKm = 0,
      ferryKm = 0;
    for (let s = 0; s < segs; s++) {
      if (!keep(sA[s]!)) continue;
      (sA[S] = sA[s]!),
        (sB[S] = sB[s]!),
        (sKm[S] = sKm[s]!),
        (sFwd[S] = sFwd[s]!),
        (sBwd[S] = sBwd[s]!),
        (sFlags[S] = sFlags[s]!);
      if (sFlags[S]! & 2) ferryKm += sKm[S]!;
      else roadKm += sKm[S]!;
      S++;
    }

    // Chains: most OSM nodes only shape a road (two segments meet there). Searching over the
    // junctions (where roads meet or end) and the chains of segments between them gives the same
    // shortest paths on a graph several times smaller; places still join the exact segment.
    const incStart = new Uint32Array(vertices + 1);
    for (let s = 0; s < S; s++) incStart[sA[s]! + 1]!++, incStart[sB[s]! + 1]!++;
    for (let v = 0; v < vertices; v++) incStart[v + 1]! += incStart[v]!;
    const inc = new Uint32Array(2 * S);
    {
      const fill = incStart.slice(0, vertices);
      for (let s = 0; s < S; s++) (inc[fill[sA[s]!]!++] = s), (inc[fill[sB[s]!]!++] = s);
    }
    const isJunction = new Uint8Array(vertices);
    for (let v = 0; v < vertices; v++)
      if (keep(v) && (!this.contract || incStart[v + 1]! - incStart[v]! !== 2)) isJunction[v] = 1;
    // Chain c: segments chainSeg[chainStart[c] .. chainStart[c+1]), each with its direction
    // along the chain (1: from sA to sB), from junction chainFrom[c] to chainTo[c].
    const chainSeg = new Uint32Array(S),
      chainDir = new Uint8Array(S);
    const chainStartG = new Grow(new Uint32Array(1024), (n) => new Uint32Array(n));
    const chainFrom: number[] = [],
      chainTo: number[] = [];
    const visited = new Uint8Array(S);
    let placed = 0;
    const walk = (start: number, first: number) => {
      chainStartG.push(placed);
      chainFrom.push(start);
      let cur = start,
        seg = first;
      for (;;) {
        visited[seg] = 1;
        const forward = sA[seg] === cur;
        chainSeg[placed] = seg;
        chainDir[placed++] = forward ? 1 : 0;
        cur = forward ? sB[seg]! : sA[seg]!;
        if (isJunction[cur]) break;
        const i = incStart[cur]!;
        seg = inc[i] === seg ? inc[i + 1]! : inc[i]!;
      }
      chainTo.push(cur);
    };
    for (let v = 0; v < vertices; v++) {
      if (!isJunction[v]) continue;
      for (let i = incStart[v]!; i < incStart[v + 1]!; i++) if (!visited[inc[i]!]) walk(v, inc[i]!);
    }
    // Rings with no junction at all (a closed road on its own): one of their nodes becomes one.
    for (let s = 0; s < S; s++) {
      if (visited[s]) continue;
      isJunction[sA[s]!] = 1;
      walk(sA[s]!, s);
    }
    chainStartG.push(placed);
    const chainStart = chainStartG.view();
    const chains = chainFrom.length;

    // Number the junctions along a Hilbert curve: vertices near each other on the ground end up
    // near each other in memory, which is what keeps the searches cache-friendly.
    let junctions = 0;
    for (let v = 0; v < vertices; v++) if (isJunction[v]) junctions++;
    const order = hilbertOrder(vLat, vLon, (v) => isJunction[v] === 1, junctions);
    const newId = new Int32Array(vertices).fill(-1);
    for (let i = 0; i < junctions; i++) newId[order[i]!] = i;
    const lat = new Float64Array(junctions),
      lon = new Float64Array(junctions);
    for (let i = 0; i < junctions; i++) (lat[i] = vLat[order[i]!]!), (lon[i] = vLon[order[i]!]!);

    // Per chain: totals each way (finite parts, and how many segments forbid that way), and per
    // segment a place may join: its geometry and costs along the chain, and the totals before it.
    let access = 0;
    for (let s = 0; s < S; s++) if (sFlags[s]! & 1) access++;
    const chainA = new Uint32Array(chains),
      chainB = new Uint32Array(chains);
    const chainFwd = new Float64Array(chains),
      chainBwd = new Float64Array(chains),
      chainKm = new Float64Array(chains);
    const chainFwdBlk = new Uint32Array(chains),
      chainBwdBlk = new Uint32Array(chains);
    const segGeo = new Float64Array(4 * access),
      segKm = new Float32Array(access);
    const segFwd = new Float32Array(access),
      segBwd = new Float32Array(access);
    const segChain = new Uint32Array(access),
      segIdx = new Uint32Array(access);
    const segFwdPre = new Float64Array(access),
      segBwdPre = new Float64Array(access),
      segKmPre = new Float64Array(access);
    const segFwdBlk = new Uint32Array(access),
      segBwdBlk = new Uint32Array(access);
    let acc = 0;
    for (let c = 0; c < chains; c++) {
      chainA[c] = newId[chainFrom[c]!]!;
      chainB[c] = newId[chainTo[c]!]!;
      let fwd = 0,
        bwd = 0,
        km = 0,
        fBlk = 0,
        bBlk = 0;
      for (let i = chainStart[c]!; i < chainStart[c + 1]!; i++) {
        const s = chainSeg[i]!,
          dir = chainDir[i] === 1;
        const f = dir ? sFwd[s]! : sBwd[s]!,
          b = dir ? sBwd[s]! : sFwd[s]!;
        if (sFlags[s]! & 1) {
          const a = dir ? sA[s]! : sB[s]!,
            z = dir ? sB[s]! : sA[s]!;
          segGeo.set([vLat[a]!, vLon[a]!, vLat[z]!, vLon[z]!], 4 * acc);
          (segKm[acc] = sKm[s]!), (segFwd[acc] = f), (segBwd[acc] = b);
          (segChain[acc] = c), (segIdx[acc] = i - chainStart[c]!);
          (segFwdPre[acc] = fwd),
            (segBwdPre[acc] = bwd),
            (segKmPre[acc] = km),
            (segFwdBlk[acc] = fBlk),
            (segBwdBlk[acc] = bBlk);
          acc++;
        }
        if (f < Infinity) fwd += f;
        else fBlk++;
        if (b < Infinity) bwd += b;
        else bBlk++;
        km += sKm[s]!;
      }
      (chainFwd[c] = fwd), (chainBwd[c] = bwd), (chainKm[c] = km), (chainFwdBlk[c] = fBlk), (chainBwdBlk[c] = bBlk);
    }

    // Directed edges between junctions in CSR form, forward and reverse (a chain looping back to
    // its own junction is no shortcut and gets no edge).
    const outDeg = new Uint32Array(junctions + 1),
      inDeg = new Uint32Array(junctions + 1);
    let edges = 0;
    for (let c = 0; c < chains; c++) {
      const a = chainA[c]!,
        b = chainB[c]!;
      if (a === b) continue;
      if (!chainFwdBlk[c]) outDeg[a]!++, inDeg[b]!++, edges++;
      if (!chainBwdBlk[c]) outDeg[b]!++, inDeg[a]!++, edges++;
    }
    const fwdStart = prefix(outDeg),
      revStart = prefix(inDeg);
    const fwdTo = new Uint32Array(edges),
      fwdMin = new Float32Array(edges),
      fwdKm = new Float32Array(edges);
    const revFrom = new Uint32Array(edges),
      revMin = new Float32Array(edges),
      revKm = new Float32Array(edges);
    const fPos = fwdStart.slice(0, junctions),
      rPos = revStart.slice(0, junctions);
    const add = (a: number, b: number, min: number, km: number) => {
      const f = fPos[a]!++,
        r = rPos[b]!++;
      (fwdTo[f] = b), (fwdMin[f] = min), (fwdKm[f] = km);
      (revFrom[r] = a), (revMin[r] = min), (revKm[r] = km);
    };
    for (let c = 0; c < chains; c++) {
      const a = chainA[c]!,
        b = chainB[c]!;
      if (a === b) continue;
      if (!chainFwdBlk[c]) add(a, b, chainFwd[c]!, chainKm[c]!);
      if (!chainBwdBlk[c]) add(b, a, chainBwd[c]!, chainKm[c]!);
    }
    return {
      meta: {
        format,
        roadKm,
        ferryKm,
        vertices: junctions,
        edges,
        roadNodes: incStart.reduce((t, _, v) => t + (v < vertices && incStart[v + 1]! > incStart[v]! ? 1 : 0), 0),
        segments: S,
        components,
        dropped: { count: dropped.length, km: dropped.reduce((t, d) => t + d.km, 0), largest: dropped.slice(0, 5) },
        missingNodes,
        ignoredMaxspeed: this.ignoredMaxspeed,
      },
      lat,
      lon,
      fwdStart,
      fwdTo,
      fwdMin,
      fwdKm,
      revStart,
      revFrom,
      revMin,
      revKm,
      chainA,
      chainB,
      chainFwd,
      chainBwd,
      chainKm,
      chainFwdBlk,
      chainBwdBlk,
      segGeo,
      segKm,
      segFwd,
      segBwd,
      segChain,
      segIdx,
      segFwdPre,
      segBwdPre,
      segKmPre,
      segFwdBlk,
      segBwdBlk,
    };
  }

  /** node id → index into the node arrays (-1: not in the file). */
  private nodeLookup(): (id: number) => number {
    const ids = this.ids.view();
    let order: Uint32Array | undefined;
    if (!this.sorted) {
      order = new Uint32Array(ids.length);
      for (let i = 0; i < order.length; i++) order[i] = i;
      order.sort((a, b) => ids[a]! - ids[b]! || a - b);
    }
    const key = order ? (i: number) => ids[order[i]!]! : (i: number) => ids[i]!;
    return (id) => {
      let lo = 0,
        hi = ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const k = key(mid);
        if (k < id) lo = mid + 1;
        else if (k > id) hi = mid - 1;
        else return order ? order[mid]! : mid;
      }
      return -1;
    };
  }
}

/** Index along a Hilbert curve of order 16 (a 65,536² grid over the extent). */
function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) (x = s - 1 - x), (y = s - 1 - y);
      [x, y] = [y, x];
    }
  }
  return d;
}

/** The kept vertices sorted by Hilbert index (ties by old number, so the order is deterministic). */
function hilbertOrder(lat: Float64Array, lon: Float64Array, keep: (v: number) => boolean, kept: number): Uint32Array {
  let minLat = Infinity,
    maxLat = -Infinity,
    minLon = Infinity,
    maxLon = -Infinity;
  for (let v = 0; v < lat.length; v++) {
    if (lat[v]! < minLat) minLat = lat[v]!;
    if (lat[v]! > maxLat) maxLat = lat[v]!;
    if (lon[v]! < minLon) minLon = lon[v]!;
    if (lon[v]! > maxLon) maxLon = lon[v]!;
  }
  const sx = 65535 / Math.max(1e-9, maxLon - minLon),
    sy = 65535 / Math.max(1e-9, maxLat - minLat);
  // key × 2^21 + vertex fits a double exactly (2^32 × 2^21 = 2^53) up to 2 M vertices; above
  // that, plain per-vertex keys and a comparison sort.
  if (lat.length <= 1 << 21) {
    const keys = new Float64Array(kept);
    let i = 0;
    for (let v = 0; v < lat.length; v++) {
      if (keep(v))
        keys[i++] =
          hilbertIndex(Math.round((lon[v]! - minLon) * sx), Math.round((lat[v]! - minLat) * sy)) * 2 ** 21 + v;
    }
    keys.sort();
    return Uint32Array.from(keys, (k) => k % 2 ** 21);
  }
  const ids: number[] = [];
  const key = new Float64Array(lat.length);
  for (let v = 0; v < lat.length; v++) {
    if (!keep(v)) continue;
    ids.push(v);
    key[v] = hilbertIndex(Math.round((lon[v]! - minLon) * sx), Math.round((lat[v]! - minLat) * sy));
  }
  ids.sort((a, b) => key[a]! - key[b]! || a - b);
  return Uint32Array.from(ids);
}

function prefix(deg: Uint32Array): Uint32Array {
  const out = new Uint32Array(deg.length);
  let t = 0;
  for (let i = 0; i < deg.length; i++) {
    out[i] = t;
    t += deg[i]!;
  }
  return out;
}
