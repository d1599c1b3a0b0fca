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
  format: 'geotiff' | 'geopackage' | 'h3-csv' | 'points-csv' | 'geojson' | 'xlsx';
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

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const FORMAT_NAMES: Record<PopulationSource['format'], string> = {
  geotiff: 'GeoTIFF raster',
  geopackage: 'GeoPackage (H3 cells)',
  'h3-csv': 'CSV of H3 cells',
  'points-csv': 'CSV points',
  xlsx: 'Excel workbook',
  geojson: 'GeoJSON points',
};

/** One short paragraph (stderr and the top of the Markdown section). */
export function populationSummary(s: PopulationSource): string[] {
  const lines = [
    `population: ${s.file} (${FORMAT_NAMES[s.format]}${s.crs ? `, ${s.crs}` : ''}): ${n(s.cells.total)} cells, ` +
      `${n(s.cells.populated)} populated, ${n(s.cells.empty)} empty, ${n(s.cells.nodata)} nodata`,
    ...(s.window
      ? [
          `population: read the ${n(s.window.read[0])} × ${n(s.window.read[1])} cells over the country (and ` +
            `${WINDOW_MARGIN_DEG}° around it) of a ${n(s.window.raster[0])} × ${n(s.window.raster[1])}-cell raster`,
        ]
      : []),
    `population: ${n(s.outside.cells)} populated cells (${n(s.outside.population)} people) in the sea or abroad, ` +
      `not counted; ${n(s.inside_population)} people inside, assigned by ${s.assignment}`,
  ];
  if (s.resolution_km !== null)
    lines.push(`population: merged into ${s.resolution_km} km blocks: ${n(s.points)} points`);
  if (s.scale) {
    lines.push(
      `population: scaled to official ${s.scale.year} ${s.scale.basis} unit populations: ` +
        `grid ${n(s.scale.grid_total)} → official ${n(s.scale.official_total)} (factor ${s.scale.factor})`,
    );
    const missing = s.scale.units.filter((u) => u.factor === null);
    if (missing.length)
      lines.push(`population: not scaled (no cells or no official figure): ${missing.map((u) => u.code).join(', ')}`);
    // A grid counts residents, the official figures registered people: where they differ by 2× or
    // more (displaced people registered at home, a grid that misses a town) the factor inflates or
    // empties a few cells, and the planner should know which units.
    const far = s.scale.units.filter((u) => u.factor !== null && (u.factor >= 2 || u.factor <= 0.5));
    if (far.length)
      lines.push(
        'population: factors of 2 or more (or ½ or less), check these units: ' +
          far.map((u) => `${u.code} ×${u.factor}`).join(', '),
      );
  }
  return lines;
}
