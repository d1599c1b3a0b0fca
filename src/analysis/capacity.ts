/**
 * Capacity and demand: for each open facility in a year, the people in its catchment, the visits
 * a day they make, its capacity, utilization and (with desks and service minutes) the expected
 * wait; then the capacitated catchments, where people a full facility cannot take overflow to the
 * next-nearest facility with room. Calibration of the defaults: docs/capacity.md.
 */
import type { PlanVisitModel, Facility, FacilityKind, Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { modelSummary, type ModelSummary, type Place } from '../travel/travel-cost.js';
import { assignFlow } from './assignment-flow.js';
import {
  assignExact,
  lowerBound,
  objective,
  problemFrom,
  solutionGap,
  type Assignment,
  type AssignmentProblem,
} from './capacitated-assignment.js';
import { basisLabel, pointColumns, type PopulationBasisLabel, unitKeys, yearWeights, type Demand } from './demand.js';
import { mmc } from './erlang-c.js';
import { assignByRows, OptionRows } from './capacity-rows.js';
import { facilityPlace, placeColumns, placesOf, type Network, type Settings } from './network.js';
import { compareText } from '../model/compare-text.js';

/**
 * DOST served 471,500 people in 2022 (dost.gov.az/en/news/527) with its centers assigned to
 * 3,226,011 residents (Baku, Absheron, Shamakhi, Gobustan, Zangilan), 0.146 a resident; about 900,000 in 2025
 * (report.az, Jan 2026) over 3,751,026 assigned residents, 0.240. Between the two, rounded.
 */
export const DEFAULT_VISITS_PER_RESIDENT_YEAR = 0.2;
/** Monday to Friday (dost.gov.az/en/faq) less about 15 public-holiday weekdays. */
export const DEFAULT_WORKING_DAYS = 245;
/** 9:00–18:00 (dost.gov.az/en/faq). */
export const DEFAULT_HOURS_PER_DAY = 9;

export interface VisitModel {
  visitsPerResidentYear: number;
  workingDays: number;
  hoursPerDay: number;
  defaultCapacity: Partial<Record<FacilityKind, number>>;
  /** The plan's catchment rule (commands may override it). */
  catchment: Catchment;
  /** Overflow goes at most this many minutes further than the nearest facility (undefined: no limit). */
  overflowMaxMin: number | undefined;
  /** Which figures are the built-in defaults rather than the plan's (echoed in reports). */
  defaults: string[];
}

export function resolveVisitModel(
  plan: Plan,
  o: { visitsPerResidentYear?: number; workingDays?: number; overflowMaxMin?: number } = {},
): VisitModel {
  const d: PlanVisitModel = plan.demand ?? {};
  const defaults: string[] = [];
  const pick = <T>(flag: T | undefined, planned: T | undefined, fallback: T, name: string): T => {
    if (flag !== undefined) return flag;
    if (planned !== undefined) return planned;
    defaults.push(name);
    return fallback;
  };
  return {
    visitsPerResidentYear: pick(
      o.visitsPerResidentYear,
      d.visits_per_resident_year,
      DEFAULT_VISITS_PER_RESIDENT_YEAR,
      'visits_per_resident_year',
    ),
    workingDays: pick(o.workingDays, d.working_days, DEFAULT_WORKING_DAYS, 'working_days'),
    hoursPerDay: pick(undefined, d.hours_per_day, DEFAULT_HOURS_PER_DAY, 'hours_per_day'),
    defaultCapacity: { ...d.default_capacity },
    catchment: d.catchment ?? 'nearest',
    overflowMaxMin: o.overflowMaxMin ?? d.overflow_max_min,
    defaults,
  };
}

/** Whose people a facility counts: those it is nearest to, or those of the units it serves. */
export type Catchment = 'nearest' | 'assignment';

export interface FacilityLoad {
  id: string;
  name: string;
  kind: FacilityKind;
  region: string;
  lat: number;
  lon: number;
  /** People whose catchment this facility is. */
  population: number;
  visits_per_day: number;
  /** Visits per day it can serve; null when the plan gives no capacity, desks or default. */
  capacity: number | null;
  capacity_from: 'plan' | 'desks' | 'default' | 'none';
  utilization_pct: number | null;
  overloaded: boolean;
  desks?: number;
  service_min?: number;
  /** M/M/c estimate when desks and service minutes are known; mean_wait_min null = the queue grows all day. */
  queue?: { occupancy_pct: number; p_wait_pct: number; mean_wait_min: number | null };
  /**
   * After overflow (capacitated catchments): people it serves; the people whose nearest open
   * facility it is (overflow starts from each person's nearest, whatever the catchment rule, so
   * this can differ from `population`), and of them those sent elsewhere or left unserved.
   */
  capacitated?: { served: number; nearest: number; sent_elsewhere: number; unserved: number };
}

export interface CapacitatedSummary {
  method: 'exact' | 'flow';
  /**
   * When both ran: how far the min-cost flow is from HiGHS's optimum, apart in people left
   * unserved (beyond the optimum's) and in people × minutes of the served (% above the optimum's).
   */
  flow_gap?: { unserved_people: number; travel_pct: number };
  /**
   * Min-cost flow: its person-minutes are at most this % above the optimum's, by the LP lower bound
   * its facility prices give (0: proved optimal), at any size.
   */
  travel_gap_at_most_pct?: number;
  served: number;
  /** People the open facilities cannot serve within capacity. */
  unserved: number;
  /** People served, but not by their nearest facility. */
  overflow: number;
  /** Extra road km and minutes the overflowing people travel, on average and at most. */
  overflow_mean_extra_km: number | null;
  overflow_mean_extra_min: number | null;
  overflow_max_extra_km: number | null;
  /** Facilities without any capacity figure are taken as unlimited. */
  unlimited: string[];
}

export interface CapacityResult {
  year: number;
  population_year: number;
  catchment: Catchment;
  population_basis: PopulationBasisLabel;
  model: ModelSummary;
  demand: {
    visits_per_resident_year: number;
    working_days: number;
    hours_per_day: number;
    /** Overflow goes at most this many minutes further than the nearest facility; null: no limit. */
    overflow_max_min: number | null;
    defaults: string[];
  };
  population: number;
  /**
   * People in no catchment: no open facility on their side (nearest), or in no unit an open facility
   * serves (assignment).
   */
  outside: number;
  visits_per_day: number;
  capacity_per_day: number;
  overloaded: number;
  facilities: FacilityLoad[];
  capacitated?: CapacitatedSummary;
  notes: string[];
}

/**
 * Visits per day a facility can serve: its capacity, else desks × opening minutes / service minutes,
 * else the plan default.
 */
export function facilityCapacity(
  f: Facility,
  d: VisitModel,
): { capacity: number | null; from: FacilityLoad['capacity_from'] } {
  if (f.capacity !== undefined) return { capacity: f.capacity, from: 'plan' };
  if (f.desks !== undefined && f.service_min !== undefined)
    return { capacity: (f.desks * d.hoursPerDay * 60) / f.service_min, from: 'desks' };
  const def = d.defaultCapacity[f.kind];
  return def !== undefined ? { capacity: def, from: 'default' } : { capacity: null, from: 'none' };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Walks every point's catchment: `visit(i, j, parts)` for each open facility j (index into
 * net.facilities) that takes 1/parts of point i's people (parts = 1 by nearest; n for a unit n open
 * facilities serve, by assignment); `none(i)` for a point in no catchment.
 */
function eachCatchment(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  catchment: Catchment,
  visit: (i: number, j: number, parts: number) => void,
  none: (i: number) => void,
): void {
  if (catchment === 'nearest') {
    // Every point's nearest facility in one pass: this runs over every point each year of a timeline.
    const nearest = net.nearestIndices('any');
    for (let i = 0; i < nearest.length; i++) {
      const j = nearest[i]!;
      if (j >= 0) visit(i, j, 1);
      else none(i);
    }
    return;
  }
  // By assignment: a unit (or Baku district) listed by several open facilities is split equally
  // between them (Baku residents may use any Baku center: dost.gov.az/en/news/364).
  const index = new Map(net.facilities.map((f, i) => [f, i]));
  const claimants = new Map<string, number[]>();
  for (const f of net.openFacilities()) {
    for (const code of net.serves(f)) {
      const e = regions.expand(code);
      const keys = [
        ...e.regions.filter((r) => r !== regions.capital),
        ...e.districts.map((d) => `${regions.capital}/${d}`),
      ];
      for (const k of keys) {
        const list = claimants.get(k) ?? claimants.set(k, []).get(k)!;
        if (!list.includes(index.get(f)!)) list.push(index.get(f)!);
      }
    }
  }
  // Claimants per unit key (unitKeys: the unit, or capital/district), looked up once per key.
  const units = unitKeys(demand);
  const listOf = units.keys.map((key) => {
    const [region, district = ''] = key.split('/');
    return claimants.get(region === regions.capital ? `${regions.capital}/${district}` : region!);
  });
  for (let i = 0; i < units.of.length; i++) {
    const list = listOf[units.of[i]!];
    if (!list) none(i);
    else for (const j of list) visit(i, j, list.length);
  }
}

/** Catchment people per open facility (index into net.facilities) and the people in none. */
function catchments(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  weights: Float64Array,
  catchment: Catchment,
): { people: Map<number, number>; outside: number; inside: Float64Array } {
  const index = new Map(net.facilities.map((f, i) => [f, i]));
  // Sums by facility index, not a Map lookup per point.
  const sum = new Float64Array(net.facilities.length);
  let outside = 0;
  // The people of each point that are in some catchment (the demand of the capacitated catchments).
  const inside = Float64Array.from(weights);
  eachCatchment(
    net,
    demand,
    regions,
    catchment,
    (i, j, parts) => {
      sum[j]! += weights[i]! / parts;
    },
    (i) => {
      outside += weights[i]!;
      inside[i] = 0;
    },
  );
  const people = new Map(net.openFacilities().map((f) => [index.get(f)!, sum[index.get(f)!]!]));
  return { people, outside, inside };
}

/**
 * Per unit (region code), the utilization its people meet: the population-weighted mean of the
 * utilization of the facilities whose catchments hold them. Units whose people are in no catchment
 * with a capacity are left out. For the report's utilization map.
 */
export function utilizationByUnit(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  result: CapacityResult,
): Map<string, number> {
  const { weights } = yearWeights(demand, regions, result.year);
  // Utilization by facility index (NaN: none) and sums by unit index: no lookups by name per point.
  const byId = new Map(result.facilities.map((f) => [f.id, f.utilization_pct]));
  const util = Float64Array.from(net.facilities, (f) => byId.get(f.id) ?? NaN);
  const points = pointColumns(demand);
  const people = new Float64Array(points.units.length),
    weighted = new Float64Array(points.units.length);
  const order: number[] = []; // units in the order their first point is met
  eachCatchment(
    net,
    demand,
    regions,
    result.catchment,
    (i, j, parts) => {
      const u = util[j]!;
      if (Number.isNaN(u)) return;
      const unit = points.unit[i]!;
      if (people[unit] === 0 && !order.includes(unit)) order.push(unit);
      people[unit]! += weights[i]! / parts;
      weighted[unit]! += (weights[i]! / parts) * u;
    },
    () => {},
  );
  const out = new Map<string, number>();
  for (const unit of order) if (people[unit]! > 0) out.set(points.units[unit]!, r1(weighted[unit]! / people[unit]!));
  return out;
}

/** People a facility taking `visitsPerDay` visits a day serves in a year. */
const people = (visitsPerDay: number, d: VisitModel) => (visitsPerDay * d.workingDays) / d.visitsPerResidentYear;

/** Each facility's capacity in people (Infinity: no capacity figure, unlimited). */
function peopleCapacities(open: Facility[], d: VisitModel): Float64Array {
  return Float64Array.from(open, (f) => {
    const c = facilityCapacity(f, d).capacity;
    return c === null ? Infinity : people(c, d);
  });
}

/**
 * The assignment problem of the year: every point with people in a catchment (`weights`), its
 * options = the open facilities
 * on its side in order of travel time (the straight-line model orders by km as well), costs in
 * minutes; capacities in people (visits a day × working days / visits a resident makes a year).
 */
export function capacityProblem(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  d: VisitModel,
  weights: Float64Array,
  extra: { lat: number; lon: number; region: string; capacity: number }[] = [],
): { problem: AssignmentProblem; km: Float64Array; penalty: number } {
  const open = net.openFacilities();
  const sites: Place[] = [
    ...open.map((f) => facilityPlace(f, regions)),
    ...extra.map((e) => ({ lat: e.lat, lon: e.lon, side: regions.sideOf(e.region) })),
  ];
  const capacity = new Float64Array(sites.length);
  capacity.set(peopleCapacities(open, d));
  extra.forEach((e, k) => (capacity[open.length + k] = Number.isFinite(e.capacity) ? people(e.capacity, d) : Infinity));
  const places = placesOf(pointColumns(demand), regions);
  let maxCost = 0;
  const options = places.map((p, i) => {
    // One trip per (point, site) on its side; a site across a border that cannot be crossed is no option.
    if (!(weights[i]! > 0)) return [];
    const out: { facility: number; cost: number }[] = [];
    sites.forEach((s, j) => {
      const t = settings.travel.trip(p, s);
      if (!Number.isFinite(t.minutes)) return; // another side of a border that cannot be crossed
      if (t.minutes > maxCost) maxCost = t.minutes;
      out.push({ facility: j, cost: t.minutes });
    });
    // People go at most overflowMaxMin minutes further than their nearest facility; beyond, unserved.
    if (d.overflowMaxMin === undefined || out.length === 0) return out;
    const nearest = Math.min(...out.map((o) => o.cost));
    return out.filter((o) => o.cost <= nearest + d.overflowMaxMin!);
  });
  const problem = problemFrom(weights, capacity, options);
  // Road km of each option, parallel to the problem's cost (minutes), for the overflow distances.
  const km = new Float64Array(problem.facility.length);
  for (let i = 0; i < places.length; i++)
    for (let k = problem.start[i]!; k < problem.start[i + 1]!; k++)
      km[k] = settings.travel.trip(places[i]!, sites[problem.facility[k]!]!).km;
  return { problem, km, penalty: 10 * maxCost + 1000 };
}

export interface CapacityOptions {
  catchment: Catchment;
  /** 'auto': HiGHS when small enough, else the min-cost flow; 'flow' never calls HiGHS (synchronous callers). */
  method: 'auto' | 'flow' | 'none';
}

/** The uncapacitated figures of the network's current year (no solver: synchronous, for timeline and report). */
export function capacityNow(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  d: VisitModel,
  o: CapacityOptions,
): CapacityResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const { people, outside, inside } = catchments(net, demand, regions, weights, o.catchment);
  const notes: string[] = [];
  const facilities: FacilityLoad[] = [...people.entries()].map(([j, pop]) => {
    const f = net.facilities[j]!;
    const visits = (pop * d.visitsPerResidentYear) / d.workingDays;
    const { capacity, from } = facilityCapacity(f, d);
    const util = capacity ? (visits / capacity) * 100 : null;
    const row: FacilityLoad = {
      id: f.id,
      name: f.name,
      kind: f.kind,
      region: f.region,
      lat: f.location.lat,
      lon: f.location.lon,
      population: Math.round(pop),
      visits_per_day: r1(visits),
      capacity: capacity === null ? null : r1(capacity),
      capacity_from: from,
      utilization_pct: util === null ? null : r1(util),
      overloaded: util !== null && util > 100,
      ...(f.desks !== undefined ? { desks: f.desks } : {}),
      ...(f.service_min !== undefined ? { service_min: f.service_min } : {}),
    };
    if (f.desks !== undefined && f.service_min !== undefined) {
      const q = mmc(f.desks, visits / (d.hoursPerDay * 60), f.service_min);
      row.queue = {
        occupancy_pct: r1(q.occupancy * 100),
        p_wait_pct: r1(q.p_wait * 100),
        mean_wait_min: Number.isFinite(q.mean_wait_min) ? r1(q.mean_wait_min) : null,
      };
    }
    return row;
  });
  facilities.sort(
    (a, b) =>
      Number(b.overloaded) - Number(a.overloaded) ||
      (b.utilization_pct ?? -1) - (a.utilization_pct ?? -1) ||
      compareText(a.id, b.id),
  );
  const population = weights.reduce((s, w) => s + w, 0);
  const result: CapacityResult = {
    year,
    population_year: populationYear,
    catchment: o.catchment,
    population_basis: basisLabel(demand),
    model: modelSummary(settings.travel.info),
    demand: {
      visits_per_resident_year: d.visitsPerResidentYear,
      working_days: d.workingDays,
      hours_per_day: d.hoursPerDay,
      overflow_max_min: d.overflowMaxMin ?? null,
      defaults: d.defaults,
    },
    population: Math.round(population),
    outside: Math.round(outside),
    visits_per_day: r1(facilities.reduce((s, f) => s + f.visits_per_day, 0)),
    capacity_per_day: r1(facilities.reduce((s, f) => s + (f.capacity ?? 0), 0)),
    overloaded: facilities.filter((f) => f.overloaded).length,
    facilities,
    notes,
  };
  const none = facilities.filter((f) => f.capacity === null).map((f) => f.id);
  if (none.length)
    notes.push(
      `${none.length} open facilit${none.length === 1 ? 'y has' : 'ies have'} no capacity, desks or plan default ` +
        `(${none.slice(0, 6).join(', ')}${none.length > 6 ? ', …' : ''}): ` +
        'no utilization, unlimited in the capacitated catchments',
    );
  if (o.method === 'flow') {
    const c = capacitatedCatchments(net, demand, regions, settings, d, inside);
    attachCapacitated(result, net, c, c.assignment);
  }
  return result;
}

/** Up to this many (point, open facility) pairs the problem is built whole; beyond, row by row. */
export const WHOLE_PROBLEM_PAIRS = 2_000_000;

/** The capacitated catchments of the year, solved by the min-cost flow. */
export interface Catchments {
  problem: AssignmentProblem;
  km: Float64Array;
  penalty: number;
  assignment: Assignment;
  /**
   * People left out of the problem, per open facility: those whose nearest facility is never full
   * (unlimited, or with room for its own people and the overflow it gets), who go there whatever
   * anyone else does. All zero for a whole problem.
   */
  settled: Float64Array;
  /** Whether the problem has every option of every point (the LP can then be solved on it). */
  whole: boolean;
}

/**
 * The capacitated catchments of the people in a catchment (`inside`): the whole problem
 * (capacityProblem) when small, else row by row (capacity-rows.ts), which gives the same
 * assignment without building points × facilities options.
 */
export function capacitatedCatchments(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  d: VisitModel,
  inside: Float64Array,
  how: 'auto' | 'whole' | 'rows' = 'auto',
): Catchments {
  let populated = 0;
  for (const w of inside) if (w > 0) populated++;
  const open = net.openFacilities();
  if (how === 'rows' || (how === 'auto' && populated * open.length > WHOLE_PROBLEM_PAIRS))
    return catchmentsByRows(net, demand, regions, settings, d, inside);
  const { problem, km, penalty } = capacityProblem(net, demand, regions, settings, d, inside);
  const assignment = assignFlow(problem, penalty);
  return { problem, km, penalty, assignment, settled: new Float64Array(open.length), whole: true };
}

/** The capacitated catchments row by row, with the people of uncontested facilities left out. */
function catchmentsByRows(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  d: VisitModel,
  inside: Float64Array,
): Catchments {
  const open = net.openFacilities();
  const sites = open.map((f) => facilityPlace(f, regions));
  const capacity = peopleCapacities(open, d);
  const siteOf = new Int32Array(net.facilities.length).fill(-1);
  const indexOf = new Map(net.facilities.map((f, i) => [f, i]));
  open.forEach((f, j) => (siteOf[indexOf.get(f)!] = j));
  // Two facilities at one place tie for every point: the whole problem orders them by index,
  // the nearest-facility engine may not; their people stay in the problem.
  const atPlace = new Map<string, number>();
  for (const s of sites)
    atPlace.set(`${s.lat},${s.lon},${s.side}`, (atPlace.get(`${s.lat},${s.lon},${s.side}`) ?? 0) + 1);
  const shared = sites.map((s) => atPlace.get(`${s.lat},${s.lon},${s.side}`)! > 1);
  const nearest = net.nearestIndices('any');
  const cols = placeColumns(pointColumns(demand), regions);
  // Each point's nearest facility (-1: none it can reach, `outside`), and the people each has so.
  const first = new Int32Array(inside.length).fill(-1);
  const own = new Float64Array(open.length);
  for (let i = 0; i < inside.length; i++) {
    if (!(inside[i]! > 0) || nearest[i]! < 0) continue;
    first[i] = siteOf[nearest[i]!]!;
    own[first[i]!]! += inside[i]!;
  }
  // Contested facilities: those their own people fill. A facility never full takes all its own
  // people whatever the order (and a full one only reads the people it holds), so the people of
  // the others stay out of the problem, their facility's capacity less them. Should overflow fill
  // one of those, it becomes contested and the problem is solved again.
  const contested = sites.map((_, j) => shared[j]! || own[j]! >= capacity[j]! - 1e-9);
  const penalty = penaltyBound(net.minutes('any'), inside, cols.side, sites, settings);
  const rows = new OptionRows({
    count: inside.length,
    place: (i) => ({ lat: cols.lat[i]!, lon: cols.lon[i]!, side: cols.side[i]! }),
    sites,
    travel: settings.travel,
    overflowMaxMin: d.overflowMaxMin,
  });
  for (;;) {
    const settled = new Float64Array(open.length);
    const members: number[] = [];
    for (let i = 0; i < inside.length; i++) {
      if (first[i]! < 0) continue;
      if (contested[first[i]!]) members.push(i);
      else settled[first[i]!]! += inside[i]!;
    }
    const left = Float64Array.from(capacity, (c, j) => c - settled[j]!);
    const r = assignByRows(
      rows,
      members,
      Float64Array.from(members, (i) => inside[i]!),
      left,
      penalty,
    );
    let filled = false;
    for (let j = 0; j < open.length; j++)
      if (!contested[j] && left[j]! - r.assignment.load[j]! <= 1e-9) filled = contested[j] = true;
    if (!filled) return { problem: r.problem, km: r.km, penalty, assignment: r.assignment, settled, whole: false };
  }
}

/**
 * The penalty of a problem built row by row: 10 × a bound on any trip + 1000, like the whole
 * problem's 10 × its longest trip + 1000. By the triangle inequality a trip is at most the point's
 * trip to its nearest facility, then from there to a reference facility of its side and on.
 */
function penaltyBound(
  nearestMin: Float64Array,
  inside: Float64Array,
  side: Uint16Array,
  sites: Place[],
  settings: Settings,
): number {
  const farthest = new Map<number, number>();
  for (let i = 0; i < inside.length; i++)
    if (inside[i]! > 0 && Number.isFinite(nearestMin[i]!))
      farthest.set(side[i]!, Math.max(farthest.get(side[i]!) ?? 0, nearestMin[i]!));
  let bound = 0;
  for (const [s, near] of farthest) {
    const onSide = sites.filter((p) => p.side === s);
    let spread = 0;
    for (const p of onSide) {
      const t = settings.travel.trip(onSide[0]!, p).minutes;
      if (Number.isFinite(t)) spread = Math.max(spread, t);
    }
    bound = Math.max(bound, near + 2 * spread);
  }
  return 10 * bound + 1000;
}

/** capacityNow with the capacitated catchments solved exactly when the instance is small enough. */
export async function capacityExact(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  d: VisitModel,
  catchment: Catchment,
): Promise<CapacityResult> {
  const result = capacityNow(net, demand, regions, settings, d, { catchment, method: 'none' });
  const { weights } = yearWeights(demand, regions, net.year!);
  const { inside } = catchments(net, demand, regions, weights, catchment);
  const c = capacitatedCatchments(net, demand, regions, settings, d, inside);
  const exact = c.whole ? await assignExact(c.problem, c.penalty) : undefined;
  attachCapacitated(result, net, c, exact ?? c.assignment);
  if (exact) result.capacitated!.flow_gap = solutionGap(c.assignment, exact);
  return result;
}

function attachCapacitated(
  result: CapacityResult,
  net: Network,
  { problem, km, settled, penalty }: Catchments,
  a: Assignment,
): void {
  const open = net.openFacilities();
  // The flow's prices bound the optimum from below (LP duality): its travel is proved within this of it.
  const bound = a.prices ? lowerBound(problem, a.prices, penalty) : undefined;
  const proved =
    bound === undefined || !(a.travelCost > 0)
      ? undefined
      : Math.max(0, Math.round(((objective(a, penalty) - bound) / a.travelCost) * 10000) / 100) + 0;
  const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
  const overflow = sum(a.overflow);
  // Costs are minutes; the extra road km of the overflow come from the km of the same options.
  let extraKm = 0,
    maxExtraKm = 0;
  for (let i = 0; i < problem.demand.length; i++) {
    const first = problem.start[i]!;
    for (let k = first; k < problem.start[i + 1]!; k++) {
      if (a.flow[k]! <= 1e-9 || problem.cost[k]! - problem.cost[first]! <= 1e-9) continue;
      const extra = km[k]! - km[first]!;
      extraKm += a.flow[k]! * extra;
      if (extra > maxExtraKm) maxExtraKm = extra;
    }
  }
  // Per facility: what its own (nearest) catchment lost to overflow or to no room anywhere.
  const lost = new Map<string, { nearest: number; sent: number; unserved: number }>();
  for (let i = 0; i < problem.demand.length; i++) {
    if (problem.start[i] === problem.start[i + 1]) continue;
    const first = open[problem.facility[problem.start[i]!]!]!;
    const row = lost.get(first.id) ?? lost.set(first.id, { nearest: 0, sent: 0, unserved: 0 }).get(first.id)!;
    row.nearest += problem.demand[i]!;
    row.sent += a.overflow[i]!;
    row.unserved += a.unserved[i]!;
  }
  const loadById = new Map(open.map((f, j) => [f.id, a.load[j]! + settled[j]!]));
  for (const f of result.facilities) {
    const l = lost.get(f.id) ?? { nearest: 0, sent: 0, unserved: 0 };
    f.capacitated = {
      served: Math.round(loadById.get(f.id) ?? 0),
      nearest: Math.round(l.nearest),
      sent_elsewhere: Math.round(l.sent),
      unserved: Math.round(l.unserved),
    };
  }
  // People with no option at all (no facility on their side) are `outside`, not unserved by capacity.
  let noOption = 0;
  for (let i = 0; i < problem.demand.length; i++)
    if (problem.start[i] === problem.start[i + 1]) noOption += problem.demand[i]!;
  result.capacitated = {
    method: a.method,
    served: Math.round(sum(a.load) + sum(settled)),
    unserved: Math.round(sum(a.unserved) - noOption),
    overflow: Math.round(overflow),
    overflow_mean_extra_km: overflow > 0 ? r1(extraKm / overflow) : null,
    overflow_mean_extra_min: overflow > 0 ? r1(sum(a.overflowExtraCost) / overflow) : null,
    overflow_max_extra_km: overflow > 0 ? r1(maxExtraKm) : null,
    unlimited: result.facilities.filter((f) => f.capacity === null).map((f) => f.id),
    ...(proved !== undefined ? { travel_gap_at_most_pct: proved } : {}),
  };
}
