/**
 * The regular grid a travel-time surface is computed on: cells in EPSG:4326 (WGS84 longitude and
 * latitude), sized so that a cell is `cellKm` × `cellKm` at the middle latitude of the country's
 * box (Azerbaijan, 38.4–41.9° N: a cell's east–west width varies by ± 2.5 % from south to north).
 * Geographic cells keep the GeoTIFF and the isochrones in the CRS every GIS reads without a
 * transformation; areas (isochrone km²) are measured on the sphere, not by counting cells.
 *
 * A cell belongs to the country when its centre lies in one of the country's units (the same unit
 * lookup that places a population file's cells); the others are nodata.
 */
import { UserError } from '../errors.js';
import { figure, said } from '../model/said.js';
import { EARTH_RADIUS_KM } from '../geo/geodesic.js';
import type { UnitLookup } from '../geo/unit-lookup.js';
import { blankColumns, type PointColumns } from '../model/point-columns.js';

/** km per degree of latitude on the sphere the geodesics use. */
export const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

/** --cell-km bounds: finer than 100 m adds nothing to a national plan; coarser than 10 km hides towns. */
export const CELL_KM_MIN = 0.1;
export const CELL_KM_MAX = 10;

/**
 * At most this many cells in the grid's box (land and nodata): bounds the memory of a run whatever
 * the country's size. Measured: Azerbaijan at 0.1 km, 19.4 M cells of which 8.6 M on land, peaks
 * at 1.5 GB (8 s of CPU, straight line); a box of 20 M cells stays near that.
 */
export const MAX_GRID_CELLS = 20_000_000;

export interface Grid {
  /** Longitude of the west edge and latitude of the north edge of the top-left cell. */
  west: number;
  north: number;
  /** Cell size in degrees (east–west, north–south). */
  dLon: number;
  dLat: number;
  cols: number;
  rows: number;
  /** The requested size (km) the degrees were derived from. */
  cellKm: number;
}

/** A grid covering the box [west, south, east, north] with cells of about cellKm. */
export function gridOver(box: readonly [number, number, number, number], cellKm: number): Grid {
  if (!(cellKm >= CELL_KM_MIN && cellKm <= CELL_KM_MAX))
    throw new UserError(said('refuse.cell_km_range', { min: figure(CELL_KM_MIN), max: figure(CELL_KM_MAX) }));
  const [w, s, e, n] = box;
  const midLat = (s + n) / 2;
  const dLat = cellKm / KM_PER_DEG;
  const dLon = cellKm / (KM_PER_DEG * Math.cos((midLat * Math.PI) / 180));
  const cols = Math.max(1, Math.ceil((e - w) / dLon));
  const rows = Math.max(1, Math.ceil((n - s) / dLat));
  if (cols * rows > MAX_GRID_CELLS)
    throw new UserError(
      said('refuse.grid_too_large', { cellKm: figure(cellKm), cells: cols * rows, max: MAX_GRID_CELLS }),
    );
  return { west: w, north: n, dLon, dLat, cols, rows, cellKm };
}

export const cellLon = (g: Grid, col: number) => g.west + (col + 0.5) * g.dLon;
export const cellLat = (g: Grid, row: number) => g.north - (row + 0.5) * g.dLat;

/** The grid's cells inside the country: their centres as point columns (no people), and where each sits. */
export interface LandCells {
  grid: Grid;
  /** Per grid cell (row-major, north row first), its land cell number, or -1 outside the country. */
  index: Int32Array;
  /** The land cells' centres and units, in grid order (population 0: cells are places, not people). */
  columns: PointColumns;
}

export function landCells(grid: Grid, lookup: UnitLookup): LandCells {
  const { cols, rows } = grid;
  const index = new Int32Array(cols * rows).fill(-1);
  const lon = Float64Array.from({ length: cols }, (_, c) => cellLon(grid, c));
  const codes: (string | undefined)[] = new Array(cols);
  const unitOf = new Map<string, number>();
  const units: string[] = [];
  const unitIdx: number[] = [];
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const lat = cellLat(grid, r);
    if (lookup.locateRow) lookup.locateRow(lat, lon, 0, cols, codes);
    else for (let c = 0; c < cols; c++) codes[c] = lookup.locate(lat, lon[c]!);
    for (let c = 0; c < cols; c++) {
      const code = codes[c];
      if (code === undefined) continue;
      let u = unitOf.get(code);
      if (u === undefined) unitOf.set(code, (u = units.push(code) - 1));
      index[r * cols + c] = count++;
      unitIdx.push(u);
    }
  }
  const columns = blankColumns(count);
  columns.noun = 'grid cell';
  columns.units = units;
  columns.unit.set(unitIdx);
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    if (i < 0) continue;
    columns.lat[i] = cellLat(grid, Math.floor(k / cols));
    columns.lon[i] = lon[k % cols]!;
  }
  return { grid, index, columns };
}
