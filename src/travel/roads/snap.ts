/**
 * Getting on the network: the nearest point of a road segment a place may join, found through a
 * uniform grid over the segments (each segment listed in every cell its bounding box touches,
 * in CSR form). A query scans rings of cells outwards and stops once no unvisited cell can hold
 * anything nearer, or once past the off-road limit.
 */
import { geodesicKm } from '../../geo/geodesic.js';
import type { RoadGraph } from './graph.js';

export interface Snap {
  /** Segment index (into graph.segA/segB). */
  seg: number;
  /** Position along the segment, 0 at segA, 1 at segB. */
  t: number;
  /** Straight-line km from the place to that point (the access leg). */
  km: number;
}

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

export class SegmentIndex {
  private readonly lat0: number;
  private readonly lon0: number;
  private readonly cellLat: number;
  private readonly cellLon: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellStart: Uint32Array;
  private readonly items: Uint32Array;
  /** Per item, its segment's end points (degrees from lat0/lon0), so a cell scan reads memory in order. */
  private readonly coords: Float32Array;

  constructor(
    private readonly g: RoadGraph,
    readonly cellKm = 1,
  ) {
    const n = g.segKm.length;
    const geo = g.segGeo;
    let minLat = Infinity,
      maxLat = -Infinity,
      minLon = Infinity,
      maxLon = -Infinity;
    for (let i = 0; i < geo.length; i += 2) {
      const la = geo[i]!,
        lo = geo[i + 1]!;
      if (la < minLat) minLat = la;
      if (la > maxLat) maxLat = la;
      if (lo < minLon) minLon = lo;
      if (lo > maxLon) maxLon = lo;
    }
    if (!(minLat <= maxLat)) (minLat = maxLat = 0), (minLon = maxLon = 0);
    // Cells at least cellKm wide everywhere in the data: the ring stop rule relies on it.
    const maxAbsLat = Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)));
    this.cellLat = cellKm / KM_PER_DEG_LAT;
    this.cellLon = cellKm / (KM_PER_DEG_LON_EQUATOR * Math.cos((maxAbsLat * Math.PI) / 180));
    this.lat0 = minLat;
    this.lon0 = minLon;
    // Keep the grid to a few million cells whatever the extent (a continent would need coarser cells).
    const scale = Math.max(
      1,
      Math.sqrt((((maxLat - minLat) / this.cellLat + 1) * ((maxLon - minLon) / this.cellLon + 1)) / 4e6),
    );
    this.cellLat *= scale;
    this.cellLon *= scale;
    this.cellKm = cellKm * scale;
    this.rows = Math.floor((maxLat - minLat) / this.cellLat) + 1;
    this.cols = Math.floor((maxLon - minLon) / this.cellLon) + 1;
    const counts = new Uint32Array(this.rows * this.cols + 1);
    const forEachCell = (s: number, f: (c: number) => void) => {
      const latA = geo[4 * s]!,
        lonA = geo[4 * s + 1]!,
        latB = geo[4 * s + 2]!,
        lonB = geo[4 * s + 3]!;
      const r0 = this.row(Math.min(latA, latB)),
        r1 = this.row(Math.max(latA, latB));
      const c0 = this.col(Math.min(lonA, lonB)),
        c1 = this.col(Math.max(lonA, lonB));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * this.cols + c);
    };
    for (let s = 0; s < n; s++) forEachCell(s, (c) => counts[c]!++);
    this.cellStart = new Uint32Array(counts.length);
    let t = 0;
    for (let c = 0; c < counts.length; c++) {
      this.cellStart[c] = t;
      t += counts[c]!;
    }
    this.items = new Uint32Array(t);
    const fill = this.cellStart.slice();
    for (let s = 0; s < n; s++) forEachCell(s, (c) => (this.items[fill[c]!++] = s));
    this.coords = new Float32Array(t * 4);
    for (let i = 0; i < t; i++) {
      const s = this.items[i]!;
      this.coords[4 * i] = geo[4 * s]! - minLat;
      this.coords[4 * i + 1] = geo[4 * s + 1]! - minLon;
      this.coords[4 * i + 2] = geo[4 * s + 2]! - minLat;
      this.coords[4 * i + 3] = geo[4 * s + 3]! - minLon;
    }
  }

  private row(lat: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((lat - this.lat0) / this.cellLat)));
  }
  private col(lon: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.lon0) / this.cellLon)));
  }

  /** The nearest joinable point within maxKm (straight line), or undefined when there is none. */
  nearest(lat: number, lon: number, maxKm: number): Snap | undefined {
    // Local flat projection around the query point: exact enough within a few km.
    const kx = KM_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
    const ky = KM_PER_DEG_LAT;
    const qLat = lat - this.lat0,
      qLon = lon - this.lon0;
    const r0 = Math.floor(qLat / this.cellLat),
      c0 = Math.floor(qLon / this.cellLon);
    // How far the point is from its own cell's nearest edge, in km, per axis.
    const fy = qLat / this.cellLat - r0,
      fx = qLon / this.cellLon - c0;
    const cellH = this.cellLat * ky,
      cellW = this.cellLon * kx;
    const edge0 = Math.min(Math.min(fy, 1 - fy) * cellH, Math.min(fx, 1 - fx) * cellW);
    const coords = this.coords,
      items = this.items;
    let best2 = Infinity,
      bestItem = -1,
      bestT = 0;
    const maxRing = Math.ceil((maxKm * 1.05) / this.cellKm) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const edge = r === r0 - ring || r === r0 + ring;
        for (let c = c0 - ring; c <= c0 + ring; c += edge ? 1 : 2 * ring || 1) {
          if (c < 0 || c >= this.cols) continue;
          const cell = r * this.cols + c;
          for (let i = this.cellStart[cell]!, end = this.cellStart[cell + 1]!; i < end; i++) {
            // (A segment listed in several cells may be tested twice: harmless, and cheaper than
            // a visited-mark lookup at random addresses.)
            const ax = (coords[4 * i + 1]! - qLon) * kx,
              ay = (coords[4 * i]! - qLat) * ky;
            const bx = (coords[4 * i + 3]! - qLon) * kx,
              by = (coords[4 * i + 2]! - qLat) * ky;
            const dx = bx - ax,
              dy = by - ay;
            const len2 = dx * dx + dy * dy;
            let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
            t = t < 0 ? 0 : Math.min(t, 1);
            const px = ax + t * dx,
              py = ay + t * dy;
            const d2 = px * px + py * py;
            if (d2 < best2) (best2 = d2), (bestItem = i), (bestT = t);
          }
        }
      }
      // Every cell outside the rings scanned is at least this far away.
      const margin = edge0 + ring * Math.min(cellH, cellW);
      if (best2 <= margin * margin) break;
    }
    if (bestItem < 0) return undefined;
    const bestSeg = items[bestItem]!;
    const geo = this.g.segGeo;
    const latA = geo[4 * bestSeg]!,
      lonA = geo[4 * bestSeg + 1]!,
      latB = geo[4 * bestSeg + 2]!,
      lonB = geo[4 * bestSeg + 3]!;
    {
      // The scan used single-precision coordinates; place the point on the winner exactly.
      const ax = (lonA - lon) * kx,
        ay = (latA - lat) * ky,
        dx = (lonB - lonA) * kx,
        dy = (latB - latA) * ky;
      const len2 = dx * dx + dy * dy;
      bestT = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
    }
    const at = { lat: latA + bestT * (latB - latA), lon: lonA + bestT * (lonB - lonA) };
    const km = geodesicKm({ lat, lon }, at);
    return km <= maxKm ? { seg: bestSeg, t: bestT, km } : undefined;
  }
}
