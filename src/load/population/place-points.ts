/**
 * Gives every place of a point file its unit (and, in the capital, its district), as columns.
 * A region column decides where it is given, if the point lies in that unit (within the
 * tolerance of validate's outside-region check; a point farther out is an error at its line, and
 * a file whose points fall inside the country only with lat and lon exchanged is told so). Without one, a point belongs to the unit whose
 * polygon holds it (a city published inside its rayon counts for the rayon); within SNAP_KM of a
 * unit, to the nearest one. Points farther out are at sea or abroad: an error naming each, never
 * silently kept. A country without polygons falls back to the unit whose administrative centre is
 * nearest.
 */
import { geodesicKm } from '../../geo/geodesic.js';
import { RegionFootprints, UNIT_BORDER_TOLERANCE_KM } from '../../geo/region-footprint.js';
import type { UnitLocator } from '../../geo/unit-locator.js';
import type { UnitLookup } from '../../geo/unit-lookup.js';
import type { PointColumns } from '../../model/point-columns.js';
import type { RegionIndex } from '../../model/region-index.js';
import { InputError, UserError } from '../../errors.js';
import { plainAmount, type Said, type SaidParam, said } from '../../model/said.js';
import { whereWords } from '../../model/where-words.js';
import type { PointRows } from './point-rows.js';

/** A point this far outside every unit polygon (a simplified coastline or border) still joins the nearest unit. */
export const SNAP_KM = UNIT_BORDER_TOLERANCE_KM;

export interface PlaceOptions {
  /** Unit polygons: where a point without a region column is. */
  units?: UnitLocator;
  /**
   * The same polygons behind the banded index (geo/polygon-index.ts), several times faster per
   * point; `units` then only snaps the points it finds in no unit.
   */
  lookup?: UnitLookup;
  /** A GeoJSON file: its positions are [lon, lat] arrays, not columns named in a header. */
  geojson?: boolean;
}

export function placePoints(rows: PointRows, regions: RegionIndex, path: string, o: PlaceOptions = {}): PointColumns {
  const n = rows.count;
  const { lat, lon } = rows;
  const carrier = (code: string) => regions.byCode.get(code)?.included_in ?? code;
  let seats: { lat: number; lon: number; code: string }[] | undefined;
  const seatOf = (i: number) => {
    seats ??= regions.dataset.regions
      .filter((r) => r.kind !== 'autonomous_republic' && !r.included_in)
      .map((r) => ({ ...r.admin_center, code: r.code }));
    return seats[nearest(lat[i]!, lon[i]!, seats)]!.code;
  };
  const bakuDistricts = regions.dataset.baku_districts;
  const out: PointColumns = {
    count: n,
    lat,
    lon,
    population: rows.population,
    unit: new Uint16Array(n),
    units: [],
    district: new Uint8Array(n),
    districts: bakuDistricts.map((d) => d.id),
    ...(rows.names ? { names: rows.names } : {}),
  };
  const unitIndex = new Map<string, number>();
  const known = rows.regionCodes.map((code) => regions.byCode.has(code));
  const lost: number[] = [];
  const footprints = o.units && new RegionFootprints(o.units, regions);
  const locate = o.lookup ? (a: number, b: number) => o.lookup!.locate(a, b) : undefined;
  const far: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rows.region[i]!;
    let code: string | undefined;
    if (r >= 0) {
      code = rows.regionCodes[r]!;
      if (!known[r]) {
        // Shown only when it looks like a code: the cell of a file a plan names is not quoted otherwise.
        const shown = /^[A-Za-z]{2}-[A-Za-z0-9]{1,4}$/.test(code) ? ` '${code}'` : '';
        const { system } = regions.profile.codes;
        const example = regions.codeExample();
        throw new InputError(
          rows.where(i, 'region'),
          said('read.points.unknown_region', { shown, system, example }),
          1,
        );
      }
      if (footprints?.isFar(code, lat[i]!, lon[i]!, locate)) {
        far.push(i);
        continue;
      }
    } else if (o.units) {
      code = o.lookup?.locate(lat[i]!, lon[i]!);
      if (code === undefined) {
        const near = o.units.nearestUnit(lat[i]!, lon[i]!, SNAP_KM);
        if (near) code = carrier(near.code);
      }
      if (code === undefined) {
        lost.push(i);
        continue;
      }
    } else code = seatOf(i);
    let u = unitIndex.get(code);
    if (u === undefined) unitIndex.set(code, (u = out.units.push(code) - 1));
    out.unit[i] = u;
    if (code === regions.capital) out.district[i] = nearest(lat[i]!, lon[i]!, bakuDistricts) + 1;
  }
  if (far.length) throw farFromRegion(rows, far, regions, footprints!, path, o);
  if (lost.length) {
    const country = regions.countryName();
    const lines = lost
      .slice(0, 5)
      .map((i) =>
        said('read.points.outside_country', { where: whereWords(rows.where(i)), lat: lat[i]!, lon: lon[i]!, country }),
      );
    const summary = said('read.points.outside_summary', {
      path,
      n: lost.length,
      country,
      swapped: swappedHint(rows, lost, o),
    });
    throw new UserError(lineList(lines, lost.length, summary), 1);
  }
  return out;
}

/** Points far outside the unit their region column names: the first five, with where they are. */
function farFromRegion(
  rows: PointRows,
  far: number[],
  regions: RegionIndex,
  footprints: RegionFootprints,
  path: string,
  o: PlaceOptions,
): UserError {
  const lines = far.slice(0, 5).map((i) => {
    const code = rows.regionCodes[rows.region[i]!]!;
    const { km, inside } = footprints.outsideKm(code, rows.lat[i]!, rows.lon[i]!) ?? { km: 0 };
    const lies = inside
      ? said('read.points.lies_in', { code: inside, name: { place: inside, name: regions.describe(inside) } })
      : said('read.points.lies_nowhere');
    return said('read.points.far_from_region', {
      where: whereWords(rows.where(i)),
      lat: rows.lat[i]!,
      lon: rows.lon[i]!,
      km: plainAmount(km, 1),
      code,
      name: { place: code, name: regions.describe(code) },
      lies,
    });
  });
  const summary = said('read.points.far_summary', {
    path,
    n: far.length,
    count: rows.count,
    km: UNIT_BORDER_TOLERANCE_KM,
    swapped: swappedHint(rows, far, o),
  });
  return new UserError(lineList(lines, far.length, summary), 1);
}

/** Up to five lines, "… and N more", then the summary: one message, a line each. */
function lineList(lines: Said[], count: number, summary: Said): Said {
  const all: SaidParam[] = [...lines, ...(count > 5 ? [said('read.points.more', { n: count - 5 })] : []), summary];
  return all.reduce((a, b) => said('read.lines', { a, b })) as Said;
}

/**
 * When most of the file's points are misplaced, and most of those fall inside the country with lat
 * and lon exchanged, the columns are swapped: say so (checked on up to 200 of them).
 */
function swappedHint(rows: PointRows, misplaced: number[], o: PlaceOptions): Said | '' {
  const count = misplaced.length;
  if (2 * count <= rows.count) return '';
  const locate = (lat: number, lon: number) => o.lookup?.locate(lat, lon) ?? o.units?.locateUnit(lat, lon);
  const sample = Math.min(count, 200);
  let outside = 0,
    swapped = 0;
  for (let s = 0; s < sample; s++) {
    const i = misplaced[Math.floor((s * count) / sample)]!;
    if (locate(rows.lat[i]!, rows.lon[i]!) !== undefined) continue;
    outside++;
    if (Math.abs(rows.lon[i]!) <= 90 && locate(rows.lon[i]!, rows.lat[i]!) !== undefined) swapped++;
  }
  if (2 * outside <= sample || 2 * swapped <= outside) return '';
  return said(o.geojson ? 'read.points.swapped_geojson' : 'read.points.swapped', { swapped, outside });
}

/** The index of the geodesically nearest place (the first of equals). */
function nearest(lat: number, lon: number, list: readonly { lat: number; lon: number }[]): number {
  const p = { lat, lon };
  let best = 0,
    bestKm = geodesicKm(p, list[0]!);
  for (let k = 1; k < list.length; k++) {
    const km = geodesicKm(p, list[k]!);
    if (km < bestKm) {
      best = k;
      bestKm = km;
    }
  }
  return best;
}
