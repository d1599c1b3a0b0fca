/** What a user's population file contributed, for every report that uses it (stderr, JSON, text). */
import type { MessageKey } from './messages/en.js';
import { type Said, type SaidParam, amount, english, said } from './said.js';

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

const n = (x: number) => amount(Math.round(x));
/** A factor or a block size as computed: written with the decimals it has (English: as String writes it). */
const asComputed = (x: number) => amount(x, (String(x).split('.')[1] ?? '').length);

/** How cells got their units (load/population, geo/unit-lookup.ts), by the words the loader wrote. */
const ASSIGNMENTS: Record<string, MessageKey> = {
  'the region column, else the unit polygons': 'population.assign.column_polygons',
  'the region column, else the nearest administrative centre': 'population.assign.column_centre',
  'country outline, then the nearest administrative centre (approximate near unit boundaries)':
    'population.assign.outline_centre',
  'unit polygons': 'population.assign.polygons',
};

/** "a, b, c" of messages (each language writes its own numbers inside). */
const listOf = (items: SaidParam[]): SaidParam => items.reduce((a, b) => said('population.list', { a, b }));

/**
 * What the file gave, as catalogue messages (said in the run's language where people read them);
 * populationSummary writes them in English for stderr and JSON.
 */
export function populationSaids(s: PopulationSource): Said[] {
  const assignment = ASSIGNMENTS[s.assignment];
  const lines = [
    said('population.read', {
      file: s.file,
      format: said(`population.format.${s.format}`),
      crs: s.crs ? `, ${s.crs}` : '',
      total: n(s.cells.total),
      populated: n(s.cells.populated),
      empty: n(s.cells.empty),
      nodata: n(s.cells.nodata),
    }),
    ...(s.window
      ? [
          said('population.window', {
            cols: n(s.window.read[0]),
            rows: n(s.window.read[1]),
            margin: WINDOW_MARGIN_DEG,
            rcols: n(s.window.raster[0]),
            rrows: n(s.window.raster[1]),
          }),
        ]
      : []),
    said('population.outside', {
      cells: n(s.outside.cells),
      people: n(s.outside.population),
      inside: n(s.inside_population),
      assignment: assignment ? said(assignment) : s.assignment,
    }),
  ];
  if (s.resolution_km !== null)
    lines.push(said('population.merged', { km: asComputed(s.resolution_km), points: n(s.points) }));
  if (s.scale) {
    lines.push(
      said('population.scaled', {
        year: s.scale.year,
        basis: said(`basis.${s.scale.basis}`),
        grid: n(s.scale.grid_total),
        official: n(s.scale.official_total),
        factor: asComputed(s.scale.factor),
      }),
    );
    const missing = s.scale.units.filter((u) => u.factor === null);
    if (missing.length) lines.push(said('population.not_scaled', { list: missing.map((u) => u.code).join(', ') }));
    // A grid counts residents, the official figures registered people: where they differ by 2× or
    // more (displaced people registered at home, a grid that misses a town) the factor inflates or
    // empties a few cells, and the planner should know which units.
    const far = s.scale.units.filter((u) => u.factor !== null && (u.factor >= 2 || u.factor <= 0.5));
    if (far.length)
      lines.push(
        said('population.far_factors', {
          list: listOf(far.map((u) => said('population.factor_item', { code: u.code, factor: asComputed(u.factor!) }))),
        }),
      );
  }
  return lines;
}

/** One short paragraph for stderr: "population: …" lines, in English unless `say` and `word` say otherwise. */
export function populationSummary(
  s: PopulationSource,
  say: (s: Said) => string = english,
  word = 'population',
): string[] {
  return populationSaids(s).map((l) => `${word}: ${say(l)}`);
}
