/**
 * Catchment areas: the land each open facility serves, nearest by the travel model (the surface's
 * owner of each cell), as polygons, with the people whose nearest facility it is, the people of
 * those within the facility's standard, and utilization where the plan gives a capacity (visits a
 * day from its people, as `capacity` computes them, over its capacity).
 *
 * A catchment is traced by marching squares over a mask of its cells, so its edge runs through
 * the midpoints between its cells' centres and its neighbours': two catchments share their edge,
 * and at a corner where three meet a sliver smaller than half a cell is left between them.
 */
import type { Facility, FacilityKind, Threshold } from '../model/plan.js';
import { meets } from '../travel/travel-cost.js';
import { facilityCapacity, type VisitModel } from './capacity.js';
import { areaKm2, polygonsAtLeast, widen, type PolygonRings, type Window } from './contours.js';
import type { Surface } from './surface.js';

export interface CatchmentArea {
  facility: Facility;
  polygons: PolygonRings[];
  area_km2: number;
  /** People whose nearest open facility this is. */
  population: number;
  /** Of them, the people within the facility's standard. */
  covered: number;
  /** Visits a day its people make over its capacity, in %; null when no capacity is known. */
  utilization_pct: number | null;
}

/** Each population point's nearest facility (index into the surface's facilities), km, minutes and weight. */
export interface PeopleNearest {
  owner: Int32Array;
  km: Float64Array;
  minutes: Float64Array;
  weights: Float64Array;
}

export function catchmentAreas(
  surface: Surface,
  people: PeopleNearest,
  standards: Record<FacilityKind, Threshold>,
  demand: VisitModel,
): CatchmentArea[] {
  const { grid, index } = surface.cells;
  const n = surface.facilities.length;
  const pop = new Float64Array(n),
    covered = new Float64Array(n);
  for (let i = 0; i < people.owner.length; i++) {
    const j = people.owner[i]!;
    if (j < 0) continue;
    pop[j]! += people.weights[i]!;
    if (meets(people.km[i]!, people.minutes[i]!, standards[surface.facilities[j]!.kind]))
      covered[j]! += people.weights[i]!;
  }
  const boxes = ownerWindows(surface);
  const out: CatchmentArea[] = [];
  surface.facilities.forEach((facility, j) => {
    const box = boxes.get(j);
    if (!box && pop[j] === 0) return; // not open, or serving neither land nor people
    const polygons = box
      ? polygonsAtLeast(grid, box, (k) => (index[k]! >= 0 && surface.owner[index[k]!] === j ? 1 : 0), 0.5)
      : [];
    const { capacity } = facilityCapacity(facility, demand);
    const visits = (pop[j]! * demand.visitsPerResidentYear) / demand.workingDays;
    out.push({
      facility,
      polygons,
      area_km2: areaKm2(polygons),
      population: pop[j]!,
      covered: covered[j]!,
      utilization_pct: capacity ? (visits / capacity) * 100 : null,
    });
  });
  return out;
}

/** For each facility that owns cells, the window around them (one pass over the grid). */
function ownerWindows(surface: Surface): Map<number, Window> {
  const { grid, index } = surface.cells;
  const box = new Map<number, { c0: number; c1: number; r0: number; r1: number }>();
  for (let r = 0; r < grid.rows; r++)
    for (let c = 0, k = r * grid.cols; c < grid.cols; c++, k++) {
      const i = index[k]!;
      if (i < 0) continue;
      const j = surface.owner[i]!;
      if (j < 0) continue;
      const b = box.get(j);
      if (!b) box.set(j, { c0: c, c1: c, r0: r, r1: r });
      else {
        if (c < b.c0) b.c0 = c;
        if (c > b.c1) b.c1 = c;
        b.r1 = r;
      }
    }
  const out = new Map<number, Window>();
  for (const [j, b] of box)
    out.set(j, widen(grid, { col: b.c0, row: b.r0, cols: b.c1 - b.c0 + 1, rows: b.r1 - b.r0 + 1 }));
  return out;
}
