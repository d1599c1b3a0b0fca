/**
 * The gap list: where the people beyond every standard live, as clusters ranked by people — the
 * list a planner reads to place the next branch. A person is unserved when no open facility of
 * the kind meets its kind's standard for them (coverage's own test, `withinMask`). Unserved points
 * are binned into square cells of CLUSTER_KM on a local grid and cells that touch (sides or
 * corners) form one cluster, so villages up to about two cells (6 km) apart chain into one pocket.
 * On the DOST plan in 2030: 5 km cells chained the lowland villages into one cluster of 2.07
 * million people (not a place for a branch); 3 km gives 603 clusters, the largest 96,000 people.
 *
 * Each cluster has its people, its population-weighted centre, the open facility nearest to most
 * of its people (by the travel model) with their mean and longest minutes to their own nearest
 * facility, and the named settlement nearest its centre.
 */
import { KM_PER_DEG, type LandCells } from './surface-grid.js';
import { polygonsAtLeast, windowWhere, type PolygonRings } from './contours.js';
import { withinMask, type KindFilter } from './coverage.js';
import { pointColumns, yearWeights, type Demand } from './demand.js';
import { isochroneBands } from './isochrones.js';
import { Network, type Settings } from './network.js';
import { travelSurface } from './surface.js';
import type { Facility, Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import type { PointColumns } from '../model/point-columns.js';
import type { SettlementNames } from './place-names.js';
import type { ModelSummary } from '../travel/travel-cost.js';

/** Side of the cells unserved people are binned into; touching cells make one cluster. */
export const CLUSTER_KM = 3;

export interface UnservedCluster {
  rank: number;
  people: number;
  /** Population points in it. */
  points: number;
  lat: number;
  lon: number;
  /** The open facility nearest to most of its people; undefined when none is reachable. */
  facility?: Facility;
  /** Population-weighted mean and the longest of its people's minutes to their nearest facility (null: none reachable). */
  mean_min: number | null;
  max_min: number | null;
  /** The named settlement nearest its centre ('' when the country has none). */
  settlement: string;
}

export function unservedClusters(
  net: Network,
  settings: Settings,
  kind: KindFilter,
  points: PointColumns,
  weights: Float64Array,
  settlements: SettlementNames,
): UnservedCluster[] {
  const served = withinMask(net, settings, kind);
  const minutes = net.minutes(kind);
  const owner = net.nearestIndices(kind);
  const cellOf = binning(points, served);
  const clusterOf = touchingCells(cellOf);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < points.count; i++) {
    if (served[i] || weights[i]! <= 0) continue;
    const c = clusterOf.get(cellOf.key(i))!;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(i);
  }
  const clusters = [...groups.values()].map((members) => describe(members, points, weights, minutes, owner, net));
  clusters.sort((a, b) => b.people - a.people || a.lat - b.lat || a.lon - b.lon);
  return clusters.map((c, k) => ({ ...c, rank: k + 1, settlement: settlements.nearest(c.lat, c.lon)?.name ?? '' }));
}

/** A local grid of CLUSTER_KM cells over the points (square at their middle latitude). */
function binning(points: PointColumns, served: Uint8Array) {
  let s = Infinity,
    n = -Infinity,
    w = Infinity;
  for (let i = 0; i < points.count; i++) {
    if (served[i]) continue;
    s = Math.min(s, points.lat[i]!);
    n = Math.max(n, points.lat[i]!);
    w = Math.min(w, points.lon[i]!);
  }
  const dLat = CLUSTER_KM / KM_PER_DEG;
  const dLon = dLat / Math.max(0.01, Math.cos((((s + n) / 2) * Math.PI) / 180));
  const col = (i: number) => Math.floor((points.lon[i]! - w) / dLon);
  const row = (i: number) => Math.floor((points.lat[i]! - s) / dLat);
  const cells = new Set<number>();
  const WIDTH = 1 << 20;
  for (let i = 0; i < points.count; i++) if (!served[i]) cells.add(row(i) * WIDTH + col(i));
  return { cells, WIDTH, key: (i: number) => row(i) * WIDTH + col(i) };
}

/** Cells that touch (8 neighbours) share a cluster number: a flood fill over the occupied cells. */
function touchingCells(b: ReturnType<typeof binning>): Map<number, number> {
  const cluster = new Map<number, number>();
  let next = 0;
  for (const start of [...b.cells].sort((x, y) => x - y)) {
    if (cluster.has(start)) continue;
    const id = next++;
    const stack = [start];
    cluster.set(start, id);
    while (stack.length) {
      const c = stack.pop()!;
      for (const dr of [-1, 0, 1])
        for (const dc of [-1, 0, 1]) {
          const k = c + dr * b.WIDTH + dc;
          if (b.cells.has(k) && !cluster.has(k)) {
            cluster.set(k, id);
            stack.push(k);
          }
        }
    }
  }
  return cluster;
}

function describe(
  members: number[],
  points: PointColumns,
  weights: Float64Array,
  minutes: Float64Array,
  owner: Int32Array,
  net: Network,
): Omit<UnservedCluster, 'rank' | 'settlement'> {
  let people = 0,
    lat = 0,
    lon = 0,
    reached = 0,
    sumMin = 0,
    maxMin = -Infinity;
  const byFacility = new Map<number, number>();
  for (const i of members) {
    const w = weights[i]!;
    people += w;
    lat += w * points.lat[i]!;
    lon += w * points.lon[i]!;
    const m = minutes[i]!;
    if (Number.isFinite(m)) {
      reached += w;
      sumMin += w * m;
      maxMin = Math.max(maxMin, m);
      byFacility.set(owner[i]!, (byFacility.get(owner[i]!) ?? 0) + w);
    }
  }
  let best = -1;
  for (const [j, w] of byFacility)
    if (best < 0 || w > byFacility.get(best)! || (w === byFacility.get(best) && j < best)) best = j;
  return {
    people,
    points: members.length,
    lat: lat / people,
    lon: lon / people,
    ...(best >= 0 ? { facility: net.facilities[best]! } : {}),
    mean_min: reached > 0 ? sumMin / reached : null,
    max_min: reached > 0 ? maxMin : null,
  };
}

/** The gap list as commands hand it to the renderers. */
export interface GapsResult {
  year: number;
  kind: KindFilter;
  /** The standards a person must meet to count as served, in words. */
  standards: string;
  cluster_km: number;
  population: number;
  unserved: number;
  clusters: UnservedCluster[];
  model: ModelSummary;
}

/** Cell size of the gap map's surface: fine enough for a national map, 21,000 cells for Azerbaijan. */
export const GAP_MAP_CELL_KM = 2;

/** What the gap map draws: the surface in fixed minute classes, and the unserved clusters. */
export interface GapLayer {
  /** Cumulative: everything within max_min minutes (ascending; the last covers every reachable cell). */
  bands: { max_min: number; polygons: PolygonRings[] }[];
  /** Land cells no open facility is reachable from. */
  unreachable: PolygonRings[];
  clusters: UnservedCluster[];
}

/**
 * The gap map's layers for `year`: the land cells' minutes to the nearest open center or branch
 * traced at each class edge, and the clusters of people beyond every standard.
 */
export function gapLayer(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  year: number,
  cells: LandCells,
  edges: readonly number[],
  settlements: SettlementNames,
): GapLayer {
  const surface = travelSurface(plan, regions, settings.travel, cells, year, 'any');
  const reachable = [...edges, Number.MAX_VALUE]; // the last: every cell some facility reaches
  const bands = isochroneBands(
    cells,
    surface.minutes,
    reachable,
    reachable.map(() => 0),
  ).map((b) => ({ max_min: b.max_min, polygons: b.polygons }));
  const points = pointColumns(demand);
  const net = new Network(plan, points, regions, settings.travel);
  net.advanceTo(year);
  const { weights } = yearWeights(demand, regions, year);
  return {
    bands,
    unreachable: unreachableLand(cells, surface.minutes),
    clusters: unservedClusters(net, settings, 'any', points, weights, settlements),
  };
}

/** The land cells from which no open facility is reachable (infinite minutes), traced as polygons. */
export function unreachableLand(cells: LandCells, minutes: ArrayLike<number>): PolygonRings[] {
  const { grid, index } = cells;
  const none = (k: number) => (index[k]! >= 0 && !Number.isFinite(minutes[index[k]!]!) ? 1 : 0);
  const window = windowWhere(grid, (k) => none(k) === 1);
  return window ? polygonsAtLeast(grid, window, none, 0.5) : [];
}
