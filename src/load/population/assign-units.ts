/**
 * Cells → people in units: every populated cell is placed in its administrative unit (and in
 * Baku, its district) by a UnitLookup. Cells that fall in the sea or abroad are counted and
 * reported, never silently dropped: a raster clipped to a bounding box always has some, and a
 * large share says the file covers the wrong country or the wrong CRS was read.
 */
import { NearestPlace, type UnitLookup } from '../../geo/unit-lookup.js';
import type { PointColumns } from '../../model/point-columns.js';
import type { RegionIndex } from '../../model/region-index.js';
import type { PopulationTable } from './population-table.js';

/** Populated cells kept inside the country, each with its unit (and in the capital, its district). */
export interface AssignedCells extends PointColumns {
  outside: { cells: number; population: number };
}

export function assignUnits(table: PopulationTable, locator: UnitLookup, regions: RegionIndex): AssignedCells {
  const units: string[] = [];
  const unitIndex = new Map<string, number>();
  const districts = regions.dataset.baku_districts;
  const nearestDistrict = new NearestPlace(districts);
  const n = table.count;
  const unit = new Uint16Array(n),
    district = new Uint8Array(n);
  const keep = new Uint8Array(n);
  const outside = { cells: 0, population: 0 };
  let kept = 0;
  // Raster cells come row by row: a run on one latitude is located in one sweep (locateRow).
  const row: (string | undefined)[] = [];
  let runStart = 0,
    runEnd = 0;
  for (let i = 0; i < n; i++) {
    const lat = table.lat[i]!,
      lon = table.lon[i]!;
    if (i >= runEnd && locator.locateRow) {
      let j = i + 1;
      while (j < n && table.lat[j] === lat && table.lon[j]! > table.lon[j - 1]!) j++;
      if (j - i >= 8) {
        locator.locateRow(lat, table.lon, i, j, row);
        runStart = i;
        runEnd = j;
      }
    }
    const code = i < runEnd ? row[i - runStart] : locator.locate(lat, lon);
    if (code === undefined) {
      outside.cells++;
      outside.population += table.population[i]!;
      continue;
    }
    let u = unitIndex.get(code);
    if (u === undefined) unitIndex.set(code, (u = units.push(code) - 1));
    unit[i] = u;
    if (code === regions.capital) district[i] = nearestDistrict.nearest(lat, lon) + 1;
    keep[i] = 1;
    kept++;
  }
  // Compact: only the cells inside the country go on.
  const out: AssignedCells = {
    count: kept,
    lat: new Float64Array(kept),
    lon: new Float64Array(kept),
    population: new Float64Array(kept),
    unit: new Uint16Array(kept),
    district: new Uint8Array(kept),
    units,
    districts: districts.map((d) => d.id),
    outside,
  };
  for (let i = 0, k = 0; i < n; i++) {
    if (!keep[i]) continue;
    out.lat[k] = table.lat[i]!;
    out.lon[k] = table.lon[i]!;
    out.population[k] = table.population[i]!;
    out.unit[k] = unit[i]!;
    out.district[k] = district[i]!;
    k++;
  }
  return out;
}

/**
 * `--resolution KM`: cells merged into square blocks of about KM × KM (on a lat/lon grid scaled
 * at the data's mean latitude), never across a unit or district boundary, so unit totals stay
 * exact. A block's point is its cells' population-weighted centre, not the block's corner: the
 * distances then still describe where people live.
 */
export function aggregate(c: AssignedCells, km: number): AssignedCells {
  let meanLat = 0;
  for (let i = 0; i < c.count; i++) meanLat += c.lat[i]!;
  meanLat = c.count ? meanLat / c.count : 0;
  const dLat = km / 111.32,
    dLon = km / (111.32 * Math.cos((meanLat * Math.PI) / 180));
  let minLat = Infinity,
    minLon = Infinity,
    maxLat = -Infinity,
    maxLon = -Infinity;
  for (let i = 0; i < c.count; i++) {
    minLat = Math.min(minLat, c.lat[i]!);
    maxLat = Math.max(maxLat, c.lat[i]!);
    minLon = Math.min(minLon, c.lon[i]!);
    maxLon = Math.max(maxLon, c.lon[i]!);
  }
  const rows = Math.floor((maxLat - minLat) / dLat) + 1,
    cols = Math.floor((maxLon - minLon) / dLon) + 1;
  const blockOf = new Map<number, number>();
  const acc = {
    lat: [] as number[],
    lon: [] as number[],
    w: [] as number[],
    unit: [] as number[],
    district: [] as number[],
  };
  for (let i = 0; i < c.count; i++) {
    const row = Math.floor((c.lat[i]! - minLat) / dLat),
      col = Math.floor((c.lon[i]! - minLon) / dLon);
    // (unit, district, row, col) as one exact integer: units × 256 × rows × cols stays far below 2^53 for a country.
    const key = ((c.unit[i]! * 256 + c.district[i]!) * rows + row) * cols + col;
    let b = blockOf.get(key);
    if (b === undefined) {
      blockOf.set(key, (b = acc.w.length));
      acc.lat.push(0);
      acc.lon.push(0);
      acc.w.push(0);
      acc.unit.push(c.unit[i]!);
      acc.district.push(c.district[i]!);
    }
    const w = c.population[i]!;
    acc.lat[b]! += c.lat[i]! * w;
    acc.lon[b]! += c.lon[i]! * w;
    acc.w[b]! += w;
  }
  const m = acc.w.length;
  return {
    count: m,
    lat: Float64Array.from({ length: m }, (_, b) => acc.lat[b]! / acc.w[b]!),
    lon: Float64Array.from({ length: m }, (_, b) => acc.lon[b]! / acc.w[b]!),
    population: Float64Array.from(acc.w),
    unit: Uint16Array.from(acc.unit),
    district: Uint8Array.from(acc.district),
    units: c.units,
    districts: c.districts,
    outside: c.outside,
  };
}
