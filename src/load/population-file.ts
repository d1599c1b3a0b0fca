/**
 * A user's own population points: CSV with columns lat, lon, population[, region[, name]] or a
 * GeoJSON FeatureCollection of Points with a `population` property (RFC 7946: [lon, lat]).
 * Problems are reported with file:line:column (CSV) or the feature index (GeoJSON).
 */
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PopulationPoint } from '../model/dataset.js';
import type { RegionIndex } from '../model/region-index.js';
import { geodesicKm } from '../geo/geodesic.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import { readUserText } from './text-input.js';
import { UserError } from '../errors.js';

/**
 * Reads population points; with `population: false` the same formats list candidate sites
 * (lat, lon[, name, region]) and the population column is not required.
 */
/** `geojson`: the format as detected from the content (else the extension decides). */
export function loadPopulationFile(
  path: string,
  regions: RegionIndex,
  o: { population: boolean; units?: UnitLocator; geojson?: boolean } = { population: true },
): PopulationPoint[] {
  const text = readUserText(path);
  const geojson = o.geojson ?? /\.(geo)?json$/i.test(extname(path));
  const raw = geojson ? fromGeoJson(text, path, o.population) : fromCsv(text, path, o.population);
  return withRegions(raw, regions, path, o.units);
}

/** No place holds more people than the world; bigger values are typos and would overflow the sums. */
const MAX_POINT_POPULATION = 1e10;

type Raw = { lat: number; lon: number; population: number; region?: string; name: string; where: string };

function fromCsv(text: string, path: string, needPopulation: boolean): Raw[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new UserError(`${path}:${err.lines ?? 1}:1: CSV: ${err.message}`, 1);
  }
  if (rows.length === 0)
    throw new UserError(`${path}:1:1: no rows; expected a header lat,lon,population[,region] and one row per place`, 1);
  for (const col of needPopulation ? ['lat', 'lon', 'population'] : ['lat', 'lon']) {
    if (!(col in rows[0]!))
      throw new UserError(
        `${path}:1:1: missing column '${col}'; expected a header ` +
          `lat,lon${needPopulation ? ',population' : ''}[,region,name]`,
        1,
      );
  }
  const columns = Object.keys(rows[0]!);
  return rows.map((r, i) => {
    const where = `${path}:${i + 2}:1`;
    // Number('') is 0: an empty cell would silently become a point at 0° or a place with nobody.
    const num = (col: string) => {
      const cell = r[col];
      if (cell === undefined || cell === '') {
        const needs = `lat, lon${needPopulation ? ' and population' : ''}`;
        throw new UserError(
          `${path}:${i + 2}:${columns.indexOf(col) + 1}: empty ${col} cell; every row needs ${needs}`,
          1,
        );
      }
      return Number(cell);
    };
    const population = needPopulation ? num('population') : 0;
    return check({
      lat: num('lat'),
      lon: num('lon'),
      population,
      region: r.region || undefined,
      name: r.name ?? '',
      where,
    });
  });
}

function fromGeoJson(text: string, path: string, needPopulation: boolean): Raw[] {
  let fc: {
    type?: string;
    features?: { geometry?: { type?: string; coordinates?: number[] }; properties?: Record<string, unknown> }[];
  };
  try {
    fc = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path}:1:1: not valid JSON (${(e as Error).message})`, 1);
  }
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new UserError(`${path}:1:1: expected a GeoJSON FeatureCollection of Points`, 1);
  }
  if (fc.features.length === 0)
    throw new UserError(`${path}:1:1: no features; expected one Point feature per place`, 1);
  return fc.features.map((f, i) => {
    const where = `${path}: features[${i}]`;
    if (f === null || typeof f !== 'object') {
      throw new UserError(`${where}: expected a Feature, not ${f === null ? 'null' : typeof f}`, 1);
    }
    if (f.geometry?.type !== 'Point' || !Array.isArray(f.geometry.coordinates))
      throw new UserError(`${where}: geometry must be a Point`, 1);
    const [lon, lat] = f.geometry.coordinates;
    const props = f.properties ?? {};
    // Number(null) and Number('') are 0: a missing value must not pass as a real one.
    const num = (v: unknown) =>
      typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return check({
      lat: num(lat),
      lon: num(lon),
      population: needPopulation ? num(props.population) : 0,
      region: typeof props.region === 'string' ? props.region : undefined,
      name: typeof props.name === 'string' ? props.name : '',
      where,
    });
  });
}

function check(p: Raw): Raw {
  if (!Number.isFinite(p.lat) || Math.abs(p.lat) > 90)
    throw new UserError(`${p.where}: lat must be a number within ±90`, 1);
  if (!Number.isFinite(p.lon) || Math.abs(p.lon) > 180)
    throw new UserError(`${p.where}: lon must be a number within ±180`, 1);
  // Names end up in terminal tables (distances --worst): no escape codes or line breaks.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(p.name + (p.region ?? ''))) {
    throw new UserError(`${p.where}: name or region contains control characters (line breaks, escape codes)`, 1);
  }
  if (!Number.isFinite(p.population) || p.population < 0 || p.population > MAX_POINT_POPULATION) {
    throw new UserError(
      `${p.where}: population must be a number from 0 to ${MAX_POINT_POPULATION.toExponential()} (one place)`,
      1,
    );
  }
  return p;
}

/** A point this far outside every unit polygon (a simplified coastline or border) still joins the nearest unit. */
export const SNAP_KM = 3;

/**
 * Without a region column, a point belongs to the unit whose polygon holds it (a city published
 * inside its rayon counts for the rayon); within SNAP_KM of a unit, to the nearest one. Points
 * farther out are at sea or abroad: an error naming each, never silently kept. A country without
 * polygons falls back to the unit whose administrative centre is nearest.
 */
function withRegions(
  raw: Raw[],
  regions: RegionIndex,
  path: string,
  units: UnitLocator | undefined,
): PopulationPoint[] {
  const seats = regions.dataset.regions
    .filter((r) => r.kind !== 'autonomous_republic' && !r.included_in)
    .map((r) => ({ ...r.admin_center, code: r.code }));
  const carrier = (code: string) => regions.byCode.get(code)?.included_in ?? code;
  const lost: string[] = [];
  const out = raw.map((p) => {
    if (p.region !== undefined && !regions.byCode.has(p.region))
      throw new UserError(`${p.where}: unknown region '${p.region}' (${regions.codeHint()})`, 1);
    let region = p.region;
    if (region === undefined && units) {
      const near = units.nearestUnit(p.lat, p.lon, SNAP_KM);
      if (near) region = carrier(near.code);
      else
        lost.push(
          `${p.where}: (lat ${p.lat}, lon ${p.lon}) is outside every unit of ${regions.profile.name} ` +
            `(at sea or abroad)`,
        );
    } else if (region === undefined) {
      region = nearest(p, seats).code;
    }
    const district = region === regions.capital ? nearest(p, regions.dataset.baku_districts).id : '';
    return { region: region ?? '', district, name: p.name, lat: p.lat, lon: p.lon, population: p.population };
  });
  if (lost.length) {
    const more = lost.length > 5 ? `\n… and ${lost.length - 5} more` : '';
    throw new UserError(
      `${lost.slice(0, 5).join('\n')}${more}\n${path}: ${lost.length} point(s) lie outside ` +
        `${regions.profile.name}'s units; remove them, or give them a region column if they belong to a unit`,
      1,
    );
  }
  return out;
}

function nearest<T extends { lat: number; lon: number }>(p: { lat: number; lon: number }, list: T[]): T {
  return list.reduce((b, x) => (geodesicKm(p, x) < geodesicKm(p, b) ? x : b));
}
