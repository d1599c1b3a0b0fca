/**
 * The network stepped through the years: which facilities are open at each year end, and for
 * every population point the cost (road km, minutes) to its nearest open center and nearest open
 * branch, kept current by the travel-cost model's incremental engine.
 */
import type { PopulationPoint } from '../model/dataset.js';
import type { PointColumns } from '../model/point-columns.js';
import type { RegionIndex } from '../model/region-index.js';
import { facilitiesOf, type Facility, type FacilityKind, type Plan, type Threshold } from '../model/plan.js';
import { DEFAULT_STRAIGHT_LINE, StraightLineModel } from '../travel/straight-line.js';
import type { NearestCosts, Place, PlaceColumns, SiteOpening, TravelCostModel } from '../travel/travel-cost.js';
import { endKey, servesOn, yearEnd } from './schedule.js';

export interface Settings {
  travel: TravelCostModel;
  standards: Record<FacilityKind, Threshold>;
}

export interface SettingOverrides {
  circuity?: number;
  speedKmh?: number;
  withinKm?: number;
  withinMin?: number;
}

/**
 * The plan's standards and distance model, with command-line overrides applied. `travel` is a
 * model chosen by the caller (the road network); without one, the straight-line model of the plan.
 */
export function resolveSettings(plan: Plan, o: SettingOverrides = {}, travel?: TravelCostModel): Settings {
  const override: Threshold | undefined =
    o.withinKm !== undefined || o.withinMin !== undefined
      ? { within_km: o.withinKm, within_min: o.withinMin }
      : undefined;
  // A kind without its own standard borrows the other kind's: better than silently covering nobody.
  const center = override ?? plan.standards.center ?? plan.standards.branch ?? {};
  const branch = override ?? plan.standards.branch ?? plan.standards.center ?? {};
  return { travel: travel ?? straightLineOf(plan, o), standards: { center, branch } };
}

export function straightLineOf(plan: Plan, o: SettingOverrides = {}): StraightLineModel {
  return new StraightLineModel({
    circuity: o.circuity ?? plan.distance_model?.circuity ?? DEFAULT_STRAIGHT_LINE.circuity,
    speedKmh: o.speedKmh ?? plan.distance_model?.speed_kmh ?? DEFAULT_STRAIGHT_LINE.speedKmh,
  });
}

/** Population points as objects, or as columns (pointColumns(demand): what a population file gives). */
export type PointSource = readonly PopulationPoint[] | PointColumns;

/** The places of population points, on their side of any border that cannot be crossed. */
export function placesOf(points: PointSource, regions: RegionIndex): Place[] {
  if (isObjects(points)) return points.map((p) => ({ lat: p.lat, lon: p.lon, side: regions.sideOf(p.region) }));
  const side = points.units.map((u) => regions.sideOf(u));
  const out: Place[] = new Array(points.count);
  for (let i = 0; i < points.count; i++)
    out[i] = { lat: points.lat[i]!, lon: points.lon[i]!, side: side[points.unit[i]!]! };
  return out;
}

/** Population points' places as columns (side by unit, looked up once per unit). */
export function placeColumns(c: PointColumns, regions: RegionIndex): PlaceColumns {
  const sideOfUnit = c.units.map((u) => regions.sideOf(u));
  const side = new Uint16Array(c.count);
  for (let i = 0; i < c.count; i++) side[i] = sideOfUnit[c.unit[i]!]!;
  return { count: c.count, lat: c.lat, lon: c.lon, side, ...(c.noun ? { noun: c.noun } : {}) };
}

const isObjects = (p: PointSource): p is readonly PopulationPoint[] => Array.isArray(p);

export function facilityPlace(f: Facility, regions: RegionIndex): Place {
  return { lat: f.location.lat, lon: f.location.lon, side: regions.sideOf(f.region) };
}

const closeKey = (f: Facility) => (f.closes === undefined ? Infinity : endKey(f.closes));

/** Same place for the engine: same coordinates and the same side of any border (its region's). */
const sameSpot = (a: Facility, b: Facility) =>
  a.location.lat === b.location.lat && a.location.lon === b.location.lon && a.region === b.region;

export class Network {
  readonly facilities: Facility[];
  private readonly costs: NearestCosts;
  private readonly isOpen: boolean[];
  /** Each facility's opening and closing day keys (Infinity: never closes), read once. */
  private readonly opensAt: number[];
  private readonly closesAt: number[];
  private readonly anyKm: Float64Array;
  private readonly anyMin: Float64Array;
  private anyFresh = false;
  /** The facilities whose serves: differ in the current year from their own (dated changes). */
  private servesNow = new Map<string, string[]>();
  year: number | undefined;

  private plan: Plan;

  constructor(
    plan: Plan,
    points: PointSource,
    private readonly regions: RegionIndex,
    travel: TravelCostModel,
  ) {
    this.facilities = facilitiesOf(plan);
    this.plan = plan;
    this.costs = travel.nearestCosts(isObjects(points) ? placesOf(points, regions) : placeColumns(points, regions));
    this.isOpen = this.facilities.map(() => false);
    this.opensAt = this.facilities.map((f) => endKey(f.opens));
    this.closesAt = this.facilities.map(closeKey);
    const n = isObjects(points) ? points.length : points.count;
    this.anyKm = new Float64Array(n);
    this.anyMin = new Float64Array(n);
  }

  /** Moves to the end of `year`; returns what opened and closed since the previous position. */
  advanceTo(year: number): { opened: Facility[]; closed: Facility[] } {
    const key = yearEnd(year);
    const opened: Facility[] = [];
    const closed: Facility[] = [];
    const batches: Record<FacilityKind, SiteOpening[]> = { center: [], branch: [] };
    const closing: Record<FacilityKind, number[]> = { center: [], branch: [] };
    this.facilities.forEach((f, id) => {
      // isOpenOn(f, key), on the keys read once: 10,000 facilities over ten years ask 100,000 times.
      const now = this.opensAt[id]! <= key && this.closesAt[id]! > key;
      if (now === this.isOpen[id]) return;
      this.isOpen[id] = now;
      if (now) {
        batches[f.kind].push({ id, place: facilityPlace(f, this.regions) });
        opened.push(f);
      } else {
        closing[f.kind].push(id);
        closed.push(f);
      }
    });
    for (const kind of ['center', 'branch'] as const) {
      if (closing[kind].length) this.costs.close(kind, closing[kind]);
      if (batches[kind].length) this.costs.open(kind, batches[kind]);
    }
    this.anyFresh = false;
    this.year = year;
    this.servesNow = servesOn(this.plan, key);
    return { opened, closed };
  }

  /**
   * Takes the plan as edited (facilities added, moved, re-dated, closed, removed) in place of the
   * one the network follows: only the facilities that changed are closed and opened again, so the
   * engine re-searches around them and not the whole country — what makes an edit in `dostplan
   * serve` quick. A facility keeps its index; a new one goes at the end (the engine breaks ties by
   * index within a kind, and a new facility is the last of its kind in the plan as well); one gone
   * from the plan keeps its slot and never opens. The figures then equal a fresh network's over the
   * edited plan (tests/network-replan.test.ts).
   */
  replan(plan: Plan): void {
    const next = new Map(facilitiesOf(plan).map((f) => [f.id, f]));
    const index = new Map(this.facilities.map((f, i) => [f.id, i]));
    for (const [id, f] of next)
      if (!index.has(id)) {
        index.set(id, this.facilities.length);
        this.facilities.push(f);
        this.isOpen.push(false);
        this.opensAt.push(Infinity);
        this.closesAt.push(Infinity);
      }
    const key = this.year === undefined ? -Infinity : yearEnd(this.year);
    const closing: Record<FacilityKind, number[]> = { center: [], branch: [] };
    const opening: Record<FacilityKind, SiteOpening[]> = { center: [], branch: [] };
    this.facilities.forEach((old, id) => {
      const f = next.get(old.id);
      const opensAt = f ? endKey(f.opens) : Infinity;
      const closesAt = f ? closeKey(f) : Infinity;
      const now = opensAt <= key && closesAt > key;
      const moved = f !== undefined && (f.kind !== old.kind || !sameSpot(f, old));
      if (f) this.facilities[id] = f;
      this.opensAt[id] = opensAt;
      this.closesAt[id] = closesAt;
      if (this.isOpen[id] && (!now || moved)) closing[old.kind].push(id);
      if (now && (!this.isOpen[id] || moved)) opening[f!.kind].push({ id, place: facilityPlace(f!, this.regions) });
      this.isOpen[id] = now;
    });
    for (const kind of ['center', 'branch'] as const) {
      if (closing[kind].length) this.costs.close(kind, closing[kind]);
      if (opening[kind].length) this.costs.open(kind, opening[kind]);
    }
    this.anyFresh = false;
    this.plan = plan;
    if (this.year !== undefined) this.servesNow = servesOn(plan, key);
  }

  /** The units a facility serves in the current year: its `serves:` with the plan's dated changes. */
  serves(f: Facility): readonly string[] {
    return this.servesNow.get(f.id) ?? f.serves;
  }

  openFacilities(kind?: FacilityKind): Facility[] {
    return this.facilities.filter((f, id) => this.isOpen[id] && (kind === undefined || f.kind === kind));
  }

  /** Road km from every point to the nearest open facility of a kind ('any': the quicker of the two). */
  km(kind: FacilityKind | 'any'): Float64Array {
    if (kind !== 'any') return this.costs.km(kind);
    this.refreshAny();
    return this.anyKm;
  }

  /** Minutes from every point to the nearest open facility of a kind. */
  minutes(kind: FacilityKind | 'any'): Float64Array {
    if (kind !== 'any') return this.costs.minutes(kind);
    this.refreshAny();
    return this.anyMin;
  }

  /** The nearest open facility of a kind to point i, if any is reachable. */
  nearest(i: number, kind: FacilityKind | 'any'): Facility | undefined {
    const k: FacilityKind = kind === 'any' ? this.quicker(i) : kind;
    const id = this.costs.owner(k, i);
    return id >= 0 ? this.facilities[id] : undefined;
  }

  /** For every point, its nearest open facility of a kind as an index into `facilities` (-1: none). */
  nearestIndices(kind: FacilityKind | 'any'): Int32Array {
    const n = this.anyKm.length;
    const owners = (layer: FacilityKind) => {
      const out = new Int32Array(n);
      if (this.costs.fillOwners) this.costs.fillOwners(layer, out);
      else for (let i = 0; i < n; i++) out[i] = this.costs.owner(layer, i);
      return out;
    };
    if (kind !== 'any') return owners(kind);
    const oc = owners('center'),
      ob = owners('branch');
    const mc = this.costs.minutes('center'),
      mb = this.costs.minutes('branch');
    // The quicker of the two, as quicker() decides for one point.
    for (let i = 0; i < n; i++) if (!(mc[i]! <= mb[i]!)) oc[i] = ob[i]!;
    return oc;
  }

  private quicker(i: number): FacilityKind {
    const c = this.costs.minutes('center')[i]!,
      b = this.costs.minutes('branch')[i]!;
    return c <= b ? 'center' : 'branch';
  }

  private refreshAny(): void {
    if (this.anyFresh) return;
    const kc = this.costs.km('center'),
      kb = this.costs.km('branch');
    const mc = this.costs.minutes('center'),
      mb = this.costs.minutes('branch');
    for (let i = 0; i < kc.length; i++) {
      const center = mc[i]! <= mb[i]!;
      this.anyKm[i] = center ? kc[i]! : kb[i]!;
      this.anyMin[i] = center ? mc[i]! : mb[i]!;
    }
    this.anyFresh = true;
  }
}
