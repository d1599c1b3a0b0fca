/**
 * The network stepped through the years: which facilities are open at each year end, and for
 * every population point its nearest open center and nearest open branch (incrementally).
 */
import { coverageRadiusKm, DEFAULT_MODEL, type DistanceModel } from '../geo/distance-model.js';
import { NearestTracker, PointGrid, pointSet } from '../geo/nearest-tracker.js';
import type { PopulationPoint } from '../model/dataset.js';
import type { RegionIndex } from '../model/region-index.js';
import { facilitiesOf, type Facility, type FacilityKind, type Plan, type Threshold } from '../model/plan.js';
import { isOpenOn, yearEnd } from './schedule.js';

export interface Settings {
  model: DistanceModel;
  standards: Record<FacilityKind, Threshold>;
}

export interface SettingOverrides {
  circuity?: number;
  speedKmh?: number;
  withinKm?: number;
  withinMin?: number;
}

/** The plan's distance model and standards, with command-line overrides applied. */
export function resolveSettings(plan: Plan, o: SettingOverrides = {}): Settings {
  const model: DistanceModel = {
    circuity: o.circuity ?? plan.distance_model?.circuity ?? DEFAULT_MODEL.circuity,
    speedKmh: o.speedKmh ?? plan.distance_model?.speed_kmh ?? DEFAULT_MODEL.speedKmh,
  };
  const override: Threshold | undefined = o.withinKm !== undefined || o.withinMin !== undefined ? { within_km: o.withinKm, within_min: o.withinMin } : undefined;
  // A kind without its own standard borrows the other kind's: better than silently covering nobody.
  const center = override ?? plan.standards.center ?? plan.standards.branch ?? {};
  const branch = override ?? plan.standards.branch ?? plan.standards.center ?? {};
  return { model, standards: { center, branch } };
}

export function radiiKm(s: Settings): Record<FacilityKind, number> {
  return { center: coverageRadiusKm(s.standards.center, s.model), branch: coverageRadiusKm(s.standards.branch, s.model) };
}

/**
 * The Nakhchivan exclave is reachable from the mainland only through Armenia or Iran, so a
 * straight line across the border says nothing about travel: people are matched only with
 * facilities on their own side.
 */
export type Side = 'mainland' | 'nakhchivan';

export function sideOf(region: string, regions: RegionIndex): Side {
  return regions.byCode.get(region)?.nakhchivan ? 'nakhchivan' : 'mainland';
}

export class Network {
  readonly facilities: Facility[];
  private readonly trackers: Record<Side, Record<FacilityKind, NearestTracker>>;
  private readonly side: Side[];
  private readonly local: Uint32Array;
  /** For each side, the global index of each of its points. */
  private readonly global: Record<Side, Uint32Array>;
  /** Per-kind distance arrays, reused every year (three 8 MB arrays at a million points). */
  private readonly kmBuffers = new Map<FacilityKind | 'any', Float64Array>();
  private readonly kmFresh = new Set<FacilityKind | 'any'>();
  private readonly isOpen: boolean[];
  year: number | undefined;

  constructor(plan: Plan, points: PopulationPoint[], private readonly regions: RegionIndex) {
    this.facilities = facilitiesOf(plan);
    // Plain loops: a national grid has a million points, and iterator-built typed arrays cost seconds there.
    const sideOfRegion = new Map<string, Side>();
    this.side = new Array<Side>(points.length);
    this.local = new Uint32Array(points.length);
    const members: Record<Side, PopulationPoint[]> = { mainland: [], nakhchivan: [] };
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      let s = sideOfRegion.get(p.region);
      if (s === undefined) sideOfRegion.set(p.region, (s = sideOf(p.region, regions)));
      this.side[i] = s;
      this.local[i] = members[s].length;
      members[s].push(p);
    }
    this.global = { mainland: new Uint32Array(members.mainland.length), nakhchivan: new Uint32Array(members.nakhchivan.length) };
    for (let i = 0; i < points.length; i++) this.global[this.side[i]!][this.local[i]!] = i;
    // One grid per side, shared by the center and the branch tracker.
    const trackersFor = (s: Side) => {
      const grid = new PointGrid(pointSet(members[s]));
      return { center: new NearestTracker(grid), branch: new NearestTracker(grid) };
    };
    this.trackers = { mainland: trackersFor('mainland'), nakhchivan: trackersFor('nakhchivan') };
    this.isOpen = this.facilities.map(() => false);
  }

  /** Moves to the end of `year`; returns what opened and closed since the previous position. */
  advanceTo(year: number): { opened: Facility[]; closed: Facility[] } {
    const key = yearEnd(year);
    const opened: Facility[] = [];
    const closed: Facility[] = [];
    const batches = new Map<NearestTracker, { id: number; lat: number; lon: number }[]>();
    this.facilities.forEach((f, id) => {
      const now = isOpenOn(f, key);
      if (now === this.isOpen[id]) return;
      this.isOpen[id] = now;
      const tracker = this.trackers[sideOf(f.region, this.regions)][f.kind];
      if (now) {
        if (!batches.has(tracker)) batches.set(tracker, []);
        batches.get(tracker)!.push({ id, lat: f.location.lat, lon: f.location.lon });
        opened.push(f);
      } else {
        tracker.remove(id);
        closed.push(f);
      }
    });
    for (const [tracker, batch] of batches) tracker.addMany(batch);
    this.kmFresh.clear();
    this.year = year;
    return { opened, closed };
  }

  openFacilities(kind?: FacilityKind): Facility[] {
    return this.facilities.filter((f, id) => this.isOpen[id] && (kind === undefined || f.kind === kind));
  }

  private kindKm(i: number, kind: FacilityKind): number {
    return this.trackers[this.side[i]!][kind].km(this.local[i]!);
  }

  /** Geodesic km from point i to the nearest open facility of a kind ('any' = center or branch). */
  km(i: number, kind: FacilityKind | 'any'): number {
    return kind === 'any' ? Math.min(this.kindKm(i, 'center'), this.kindKm(i, 'branch')) : this.kindKm(i, kind);
  }

  /** km(i, kind) for every point at once, computed once per year and kind. */
  kmAll(kind: FacilityKind | 'any'): Float64Array {
    let out = this.kmBuffers.get(kind);
    if (!out) this.kmBuffers.set(kind, (out = new Float64Array(this.side.length)));
    if (this.kmFresh.has(kind)) return out;
    if (kind === 'any') {
      const c = this.kmAll('center'), b = this.kmAll('branch');
      for (let i = 0; i < c.length; i++) out[i] = c[i]! < b[i]! ? c[i]! : b[i]!;
    } else {
      for (const s of ['mainland', 'nakhchivan'] as const) this.trackers[s][kind].fillKm(out, this.global[s]);
    }
    this.kmFresh.add(kind);
    return out;
  }

  /** The nearest open facility of a kind to point i, if any is open. */
  nearest(i: number, kind: FacilityKind | 'any'): Facility | undefined {
    const k: FacilityKind = kind === 'any' ? (this.kindKm(i, 'center') <= this.kindKm(i, 'branch') ? 'center' : 'branch') : kind;
    const id = this.trackers[this.side[i]!][k].ownerOf(this.local[i]!);
    return id >= 0 ? this.facilities[id] : undefined;
  }
}

