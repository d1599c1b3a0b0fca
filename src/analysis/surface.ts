/**
 * The travel-time surface: for every land cell of a regular grid, the minutes to the nearest open
 * facility (of a kind, or of either kind) in a year, by the plan's travel model. Cells are handed to
 * the model as places, exactly as population points are, so the road model attaches each cell to
 * its road (the off-road leg, its limit, and unreachable cells reported in the model's notes).
 */
import type { RegionIndex } from '../model/region-index.js';
import type { Facility, FacilityKind, Plan } from '../model/plan.js';
import type { NearestCosts, TravelCostModel } from '../travel/travel-cost.js';
import { facilityPlace, Network, placeColumns } from './network.js';
import type { KindFilter } from './coverage.js';
import type { LandCells } from './surface-grid.js';

export interface Surface {
  cells: LandCells;
  year: number;
  kind: KindFilter;
  /** Per land cell: minutes to the nearest open facility of the kind; Infinity when none is reachable. */
  minutes: Float64Array;
  /** Per land cell: that facility, an index into `facilities`; -1 when none is reachable. */
  owner: Int32Array;
  facilities: Facility[];
}

/** The surface of `year` over the land cells. */
export function travelSurface(
  plan: Plan,
  regions: RegionIndex,
  travel: TravelCostModel,
  cells: LandCells,
  year: number,
  kind: KindFilter,
): Surface {
  const net = new Network(plan, cells.columns, regions, travel);
  net.advanceTo(year);
  return {
    cells,
    year,
    kind,
    minutes: Float64Array.from(net.minutes(kind)),
    owner: net.nearestIndices(kind),
    facilities: net.facilities,
  };
}

/**
 * Minutes from each place to one facility alone, for every facility in turn: one engine over the
 * places, the facility opened, read, and closed again (an opening in an empty layer reaches every
 * place once; the closing forgets what it reached). `visit` must copy what it keeps.
 */
export function eachFacilityAlone(
  travel: TravelCostModel,
  regions: RegionIndex,
  places: LandCells['columns'],
  facilities: readonly { index: number; facility: Facility }[],
  visit: (index: number, minutes: Float64Array) => void,
): void {
  const costs: NearestCosts = travel.nearestCosts(placeColumns(places, regions));
  for (const { index, facility } of facilities) {
    const layer: FacilityKind = facility.kind;
    costs.open(layer, [{ id: index, place: facilityPlace(facility, regions) }]);
    visit(index, costs.minutes(layer));
    costs.close(layer, [index]);
  }
}

/** Figures of a surface over the country's land cells, for the text summary. */
export interface SurfaceStats {
  land_cells: number;
  /** Land cells no open facility is reachable from. */
  unreachable_cells: number;
  /** Minutes over the reachable land cells (null when none is reachable). */
  median_min: number | null;
  p90_min: number | null;
  max_min: number | null;
  /** Share of the land cells within each band's minutes, in %. */
  within: { max_min: number; cells_pct: number }[];
}

export function surfaceStats(s: Surface, bands: readonly number[]): SurfaceStats {
  const reach = s.minutes.filter(Number.isFinite).sort();
  const n = s.minutes.length;
  const at = (q: number) => (reach.length ? reach[Math.min(reach.length - 1, Math.floor(q * reach.length))]! : null);
  const within = bands.map((b) => {
    let c = 0;
    for (const m of reach) if (m <= b) c++;
    return { max_min: b, cells_pct: n ? (c / n) * 100 : 0 };
  });
  return {
    land_cells: n,
    unreachable_cells: n - reach.length,
    median_min: at(0.5),
    p90_min: at(0.9),
    max_min: reach.length ? reach[reach.length - 1]! : null,
    within,
  };
}
