/** What a user's population file contributed, for every report that uses it (stderr, JSON, text). */

export interface UnitScale {
  code: string;
  name: string;
  grid: number;
  official: number;
  /** official / grid; null when the unit has no cells or no official figure (its cells are kept as they are). */
  factor: number | null;
}

export interface ScaleReport {
  year: number;
  /** The official figures used: resident (where people live) or registered (SSC de jure). */
  basis: 'resident' | 'registered';
  grid_total: number;
  official_total: number;
  /** Scaled total / grid total. */
  factor: number;
  units: UnitScale[];
}

/**
 * A raster larger than the country is read over the country's box and this many degrees around it
 * (about 85–110 km): people just across a border or offshore are still counted and reported as
 * outside; farther cells are not read at all.
 */
export const WINDOW_MARGIN_DEG = 1;

export interface PopulationSource {
  file: string;
  format: 'geotiff' | 'geopackage' | 'h3-csv' | 'points-csv' | 'geojson';
  /** The raster's CRS (GeoTIFF only). */
  crs?: string;
  /** How each cell got its unit. */
  assignment: string;
  /** Cells in the file, by what they held (in a raster larger than the country: the cells read). */
  cells: { total: number; nodata: number; empty: number; populated: number };
  /** A raster read only around the country: its size and the part read, in cells (columns × rows). */
  window?: { raster: [number, number]; read: [number, number] };
  /** Populated cells in the sea or abroad: not counted in any report. */
  outside: { cells: number; population: number };
  /** Population inside the country, as read (before any scaling). */
  inside_population: number;
  /** `--resolution`: cells merged into blocks of this many km. */
  resolution_km: number | null;
  /** Weighted points the analyses use. */
  points: number;
  /** `--scale-to official`. */
  scale: ScaleReport | null;
}
