/**
 * The capacitated variant of optimize: new sites, and the capacity each needs, that relieve the
 * worst overloads. With the plan's facilities fixed at their capacities, people a full facility
 * cannot take overflow further or go unserved (capacitated catchments, capacity.ts). Each round:
 *
 *  1. screen every candidate by the relief it would bring at unlimited capacity: Σ over the people
 *     of overloaded catchments (or who overflow, or go unserved) of their current cost − the trip
 *     to the candidate, where positive, an unserved person's current cost being the penalty (more
 *     than any trip). Each point looks at its SCREEN_K cheapest candidates only (the travel
 *     model's nearestSites, computed once), so a round is one pass over points × SCREEN_K;
 *  2. add the best candidate with unlimited capacity and re-solve the capacitated catchments: the
 *     people it then serves, in visits a day rounded up to 10, is the capacity suggested for it;
 *  3. fix it at that capacity and go on to the next site.
 */
import type { RegionIndex } from '../../model/region-index.js';
import { assignFlow } from '../assignment-flow.js';
import type { Assignment, AssignmentProblem } from '../capacitated-assignment.js';
import { capacityNow, capacityProblem, type Catchment, type VisitModel } from '../capacity.js';
import { yearWeights, type Demand } from '../demand.js';
import { placesOf, type Network, type Settings } from '../network.js';
import type { Candidate } from './suggest.js';

export interface CapacitySite {
  rank: number;
  name: string;
  region: string;
  /** The unit to name in a plan's `region` and `serves` (a city published inside its rayon: the rayon). */
  unit: string;
  lat: number;
  lon: number;
  /** Suggested capacity in visits per day: what the site serves once open. */
  capacity: number;
  /** People it serves. */
  people: number;
  /** Overloaded facilities whose own catchment it takes people from, most first. */
  relieves: string[];
  /**
   * After this site and those above: people unserved within capacity, and plan facilities still over
   * 100 % by nearest facility.
   */
  unserved_after: number;
  overloaded_after: number;
}

export interface CapacitySitesResult {
  model: 'capacity';
  year: number;
  catchment: Catchment;
  candidates: number;
  /** `overloaded`: by the catchment rule; `overloaded_nearest`: by nearest facility, comparable with `after`. */
  before: {
    unserved: number;
    overflow: number;
    overloaded: { id: string; utilization_pct: number }[];
    overloaded_nearest: number;
  };
  after: { unserved: number; overflow: number; overloaded: number };
  sites: CapacitySite[];
}

/** The id a suggested site takes in the scenario. */
export const capacitySiteId = (s: { rank: number }) => `NEW-CAP${s.rank}`;

const round10up = (x: number) => Math.ceil(x / 10) * 10;

/** Candidates each point considers when screening (its cheapest by travel time). */
export const SCREEN_K = 100;

export function capacitySites(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  d: VisitModel,
  candidates: Candidate[],
  o: { k: number; catchment: Catchment },
): CapacitySitesResult {
  const year = net.year!;
  const base = capacityNow(net, demand, regions, settings, d, { catchment: o.catchment, method: 'flow' });
  const { weights } = yearWeights(demand, regions, year);
  // The people of the problem: those in a catchment (the catchment rule decides), as in `dostplan capacity`.
  const inCatchment = Float64Array.from(weights);
  if (base.outside > 0) {
    const probe = capacityProblem(net, demand, regions, settings, d, weights).problem;
    for (let i = 0; i < weights.length; i++) if (probe.start[i] === probe.start[i + 1]) inCatchment[i] = 0;
  }
  const K = Math.min(SCREEN_K, candidates.length);
  const near = settings.travel.nearestSites(placesOf(demand.points, regions), candidates, K);
  const open = net.openFacilities();
  const added: { lat: number; lon: number; region: string; capacity: number; name: string }[] = [];
  const solve = () => {
    const { problem, penalty } = capacityProblem(net, demand, regions, settings, d, inCatchment, added);
    return { problem, penalty, a: assignFlow(problem, penalty) };
  };
  let cur = solve();
  const before = summary(cur.a, open.length);
  const overNearestBefore = overloadedByNearest(cur.problem, open.length);
  const sites: CapacitySite[] = [];
  const used = new Set<number>();
  for (let rank = 1; rank <= o.k; rank++) {
    // Current cost per person of each point (unserved at the penalty).
    const { problem, penalty, a } = cur;
    const costNow = new Float64Array(weights.length);
    for (let i = 0; i < weights.length; i++) {
      const w = problem.demand[i]!;
      if (!(w > 0)) continue;
      let c = a.unserved[i]! * penalty;
      for (let k = problem.start[i]!; k < problem.start[i + 1]!; k++) c += a.flow[k]! * problem.cost[k]!;
      costNow[i] = c / w;
    }
    // Only people of overloaded catchments (by nearest facility), or who overflow or go unserved, count:
    // the aim is relief, not shorter trips for people whose facility has room.
    const over = overloadedFacilities(problem);
    const gain = new Float64Array(candidates.length);
    for (let i = 0; i < weights.length; i++) {
      const w = problem.demand[i]!;
      if (!(w > 0)) continue;
      const first = problem.start[i]! < problem.start[i + 1]! ? problem.facility[problem.start[i]!]! : -1;
      if (!(first >= 0 && over[first]) && a.unserved[i]! <= 1e-9 && a.overflow[i]! <= 1e-9) continue;
      for (let r = 0; r < K; r++) {
        const j = near.site[i * K + r]!;
        if (j < 0) break;
        const saved = costNow[i]! - near.minutes[i * K + r]!;
        if (saved <= 0) break; // in order of cost: the rest save nothing either
        gain[j]! += w * saved;
      }
    }
    let best = -1,
      bestGain = 0;
    gain.forEach((g, j) => {
      if (!used.has(j) && g > bestGain + 1e-9) {
        bestGain = g;
        best = j;
      }
    });
    if (best < 0) break;
    used.add(best);
    const cand = candidates[best]!;
    added.push({ lat: cand.lat, lon: cand.lon, region: cand.region, capacity: Infinity, name: cand.name });
    const trial = solve();
    const servedPeople = trial.a.load[open.length + added.length - 1]!;
    const capacity = Math.max(10, round10up((servedPeople * d.visitsPerResidentYear) / d.workingDays));
    added[added.length - 1]!.capacity = capacity;
    cur = solve();
    // Whose catchments it relieves: the first (nearest) facility of the people it now serves.
    const from = new Map<number, number>();
    const j = open.length + added.length - 1;
    for (let i = 0; i < weights.length; i++) {
      for (let k = cur.problem.start[i]!; k < cur.problem.start[i + 1]!; k++) {
        if (cur.problem.facility[k] !== j || cur.a.flow[k]! <= 0) continue;
        // The nearest plan facility of this point (skipping the new sites).
        for (let k2 = cur.problem.start[i]!; k2 < cur.problem.start[i + 1]!; k2++) {
          const f = cur.problem.facility[k2]!;
          if (f < open.length) {
            from.set(f, (from.get(f) ?? 0) + cur.a.flow[k]!);
            break;
          }
        }
      }
    }
    const overloadedIds = new Set(base.facilities.filter((f) => f.overloaded).map((f) => f.id));
    const s = summary(cur.a, open.length);
    sites.push({
      rank,
      name: cand.name,
      region: cand.region,
      unit: regions.byCode.get(cand.region)?.included_in ?? cand.region,
      lat: cand.lat,
      lon: cand.lon,
      capacity,
      people: Math.round(cur.a.load[j]!),
      relieves: [...from.entries()]
        .filter(([f]) => overloadedIds.has(open[f]!.id))
        .sort((x, y) => y[1] - x[1])
        .map(([f]) => open[f]!.id),
      unserved_after: s.unserved,
      overloaded_after: overloadedByNearest(cur.problem, open.length),
    });
  }
  const last = summary(cur.a, open.length);
  return {
    model: 'capacity',
    year,
    catchment: o.catchment,
    candidates: candidates.length,
    before: {
      unserved: before.unserved,
      overflow: before.overflow,
      overloaded: base.facilities
        .filter((f) => f.overloaded)
        .map((f) => ({ id: f.id, utilization_pct: f.utilization_pct! })),
      overloaded_nearest: overNearestBefore,
    },
    after: {
      unserved: last.unserved,
      overflow: last.overflow,
      overloaded: sites.length ? sites[sites.length - 1]!.overloaded_after : overNearestBefore,
    },
    sites,
  };
}

/**
 * Plan facilities whose nearest-facility demand (new sites included) exceeds their capacity: the
 * uncapacitated utilization above 100 % once the new sites take their share.
 */
function overloadedFacilities(p: AssignmentProblem): boolean[] {
  const demandOf = new Float64Array(p.capacity.length);
  for (let i = 0; i < p.demand.length; i++)
    if (p.start[i]! < p.start[i + 1]!) demandOf[p.facility[p.start[i]!]!]! += p.demand[i]!;
  return Array.from(demandOf, (x, j) => x > p.capacity[j]! + 1e-6);
}

function overloadedByNearest(p: AssignmentProblem, planFacilities: number): number {
  return overloadedFacilities(p).slice(0, planFacilities).filter(Boolean).length;
}

function summary(a: Assignment, _fixed: number) {
  const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
  return { unserved: Math.round(sum(a.unserved)), overflow: Math.round(sum(a.overflow)) };
}
