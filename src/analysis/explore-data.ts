/** Everything the interactive explorer shows, computed once for every year of the plan. */
import type { Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { coverageNow } from './coverage.js';
import { pointColumns, type Demand } from './demand.js';
import { distancesNow } from './distances.js';
import { Network, type Settings } from './network.js';
import { endKey, isOpenOn, planYears, yearEnd } from './schedule.js';
import { compareText } from '../model/compare-text.js';

export interface ExploreRegion {
  code: string;
  name: string;
  population: number;
  percent: number;
  mean_km: number | null;
}

export interface ExploreYear {
  year: number;
  percent: number;
  economic: { id: string; name: string; percent: number }[];
  regions: ExploreRegion[];
}

export interface ExploreFacility {
  id: string;
  name: string;
  kind: string;
  region: string;
  opens: string;
}

export interface ExploreData {
  plan: string;
  years: ExploreYear[];
  facilities: ExploreFacility[];
  /** Ids of facilities open at the end of each year. */
  openBy: Record<number, string[]>;
}

export function exploreData(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  onYear: (year: number) => void = () => {},
): ExploreData {
  const net = new Network(plan, pointColumns(demand), regions, settings.travel);
  const years: ExploreYear[] = [];
  const openBy: Record<number, string[]> = {};
  for (const year of planYears(plan)) {
    net.advanceTo(year);
    const o = { coveredBy: 'distance' as const, kind: 'any' as const };
    const econ = coverageNow(net, demand, regions, settings, { ...o, by: 'economic-region' });
    const byRegion = coverageNow(net, demand, regions, settings, { ...o, by: 'region' });
    const dist = distancesNow(net, demand, regions, settings, 'region', 0);
    years.push({
      year,
      percent: econ.percent,
      economic: econ.groups.map((g) => ({ id: g.id, name: g.name, percent: g.percent })),
      regions: byRegion.groups.map((g) => ({
        code: g.id,
        name: g.name,
        population: g.population,
        percent: g.percent,
        mean_km: dist.groups.find((d) => d.id === g.id)?.any.mean_km ?? null,
      })),
    });
    openBy[year] = net.facilities.filter((f) => isOpenOn(f, yearEnd(year))).map((f) => f.id);
    onYear(year);
  }
  return {
    plan: plan.name,
    years,
    facilities: net.facilities
      .map((f) => ({ id: f.id, name: f.name, kind: f.kind, region: f.region, opens: String(f.opens) }))
      .sort((a, b) => endKey(a.opens) - endKey(b.opens) || compareText(a.id, b.id)),
    openBy,
  };
}
