/**
 * `--population FILE` (or `population:` in a plan): any supported file → the weighted points the
 * analyses use, with a PopulationSource saying what was read, what was left out and how it was
 * scaled. The format comes from the file's content (detect-format.ts).
 *
 * Raster and H3 cells go read → keep populated cells (typed arrays) → unit by locator, cells in
 * the sea or abroad counted → optional --resolution blocks → optional --scale-to official.
 * Point files (CSV/GeoJSON) keep their own rules: a region column, else the unit polygons (snapping
 * points just offshore), else the nearest seat (population/place-points.ts).
 */
import { statSync } from 'node:fs';
import type { PopulationBasis, PopulationPoint } from '../../model/dataset.js';
import type { UnitLocator } from '../../geo/unit-locator.js';
import type { PopulationSource } from '../../model/population-source.js';
import type { RegionIndex } from '../../model/region-index.js';
import { locatableUnits, type UnitLookup } from '../../geo/unit-lookup.js';
import { loadPointColumns } from '../population-file.js';
import { pointObjects, type PointColumns } from '../../model/point-columns.js';
import type { RunContext } from '../../run/run-context.js';
import { readBinaryFile, readUserFile } from '../text-input.js';
import { InputError } from '../../errors.js';
import { plainAmount, said } from '../../model/said.js';
import { aggregate, assignUnits, type AssignedCells } from './assign-units.js';
import { detectFormat, h3Column, readHead } from './detect-format.js';
import { readXlsxTable } from '../table/xlsx-table.js';
import type { LonLatBox, RasterInfo } from './geotiff-reader.js';
import type { PopulationTable, ReadStats } from './population-table.js';
import { scaleToOfficial } from './scale-to-official.js';
import type { ColumnMap } from '../column-map.js';

export interface PopulationOptions {
  scaleTo?: 'official';
  resolutionKm?: number;
  /** Which official figures --scale-to uses: resident (where people live) or registered (SSC de jure). */
  basis?: PopulationBasis;
  /** Which of the file's columns is lat, lon, population, region, name, h3 (--columns). */
  columns?: ColumnMap;
  /** The worksheet of an .xlsx file (--sheet; default: the first). */
  sheet?: string;
  /** Unit polygons for point files without a region column. */
  units?: UnitLocator;
  /** The country's box: a raster is read over it (and WINDOW_MARGIN_DEG around it) only. */
  clip?: LonLatBox;
}

export interface LoadedPopulation {
  /** The points the analyses use, as columns. */
  columns: PointColumns;
  /** The same points as objects, built on first use (a million of them cost ~100 MB). */
  readonly points: PopulationPoint[];
  /** True when the figures are official (scaled), so later years follow the official trend. */
  scaled: boolean;
  source: PopulationSource;
}

export async function loadPopulation(
  run: RunContext,
  path: string,
  regions: RegionIndex,
  locator: UnitLookup,
  o: PopulationOptions = {},
): Promise<LoadedPopulation> {
  checkReadable(path);
  const detected = detectFormat(readHead(path));
  // A CSV whose H3 column has another name is only known as one by its mapping.
  const format = detected === 'points-csv' && o.columns?.h3 !== undefined ? 'h3-csv' : detected;
  let cells: AssignedCells,
    stats: ReadStats,
    crs: string | undefined,
    width = 0,
    height = 0,
    win: RasterInfo['window'] | undefined,
    assignment = locator.method;
  // A workbook holds points or H3 cells: its header row says which.
  const sheet = format === 'xlsx' ? readXlsxTable(readBinaryFile(run, path), path, o.sheet) : undefined;
  const h3Sheet =
    sheet !== undefined && (o.columns?.h3 !== undefined || !!h3Column(sheet.header.map((h) => h.trim().toLowerCase())));
  if (format === 'points-csv' || format === 'geojson' || (sheet && !h3Sheet)) {
    // Points without a region column are placed by the same banded polygon index as grid cells.
    const columns = loadPointColumns(run, path, regions, {
      population: true,
      geojson: format === 'geojson',
      ...(o.columns ? { columns: o.columns } : {}),
      ...(sheet ? { table: sheet } : {}),
      ...(o.units ? { units: o.units, lookup: locator } : {}),
    });
    cells = { ...columns, outside: { cells: 0, population: 0 } };
    let empty = 0;
    for (let i = 0; i < cells.count; i++) if (cells.population[i] === 0) empty++;
    stats = { cells: cells.count, nodata: 0, empty, populated: cells.count - empty };
    assignment = o.units
      ? 'the region column, else the unit polygons'
      : 'the region column, else the nearest administrative centre';
  } else {
    let table: PopulationTable;
    // Each reader's library (geotiff.js, proj4, h3-js, sql.js) loads only when a file needs it.
    if (format === 'geotiff')
      ({
        table,
        stats,
        info: { crs, width, height, window: win },
      } = await (await import('./geotiff-reader.js')).readGeoTiff(path, o.clip));
    else if (sheet) ({ table, stats } = (await import('./h3-reader.js')).readH3Table(sheet, o.columns));
    else if (format === 'geopackage')
      ({ table, stats } = await (await import('./h3-reader.js')).readGeoPackage(
        path,
        Buffer.from(readBinaryFile(run, path)),
      ));
    else
      ({ table, stats } = (await import('./h3-reader.js')).readH3Csv(
        path,
        Buffer.from(readUserFile(run, path)),
        o.columns,
      ));
    cells = assignUnits(table, locator, regions);
    if (cells.count === 0) {
      throw new InputError(
        path,
        said('read.population.none_inside', {
          n: plainAmount(stats.populated),
          outside: plainAmount(Math.round(cells.outside.population)),
          crs: crs ? said('read.population.read_as', { crs }) : '',
        }),
        1,
      );
    }
  }
  let inside = 0;
  for (let i = 0; i < cells.count; i++) inside += cells.population[i]!;
  if (o.resolutionKm !== undefined) cells = aggregate(cells, o.resolutionKm);
  const scale =
    o.scaleTo === 'official'
      ? scaleToOfficial(
          cells.population,
          cells.unit,
          cells.units,
          regions,
          locatableUnits(regions).map((r) => r.code),
          o.basis ?? 'registered',
        )
      : null;
  const source: PopulationSource = {
    file: path,
    format,
    ...(crs ? { crs } : {}),
    assignment,
    cells: { total: stats.cells, nodata: stats.nodata, empty: stats.empty, populated: stats.populated },
    ...(win && (win.x1 - win.x0 < width || win.y1 - win.y0 < height)
      ? { window: { raster: [width, height], read: [win.x1 - win.x0, win.y1 - win.y0] } }
      : {}),
    outside: { cells: cells.outside.cells, population: Math.round(cells.outside.population) },
    inside_population: Math.round(inside),
    resolution_km: o.resolutionKm ?? null,
    points: cells.count,
    scale,
  };
  // Point files keep their place names unless blocks were merged (aggregate() drops them).
  const columns: PointColumns = cells;
  let points: PopulationPoint[] | undefined;
  return {
    columns,
    get points() {
      return (points ??= pointObjects(columns));
    },
    scaled: scale !== null,
    source,
  };
}

function checkReadable(path: string): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new InputError(path, said('read.file.missing'));
  }
  if (st.isDirectory()) throw new InputError(path, said('read.population.directory'));
}
