/**
 * Polygons from a grid of values by marching squares (d3-contour: the D3 project's implementation,
 * with saddle cases resolved consistently, rings stitched and holes assigned to their polygons),
 * returned in longitude/latitude with the RFC 7946 right-hand rule (exteriors counterclockwise,
 * holes clockwise). A value is taken at its cell's centre and interpolated linearly between
 * centres; NaN (outside the country, unreachable) is below every threshold, and a polygon stops at
 * the edge of the cells that have a value (see smoothRing).
 */
import { contours } from 'd3-contour';
import { EARTH_RADIUS_KM } from '../geo/geodesic.js';
import type { Grid } from './surface-grid.js';

export type Position = [number, number];
/** A polygon: its exterior ring, then its holes; every ring closed (first position = last). */
export type PolygonRings = Position[][];

/** A rectangle of the grid: the cells [col, col + cols) × [row, row + rows). */
export interface Window {
  col: number;
  row: number;
  cols: number;
  rows: number;
}

/** The whole grid as a window. */
export const wholeGrid = (g: Grid): Window => ({ col: 0, row: 0, cols: g.cols, rows: g.rows });

/**
 * The smallest window holding every grid cell `k` for which test(k) holds, widened by one cell on
 * each side (so contours close as they would over the whole grid); undefined when none holds.
 */
export function windowWhere(g: Grid, test: (k: number) => boolean): Window | undefined {
  let c0 = Infinity,
    c1 = -1,
    r0 = Infinity,
    r1 = -1;
  for (let r = 0; r < g.rows; r++)
    for (let c = 0, k = r * g.cols; c < g.cols; c++, k++)
      if (test(k)) {
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
        if (r < r0) r0 = r;
        r1 = r;
      }
  if (c1 < 0) return undefined;
  return widen(g, { col: c0, row: r0, cols: c1 - c0 + 1, rows: r1 - r0 + 1 });
}

export function widen(g: Grid, w: Window): Window {
  const col = Math.max(0, w.col - 1),
    row = Math.max(0, w.row - 1);
  return {
    col,
    row,
    cols: Math.min(g.cols, w.col + w.cols + 1) - col,
    rows: Math.min(g.rows, w.row + w.rows + 1) - row,
  };
}

/**
 * The polygons where value(k) ≥ threshold over a window of the grid (k: grid cell index).
 * NaN counts as below.
 */
export function polygonsAtLeast(g: Grid, w: Window, value: (k: number) => number, threshold: number): PolygonRings[] {
  const values = new Float64Array(w.cols * w.rows);
  for (let r = 0; r < w.rows; r++)
    for (let c = 0; c < w.cols; c++) values[r * w.cols + c] = value((w.row + r) * g.cols + w.col + c);
  const multi = contours()
    .size([w.cols, w.rows])
    .smooth(false)
    .contour(values as unknown as number[], threshold);
  for (const poly of multi.coordinates) for (const ring of poly) smoothRing(ring, values, w.cols, w.rows, threshold);
  const toLonLat = (p: number[]): Position => [g.west + (w.col + p[0]!) * g.dLon, g.north - (w.row + p[1]!) * g.dLat];
  return multi.coordinates.map((poly) => rightHand(poly.map((ring) => ring.map(toLonLat))));
}

/**
 * Moves each ring point from the midpoint between two cell centres to where the values cross the
 * threshold (linear interpolation, as d3-contour's own smoothing), but only between two cells that
 * both have a value: next to a NaN the point stays at the midpoint, the cell's edge. (d3-contour
 * would put it on the valued cell's centre, where the rings of neighbouring cells then touch: not
 * a valid polygon.) The crossing is kept off the centres themselves for the same reason.
 */
function smoothRing(ring: number[][], values: Float64Array, dx: number, dy: number, t: number): void {
  const cross = (at: number, v0: number, v1: number) =>
    Number.isNaN(v0) || Number.isNaN(v1) || v0 === v1 ? at : at - 0.5 + clamp((t - v0) / (v1 - v0));
  for (const p of ring) {
    const x = p[0]!,
      y = p[1]!;
    const xt = Math.floor(x),
      yt = Math.floor(y);
    if (x > 0 && x < dx && xt === x) p[0] = cross(x, values[yt * dx + xt - 1]!, values[yt * dx + xt]!);
    if (y > 0 && y < dy && yt === y) p[1] = cross(y, values[(yt - 1) * dx + xt]!, values[yt * dx + xt]!);
  }
}

const clamp = (d: number) => Math.min(0.999, Math.max(0.001, d));

/** Twice the signed planar area of a ring (positive: counterclockwise in lon/lat). */
function signedArea2(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  return a;
}

/** RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise. */
export function rightHand(poly: PolygonRings): PolygonRings {
  return poly.map((ring, i) => {
    const ccw = signedArea2(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

const RAD = Math.PI / 180;

/**
 * A ring's area on the sphere in km² (Chamberlain & Duquette, "Some algorithms for polygons on a
 * sphere", JPL 2007: the formula turf and OpenLayers use), whatever its orientation.
 */
function ringAreaKm2(ring: Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) {
    const [l1, p1] = ring[i - 1]!,
      [l2, p2] = ring[i]!;
    s += (l2 - l1) * RAD * (2 + Math.sin(p1 * RAD) + Math.sin(p2 * RAD));
  }
  return Math.abs((s * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2);
}

/** Area in km² of polygons (exteriors less their holes). */
export function areaKm2(polys: readonly PolygonRings[]): number {
  let a = 0;
  for (const poly of polys) poly.forEach((ring, i) => (a += (i === 0 ? 1 : -1) * ringAreaKm2(ring)));
  return a;
}
