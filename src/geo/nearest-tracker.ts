/**
 * Incremental nearest-facility search over a fixed set of population points.
 *
 * Points sit in a uniform grid in 3D chord space (see geodesic.ts: chord order is geodesic order,
 * so "nearest" is exact) of three levels: super-cells of 8×8×8 cells, 3 km cells, and sub-cells of
 * the crowded cells. Each remembers the largest current nearest-distance of its points. When a
 * facility opens, a cell can only gain from it if the facility is closer to the cell's box than
 * that largest distance, so a year's openings touch just the points near them. When a facility
 * closes, only the points it owned are re-searched, with a geokdbush index of the facilities still
 * open. This is what makes a 10-year timeline over a million points cheap: each year costs what
 * changed, not points × facilities. A few thousand points (the embedded data) are one cell, and
 * each year's openings are tried against every point in one flat loop: cheaper at that size.
 *
 * Of equally near facilities (two ids at one site) the lowest id serves a point, whatever order
 * they opened in: a year reached step by step (a timeline) and in one jump (coverage) agree.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { chordToGeodesicKm, EARTH_RADIUS_KM, toChordSpace } from './geodesic.js';

const RAD = Math.PI / 180;

export interface PointSet {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  count: number;
}

export function pointSet(coords: readonly { lat: number; lon: number }[]): PointSet {
  // Plain loops: typed-array `from` with a mapping function is several times slower (100,000 places).
  const n = coords.length;
  const lat = new Float64Array(n),
    lon = new Float64Array(n),
    all = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    lat[i] = coords[i]!.lat;
    lon[i] = coords[i]!.lon;
    all[i] = i;
  }
  return pointSetOf(lat, lon, all);
}

/** Chord-space coordinates of the points `members` (indices into lat/lon columns). */
export function pointSetOf(lat: ArrayLike<number>, lon: ArrayLike<number>, members: ArrayLike<number>): PointSet {
  const n = members.length;
  const ps: PointSet = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), count: n };
  // toChordSpace inlined (the same arithmetic, so the same bits): a million calls each returning
  // an array cost several times the arithmetic.
  for (let k = 0; k < n; k++) {
    const i = members[k]!;
    const phi = lat[i]! * RAD;
    const lam = lon[i]! * RAD;
    const c = Math.cos(phi);
    ps.x[k] = EARTH_RADIUS_KM * c * Math.cos(lam);
    ps.y[k] = EARTH_RADIUS_KM * c * Math.sin(lam);
    ps.z[k] = EARTH_RADIUS_KM * Math.sin(phi);
  }
  return ps;
}

/** A cell with at least this many points is split into sub-cells of an eighth of its side. */
const SUB_MIN = 128;

/**
 * Boxes are packed 6 numbers each (minX, minY, minZ, maxX, maxY, maxZ) in one Float64Array per
 * level of the grid, so the three levels share one set of box functions.
 */
const BOX = 6;

/** Squared distance from a point to the nearest point of box u: a lower bound for anything inside. */
function boxDist2(b: Float64Array, u: number, x: number, y: number, z: number): number {
  const o = u * BOX;
  const dx = x < b[o]! ? b[o]! - x : x > b[o + 3]! ? x - b[o + 3]! : 0;
  const dy = y < b[o + 1]! ? b[o + 1]! - y : y > b[o + 4]! ? y - b[o + 4]! : 0;
  const dz = z < b[o + 2]! ? b[o + 2]! - z : z > b[o + 5]! ? z - b[o + 5]! : 0;
  return dx * dx + dy * dy + dz * dz;
}

/** Squared distance from a point to the farthest corner of box u: an upper bound for anything inside. */
function boxFar2(b: Float64Array, u: number, x: number, y: number, z: number): number {
  const o = u * BOX;
  const dx = Math.max(Math.abs(x - b[o]!), Math.abs(x - b[o + 3]!));
  const dy = Math.max(Math.abs(y - b[o + 1]!), Math.abs(y - b[o + 4]!));
  const dz = Math.max(Math.abs(z - b[o + 2]!), Math.abs(z - b[o + 5]!));
  return dx * dx + dy * dy + dz * dz;
}

/** Sets box u to empty (every point grows it). */
function clearBox(b: Float64Array, u: number): void {
  const o = u * BOX;
  b[o] = b[o + 1] = b[o + 2] = Infinity;
  b[o + 3] = b[o + 4] = b[o + 5] = -Infinity;
}

/** Grows box u to hold the point (x, y, z). */
function growBox(b: Float64Array, u: number, x: number, y: number, z: number): void {
  const o = u * BOX;
  if (x < b[o]!) b[o] = x;
  if (y < b[o + 1]!) b[o + 1] = y;
  if (z < b[o + 2]!) b[o + 2] = z;
  if (x > b[o + 3]!) b[o + 3] = x;
  if (y > b[o + 4]!) b[o + 4] = y;
  if (z > b[o + 5]!) b[o + 5] = z;
}

/** Grows box u of `b` to hold box v of `from`. */
function growByBox(b: Float64Array, u: number, from: Float64Array, v: number): void {
  const o = v * BOX;
  growBox(b, u, from[o]!, from[o + 1]!, from[o + 2]!);
  growBox(b, u, from[o + 3]!, from[o + 4]!, from[o + 5]!);
}

/** How many nearest open facilities a closure's orphaned point compares (for ties between co-located ones). */
const TIED_SITES = 4;

/**
 * Up to this many points, and point × facility pairs in a batch, a batch of openings tries every
 * facility for every point (see addMany): for a few thousand points (the embedded data, ~1 point a
 * cell) walking the grid costs more than the distances it saves, and one flat loop is quick to
 * optimise in a short run.
 */
const DIRECT_POINTS = 50_000;
const DIRECT_PAIRS = 2_000_000;

/**
 * The static geometry, shared by every tracker over the same points (centers and branches).
 * Points are stored in grid order (position k), so a cell's points sit next to each other in
 * memory and a scan reads them sequentially; rank[i] is the position of input point i.
 *
 * Three levels, each a run of the next finer one: super-cells (8×8×8 cells) hold cells
 * [superFrom, superTo), cells hold sub-cells [cellFrom, cellTo), sub-cells hold the points at
 * positions [subStart, subEnd).
 */
export class PointGrid {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly rank: Uint32Array;
  readonly order: Uint32Array;
  /**
   * Sub-cells (an eighth of a cell's side) of the crowded cells; a sparse cell is its own single
   * sub-cell. Around a town, points within a few hundred metres of the facilities are then passed
   * over as a block when one more facility opens nearby (a 3 km cell would be rescanned whole).
   */
  readonly subStart: Uint32Array;
  readonly subEnd: Uint32Array;
  readonly subBox: Float64Array;
  readonly cellFrom: Uint32Array;
  readonly cellTo: Uint32Array;
  readonly cellBox: Float64Array;
  readonly superFrom: Uint32Array;
  readonly superTo: Uint32Array;
  readonly superBox: Float64Array;

  /**
   * cellKm: the side of a cell in km; Infinity makes one cell of every point. (Each step is a
   * function of its own: V8 optimises a long loop inside one big constructor by compiling the whole
   * constructor, and again after every loop whose successor it has not seen run; for a million
   * points that cost more than the steps.)
   */
  constructor(pts: PointSet, cellKm = 3) {
    const n = pts.count;
    const { keys, xyz } = gridKeys(pts, cellKm);
    const order = (this.order = sortByKey(keys));
    const x = (this.x = new Float64Array(n));
    const y = (this.y = new Float64Array(n));
    const z = (this.z = new Float64Array(n));
    const rank = (this.rank = new Uint32Array(n));
    const sorted = gather(order, keys, xyz, x, y, z, rank);
    const runs = cellRuns(sorted);
    const cellCount = runs.cellStarts.length - 1;
    let subCount = 0;
    for (let c = 0; c < cellCount; c++)
      subCount += runs.cellStarts[c + 1]! - runs.cellStarts[c]! < SUB_MIN ? 1 : runs.cellSubKeys[c]!;
    this.subStart = new Uint32Array(subCount);
    this.subEnd = new Uint32Array(subCount);
    this.subBox = new Float64Array(subCount * BOX);
    this.cellFrom = new Uint32Array(cellCount);
    this.cellTo = new Uint32Array(cellCount);
    this.cellBox = new Float64Array(cellCount * BOX);
    subCells(this, runs.cellStarts, sorted);
    // Super-cells from their cells.
    const superCount = runs.superStarts.length - 1;
    this.superFrom = Uint32Array.from(runs.superStarts.slice(0, superCount));
    this.superTo = Uint32Array.from(runs.superStarts.slice(1));
    this.superBox = new Float64Array(superCount * BOX);
    for (let s = 0; s < superCount; s++) {
      clearBox(this.superBox, s);
      for (let c = this.superFrom[s]!; c < this.superTo[s]!; c++) growByBox(this.superBox, s, this.cellBox, c);
    }
  }
}

/**
 * Each point's grid key — the super-cell (8×8×8 cells) in the high part, then the cell within it
 * (9 bits), then the sub-cell within the cell (9 bits), so one numeric sort groups points by
 * super-cell, cell and sub-cell; indices count from the data's own minimum — and the coordinates
 * interleaved, so gathering a point into grid order costs one cache miss, not three.
 */
function gridKeys(pts: PointSet, cellKm: number): { keys: Float64Array; xyz: Float64Array } {
  const n = pts.count;
  const { x: px, y: py, z: pz } = pts;
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, px[i]!);
    minY = Math.min(minY, py[i]!);
    minZ = Math.min(minZ, pz[i]!);
    maxX = Math.max(maxX, px[i]!);
    maxY = Math.max(maxY, py[i]!);
  }
  const superY = Math.floor((maxY - minY) / cellKm / 8) + 1;
  const superX = Math.floor((maxX - minX) / cellKm / 8) + 1;
  const subKm = cellKm / 8;
  const keys = new Float64Array(n);
  const xyz = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    xyz[i * 3] = px[i]!;
    xyz[i * 3 + 1] = py[i]!;
    xyz[i * 3 + 2] = pz[i]!;
    const sx = Math.floor((px[i]! - minX) / subKm),
      sy = Math.floor((py[i]! - minY) / subKm),
      sz = Math.floor((pz[i]! - minZ) / subKm);
    const ix = sx >> 3,
      iy = sy >> 3,
      iz = sz >> 3;
    const cell =
      (((iz >> 3) * superY + (iy >> 3)) * superX + (ix >> 3)) * 512 + (ix & 7) * 64 + (iy & 7) * 8 + (iz & 7);
    keys[i] = cell * 512 + (sx & 7) * 64 + (sy & 7) * 8 + (sz & 7);
  }
  return { keys, xyz };
}

/** Points into grid order (x, y, z; rank[i] = position of input point i); returns the keys in grid order. */
function gather(
  order: Uint32Array,
  keys: Float64Array,
  xyz: Float64Array,
  x: Float64Array,
  y: Float64Array,
  z: Float64Array,
  rank: Uint32Array,
): Float64Array {
  const sorted = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    x[k] = xyz[i * 3]!;
    y[k] = xyz[i * 3 + 1]!;
    z[k] = xyz[i * 3 + 2]!;
    rank[i] = k;
    sorted[k] = keys[i]!;
  }
  return sorted;
}

/**
 * Where each cell starts (a position, with n at the end), how many distinct sub-cell keys it has,
 * and where each super-cell starts (a cell number, with the cell count at the end).
 */
function cellRuns(sorted: Float64Array): { cellStarts: number[]; cellSubKeys: number[]; superStarts: number[] } {
  const cellStarts: number[] = [];
  const cellSubKeys: number[] = [];
  const superStarts: number[] = [];
  let prev = -1;
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k]!;
    if (k === 0 || Math.floor(key / 512) !== Math.floor(prev / 512)) {
      if (k === 0 || Math.floor(key / 262144) !== Math.floor(prev / 262144)) superStarts.push(cellStarts.length);
      cellStarts.push(k);
      cellSubKeys.push(1);
    } else if (key !== prev) cellSubKeys[cellSubKeys.length - 1]!++;
    prev = key;
  }
  superStarts.push(cellStarts.length);
  cellStarts.push(sorted.length);
  return { cellStarts, cellSubKeys, superStarts };
}

/** The grid's sub-cells and their boxes (a sparse cell is one sub-cell), then each cell's range and box. */
function subCells(g: PointGrid, cellStarts: number[], sorted: Float64Array): void {
  const { x, y, z, subStart, subEnd, subBox: sb, cellFrom, cellTo, cellBox: cb } = g;
  let u = -1;
  for (let c = 0; c + 1 < cellStarts.length; c++) {
    const start = cellStarts[c]!,
      end = cellStarts[c + 1]!;
    const split = end - start >= SUB_MIN;
    cellFrom[c] = u + 1;
    clearBox(cb, c);
    let prev = -1;
    for (let k = start; k < end; k++) {
      const key = sorted[k]!;
      if (k === start || (split && key !== prev)) {
        u++;
        subStart[u] = k;
        clearBox(sb, u);
      }
      prev = key;
      subEnd[u] = k + 1;
      growBox(sb, u, x[k]!, y[k]!, z[k]!);
    }
    cellTo[c] = u + 1;
    for (let v = cellFrom[c]!; v < cellTo[c]!; v++) growByBox(cb, c, sb, v);
  }
}

/**
 * The grid a tracker over these points is built on: 3 km cells, or a single cell for a point set
 * small enough that every batch of openings takes the flat loop anyway (no sorting, no boxes).
 */
export function trackerGrid(pts: PointSet): PointGrid {
  return new PointGrid(pts, pts.count <= DIRECT_POINTS ? Infinity : 3);
}

/** The facilities of a batch, in chord space. */
interface Coords3 {
  fx: Float64Array;
  fy: Float64Array;
  fz: Float64Array;
}

/**
 * The batch facilities (indices `among[0..count)`) that could be nearest to a point of box u: those
 * whose box distance is within both max2 (the box's current worst) and the best farthest-corner
 * distance among them. Written to `out`; returns how many. (A module function, not a closure, so
 * the optimised addMany is not thrown away on the next call for a new closure.)
 */
function candidates(
  boxes: Float64Array,
  u: number,
  max2: number,
  f: Coords3,
  among: ArrayLike<number>,
  count: number,
  out: Int32Array,
): number {
  const { fx, fy, fz } = f;
  let bound = max2;
  for (let j = 0; j < count; j++) {
    const far = boxFar2(boxes, u, fx[among[j]!]!, fy[among[j]!]!, fz[among[j]!]!);
    if (far < bound) bound = far;
  }
  let m = 0;
  for (let j = 0; j < count; j++) {
    const k = among[j]!;
    if (boxDist2(boxes, u, fx[k]!, fy[k]!, fz[k]!) <= bound) out[m++] = k;
  }
  return m;
}

export class NearestTracker {
  /** Squared chord distance (km²) to the nearest open facility, by grid position; Infinity if none. */
  private readonly dist2: Float64Array;
  /** Facility id of the nearest open facility, by grid position; -1 if none. */
  private readonly owner: Int32Array;
  /** Largest squared nearest-distance of each sub-cell's, cell's and super-cell's points. */
  private readonly subMax: Float64Array;
  private readonly cellMax: Float64Array;
  private readonly superMax: Float64Array;
  private readonly open = new Map<number, { lat: number; lon: number; x: number; y: number; z: number }>();
  private perm: { target: Uint32Array; at: Uint32Array } | undefined;

  constructor(private readonly grid: PointGrid) {
    const n = grid.x.length;
    this.dist2 = new Float64Array(n).fill(Infinity);
    this.owner = new Int32Array(n).fill(-1);
    this.subMax = new Float64Array(grid.subStart.length).fill(Infinity);
    this.cellMax = new Float64Array(grid.cellFrom.length).fill(Infinity);
    this.superMax = new Float64Array(grid.superFrom.length).fill(Infinity);
  }

  /** Opens facility `id` at (lat, lon); points closer to it than to their current nearest switch to it. */
  add(id: number, lat: number, lon: number): void {
    const [fx, fy, fz] = toChordSpace(lat, lon);
    this.open.set(id, { lat, lon, x: fx, y: fy, z: fz });
    const { x, y, z, subStart, subEnd, subBox, cellFrom, cellTo, cellBox, superFrom, superTo, superBox } = this.grid;
    const { dist2, owner, subMax, cellMax, superMax } = this;
    for (let s = 0; s < superMax.length; s++) {
      if (boxDist2(superBox, s, fx, fy, fz) > superMax[s]!) continue;
      let sm = 0;
      for (let c = superFrom[s]!; c < superTo[s]!; c++) {
        if (boxDist2(cellBox, c, fx, fy, fz) <= cellMax[c]!) {
          let cm = 0;
          for (let u = cellFrom[c]!; u < cellTo[c]!; u++) {
            if (boxDist2(subBox, u, fx, fy, fz) <= subMax[u]!) {
              let m = 0;
              for (let k = subStart[u]!; k < subEnd[u]!; k++) {
                const dx = x[k]! - fx,
                  dy = y[k]! - fy,
                  dz = z[k]! - fz;
                const d2 = dx * dx + dy * dy + dz * dz;
                const near = d2 < dist2[k]! || (d2 === dist2[k]! && id < owner[k]!);
                const cur = near ? ((dist2[k] = d2), (owner[k] = id), d2) : dist2[k]!;
                if (cur > m) m = cur;
              }
              subMax[u] = m;
            }
            if (subMax[u]! > cm) cm = subMax[u]!;
          }
          cellMax[c] = cm;
        }
        if (cellMax[c]! > sm) sm = cellMax[c]!;
      }
      superMax[s] = sm;
    }
  }

  /**
   * Opens many facilities at once (a year's openings). For each cell only the facilities that
   * could be nearest to one of its points are tried: those closer to the cell than both its
   * current worst distance and the best batch facility's farthest-corner distance. This keeps
   * the first year — every point starting with no facility — from costing points × facilities.
   */
  addMany(batch: { id: number; lat: number; lon: number }[]): void {
    // A small point set takes every batch in one flat loop (DIRECT_POINTS). Otherwise: once most
    // points have a facility nearby, one facility at a time touches only its neighbourhood
    // and is cheaper than the batch's per-cell candidate search (with sub-cells, even for a batch
    // twice the size of what is open). A batch that dwarfs what is open still goes as a batch: each
    // single add would rescan the wide areas still far from any facility.
    const n = batch.length;
    const points = this.grid.x.length;
    const direct = points <= DIRECT_POINTS && points * n <= DIRECT_PAIRS;
    if (!direct && (n < 8 || n <= 4 * this.open.size)) {
      for (const f of batch) this.add(f.id, f.lat, f.lon);
      return;
    }
    const fx = new Float64Array(n),
      fy = new Float64Array(n),
      fz = new Float64Array(n);
    batch.forEach((f, k) => {
      [fx[k], fy[k], fz[k]] = toChordSpace(f.lat, f.lon);
      this.open.set(f.id, { lat: f.lat, lon: f.lon, x: fx[k]!, y: fy[k]!, z: fz[k]! });
    });
    const ids = Int32Array.from(batch, (f) => f.id);
    if (direct) this.addEverywhere(ids, { fx, fy, fz });
    else this.addPruned(ids, { fx, fy, fz });
  }

  /** addMany by trying every facility of the batch for every point. */
  private addEverywhere(ids: Int32Array, f: Coords3): void {
    const { fx, fy, fz } = f;
    const { x, y, z } = this.grid;
    const { dist2, owner: owners } = this;
    for (let k = 0; k < x.length; k++) {
      const px = x[k]!,
        py = y[k]!,
        pz = z[k]!;
      let best = dist2[k]!,
        owner = owners[k]!;
      for (let j = 0; j < ids.length; j++) {
        const dx = px - fx[j]!,
          dy = py - fy[j]!,
          dz = pz - fz[j]!;
        const d2 = dx * dx + dy * dy + dz * dz;
        if (d2 < best || (d2 === best && ids[j]! < owner)) {
          best = d2;
          owner = ids[j]!;
        }
      }
      dist2[k] = best;
      owners[k] = owner;
    }
    this.refreshMaxima();
  }

  /** subMax, cellMax and superMax recomputed from every point's distance. */
  private refreshMaxima(): void {
    const { subStart, subEnd, cellFrom, cellTo, superFrom, superTo } = this.grid;
    const { dist2, subMax, cellMax, superMax } = this;
    for (let u = 0; u < subMax.length; u++) {
      let m = 0;
      for (let k = subStart[u]!; k < subEnd[u]!; k++) if (dist2[k]! > m) m = dist2[k]!;
      subMax[u] = m;
    }
    for (let c = 0; c < cellMax.length; c++) {
      let m = 0;
      for (let u = cellFrom[c]!; u < cellTo[c]!; u++) if (subMax[u]! > m) m = subMax[u]!;
      cellMax[c] = m;
    }
    for (let s = 0; s < superMax.length; s++) {
      let m = 0;
      for (let c = superFrom[s]!; c < superTo[s]!; c++) if (cellMax[c]! > m) m = cellMax[c]!;
      superMax[s] = m;
    }
  }

  /** addMany with the facilities pruned per super-cell, cell and sub-cell by their boxes. */
  private addPruned(ids: Int32Array, f3: Coords3): void {
    const { fx, fy, fz } = f3;
    const n = ids.length;
    const all = Int32Array.from({ length: n }, (_, k) => k);
    const superCand = new Int32Array(n);
    const cellCand = new Int32Array(n);
    const subCand = new Int32Array(n);
    const lower = new Float64Array(n);
    const { x, y, z, subStart, subEnd, subBox, cellFrom, cellTo, cellBox, superFrom, superTo, superBox } = this.grid;
    const { dist2, owner: owners, subMax, cellMax, superMax } = this;
    for (let s = 0; s < superMax.length; s++) {
      const ns = candidates(superBox, s, superMax[s]!, f3, all, n, superCand);
      if (ns === 0) continue;
      let sm = 0;
      for (let c = superFrom[s]!; c < superTo[s]!; c++) {
        const nc = candidates(cellBox, c, cellMax[c]!, f3, superCand, ns, cellCand);
        if (nc === 0) {
          if (cellMax[c]! > sm) sm = cellMax[c]!;
          continue;
        }
        let cm = 0;
        for (let u = cellFrom[c]!; u < cellTo[c]!; u++) {
          let nu = nc;
          if (cellTo[c]! - cellFrom[c]! === 1) subCand.set(cellCand.subarray(0, nc));
          else nu = candidates(subBox, u, subMax[u]!, f3, cellCand, nc, subCand);
          if (nu === 0) {
            if (subMax[u]! > cm) cm = subMax[u]!;
            continue;
          }
          // Candidates by their distance to the sub-cell's box (a lower bound for each of its points), so a
          // point stops at the first candidate whose bound exceeds its best so far (a candidate at
          // exactly that bound is still tried: equal distances go to the lower facility id).
          for (let j = 0; j < nu; j++) {
            const f = subCand[j]!;
            const b = boxDist2(subBox, u, fx[f]!, fy[f]!, fz[f]!);
            let i = j;
            for (; i > 0 && lower[i - 1]! > b; i--) {
              lower[i] = lower[i - 1]!;
              subCand[i] = subCand[i - 1]!;
            }
            lower[i] = b;
            subCand[i] = f;
          }
          let m = 0;
          for (let k = subStart[u]!; k < subEnd[u]!; k++) {
            const px = x[k]!,
              py = y[k]!,
              pz = z[k]!;
            let best = dist2[k]!,
              owner = owners[k]!;
            for (let j = 0; j < nu && lower[j]! <= best; j++) {
              const f = subCand[j]!;
              const dx = px - fx[f]!,
                dy = py - fy[f]!,
                dz = pz - fz[f]!;
              const d2 = dx * dx + dy * dy + dz * dz;
              if (d2 < best || (d2 === best && ids[f]! < owner)) {
                best = d2;
                owner = ids[f]!;
              }
            }
            dist2[k] = best;
            owners[k] = owner;
            if (best > m) m = best;
          }
          subMax[u] = m;
          if (m > cm) cm = m;
        }
        cellMax[c] = cm;
        if (cm > sm) sm = cm;
      }
      superMax[s] = sm;
    }
  }

  /** Closes facility `id`; its points move to their nearest remaining open facility. */
  remove(id: number): void {
    if (!this.open.delete(id)) return;
    // Closures are rare (a handful a year), so the index of the facilities still open is rebuilt each time.
    const indexIds = [...this.open.keys()];
    const kd = new KDBush(Math.max(1, indexIds.length));
    for (const f of indexIds) kd.add(this.open.get(f)!.lon, this.open.get(f)!.lat);
    if (indexIds.length === 0) kd.add(0, 0);
    kd.finish();
    const { x, y, z, subStart, subEnd, cellFrom, cellTo, superFrom, superTo } = this.grid;
    const { dist2, owner, subMax, cellMax, superMax } = this;
    for (let s = 0; s < superMax.length; s++) {
      let sm = 0;
      for (let c = superFrom[s]!; c < superTo[s]!; c++) {
        let touched = false;
        for (let k = subStart[cellFrom[c]!]!; k < subEnd[cellTo[c]! - 1]!; k++) {
          if (owner[k] !== id) continue;
          touched = true;
          owner[k] = -1;
          dist2[k] = Infinity;
          if (indexIds.length === 0) continue;
          const lonlat = chordToLonLat(x[k]!, y[k]!, z[k]!);
          // A few nearest, so that of equally near facilities (one site, two ids) the lowest id wins.
          for (const j of around(kd, lonlat.lon, lonlat.lat, TIED_SITES)) {
            const fid = indexIds[j]!;
            const f = this.open.get(fid)!;
            const dx = x[k]! - f.x,
              dy = y[k]! - f.y,
              dz = z[k]! - f.z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < dist2[k]! || (d2 === dist2[k]! && fid < owner[k]!)) {
              dist2[k] = d2;
              owner[k] = fid;
            }
          }
        }
        if (touched) {
          let cm = 0;
          for (let u = cellFrom[c]!; u < cellTo[c]!; u++) {
            let m = 0;
            for (let k = subStart[u]!; k < subEnd[u]!; k++) m = Math.max(m, dist2[k]!);
            subMax[u] = m;
            cm = Math.max(cm, m);
          }
          cellMax[c] = cm;
        }
        sm = Math.max(sm, cellMax[c]!);
      }
      superMax[s] = sm;
    }
  }

  /** Geodesic km from point i to its nearest open facility (Infinity if none is open). */
  km(i: number): number {
    const d2 = this.dist2[this.grid.rank[i]!]!;
    return d2 === Infinity ? Infinity : chordToGeodesicKm(Math.sqrt(d2));
  }

  /**
   * Road km (geodesic km × circuity) and minutes (at speedKmh) to the nearest open facility for
   * every point, written to km[target[i]] and min[target[i]] for input point i: one sequential pass
   * (much faster than calling km() a million times). Infinity where none is open.
   */
  fillCosts(km: Float64Array, min: Float64Array, target: Uint32Array, circuity: number, speedKmh: number): void {
    if (this.perm?.target !== target) this.perm = { target, at: this.grid.order.map((i) => target[i]!) };
    const at = this.perm.at;
    const { dist2 } = this;
    for (let k = 0; k < dist2.length; k++) {
      const d2 = dist2[k]!;
      const road = d2 === Infinity ? Infinity : chordToGeodesicKm(Math.sqrt(d2)) * circuity;
      km[at[k]!] = road;
      min[at[k]!] = (road / speedKmh) * 60;
    }
  }

  /** ownerOf() for every point, written to out[target[i]] (the same permutation as fillCosts). */
  fillOwners(out: Int32Array, target: Uint32Array): void {
    if (this.perm?.target !== target) this.perm = { target, at: this.grid.order.map((i) => target[i]!) };
    const at = this.perm.at;
    const { owner } = this;
    for (let k = 0; k < owner.length; k++) out[at[k]!] = owner[k]!;
  }

  /** Id of point i's nearest open facility, or -1 when none is open. */
  ownerOf(i: number): number {
    return this.owner[this.grid.rank[i]!]!;
  }
}

/**
 * Point indices ordered by key (ties by index): stable counting passes over the keys' digits
 * (keys are non-negative integers below 2^53); passes over digits that are zero for every key are
 * skipped. Digits are 16 bits for a million points and 8 bits for a few thousand, where clearing
 * and summing 65,536 counters per pass would cost more than the points.
 */
function sortByKey(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const lo = new Uint32Array(n),
    hi = new Uint32Array(n);
  let loOr = 0,
    hiOr = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    lo[i] = k % 4294967296;
    hi[i] = Math.floor(k / 4294967296);
    loOr |= lo[i]!;
    hiOr |= hi[i]!;
  }
  let order: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const bits = n < 1 << 16 ? 8 : 16;
  for (const [digits, or] of [
    [lo, loOr],
    [hi, hiOr],
  ] as const)
    for (let shift = 0; shift < 32; shift += bits)
      if ((or >>> shift) & ((1 << bits) - 1)) order = radixPass(digits, order, shift, bits);
  return order;
}

/** `order` stably re-ordered by `bits` bits of the keys from `shift` (one counting-sort pass). */
function radixPass(keys: Uint32Array, order: Uint32Array, shift: number, bits: number): Uint32Array {
  const mask = (1 << bits) - 1;
  const count = new Uint32Array(mask + 2);
  for (let k = 0; k < order.length; k++) count[((keys[order[k]!]! >>> shift) & mask) + 1]!++;
  for (let b = 0; b <= mask; b++) count[b + 1]! += count[b]!;
  const out = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    out[count[(keys[i]! >>> shift) & mask]!++] = i;
  }
  return out;
}

function chordToLonLat(x: number, y: number, z: number): { lat: number; lon: number } {
  const r = Math.sqrt(x * x + y * y + z * z);
  return { lat: (Math.asin(z / r) * 180) / Math.PI, lon: (Math.atan2(y, x) * 180) / Math.PI };
}
