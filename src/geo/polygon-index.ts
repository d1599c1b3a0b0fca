/**
 * Point-in-polygon for many points against a set of polygons (the country, or its units): the
 * polygons' edges are bucketed by latitude band, so a lookup tests only the few edges that cross
 * its own band (a ray cast eastwards, even-odd per polygon) instead of every vertex of every unit.
 * A national grid asks a million times; turf's loop over all ~1,000 outline vertices would cost
 * seconds there.
 *
 * In front of the bands sits a uniform grid of small cells (~1,000 along the longer side): a cell
 * that no edge touches lies wholly inside one polygon (or outside all), so its answer, found once
 * for its first point, holds for every later point in it. Only the points in the few cells on a
 * boundary go on to the edge test. The answers are the same; scattered points cost a few
 * nanoseconds instead of a band scan.
 */
import type { MultiPolygon, Polygon } from 'geojson';

export class PolygonIndex {
  private readonly minLat: number;
  private readonly bandHeight: number;
  /** Per band: the edges (x1, y1, x2, y2, owner) in one flat array, starting at bandStart[b]. */
  private readonly bandStart: Uint32Array;
  private readonly edges: Float64Array;
  private readonly owners: Int32Array;
  private readonly parity: Uint8Array;
  /** The cell grid: origin, cell size, columns, rows; per cell NO_EDGE_UNKNOWN, ON_EDGE or owner + 1 (0: none). */
  private readonly grid: { x0: number; y0: number; size: number; cols: number; rows: number; cell: Int32Array };

  /** `shapes[k]` is owner k; lookups return the owner whose polygon contains the point, or -1. */
  constructor(shapes: (Polygon | MultiPolygon)[], bands?: number) {
    const rings: { ring: number[][]; owner: number }[] = [];
    shapes.forEach((g, owner) => {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const poly of polys) for (const ring of poly) rings.push({ ring, owner });
    });
    let minLat = Infinity,
      maxLat = -Infinity,
      edgeCount = 0;
    for (const { ring } of rings) {
      edgeCount += ring.length;
      for (const p of ring) {
        minLat = Math.min(minLat, p[1]!);
        maxLat = Math.max(maxLat, p[1]!);
      }
    }
    const n = Math.max(1, bands ?? Math.ceil(edgeCount / 4));
    this.minLat = minLat;
    this.bandHeight = (maxLat - minLat) / n || 1;
    const bandOf = (lat: number) => Math.min(n - 1, Math.max(0, Math.floor((lat - minLat) / this.bandHeight)));
    // Two passes: count the edges per band, then fill.
    const counts = new Uint32Array(n + 1);
    const eachEdge = (f: (a: number[], b: number[], owner: number) => void) => {
      for (const { ring, owner } of rings) {
        for (let i = 0; i < ring.length; i++) {
          const a = ring[i]!,
            b = ring[(i + 1) % ring.length]!;
          if (a[1] !== b[1]) f(a, b, owner);
        }
      }
    };
    eachEdge((a, b) => {
      for (let k = bandOf(Math.min(a[1]!, b[1]!)); k <= bandOf(Math.max(a[1]!, b[1]!)); k++) counts[k + 1]!++;
    });
    for (let k = 0; k < n; k++) counts[k + 1]! += counts[k]!;
    this.bandStart = counts.slice();
    const fill = counts.slice();
    const total = counts[n]!;
    this.edges = new Float64Array(total * 4);
    this.owners = new Int32Array(total);
    eachEdge((a, b, owner) => {
      for (let k = bandOf(Math.min(a[1]!, b[1]!)); k <= bandOf(Math.max(a[1]!, b[1]!)); k++) {
        const e = fill[k]!++;
        this.edges.set([a[0]!, a[1]!, b[0]!, b[1]!], e * 4);
        this.owners[e] = owner;
      }
    });
    this.parity = new Uint8Array(shapes.length);
    this.grid = edgeGrid(rings.map((r) => r.ring));
  }

  /** The owner whose polygon contains (lon, lat), or -1. */
  lookup(lon: number, lat: number): number {
    const g = this.grid;
    const cx = Math.floor((lon - g.x0) / g.size),
      cy = Math.floor((lat - g.y0) / g.size);
    if (cx < 0 || cy < 0 || cx >= g.cols || cy >= g.rows) return this.lookupBands(lon, lat);
    const k = cy * g.cols + cx;
    const c = g.cell[k]!;
    if (c === ON_EDGE) return this.lookupBands(lon, lat);
    if (c !== NO_EDGE_UNKNOWN) return c - 1;
    const owner = this.lookupBands(lon, lat);
    g.cell[k] = owner + 1;
    return owner;
  }

  /** The edge test: the owner whose polygon contains (lon, lat), or -1. */
  private lookupBands(lon: number, lat: number): number {
    const k = Math.floor((lat - this.minLat) / this.bandHeight);
    if (k < 0 || k >= this.bandStart.length - 1) return -1;
    const { edges, owners, parity } = this;
    const from = this.bandStart[k]!,
      to = this.bandStart[k + 1]!;
    for (let e = from; e < to; e++) parity[owners[e]!] = 0;
    for (let e = from; e < to; e++) {
      const x1 = edges[e * 4]!,
        y1 = edges[e * 4 + 1]!,
        x2 = edges[e * 4 + 2]!,
        y2 = edges[e * 4 + 3]!;
      if (y1 > lat !== y2 > lat && lon < x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1)) parity[owners[e]!]! ^= 1;
    }
    for (let e = from; e < to; e++) if (parity[owners[e]!]) return owners[e]!;
    return -1;
  }

  /**
   * lookup() for a run of points on one latitude with ascending longitudes (a raster row): the
   * band's edge crossings are computed and sorted once, then one sweep from the west toggles each
   * polygon's inside/outside as it passes a crossing. Same answers as lookup() (a closed ring
   * crosses the line an even number of times, so the parity west of a point is the parity east).
   */
  lookupRow(lat: number, lons: ArrayLike<number>, from: number, to: number, out: Int32Array): void {
    const k = Math.floor((lat - this.minLat) / this.bandHeight);
    if (k < 0 || k >= this.bandStart.length - 1) {
      out.fill(-1, 0, to - from);
      return;
    }
    const { edges, owners } = this;
    const xs: number[] = [],
      who: number[] = [];
    for (let e = this.bandStart[k]!; e < this.bandStart[k + 1]!; e++) {
      const x1 = edges[e * 4]!,
        y1 = edges[e * 4 + 1]!,
        x2 = edges[e * 4 + 2]!,
        y2 = edges[e * 4 + 3]!;
      if (y1 > lat !== y2 > lat) {
        xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
        who.push(owners[e]!);
      }
    }
    const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
    const parity = new Uint8Array(this.parity.length);
    let inside = -1,
      c = 0;
    for (let i = from; i < to; i++) {
      const lon = lons[i]!;
      // Crossings at or west of the point have been passed (lookup() counts those strictly east).
      while (c < order.length && xs[order[c]!]! <= lon) {
        const o = who[order[c]!]!;
        parity[o]! ^= 1;
        if (parity[o]) inside = o;
        else if (inside === o) inside = parity.indexOf(1);
        c++;
      }
      out[i - from] = inside;
    }
  }
}

/** Cell states besides a known answer (owner + 1 ≥ 0). */
const NO_EDGE_UNKNOWN = -2;
const ON_EDGE = -3;
/** Cells along the longer side of the polygons' box. */
const GRID_CELLS = 1024;

/**
 * Marks every cell that an edge passes through (or comes within a hundredth of a cell of, for
 * rounding). Each edge is walked row by row: in a row it spans the longitudes between where it
 * enters and leaves the row.
 */
function edgeGrid(rings: number[][][]) {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const ring of rings)
    for (const p of ring) {
      x0 = Math.min(x0, p[0]!);
      x1 = Math.max(x1, p[0]!);
      y0 = Math.min(y0, p[1]!);
      y1 = Math.max(y1, p[1]!);
    }
  if (!(x1 >= x0)) return { x0: 0, y0: 0, size: 1, cols: 0, rows: 0, cell: new Int32Array(0) };
  const size = Math.max(x1 - x0, y1 - y0, 1e-9) / GRID_CELLS;
  const cols = Math.floor((x1 - x0) / size) + 1,
    rows = Math.floor((y1 - y0) / size) + 1;
  const cell = new Int32Array(cols * rows).fill(NO_EDGE_UNKNOWN);
  const eps = size / 100;
  const colOf = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - x0) / size)));
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - y0) / size)));
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!,
        b = ring[(i + 1) % ring.length]!;
      const ax = a[0]!,
        ay = a[1]!,
        bx = b[0]!,
        by = b[1]!;
      const lo = rowOf(Math.min(ay, by) - eps),
        hi = rowOf(Math.max(ay, by) + eps);
      for (let r = lo; r <= hi; r++) {
        // The edge's longitudes within this row's latitudes (the whole edge when it is level).
        const ya = y0 + r * size - eps,
          yb = y0 + (r + 1) * size + eps;
        let xa = ax,
          xb = bx;
        if (ay !== by) {
          const at = (y: number) =>
            ax + ((Math.min(Math.max(y, Math.min(ay, by)), Math.max(ay, by)) - ay) * (bx - ax)) / (by - ay);
          xa = at(ya);
          xb = at(yb);
        }
        const c0 = colOf(Math.min(xa, xb) - eps),
          c1 = colOf(Math.max(xa, xb) + eps);
        cell.fill(ON_EDGE, r * cols + c0, r * cols + c1 + 1);
      }
    }
  }
  return { x0, y0, size, cols, rows, cell };
}
