/**
 * `--population FILE` (or `population:` in a plan): any supported file → the weighted points the
 * analyses use, with a PopulationSource saying what was read, what was left out and how it was
 * scaled. The format comes from the file's content (detect-format.ts).
 *
 * Raster and H3 cells go read → keep populated cells (typed arrays) → unit by locator, cells in
 * the sea or abroad counted → optional --resolution blocks → optional --scale-to official.
 * Point files (CSV/GeoJSON) keep their own rules: a region column, else the nearest seat.
 */
import { statSync } from 'node:fs';
import type { PopulationBasis, PopulationPoint } from '../../model/dataset.js';
import type { UnitLocator } from '../../geo/unit-locator.js';
import type { PopulationSource } from '../../model/population-source.js';
import type { RegionIndex } from '../../model/region-index.js';
import { locatableUnits, type UnitLookup } from '../../geo/unit-lookup.js';
import { loadPopulationFile } from '../population-file.js';
import { readUserFile } from '../text-input.js';
import { UserError } from '../../errors.js';
import { aggregate, assignUnits, type AssignedCells } from './assign-units.js';
import { detectFormat, readHead } from './detect-format.js';
import type { PopulationTable, ReadStats } from './population-table.js';
import { scaleToOfficial } from './scale-to-official.js';

export interface PopulationOptions {
  scaleTo?: 'official';
  resolutionKm?: number;
  /** Which official figures --scale-to uses: resident (where people live) or registered (SSC de jure). */
  basis?: PopulationBasis;
  /** Unit polygons for point files without a region column. */
  units?: UnitLocator;
}

export interface LoadedPopulation {
  points: PopulationPoint[];
  /** True when the figures are official (scaled), so later years follow the official trend. */
  scaled: boolean;
  source: PopulationSource;
}

export async function loadPopulation(
  path: string,
  regions: RegionIndex,
  locator: UnitLookup,
  o: PopulationOptions = {},
): Promise<LoadedPopulation> {
  checkReadable(path);
  const format = detectFormat(readHead(path));
  let cells: AssignedCells,
    stats: ReadStats,
    crs: string | undefined,
    assignment = locator.method;
  let points: PopulationPoint[] | undefined;
  if (format === 'points-csv' || format === 'geojson') {
    points = loadPopulationFile(path, regions, {
      population: true,
      geojson: format === 'geojson',
      ...(o.units ? { units: o.units } : {}),
    });
    cells = fromPoints(points, regions);
    stats = {
      cells: points.length,
      nodata: 0,
      empty: points.filter((p) => p.population === 0).length,
      populated: points.filter((p) => p.population > 0).length,
    };
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
        info: { crs },
      } = await (await import('./geotiff-reader.js')).readGeoTiff(path));
    else if (format === 'geopackage')
      ({ table, stats } = await (await import('./h3-reader.js')).readGeoPackage(path, Buffer.from(readUserFile(path))));
    else ({ table, stats } = (await import('./h3-reader.js')).readH3Csv(path, Buffer.from(readUserFile(path))));
    cells = assignUnits(table, locator, regions);
    if (cells.count === 0) {
      throw new UserError(
        `${path}: none of its ${stats.populated} populated cells lies inside the country ` +
          `(${Math.round(cells.outside.population)} people outside)` +
          (crs ? `; read as ${crs}: is that the file's CRS?` : ''),
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
    outside: { cells: cells.outside.cells, population: Math.round(cells.outside.population) },
    inside_population: Math.round(inside),
    resolution_km: o.resolutionKm ?? null,
    points: cells.count,
    scale,
  };
  // Point files keep their place names unless blocks were merged.
  const named =
    points && o.resolutionKm === undefined
      ? points.map((p, i) => ({ ...p, population: cells.population[i]! }))
      : undefined;
  return { points: named ?? toPoints(cells), scaled: scale !== null, source };
}

function checkReadable(path: string): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (st.isDirectory())
    throw new UserError(`${path}: is a directory; name a population file (GeoTIFF, GeoPackage, CSV or GeoJSON)`);
}

/** Point files already carry a unit per point; they join the same pipeline for --resolution and --scale-to. */
function fromPoints(points: PopulationPoint[], regions: RegionIndex): AssignedCells {
  const units: string[] = [];
  const index = new Map<string, number>();
  const districts = regions.dataset.baku_districts.map((d) => d.id);
  const n = points.length;
  const c: AssignedCells = {
    count: n,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    population: new Float64Array(n),
    unit: new Uint16Array(n),
    district: new Uint8Array(n),
    units,
    districts,
    outside: { cells: 0, population: 0 },
  };
  points.forEach((p, i) => {
    let u = index.get(p.region);
    if (u === undefined) index.set(p.region, (u = units.push(p.region) - 1));
    c.lat[i] = p.lat;
    c.lon[i] = p.lon;
    c.population[i] = p.population;
    c.unit[i] = u;
    c.district[i] = p.district ? districts.indexOf(p.district) + 1 : 0;
  });
  return c;
}

/**
 * The analyses still take point objects (the speed issue moves them to columns); strings are
 * shared, so a million points cost ~80 MB here.
 */
function toPoints(c: AssignedCells): PopulationPoint[] {
  const out: PopulationPoint[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) {
    const d = c.district[i]!;
    out[i] = {
      region: c.units[c.unit[i]!]!,
      district: d ? c.districts[d - 1]! : '',
      name: '',
      lat: c.lat[i]!,
      lon: c.lon[i]!,
      population: c.population[i]!,
    };
  }
  return out;
}
