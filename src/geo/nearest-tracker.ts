/**
 * Incremental nearest-facility search over a fixed set of population points.
 *
 * Points sit in a two-level uniform grid in 3D chord space (see geodesic.ts: chord order is
 * geodesic order, so "nearest" is exact). Each cell remembers the largest current
 * nearest-distance of its points. When a facility opens, a cell can only gain from it if the
 * facility is closer to the cell's box than that largest distance, so a year's openings touch
 * just the points near them. When a facility closes, only the points it owned are re-searched,
 * with a geokdbush index of the facilities still open. This is what makes a 10-year timeline
 * over a million points cheap: each year costs what changed, not points × facilities.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { chordToGeodesicKm, toChordSpace } from './geodesic.js';

export interface PointSet {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  count: number;
}

export function pointSet(coords: { lat: number; lon: number }[]): PointSet {
  const n = coords.length;
  const ps: PointSet = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), count: n };
  coords.forEach((c, i) => {
    const [x, y, z] = toChordSpace(c.lat, c.lon);
    ps.x[i] = x;
    ps.y[i] = y;
    ps.z[i] = z;
  });
  return ps;
}

interface Box {
  minX: number; minY: number; minZ: number; maxX: number; maxY: number; maxZ: number;
}

function boxDist2(b: Box, x: number, y: number, z: number): number {
  const dx = x < b.minX ? b.minX - x : x > b.maxX ? x - b.maxX : 0;
  const dy = y < b.minY ? b.minY - y : y > b.maxY ? y - b.maxY : 0;
  const dz = z < b.minZ ? b.minZ - z : z > b.maxZ ? z - b.maxZ : 0;
  return dx * dx + dy * dy + dz * dz;
}

interface Cell extends Box {
  start: number;
  end: number;
  /** Largest squared nearest-distance of the cell's points. */
  max2: number;
}

interface SuperCell extends Box {
  cells: Cell[];
  max2: number;
}

export class NearestTracker {
  /** Squared chord distance (km²) from each point to its nearest open facility; Infinity if none. */
  readonly dist2: Float64Array;
  /** Facility id of each point's nearest open facility; -1 if none. */
  readonly owner: Int32Array;
  private readonly order: Uint32Array;
  private readonly supers: SuperCell[] = [];
  private readonly open = new Map<number, { lat: number; lon: number; x: number; y: number; z: number }>();

  constructor(private readonly pts: PointSet, cellKm = 8) {
    const n = pts.count;
    this.dist2 = new Float64Array(n).fill(Infinity);
    this.owner = new Int32Array(n).fill(-1);
    // Cell key: super-cell (8×8×8 cells) in the high bits, cell within it in the low 9 bits, so one
    // numeric sort groups points by super-cell, then by cell.
    const q = (v: number) => Math.floor(v / cellKm) + 1024;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const ix = q(pts.x[i]!), iy = q(pts.y[i]!), iz = q(pts.z[i]!);
      keys[i] = (((ix >> 3) * 256 + (iy >> 3)) * 256 + (iz >> 3)) * 512 + (ix & 7) * 64 + (iy & 7) * 8 + (iz & 7);
    }
    this.order = sortByKey(keys);
    let sc: SuperCell | undefined;
    let c: Cell | undefined;
    for (let k = 0; k < n; k++) {
      const i = this.order[k]!;
      const key = keys[i]!;
      if (!sc || Math.floor(keys[this.order[sc.cells[0]!.start]!]! / 512) !== Math.floor(key / 512)) {
        sc = { cells: [], max2: Infinity, ...emptyBox() };
        this.supers.push(sc);
        c = undefined;
      }
      if (!c || keys[this.order[c.start]!] !== key) {
        c = { start: k, end: k, max2: Infinity, ...emptyBox() };
        sc.cells.push(c);
      }
      c.end = k + 1;
      grow(c, pts.x[i]!, pts.y[i]!, pts.z[i]!);
      grow(sc, pts.x[i]!, pts.y[i]!, pts.z[i]!);
    }
  }

  /** Opens facility `id` at (lat, lon); points closer to it than to their current nearest switch to it. */
  add(id: number, lat: number, lon: number): void {
    const [fx, fy, fz] = toChordSpace(lat, lon);
    this.open.set(id, { lat, lon, x: fx, y: fy, z: fz });
    const { x, y, z } = this.pts;
    for (const sc of this.supers) {
      if (boxDist2(sc, fx, fy, fz) >= sc.max2) continue;
      let superMax = 0;
      for (const c of sc.cells) {
        if (boxDist2(c, fx, fy, fz) < c.max2) {
          let m = 0;
          for (let k = c.start; k < c.end; k++) {
            const i = this.order[k]!;
            const dx = x[i]! - fx, dy = y[i]! - fy, dz = z[i]! - fz;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < this.dist2[i]!) {
              this.dist2[i] = d2;
              this.owner[i] = id;
            }
            if (this.dist2[i]! > m) m = this.dist2[i]!;
          }
          c.max2 = m;
        }
        if (c.max2 > superMax) superMax = c.max2;
      }
      sc.max2 = superMax;
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
    const { x, y, z } = this.pts;
    for (const sc of this.supers) {
      let superMax = 0;
      for (const c of sc.cells) {
        let touched = false;
        for (let k = c.start; k < c.end; k++) {
          const i = this.order[k]!;
          if (this.owner[i] !== id) continue;
          touched = true;
          this.owner[i] = -1;
          this.dist2[i] = Infinity;
          if (indexIds.length === 0) continue;
          const lonlat = chordToLonLat(x[i]!, y[i]!, z[i]!);
          const [nearest] = around(kd, lonlat.lon, lonlat.lat, 1);
          const fid = indexIds[nearest!]!;
          const f = this.open.get(fid)!;
          const dx = x[i]! - f.x, dy = y[i]! - f.y, dz = z[i]! - f.z;
          this.dist2[i] = dx * dx + dy * dy + dz * dz;
          this.owner[i] = fid;
        }
        if (touched) {
          let m = 0;
          for (let k = c.start; k < c.end; k++) m = Math.max(m, this.dist2[this.order[k]!]!);
          c.max2 = m;
        }
        superMax = Math.max(superMax, c.max2);
      }
      sc.max2 = superMax;
    }
  }

  /** Geodesic km from point i to its nearest open facility (Infinity if none is open). */
  km(i: number): number {
    const d2 = this.dist2[i]!;
    return d2 === Infinity ? Infinity : chordToGeodesicKm(Math.sqrt(d2));
  }

  openIds(): number[] {
    return [...this.open.keys()];
  }
}

/** Point indices ordered by key (ties by index), with a native numeric sort when key and index fit in 53 bits. */
function sortByKey(keys: Float64Array): Uint32Array {
  const n = keys.length;
  if (n <= 1 << 20) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keys[i]! * 1048576 + i;
    packed.sort();
    const out = new Uint32Array(n);
    for (let k = 0; k < n; k++) out[k] = packed[k]! % 1048576;
    return out;
  }
  return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}

function emptyBox(): Box {
  return { minX: Infinity, minY: Infinity, minZ: Infinity, maxX: -Infinity, maxY: -Infinity, maxZ: -Infinity };
}

function grow(b: Box, x: number, y: number, z: number): void {
  if (x < b.minX) b.minX = x;
  if (y < b.minY) b.minY = y;
  if (z < b.minZ) b.minZ = z;
  if (x > b.maxX) b.maxX = x;
  if (y > b.maxY) b.maxY = y;
  if (z > b.maxZ) b.maxZ = z;
}

function chordToLonLat(x: number, y: number, z: number): { lat: number; lon: number } {
  const r = Math.sqrt(x * x + y * y + z * z);
  return { lat: (Math.asin(z / r) * 180) / Math.PI, lon: (Math.atan2(y, x) * 180) / Math.PI };
}
