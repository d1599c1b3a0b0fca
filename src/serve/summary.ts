/**
 * The studio's panel in one answer (/api/summary): national and per-region coverage, mean travel,
 * per-unit figures for the map, the targets due by the year, and capacity utilization — read off
 * the session's incremental network (analysis/network.ts `replan`), so an edit costs a search
 * around the facility it changed, not a run over the country. Coverage is by distance, for any
 * kind, as `dostplan coverage` counts it by default; the shares are the same functions' figures.
 */
import { capacityNow, resolveVisitModel } from '../analysis/capacity.js';
import { coverageNow } from '../analysis/coverage.js';
import { groupIndex, yearWeights } from '../analysis/demand.js';
import type { Network } from '../analysis/network.js';
import { checkTargets } from '../analysis/timeline.js';
import { facilitiesOf } from '../model/plan.js';
import type { PlanContext } from '../load/plan-context.js';
import type { Locale } from '../model/locale.js';
import { TARGET_LABEL_ID } from '../model/local-names.js';

export interface Summary {
  year: number;
  national: { covered_pct: number; population: number; mean_travel_min: number | null; mean_km: number | null };
  regions: { id: string; name: string; covered_pct: number; population: number }[];
  units: { id: string; covered_pct: number; mean_km: number | null; nearest_facility: string | null }[];
  /** `name_az`: the target's name in the run's language, when that is not English. */
  targets: { name: string; name_az?: string; target: number; value: number; met: boolean }[];
  capacity: { facility: string; utilization: number }[] | null;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The panel's figures for `net`'s year (the caller has advanced it); `ctx.plan` is the plan as edited. */
export function summaryOf(ctx: PlanContext, net: Network, L: Locale | null = null): Summary {
  const { regions } = ctx.country;
  const year = net.year!;
  const q = { coveredBy: 'distance', kind: 'any' } as const;
  const byRegion = coverageNow(net, ctx.demand, regions, ctx.settings, { ...q, by: 'economic-region' });
  const byUnit = coverageNow(net, ctx.demand, regions, ctx.settings, { ...q, by: 'region' });
  const units = unitTrips(ctx, net);
  const trips = units.national;
  return {
    year,
    national: {
      covered_pct: byRegion.percent,
      population: byRegion.population,
      mean_travel_min: trips.min,
      mean_km: trips.km,
    },
    regions: byRegion.groups.map((g) => ({ id: g.id, name: g.name, covered_pct: g.percent, population: g.population })),
    units: byUnit.groups.map((g) => {
      const u = units.byUnit.get(g.id);
      return { id: g.id, covered_pct: g.percent, mean_km: u?.km ?? null, nearest_facility: u?.nearest ?? null };
    }),
    targets: targetsBy(ctx, year, L),
    capacity: capacityOf(ctx, net),
  };
}

/**
 * Per unit, the population-weighted mean km to the nearest open facility and the facility nearest
 * to most of its people; nationally, the mean km and minutes. One pass over the points.
 */
function unitTrips(ctx: PlanContext, net: Network) {
  const { regions } = ctx.country;
  const { weights } = yearWeights(ctx.demand, regions, net.year!);
  const { groups, of } = groupIndex(ctx.demand, 'region', regions);
  const km = net.km('any');
  const min = net.minutes('any');
  const owner = net.nearestIndices('any');
  const sumKm = new Float64Array(groups.length);
  const reached = new Float64Array(groups.length);
  const people = groups.map(() => new Map<number, number>());
  let totalKm = 0,
    totalMin = 0,
    totalPeople = 0;
  for (let i = 0; i < of.length; i++) {
    const w = weights[i]!;
    if (!(w > 0) || !Number.isFinite(km[i]!)) continue;
    totalKm += km[i]! * w;
    totalMin += min[i]! * w;
    totalPeople += w;
    const g = of[i]!;
    if (g < 0) continue;
    sumKm[g] = sumKm[g]! + km[i]! * w;
    reached[g] = reached[g]! + w;
    const m = people[g]!;
    m.set(owner[i]!, (m.get(owner[i]!) ?? 0) + w);
  }
  const byUnit = new Map<string, { km: number | null; nearest: string | null }>();
  groups.forEach((g, k) => {
    let best = -1,
      most = 0;
    for (const [j, w] of people[k]!) if (w > most || (w === most && j < best)) [best, most] = [j, w];
    byUnit.set(g.id, {
      km: reached[k]! > 0 ? r1(sumKm[k]! / reached[k]!) : null,
      nearest: best >= 0 ? net.facilities[best]!.id : null,
    });
  });
  const national = {
    km: totalPeople > 0 ? r1(totalKm / totalPeople) : null,
    min: totalPeople > 0 ? r1(totalMin / totalPeople) : null,
  };
  return { byUnit, national };
}

/** The plan's targets due by the end of `year`, one row per counted kind. */
function targetsBy(ctx: PlanContext, year: number, L: Locale | null): Summary['targets'] {
  const checks = checkTargets(ctx.plan, facilitiesOf(ctx.plan));
  return checks.flatMap((t) => {
    if (Number(t.by.slice(0, 4)) > year) return [];
    const name = t.label ?? `by ${t.by}`;
    const local =
      L && (t.label ? L.place(TARGET_LABEL_ID, t.label) : L.t('studio.targets.by', { date: L.planDate(t.by) }));
    return (['centers', 'branches'] as const).flatMap((k) => {
      const c = t[k];
      if (!c) return [];
      const named = { name: `${name}: ${k}` };
      const both =
        L && local
          ? { ...named, name_az: L.t('studio.targets.counted', { name: local, kind: L.t(`studio.targets.${k}`) }) }
          : named;
      return [{ ...both, target: c.target, value: c.actual, met: c.met }];
    });
  });
}

/** Utilization % of each open facility with a known capacity, by the plan's catchment rule, before overflow. */
function capacityOf(ctx: PlanContext, net: Network): Summary['capacity'] {
  const v = resolveVisitModel(ctx.plan);
  const r = capacityNow(net, ctx.demand, ctx.country.regions, ctx.settings, v, {
    catchment: v.catchment,
    method: 'none',
  });
  const rows = r.facilities.flatMap((f) =>
    f.utilization_pct === null ? [] : [{ facility: f.id, utilization: f.utilization_pct }],
  );
  return rows.length ? rows : null;
}
