/**
 * The rollout year by year: what opens and closes, how many centers and branches are open
 * (nationally and per economic region), coverage on both bases, online reach, mean distance,
 * the gain over the previous year; and every target checked at its date.
 */
import { modelSummary, type ModelSummary } from '../travel/travel-cost.js';
import { formatDay, isPlanDay, parsePlanDate } from '../model/dates.js';
import type { Facility, FacilityKind, Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { capacityNow, resolveVisitModel } from './capacity.js';
import { coverageNow, type Share } from './coverage.js';
import { basisLabel, pointColumns, yearWeights, type Demand, type PopulationBasisLabel } from './demand.js';
import { meanKm } from './distances.js';
import { Network, type Settings } from './network.js';
import { endKey, isOpenOn, planYears, yearEnd } from './schedule.js';
import { compareText } from '../model/compare-text.js';

export interface TimelineYear {
  year: number;
  population_year: number;
  opened: string[];
  closed: string[];
  centers: number;
  branches: number;
  by_economic_region: Record<string, { centers: number; branches: number }>;
  coverage: {
    distance: Share;
    assignment: Share;
    /** In person (by distance) or online, once a channel has launched: covered + uncovered × reach. */
    with_online: Share;
  };
  mean_km: number | null;
  gain: { distance_points: number; assignment_points: number };
  /** Demand against capacity, catchments by the plan's rule (demand.catchment; details: dostplan capacity). */
  capacity: { visits_per_day: number; capacity_per_day: number; overloaded: { id: string; utilization_pct: number }[] };
}

export interface TargetCount {
  target: number;
  actual: number;
  met: boolean;
  shortfall: number;
}

export interface TargetCheck {
  by: string;
  label?: string;
  source?: string;
  met: boolean;
  centers?: TargetCount;
  branches?: TargetCount;
  /** The facilities that would have to open by the deadline to meet it, earliest planned first. */
  open_earlier: { id: string; name: string; kind: FacilityKind; opens: string }[];
  /** Set when the plan does not hold enough facilities to meet the target at all. */
  note?: string;
  /**
   * The plan's record of a target missed in reality (`missed:`) with its reason; `covers` when
   * this miss is the one recorded (the plan opens at least the counts it gives), so
   * `timeline --strict` lets it pass.
   */
  acknowledged?: { reason: string; centers?: number; branches?: number; covers: boolean };
}

/** Targets that fail `timeline --strict`: missed, and not as the plan records it. */
export function newMisses(targets: TargetCheck[]): TargetCheck[] {
  return targets.filter((t) => !t.met && !t.acknowledged?.covers);
}

export interface Timeline {
  plan: string;
  model: ModelSummary;
  population_basis: PopulationBasisLabel;
  years: TimelineYear[];
  targets: TargetCheck[];
  facilities: {
    id: string;
    name: string;
    kind: FacilityKind;
    region: string;
    opens: string;
    announced?: string;
    closes?: string;
    status: string;
  }[];
  /** Warnings the plan accepts on purpose (a facility's `waive:`), with the planner's reasons. */
  waivers: { id: string; code: string; reason: string }[];
  notes: string[];
}

const dateText = (v: string | number) => {
  const d = parsePlanDate(v);
  return isPlanDay(d) ? formatDay(d) : String(v);
};

export function checkTargets(plan: Plan, facilities: Facility[]): TargetCheck[] {
  return plan.targets.map((t) => {
    const key = endKey(t.by);
    const open_earlier: TargetCheck['open_earlier'] = [];
    const notes: string[] = [];
    const count = (kind: FacilityKind, target: number | undefined): TargetCount | undefined => {
      if (target === undefined) return undefined;
      const ofKind = facilities.filter((f) => f.kind === kind);
      const actual = ofKind.filter((f) => isOpenOn(f, key)).length;
      const shortfall = Math.max(0, target - actual);
      const later = ofKind
        .filter((f) => !isOpenOn(f, key) && f.status !== 'closed')
        .sort((a, b) => endKey(a.opens) - endKey(b.opens) || compareText(a.id, b.id));
      later
        .slice(0, shortfall)
        .forEach((f) => open_earlier.push({ id: f.id, name: f.name, kind, opens: dateText(f.opens) }));
      if (later.length < shortfall)
        notes.push(
          `the plan has ${ofKind.length} ${kind === 'center' ? 'centers' : 'branches'} in all: ` +
            `${shortfall - later.length} more must be added`,
        );
      return { target, actual, met: actual >= target, shortfall };
    };
    const centers = count('center', t.centers);
    const branches = count('branch', t.branches);
    const m = t.missed;
    const atLeast = (recorded: number | undefined, c: TargetCount | undefined) =>
      recorded === undefined || c === undefined || c.actual >= recorded;
    const acknowledged = m && {
      reason: m.reason,
      ...(m.centers !== undefined ? { centers: m.centers } : {}),
      ...(m.branches !== undefined ? { branches: m.branches } : {}),
      covers: atLeast(m.centers, centers) && atLeast(m.branches, branches),
    };
    return {
      by: dateText(t.by),
      ...(t.label ? { label: t.label } : {}),
      ...(t.source ? { source: t.source } : {}),
      met: (centers?.met ?? true) && (branches?.met ?? true),
      ...(centers ? { centers } : {}),
      ...(branches ? { branches } : {}),
      open_earlier,
      ...(notes.length ? { note: notes.join('; ') } : {}),
      ...(acknowledged ? { acknowledged } : {}),
    };
  });
}

/**
 * `onYear` is called after each year is computed (the CLI draws a progress bar with it), with the
 * network at that year (the report reads its year's figures off it rather than build another).
 */
export function timeline(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  onYear: (year: number, net: Network) => void = () => {},
): Timeline {
  const net = new Network(plan, pointColumns(demand), regions, settings.travel);
  const years: TimelineYear[] = [];
  const econOf = (f: Facility) => regions.byCode.get(f.region)?.economic_region ?? 'unknown';
  const visitModel = resolveVisitModel(plan);
  for (const year of planYears(plan)) {
    const { opened, closed } = net.advanceTo(year);
    const open = net.openFacilities();
    const o = { kind: 'any' as const, by: 'nation' as const };
    // Both rules in one pass over the points: the same figures as two single-rule calls.
    const both = coverageNow(net, demand, regions, settings, { ...o, coveredBy: 'both' });
    const dist = { ...both.distance!, population: both.population, population_year: both.population_year };
    const asg = both.assignment!;
    const reach = plan.channels
      .filter((c) => endKey(c.launches) <= yearEnd(year))
      .reduce((best, c) => Math.max(best, c.reach_pct / 100), 0);
    const online = dist.covered + (dist.population - dist.covered) * reach;
    const by_economic_region: TimelineYear['by_economic_region'] = {};
    for (const e of regions.dataset.economic_regions) by_economic_region[e.id] = { centers: 0, branches: 0 };
    for (const f of open) {
      const row = (by_economic_region[econOf(f)] ??= { centers: 0, branches: 0 });
      if (f.kind === 'center') row.centers++;
      else row.branches++;
    }
    const prev = years[years.length - 1];
    const cap = capacityNow(net, demand, regions, settings, visitModel, {
      catchment: visitModel.catchment,
      method: 'none',
    });
    years.push({
      year,
      population_year: dist.population_year,
      opened: opened.map((f) => f.id),
      closed: closed.map((f) => f.id),
      centers: open.filter((f) => f.kind === 'center').length,
      branches: open.filter((f) => f.kind === 'branch').length,
      by_economic_region,
      coverage: {
        distance: { covered: dist.covered, percent: dist.percent },
        assignment: { covered: asg.covered, percent: asg.percent },
        with_online: {
          covered: Math.round(online),
          percent: dist.population ? Math.round((online / dist.population) * 10000) / 100 : 0,
        },
      },
      mean_km: meanKm(net, yearWeights(demand, regions, year).weights),
      gain: {
        distance_points: prev ? round2(dist.percent - prev.coverage.distance.percent) : 0,
        assignment_points: prev ? round2(asg.percent - prev.coverage.assignment.percent) : 0,
      },
      capacity: {
        visits_per_day: cap.visits_per_day,
        capacity_per_day: cap.capacity_per_day,
        overloaded: cap.facilities
          .filter((f) => f.overloaded)
          .map((f) => ({ id: f.id, utilization_pct: f.utilization_pct! })),
      },
    });
    onYear(year, net);
  }
  const notes: string[] = [];
  const byId = new Map(net.facilities.map((f) => [f.id, f]));
  for (const b of net.facilities.filter((f) => f.kind === 'branch')) {
    const parent = b.center ? byId.get(b.center) : undefined;
    if (parent && endKey(b.opens) < endKey(parent.opens))
      notes.push(
        `branch ${b.id} opens (${dateText(b.opens)}) before its center ${parent.id} (${dateText(parent.opens)})`,
      );
  }
  return {
    plan: plan.name,
    model: modelSummary(settings.travel.info),
    population_basis: basisLabel(demand),
    years,
    targets: checkTargets(plan, net.facilities),
    facilities: net.facilities.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      region: f.region,
      opens: dateText(f.opens),
      status: f.status,
      ...(f.announced !== undefined ? { announced: dateText(f.announced) } : {}),
      ...(f.closes !== undefined ? { closes: dateText(f.closes) } : {}),
    })),
    waivers: [...plan.centers, ...plan.branches].flatMap((f) =>
      Object.entries(f.waive ?? {}).map(([code, reason]) => ({ id: f.id, code, reason: reason! })),
    ),
    notes,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
