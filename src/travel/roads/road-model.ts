/**
 * The road-network TravelCostModel: travel time over an OpenStreetMap road graph with a car
 * profile. A place (population point or facility) joins the network at the nearest point of a
 * road it may use; that access leg is a straight line at the profile's off-road speed. "Nearest"
 * is the least minutes; km are the road km along that fastest route, access legs included.
 * load/roads/road-network.ts reads the graph (or takes it from the cache) and builds the model.
 */
import type { Threshold } from '../../model/plan.js';
import { partsOf } from '../../model/note.js';
import { amount, english, figure, plainAmount, type Said, said } from '../../model/said.js';
import {
  meets,
  type Layer,
  type NearestCosts,
  type Place,
  type PlaceColumns,
  type PlaceNoun,
  placeList,
  type Places,
  type SiteOpening,
  type TravelCostModel,
  type TravelModelInfo,
  type TripCost,
} from '../travel-cost.js';
import { BoundedSearch, kNearestSites, NodeCosts, type Seed, type SiteSeeds } from './engine.js';
import type { RoadGraph } from './graph.js';
import { MAXSPEED_KMH, type Profile } from './profile.js';
import { SegmentIndex, type Snap } from './snap.js';

/** A place on the network: its snap and the two ways along its segment (-1: that way is one-way-forbidden). */
interface Attachment {
  snap: Snap;
  accessMin: number;
}

const fmtInt = (x: number) => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** A few places' positions, "40.1000,47.1000; …" (coordinates, written alike in every language). */
const positions = (ps: readonly { lat: number; lon: number }[]) => ps.map((p) => fmtLatLon(p.lat, p.lon)).join('; ');
const fmtLatLon = (lat: number, lon: number) => `${lat.toFixed(4)},${lon.toFixed(4)}`;

export class RoadModel implements TravelCostModel {
  readonly info: TravelModelInfo;
  private indexCache?: SegmentIndex;

  constructor(
    readonly graph: RoadGraph,
    readonly profile: Profile,
    readonly file: string,
    private readonly onNote?: (note: Said) => void,
  ) {
    const m = graph.meta;
    const notes: Said[] = [];
    if (m.dropped.count) {
      const islands = m.dropped.largest.map((d) =>
        said('note.roads.island_at', { at: fmtLatLon(d.lat, d.lon), km: plainAmount(d.km, 1) }),
      );
      const largest = partsOf(islands) ?? '';
      const counts = { n: amount(m.dropped.count), km: plainAmount(m.dropped.km, 1), largest };
      notes.push(said(m.dropped.count > 1 ? 'note.roads.islands' : 'note.roads.island', counts));
    }
    if (m.components > 1) notes.push(said('note.roads.parts', { n: m.components }));
    if (m.missingNodes) notes.push(said('note.roads.missing_nodes', { n: amount(m.missingNodes) }));
    if (m.ignoredMaxspeed) {
      const speeds = { n: amount(m.ignoredMaxspeed), min: MAXSPEED_KMH.min, max: MAXSPEED_KMH.max };
      notes.push(said(m.ignoredMaxspeed > 1 ? 'note.roads.maxspeed_many' : 'note.roads.maxspeed_one', speeds));
    }
    this.info = {
      type: 'roads',
      description:
        `road network: ${file}, ${fmtInt(m.roadKm)} km of roads, ${profile.name} profile; ` +
        `off-road access at ${profile.access.speed_kmh} km/h up to ${profile.access.max_km} km`,
      roads: { file, road_km: Math.round(m.roadKm), profile: profile.name },
      notes: [],
    };
    for (const n of notes) this.note(n);
  }

  private readonly noteKeys: string[] = [];

  /** Tells the listener a note that is not kept. */
  tell(note: Said): void {
    this.onNote?.(note);
  }

  /**
   * Records a note in info.notes (reports carry them, in English) and tells the listener, once per
   * text. A note with a key replaces the earlier note of that key (a count that grows year by
   * year) and tells the listener `tell` instead (null: nothing).
   */
  note(note: Said, key = english(note), tell: Said | null = note): void {
    const line = english(note);
    const at = this.noteKeys.indexOf(key);
    if (at >= 0) {
      if (this.info.notes![at] === line) return;
      this.info.notes![at] = line;
    } else {
      this.noteKeys.push(key);
      this.info.notes!.push(line);
    }
    if (tell !== null) this.onNote?.(tell);
  }

  private get index(): SegmentIndex {
    return (this.indexCache ??= new SegmentIndex(this.graph));
  }

  /** The access leg to the network, or undefined beyond the off-road limit. */
  attach(p: Place): Attachment | undefined {
    const snap = this.index.nearest(p.lat, p.lon, this.profile.access.max_km);
    return snap && { snap, accessMin: (snap.km / this.profile.access.speed_kmh) * 60 };
  }

  /**
   * The two junctions at the ends of an attachment's chain: minutes and km from the attachment
   * to each (`out`, a trip leaving the place) or from each to it (`in`, a trip arriving); a
   * junction the one-ways make unreachable that way is left out. An attachment right at a
   * segment's end does not travel that segment.
   */
  ends(a: Attachment, dir: 'out' | 'in'): { node: number; minutes: number; km: number }[] {
    const g = this.graph,
      s = a.snap.seg,
      t = a.snap.t,
      c = g.segChain[s]!;
    const fwd = g.segFwd[s]!,
      bwd = g.segBwd[s]!,
      len = g.segKm[s]!;
    const kmToA = t * len + g.segKmPre[s]!;
    const kmToB = Math.max(0, (1 - t) * len + g.chainKm[c]! - g.segKmPre[s]! - len);
    // Finite minutes after this segment to B, and whether anything after it forbids the way.
    const fwdAfter = g.chainFwd[c]! - g.segFwdPre[s]! - (fwd < Infinity ? fwd : 0);
    const fwdBlockedAfter = g.chainFwdBlk[c]! - g.segFwdBlk[s]! - (fwd < Infinity ? 0 : 1) > 0;
    const bwdAfter = g.chainBwd[c]! - g.segBwdPre[s]! - (bwd < Infinity ? bwd : 0);
    const bwdBlockedAfter = g.chainBwdBlk[c]! - g.segBwdBlk[s]! - (bwd < Infinity ? 0 : 1) > 0;
    const part = (f: number, per: number) => (f === 0 ? 0 : f * per);
    const out: { node: number; minutes: number; km: number }[] = [];
    if (dir === 'out') {
      // Backwards along the chain to A, forwards to B.
      if (!g.segBwdBlk[s]) out.push({ node: g.chainA[c]!, minutes: part(t, bwd) + g.segBwdPre[s]!, km: kmToA });
      if (!fwdBlockedAfter)
        out.push({ node: g.chainB[c]!, minutes: part(1 - t, fwd) + Math.max(0, fwdAfter), km: kmToB });
    } else {
      // From A forwards along the chain, from B backwards.
      if (!g.segFwdBlk[s]) out.push({ node: g.chainA[c]!, minutes: g.segFwdPre[s]! + part(t, fwd), km: kmToA });
      if (!bwdBlockedAfter)
        out.push({ node: g.chainB[c]!, minutes: Math.max(0, bwdAfter) + part(1 - t, bwd), km: kmToB });
    }
    return out.filter((e) => e.minutes < Infinity);
  }

  /** Where a site at this attachment enters the backward search. */
  seedsOf(a: Attachment): Seed[] {
    return this.ends(a, 'in').map((e) => ({ node: e.node, minutes: a.accessMin + e.minutes, km: a.snap.km + e.km }));
  }

  /** The chain a place is on (places on one chain may reach each other without a junction). */
  chainOf(a: Attachment): number {
    return this.graph.segChain[a.snap.seg]!;
  }

  /**
   * From a point's attachment to a site's along their shared chain, without passing a junction;
   * Infinity when a one-way forbids it or they are on different chains.
   */
  direct(p: Attachment, site: Attachment): TripCost {
    const g = this.graph,
      sp = p.snap.seg,
      sq = site.snap.seg,
      tp = p.snap.t,
      tq = site.snap.t;
    const none = { km: Infinity, minutes: Infinity };
    if (g.segChain[sp] !== g.segChain[sq]) return none;
    const pos = (s: number, t: number) => g.segKmPre[s]! + t * g.segKm[s]!;
    const km = Math.abs(pos(sq, tq) - pos(sp, tp));
    const legs = { minutes: p.accessMin + site.accessMin, km: p.snap.km + site.snap.km };
    const ip = g.segIdx[sp]!,
      iq = g.segIdx[sq]!;
    const finite = (x: number) => (x < Infinity ? x : 0);
    if (ip === iq) {
      const per = tq >= tp ? g.segFwd[sp]! : g.segBwd[sp]!;
      if (tq === tp) return { minutes: legs.minutes, km: legs.km };
      return per < Infinity ? { minutes: legs.minutes + Math.abs(tq - tp) * per, km: legs.km + km } : none;
    }
    if (iq > ip) {
      const inf = (s: number) => (g.segFwd[s]! < Infinity ? 0 : 1);
      const blocked =
        (inf(sp) && tp < 1 ? 1 : 0) + (g.segFwdBlk[sq]! - g.segFwdBlk[sp]! - inf(sp)) + (inf(sq) && tq > 0 ? 1 : 0);
      if (blocked) return none;
      const at = (s: number, t: number) => g.segFwdPre[s]! + (t > 0 ? t * finite(g.segFwd[s]!) : 0);
      return { minutes: legs.minutes + at(sq, tq) - at(sp, tp), km: legs.km + km };
    }
    const inf = (s: number) => (g.segBwd[s]! < Infinity ? 0 : 1);
    const blocked =
      (inf(sp) && tp > 0 ? 1 : 0) + (g.segBwdBlk[sp]! - g.segBwdBlk[sq]! - inf(sq)) + (inf(sq) && tq < 1 ? 1 : 0);
    if (blocked) return none;
    const at = (s: number, t: number) => g.segBwdPre[s]! + (t > 0 ? t * finite(g.segBwd[s]!) : 0);
    return { minutes: legs.minutes + at(sp, tp) - at(sq, tq), km: legs.km + km };
  }

  /** Cost from an attached point through the graph, given per-vertex minutes and km to the site(s). */
  viaGraph(p: Attachment, dist: Float64Array, km: Float64Array): { minutes: number; km: number; node: number } {
    let best = { minutes: Infinity, km: Infinity, node: -1 };
    for (const e of this.ends(p, 'out')) {
      const m = p.accessMin + e.minutes + dist[e.node]!;
      if (m < best.minutes) best = { minutes: m, km: p.snap.km + e.km + km[e.node]!, node: e.node };
    }
    return best;
  }

  nearestCosts(points: Places): RoadNearestCosts {
    const noun = Array.isArray(points) ? undefined : (points as PlaceColumns).noun;
    return new RoadNearestCosts(this, placeList(points), noun);
  }

  nearestSites(points: readonly Place[], sites: readonly Place[], k: number) {
    const n = points.length;
    const site = new Int32Array(n * k).fill(-1);
    const km = new Float64Array(n * k).fill(Infinity);
    const minutes = new Float64Array(n * k).fill(Infinity);
    const siteAt = sites.map((s) => this.attach(s));
    const at = points.map((p) => this.attach(p));
    // One labelled search per side: places on different sides never reach each other.
    for (const side of new Set(sites.map((s) => s.side))) {
      const mine = (i: number) => points[i]!.side === side;
      const byChain = new Map<number, number[]>();
      siteAt.forEach(
        (a, j) =>
          a && sites[j]!.side === side && byChain.set(this.chainOf(a), [...(byChain.get(this.chainOf(a)) ?? []), j]),
      );
      // Labels are kept only at the vertices this side's points drive to.
      const slotOf = new Int32Array(this.graph.lat.length).fill(-1);
      let wanted = 0;
      at.forEach((a, i) => {
        if (a && mine(i)) for (const e of this.ends(a, 'out')) if (slotOf[e.node]! < 0) slotOf[e.node] = wanted++;
      });
      const seeds = siteAt.flatMap((a, id) => (a && sites[id]!.side === side ? [{ id, seeds: this.seedsOf(a) }] : []));
      const labels = kNearestSites(this.graph, seeds, k, slotOf, wanted);
      at.forEach((a, i) => {
        if (!a || !mine(i)) return;
        const cand = new Map<number, TripCost>();
        const offer = (id: number, c: TripCost) => {
          const old = cand.get(id);
          if (c.minutes < Infinity && (!old || c.minutes < old.minutes)) cand.set(id, c);
        };
        for (const { node: v, minutes: m, km: dk } of this.ends(a, 'out')) {
          const slot = slotOf[v]!;
          for (let j = slot * k; j < slot * k + k && labels.site[j]! >= 0; j++) {
            offer(labels.site[j]!, {
              minutes: a.accessMin + m + labels.minutes[j]!,
              km: a.snap.km + dk + labels.km[j]!,
            });
          }
        }
        for (const id of byChain.get(this.chainOf(a)) ?? []) offer(id, this.direct(a, siteAt[id]!));
        [...cand]
          .sort(([ia, ca], [ib, cb]) => ca.minutes - cb.minutes || ia - ib)
          .slice(0, k)
          .forEach(([id, c], j) => {
            site[i * k + j] = id;
            km[i * k + j] = c.km;
            minutes[i * k + j] = c.minutes;
          });
      });
    }
    return { site, km, minutes };
  }

  /**
   * One trip. Each destination's whole backward search is kept (single precision, least recently
   * used dropped first, within TRIP_CACHE_BYTES), so an optimiser asking many points about a few
   * sites pays one search per site.
   */
  trip(from: Place, to: Place): TripCost {
    if (from.side !== to.side) return { km: Infinity, minutes: Infinity };
    const tree = this.treeTo(to);
    const a = this.attach(from);
    if (!a || !tree.on) return { km: Infinity, minutes: Infinity };
    let best: TripCost = this.direct(a, tree.on);
    for (const e of this.ends(a, 'out')) {
      const m = a.accessMin + e.minutes + tree.minutes[e.node]!;
      if (m < best.minutes) best = { minutes: m, km: a.snap.km + e.km + tree.km[e.node]! };
    }
    return best;
  }

  private readonly trees = new Map<string, { on?: Attachment; minutes: Float32Array; km: Float32Array }>();

  private treeTo(to: Place) {
    const key = `${to.lat},${to.lon}`;
    let tree = this.trees.get(key);
    if (tree) {
      this.trees.delete(key); // re-insert: most recently used last
    } else {
      const on = this.attach(to);
      const costs = new NodeCosts(this.graph);
      if (on) costs.open([{ id: 0, seeds: this.seedsOf(on) }]);
      tree = { on, minutes: Float32Array.from(costs.dist), km: Float32Array.from(costs.km) };
      const max = Math.max(1, Math.floor(TRIP_CACHE_BYTES / (8 * this.graph.lat.length)));
      while (this.trees.size >= max) this.trees.delete(this.trees.keys().next().value!);
    }
    this.trees.set(key, tree);
    return tree;
  }

  /** A standard in road km is said in km; a time standard has no single km equivalent on roads. */
  reachKm(standard: Threshold): number | null {
    return standard.within_km ?? null;
  }

  /** Per site, the points that reach it within the standard (a search bounded by the standard). */
  reachable(points: readonly Place[], sites: readonly Place[], standard: Threshold): Int32Array[] {
    const costs = this.nearestCosts(points);
    const search = new BoundedSearch(this.graph);
    const maxMin = standard.within_min ?? Infinity,
      maxKm = standard.within_km ?? Infinity;
    return sites.map((site) => {
      const on = this.attach(site);
      if (!on) return new Int32Array(0);
      const hits = new Set<number>();
      search.run(this.seedsOf(on), maxMin, maxKm, (v, m, k) => {
        for (const [i, j] of costs.pointsAt(v)) {
          if (hits.has(i) || points[i]!.side !== site.side) continue;
          const c = costs.costVia(i, j, m, k);
          if (meets(c.km, c.minutes, standard)) hits.add(i);
        }
      });
      for (const i of costs.pointsOnChain(this.chainOf(on))) {
        if (points[i]!.side !== site.side) continue;
        const d = this.direct(costs.attachmentOf(i), on);
        if (meets(d.km, d.minutes, standard)) hits.add(i);
      }
      return Int32Array.from(hits).sort();
    });
  }
}

/** Memory the trip() search trees may hold. */
const TRIP_CACHE_BYTES = 256 * 2 ** 20;

/** Per layer: the vertex search plus the sites' attachments (for same-segment trips). */
interface LayerState {
  /** One vertex search per side with open sites: places on different sides never reach each other. */
  costs: Map<number, NodeCosts>;
  sites: Map<number, Attachment & { side: number }>;
  /** Open sites per chain (for trips along a chain without a junction). */
  byChain: Map<number, Set<number>>;
  /** Chains where a site opened or closed since the last refresh. */
  dirtyChains: Set<number>;
  /** Per chain, how many open sites stand on it (a typed check in the hot loop, not a Map lookup). */
  onChain: Uint16Array;
  km: Float64Array;
  minutes: Float64Array;
  owner: Int32Array;
  fresh: boolean;
}

export class RoadNearestCosts implements NearestCosts {
  /** Per point: its segment (-1: beyond the off-road limit), position on it, access-leg km. */
  private readonly seg: Int32Array;
  private readonly t: Float64Array;
  private readonly accessKm: Float64Array;
  /**
   * Per point, the (up to) two segment ends it can drive to and the cost of getting there
   * (access leg included), flat in typed arrays: the yearly refresh is one tight loop.
   */
  private readonly endNode: Int32Array;
  private readonly endMin: Float64Array;
  private readonly endKm: Float64Array;
  private readonly layers = new Map<Layer, LayerState>();
  /** The points of each side. */
  private readonly bySide = new Map<number, number[]>();
  /** Facilities ever opened beyond the off-road limit (kept after they close: the note counts them all). */
  private readonly unplacedSites = new Map<number, Place>();
  /** Points farther than the off-road limit from any road: indices (ascending). */
  readonly unreachable: number[] = [];

  constructor(
    private readonly model: RoadModel,
    private readonly points: readonly Place[],
    private readonly noun: PlaceNoun = 'population point',
  ) {
    const n = points.length;
    this.endNode = new Int32Array(2 * n).fill(-1);
    this.endMin = new Float64Array(2 * n).fill(Infinity);
    this.endKm = new Float64Array(2 * n).fill(Infinity);
    this.seg = new Int32Array(n).fill(-1);
    this.t = new Float64Array(n);
    this.accessKm = new Float64Array(n);
    points.forEach((p, i) => {
      if (!this.bySide.has(p.side)) this.bySide.set(p.side, []);
      this.bySide.get(p.side)!.push(i);
      const a = model.attach(p);
      if (!a) {
        this.unreachable.push(i);
        return;
      }
      this.seg[i] = a.snap.seg;
      this.t[i] = a.snap.t;
      this.accessKm[i] = a.snap.km;
      model.ends(a, 'out').forEach((e, j) => {
        this.endNode[2 * i + j] = e.node;
        this.endMin[2 * i + j] = a.accessMin + e.minutes;
        this.endKm[2 * i + j] = a.snap.km + e.km;
      });
    });
    for (const note of this.unreachableNotes()) model.note(note);
  }

  /** What a report shows (in English; the listener is told them in the run's language). */
  get notes(): string[] {
    return this.unreachableNotes().map(english);
  }

  private unreachableNotes(): Said[] {
    const n = this.unreachable.length;
    if (!n) return [];
    const max = this.model.profile.access.max_km;
    const eg = positions(this.unreachable.slice(0, 3).map((i) => this.points[i]!));
    const cells = this.noun === 'grid cell';
    const key =
      n > 1
        ? cells
          ? 'note.roads.cells_far'
          : 'note.roads.points_far'
        : cells
          ? 'note.roads.cell_far'
          : 'note.roads.point_far';
    return [said(key, { n: amount(n), max: figure(max), eg })];
  }

  /**
   * Facilities beyond the off-road limit: one aggregate note (its count grows as they open),
   * and on the listener one line per facility, the first few only.
   */
  private noteUnplaced(): void {
    const max = this.model.profile.access.max_km;
    const all = [...this.unplacedSites.values()];
    const n = all.length;
    const line = said(n > 1 ? 'note.roads.facilities_far' : 'note.roads.facilities_far_one', {
      n,
      max: figure(max),
      eg: positions(all.slice(0, 3)),
    });
    for (const p of all) {
      const key = fmtLatLon(p.lat, p.lon);
      if (this.told.has(key)) continue;
      this.told.add(key);
      const tell =
        this.told.size <= 5
          ? said('note.roads.facility_far', { at: key, max: figure(max) })
          : this.told.size === 6
            ? said('note.roads.more_far')
            : null;
      if (tell) this.model.tell(tell);
    }
    this.model.note(line, 'unplaced-sites', null);
  }
  private readonly told = new Set<string>();

  private layer(l: Layer): LayerState {
    let s = this.layers.get(l);
    if (!s) {
      const n = this.points.length;
      s = {
        costs: new Map(),
        sites: new Map(),
        byChain: new Map(),
        dirtyChains: new Set(),
        onChain: new Uint16Array(this.model.graph.chainA.length),
        km: new Float64Array(n).fill(Infinity),
        minutes: new Float64Array(n).fill(Infinity),
        owner: new Int32Array(n).fill(-1),
        fresh: true,
      };
      this.layers.set(l, s);
    }
    return s;
  }

  open(layer: Layer, sites: readonly SiteOpening[]): void {
    const s = this.layer(layer);
    const batches = new Map<number, SiteSeeds[]>();
    let placed = 0;
    for (const { id, place } of sites) {
      const a = this.model.attach(place);
      if (!a) {
        this.unplacedSites.set(id, place);
        continue;
      }
      placed++;
      s.sites.set(id, { ...a, side: place.side });
      const chain = this.model.chainOf(a);
      if (!s.byChain.has(chain)) s.byChain.set(chain, new Set());
      s.byChain.get(chain)!.add(id);
      s.onChain[chain]!++;
      s.dirtyChains.add(chain);
      if (!batches.has(place.side)) batches.set(place.side, []);
      batches.get(place.side)!.push({ id, seeds: this.model.seedsOf(a) });
    }
    for (const [side, batch] of batches) {
      if (!s.costs.has(side)) s.costs.set(side, new NodeCosts(this.model.graph));
      s.costs.get(side)!.open(batch);
    }
    s.fresh = false;
    if (placed < sites.length) this.noteUnplaced();
  }

  close(layer: Layer, ids: readonly number[]): void {
    const s = this.layer(layer);
    const bySide = new Map<number, number[]>();
    for (const id of ids) {
      const a = s.sites.get(id);
      if (!a) continue;
      s.sites.delete(id);
      const chain = this.model.chainOf(a);
      s.byChain.get(chain)?.delete(id);
      s.onChain[chain]!--;
      s.dirtyChains.add(chain);
      bySide.set(a.side, [...(bySide.get(a.side) ?? []), id]);
    }
    for (const [side, list] of bySide) s.costs.get(side)?.close(list);
    s.fresh = false;
  }

  /** Vertices the last open/close of the layer settled (work done, for the bench). */
  settled(layer: Layer): number {
    let n = 0;
    for (const c of this.layer(layer).costs.values()) n += c.settled;
    return n;
  }

  /** The baseline: recompute the layer's vertex search from scratch. */
  recompute(layer: Layer): void {
    for (const c of this.layer(layer).costs.values()) c.recompute();
    this.layer(layer).fresh = false;
  }

  /**
   * Brings the layer's per-point arrays up to date: after an update, only the points that drive
   * to a junction whose cost changed, or that share a chain with a site that opened or closed.
   */
  private refresh(l: Layer): LayerState {
    const s = this.layer(l);
    if (s.fresh) return s;
    const stamp = (this.stamp ??= new Uint32Array(this.points.length));
    for (const [side, costs] of s.costs) {
      const changed = costs.takeChanged();
      if (changed === 'all') {
        for (const i of this.bySide.get(side) ?? []) this.evalPoint(i, s, costs, side);
        continue;
      }
      const epoch = ++this.epoch;
      const visit = (i: number) => {
        if (stamp[i] === epoch || this.points[i]!.side !== side) return;
        stamp[i] = epoch;
        this.evalPoint(i, s, costs, side);
      };
      const { start, slots } = this.vertexSlots();
      for (const v of changed) for (let x = start[v]!; x < start[v + 1]!; x++) visit(slots[x]! >> 1);
      for (const c of s.dirtyChains) for (const i of this.pointsOnChain(c)) visit(i);
    }
    s.dirtyChains.clear();
    s.fresh = true;
    return s;
  }

  private stamp?: Uint32Array;
  private epoch = 0;

  private evalPoint(i: number, s: LayerState, costs: NodeCosts, side: number): void {
    const { endNode, endMin, endKm } = this;
    const { dist, km, owner } = costs;
    let m = Infinity,
      k = Infinity,
      o = -1;
    for (let j = 2 * i; j < 2 * i + 2; j++) {
      const v = endNode[j]!;
      if (v < 0) continue;
      const d = endMin[j]! + dist[v]!;
      if (d < m) (m = d), (k = endKm[j]! + km[v]!), (o = owner[v]!);
    }
    const seg = this.seg[i]!;
    const chain = seg >= 0 ? this.model.graph.segChain[seg]! : -1;
    if (chain >= 0 && s.onChain[chain]! > 0) {
      const a = this.attachmentOf(i);
      for (const id of s.byChain.get(chain) ?? []) {
        const site = s.sites.get(id)!;
        if (site.side !== side) continue;
        const d = this.model.direct(a, site);
        if (d.minutes < m || (d.minutes === m && id < o)) (m = d.minutes), (k = d.km), (o = id);
      }
    }
    s.minutes[i] = m;
    s.km[i] = k;
    s.owner[i] = o;
  }

  /** Per junction, the point end slots (2 × point + 0|1) that drive to it, in CSR form. */
  private vertexSlots(): { start: Uint32Array; slots: Uint32Array } {
    if (!this.byVertex) {
      const counts = new Uint32Array(this.model.graph.lat.length + 1);
      for (const u of this.endNode) if (u >= 0) counts[u + 1]!++;
      for (let u = 0; u < counts.length - 1; u++) counts[u + 1]! += counts[u]!;
      const slots = new Uint32Array(counts[counts.length - 1]!);
      const fill = counts.slice();
      this.endNode.forEach((u, j) => u >= 0 && (slots[fill[u]!++] = j));
      this.byVertex = { start: counts, slots };
    }
    return this.byVertex;
  }

  /** Points that drive off their segment at vertex v: [point, end slot] pairs. */
  *pointsAt(v: number): Generator<[number, number]> {
    const { start, slots } = this.vertexSlots();
    for (let x = start[v]!; x < start[v + 1]!; x++) yield [slots[x]! >> 1, slots[x]!];
  }
  private byVertex?: { start: Uint32Array; slots: Uint32Array };

  /** Point i's cost through its end slot j, given that end's minutes and km to a site. */
  costVia(_i: number, j: number, minutes: number, km: number): TripCost {
    return { minutes: this.endMin[j]! + minutes, km: this.endKm[j]! + km };
  }

  /** Points attached to chain c. */
  pointsOnChain(c: number): Uint32Array {
    if (!this.byChainIndex) {
      const { segChain, chainA } = this.model.graph;
      const counts = new Uint32Array(chainA.length + 1);
      for (const seg of this.seg) if (seg >= 0) counts[segChain[seg]! + 1]!++;
      for (let x = 0; x < counts.length - 1; x++) counts[x + 1]! += counts[x]!;
      const list = new Uint32Array(counts[counts.length - 1]!);
      const fill = counts.slice();
      this.seg.forEach((seg, i) => seg >= 0 && (list[fill[segChain[seg]!]!++] = i));
      this.byChainIndex = { start: counts, list };
    }
    const { start, list } = this.byChainIndex;
    return list.subarray(start[c]!, start[c + 1]!);
  }
  private byChainIndex?: { start: Uint32Array; list: Uint32Array };

  attachmentOf(i: number): Attachment {
    const km = this.accessKm[i]!;
    return {
      snap: { seg: this.seg[i]!, t: this.t[i]!, km },
      accessMin: (km / this.model.profile.access.speed_kmh) * 60,
    };
  }

  km(layer: Layer): Float64Array {
    return this.refresh(layer).km;
  }
  minutes(layer: Layer): Float64Array {
    return this.refresh(layer).minutes;
  }
  owner(layer: Layer, point: number): number {
    return this.refresh(layer).owner[point]!;
  }
}
