/**
 * What the HTML report shows for a year: the rollout, coverage and distances by economic region,
 * each unit's coverage for the map, and each facility with the year it opened (null: not open).
 */
import type { PointColumns } from '../model/point-columns.js';
import type { RegionIndex } from '../model/region-index.js';
import { facilitiesOf, type Facility, type Plan } from '../model/plan.js';
import { describeThreshold } from '../travel/travel-cost.js';
import { capacityNow, resolveVisitModel, utilizationByUnit, type CapacityResult } from './capacity.js';
import { coverageNow, type CoverageResult } from './coverage.js';
import { pointColumns, type Demand } from './demand.js';
import { distancesNow, meanTrips, type DistancesResult } from './distances.js';
import { Network, type Settings } from './network.js';
import { endKey, isOpenOn, yearEnd } from './schedule.js';
import { timeline, type Timeline } from './timeline.js';

export interface ReportUnit {
  code: string;
  name: string;
  lat: number;
  lon: number;
  population: number;
  /** Covered share 0–100, or null when the unit has no population. */
  percent: number | null;
  /** Population-weighted mean minutes / km to the nearest open center or branch (null: none). */
  mean_min: number | null;
  mean_km: number | null;
  /** People who can reach no open facility (the whole population: the map's own class). */
  unreachable: number;
  /** Mean utilization (%) of the facilities whose catchments hold the unit's people (null: none with a capacity). */
  utilization_pct: number | null;
}

/** A facility's state at the end of the report year (a later opening shows its plan status). */
export type FacilityState = 'open' | 'under_construction' | 'planned' | 'closed';

export interface ReportData {
  title: string;
  mapTitle: string;
  year: number;
  coverage: CoverageResult;
  distances: DistancesResult;
  timeline: Timeline;
  units: ReportUnit[];
  facilities: (Facility & { openYear: number | null; state: FacilityState })[];
  standards: { center: string; branch: string };
  /** Demand against capacity in the year, catchments by the plan's rule, with overflow (heuristic). */
  capacity: CapacityResult;
}

export function reportData(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  year: number,
  onYear?: (year: number) => void,
  /** Settlements to name the worst-served places after when the points have none (a user's file). */
  settlements?: PointColumns,
): ReportData {
  // The year's figures come off the timeline's own network when it passes the year (a network over
  // a million points costs as much to build and advance as the rest of the report's year).
  let now: ReturnType<typeof yearFigures> | undefined;
  const tl = timeline(plan, demand, regions, settings, (y, net) => {
    if (y === year) now = yearFigures(plan, demand, regions, settings, net, settlements);
    onYear?.(y);
  });
  if (!now) {
    // A year outside the plan's years.
    const net = new Network(plan, pointColumns(demand), regions, settings.travel);
    net.advanceTo(year);
    now = yearFigures(plan, demand, regions, settings, net, settlements);
  }
  const facilities = facilitiesOf(plan).map((f) => {
    const open = isOpenOn(f, yearEnd(year));
    return { ...f, openYear: open ? Math.floor(endKey(f.opens) / 10000) : null, state: stateAt(f, open, year) };
  });
  return {
    title: `${plan.name}: coverage report ${year}`,
    mapTitle: `${plan.name}, ${year}`,
    year,
    coverage: now.coverage,
    distances: now.distances,
    timeline: tl,
    units: now.units,
    facilities,
    standards: {
      center: describeThreshold(settings.standards.center),
      branch: describeThreshold(settings.standards.branch),
    },
    capacity: now.capacity,
  };
}

/** The report's figures of the network's year: coverage and distances, units for the map, capacity. */
function yearFigures(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  net: Network,
  settlements?: PointColumns,
) {
  const visitModel = resolveVisitModel(plan);
  const byRegion = coverageNow(net, demand, regions, settings, { coveredBy: 'distance', kind: 'any', by: 'region' });
  // The map needs each unit's mean trip only: no medians and percentiles over a million points.
  const unitTrips = meanTrips(net, demand, regions, 'region');
  const capacity = capacityNow(net, demand, regions, settings, visitModel, {
    catchment: visitModel.catchment,
    method: 'flow',
  });
  const utilization = utilizationByUnit(net, demand, regions, capacity);
  const units = regions.dataset.regions
    .filter((r) => r.kind !== 'autonomous_republic')
    .map((r) => {
      const g = byRegion.groups.find((x) => x.id === r.code);
      const d = unitTrips.get(r.code);
      return {
        code: r.code,
        name: r.name_en,
        lat: r.admin_center.lat,
        lon: r.admin_center.lon,
        population: g?.population ?? 0,
        percent: g && g.population > 0 ? g.percent : null,
        mean_min: d?.mean_min ?? null,
        mean_km: d?.mean_km ?? null,
        unreachable: d?.unreachable ?? 0,
        utilization_pct: utilization.get(r.code) ?? null,
      };
    });
  return {
    coverage: coverageNow(net, demand, regions, settings, { coveredBy: 'both', kind: 'any', by: 'economic-region' }),
    distances: distancesNow(net, demand, regions, settings, 'economic-region', 15, settlements),
    units,
    capacity,
  };
}

/** Open at the end of the year; else closed if it closed by then; else its plan status (never "open"). */
function stateAt(f: Facility, open: boolean, year: number): FacilityState {
  if (open) return 'open';
  if (f.status === 'closed' || (f.closes !== undefined && endKey(f.closes) <= yearEnd(year))) return 'closed';
  return f.status === 'under_construction' ? 'under_construction' : 'planned';
}
