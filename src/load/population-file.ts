/**
 * A user's own population points: CSV with columns lat, lon, population[, region[, name]] or a
 * GeoJSON FeatureCollection of Points with a `population` property (RFC 7946: [lon, lat]).
 * Problems are reported at file:line:column of the offending cell (CSV) or value (GeoJSON).
 * The CSV reader (population/points-csv.ts) goes straight to columns; the units are placed by
 * population/place-points.ts.
 */
import { extname } from 'node:path';
import type { PopulationPoint } from '../model/dataset.js';
import { pointObjects, type PointColumns } from '../model/point-columns.js';
import type { RegionIndex } from '../model/region-index.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import type { UnitLookup } from '../geo/unit-lookup.js';
import { jsonPlace, parseJsonText } from './json-text.js';
import type { RunContext } from '../run/run-context.js';
import { readBinaryFile } from './text-input.js';
import { readTableText } from './table/file-kind.js';
import { pointsFromTable } from './population/points-table.js';
import { readXlsxTable } from './table/xlsx-table.js';
import { isWorkbook } from './table/workbook.js';
import type { Table } from './table/table.js';
import { InputError } from '../errors.js';
import { said } from '../model/said.js';
import { placePoints } from './population/place-points.js';
import type { PointRows } from './population/point-rows.js';
import { checkText, pointProblem, POINT_ROLES, readPointsCsv } from './population/points-csv.js';
import { checkColumnMap, type ColumnMap } from './column-map.js';

export interface PointFileOptions {
  /** false: candidate sites (lat, lon[, name, region]); the population column is not required. */
  population: boolean;
  units?: UnitLocator;
  /** The unit polygons' banded index (faster than `units` for points without a region). */
  lookup?: UnitLookup;
  /** The format as detected from the content (else the extension decides). */
  geojson?: boolean;
  /** Which of the file's columns (GeoJSON: properties) are lat, lon, population, region, name. */
  columns?: ColumnMap;
  /** The worksheet of an .xlsx file (default: the first). */
  sheet?: string;
  /** The workbook's sheet, when the caller has read it already. */
  table?: Table;
}

/** The points of a file as columns, each with its unit. */
export function loadPointColumns(
  run: RunContext,
  path: string,
  regions: RegionIndex,
  o: PointFileOptions,
): PointColumns {
  const geojson = !o.table && !isWorkbook(path) && (o.geojson ?? /\.(geo)?json$/i.test(extname(path)));
  const rows = o.table
    ? pointsFromTable(o.table, o.population, o.columns)
    : isWorkbook(path)
      ? pointsFromTable(readXlsxTable(readBinaryFile(run, path), path, o.sheet), o.population, o.columns)
      : geojson
        ? fromGeoJson(readTableText(run, path), path, o.population, o.columns)
        : readPointsCsv(readTableText(run, path), path, o.population, o.columns);
  if (rows.assumed) run.note(said('note.read_as', { file: path, how: rows.assumed }));
  return placePoints(rows, regions, path, {
    ...(o.units ? { units: o.units } : {}),
    ...(o.lookup ? { lookup: o.lookup } : {}),
    geojson,
  });
}

/**
 * Reads population points as objects (small files: tests, candidate sites); with
 * `population: false` the same formats list candidate sites.
 */
export function loadPopulationFile(
  run: RunContext,
  path: string,
  regions: RegionIndex,
  o: PointFileOptions = { population: true },
): PopulationPoint[] {
  return pointObjects(loadPointColumns(run, path, regions, o));
}

function fromGeoJson(text: string, path: string, needPopulation: boolean, columns: ColumnMap = {}): PointRows {
  checkColumnMap(columns, POINT_ROLES, path);
  if (columns.lat !== undefined || columns.lon !== undefined)
    throw new InputError(path, said('read.geojson.map_position'));
  const key = (role: 'population' | 'region' | 'name') => columns[role] ?? role;
  const fc = parseJsonText(text, path) as {
    type?: string;
    features?: { geometry?: { type?: string; coordinates?: unknown[] }; properties?: Record<string, unknown> }[];
  } | null;
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new InputError(`${path}:1:1`, said('read.geojson.points'), 1);
  }
  const features = fc.features;
  const n = features.length;
  if (n === 0) throw new InputError(jsonPlace(text, path, ['features']), said('read.geojson.no_features'), 1);
  // A value's place: found again in the text, only when a message needs it.
  const at = (i: number, ...rest: (string | number)[]) => jsonPlace(text, path, ['features', i, ...rest]);
  const valueAt = {
    lat: (i: number) => at(i, 'geometry', 'coordinates', 1),
    lon: (i: number) => at(i, 'geometry', 'coordinates', 0),
    population: (i: number) => at(i, 'properties', key('population')),
    region: (i: number) => at(i, 'properties', key('region')),
  };
  const rows: PointRows = {
    count: n,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    population: new Float64Array(n),
    region: new Int32Array(n),
    regionCodes: [],
    names: [],
    where: (i, role = 'lat') => valueAt[role](i),
  };
  const regionIndex = new Map<string, number>();
  // GeoJSON has numbers: a number in quotes is refused, as a typed field would refuse it in a GIS
  // (GDAL reads such a property as a string field). Missing and null are NaN, refused as out of range.
  const num = (v: unknown, role: 'lat' | 'lon' | 'population', i: number) => {
    if (typeof v === 'string') throw new InputError(valueAt[role](i), said('read.number_as_text', { role }), 1);
    return typeof v === 'number' ? v : Number.NaN;
  };
  // Region codes and names are text; a number or an object there is refused, not read as absent.
  const text_ = (v: unknown, role: 'region' | 'name', i: number) => {
    if (v === undefined || v === null || typeof v === 'string') return v ?? '';
    throw new InputError(at(i, 'properties', key(role)), said('read.text_expected', { role }), 1);
  };
  features.forEach((f, i) => {
    if (f === null || typeof f !== 'object') {
      throw new InputError(at(i), said('read.geojson.not_feature', { found: f === null ? 'null' : typeof f }), 1);
    }
    if (f.geometry?.type !== 'Point' || !Array.isArray(f.geometry.coordinates))
      throw new InputError(at(i, 'geometry'), said('read.geojson.not_point'), 1);
    const [lonValue, latValue] = f.geometry.coordinates;
    const props = f.properties ?? {};
    const region = text_(props[key('region')], 'region', i);
    const name = text_(props[key('name')], 'name', i);
    const lat = num(latValue, 'lat', i),
      lon = num(lonValue, 'lon', i);
    const population = needPopulation ? num(props[key('population')], 'population', i) : 0;
    checkText(name, at(i, 'properties', key('name')));
    checkText(region, valueAt.region(i));
    const problem = pointProblem(lat, lon, population);
    if (problem) throw new InputError(valueAt[problem.role](i), problem.said, 1);
    rows.lat[i] = lat;
    rows.lon[i] = lon;
    rows.population[i] = population;
    rows.names!.push(name);
    let r = -1;
    if (region !== '') {
      r = regionIndex.get(region) ?? -1;
      if (r < 0) regionIndex.set(region, (r = rows.regionCodes.push(region) - 1));
    }
    rows.region[i] = r;
  });
  return rows;
}
