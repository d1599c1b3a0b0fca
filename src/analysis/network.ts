/**
 * The network stepped through the years: which facilities are open at each year end, and for
 * every population point its nearest open center and nearest open branch (incrementally).
 */
import { coverageRadiusKm, DEFAULT_MODEL, type DistanceModel } from '../geo/distance-model.js';
import { NearestTracker, type PointSet } from '../geo/nearest-tracker.js';
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

export class Network {
  readonly facilities: Facility[];
  readonly trackers: Record<FacilityKind, NearestTracker>;
  private readonly isOpen: boolean[];
  year: number | undefined;

  constructor(plan: Plan, points: PointSet) {
    this.facilities = facilitiesOf(plan);
    this.trackers = { center: new NearestTracker(points), branch: new NearestTracker(points) };
    this.isOpen = this.facilities.map(() => false);
  }

  /** Moves to the end of `year`; returns what opened and closed since the previous position. */
  advanceTo(year: number): { opened: Facility[]; closed: Facility[] } {
    const key = yearEnd(year);
    const opened: Facility[] = [];
    const closed: Facility[] = [];
    this.facilities.forEach((f, id) => {
      const now = isOpenOn(f, key);
      if (now === this.isOpen[id]) return;
      this.isOpen[id] = now;
      if (now) {
        this.trackers[f.kind].add(id, f.location.lat, f.location.lon);
        opened.push(f);
      } else {
        this.trackers[f.kind].remove(id);
        closed.push(f);
      }
    });
    this.year = year;
    return { opened, closed };
  }

  openFacilities(kind?: FacilityKind): Facility[] {
    return this.facilities.filter((f, id) => this.isOpen[id] && (kind === undefined || f.kind === kind));
  }

  /** Geodesic km from point i to the nearest open facility of a kind ('any' = center or branch). */
  km(i: number, kind: FacilityKind | 'any'): number {
    return kind === 'any' ? Math.min(this.trackers.center.km(i), this.trackers.branch.km(i)) : this.trackers[kind].km(i);
  }

  /** The nearest open facility of a kind to point i, if any is open. */
  nearest(i: number, kind: FacilityKind | 'any'): Facility | undefined {
    const k: FacilityKind = kind === 'any' ? (this.trackers.center.km(i) <= this.trackers.branch.km(i) ? 'center' : 'branch') : kind;
    const id = this.trackers[k].owner[i]!;
    return id >= 0 ? this.facilities[id] : undefined;
  }
}
