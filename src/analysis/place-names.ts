/**
 * Names people recognise for population points without one (the rural grid): the nearest named
 * point — a settlement — of the same unit, "near Qarayeri (Samukh)", instead of "rural Samukh".
 * Named points are indexed on a coarse grid and searched ring by ring, so a user's file of a
 * million points costs one short search per point named, not a scan of every settlement.
 */
import { geodesicKm } from '../geo/geodesic.js';
import type { PointColumns } from '../model/point-columns.js';
import type { RegionIndex } from '../model/region-index.js';

export interface NearestSettlement {
  name: string;
  km: number;
  /** Compass direction from the settlement to the point (N, NE, … NW). */
  direction: string;
}

/** Grid cell of the index, degrees. */
const CELL_DEG = 0.2;
/** Rings searched at most (20 cells ≈ 4°: a whole country the size of Azerbaijan). */
const MAX_RINGS = 20;
/** A point this close to a settlement stands in it (a site is named after it without a distance). */
export const IN_SETTLEMENT_KM = 1.5;
const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

export class SettlementNames {
  private readonly cells = new Map<string, number[]>();

  /**
   * Names the places of `points` after the named points of `named`: their own when they have names,
   * else (a user's file of bare coordinates) the embedded settlements, so its places are "near Barda",
   * not "rural Barda" for a point in the town itself.
   */
  constructor(
    private readonly points: PointColumns,
    private readonly named: PointColumns = points,
  ) {
    const names = named.names;
    if (!names) return;
    for (let i = 0; i < named.count; i++) {
      if (!names[i]) continue;
      const key = cellKey(Math.floor(named.lat[i]! / CELL_DEG), Math.floor(named.lon[i]! / CELL_DEG));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    }
  }

  /** The nearest named point of `unit` (a unit code), any unit's if it has none; without `unit`, the nearest of all. */
  nearest(lat: number, lon: number, unit?: string): NearestSettlement | undefined {
    const named = this.named;
    if (this.cells.size === 0) return undefined;
    const cy = Math.floor(lat / CELL_DEG),
      cx = Math.floor(lon / CELL_DEG);
    // The closest a point r rings out can be: (r − 1) cells of latitude or of (shrunk) longitude.
    const cellKm = CELL_DEG * 111.2 * Math.cos((Math.min(Math.abs(lat) + CELL_DEG * MAX_RINGS, 89) * Math.PI) / 180);
    let own: { i: number; km: number } | undefined, any: { i: number; km: number } | undefined;
    for (let r = 0; r <= MAX_RINGS; r++) {
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          if (Math.max(Math.abs(dy), Math.abs(dx)) !== r) continue;
          for (const i of this.cells.get(cellKey(cy + dy, cx + dx)) ?? []) {
            const km = geodesicKm({ lat, lon }, { lat: named.lat[i]!, lon: named.lon[i]! });
            const better = (b: { i: number; km: number } | undefined) => !b || km < b.km || (km === b.km && i < b.i);
            if (better(any)) any = { i, km };
            if (named.units[named.unit[i]!] === unit && better(own)) own = { i, km };
          }
        }
      const found = unit === undefined ? any : own;
      if (found && (r - 1) * cellKm > found.km) break;
    }
    const best = unit === undefined ? any : (own ?? any);
    if (!best) return undefined;
    const p = { lat: named.lat[best.i]!, lon: named.lon[best.i]! };
    return { name: named.names![best.i]!, km: best.km, direction: compass(p, { lat, lon }) };
  }

  /** A listed place: its own name, else "near <settlement> (<unit>[, <district>])", else "rural <unit>". */
  placeName(i: number, regions: RegionIndex): string {
    const own = this.points.names?.[i];
    if (own) return own;
    const where = unitLabel(this.points, i, regions);
    const s = this.nearest(this.points.lat[i]!, this.points.lon[i]!, this.points.units[this.points.unit[i]!]);
    return s ? `near ${s.name} (${where})` : `rural ${where}`;
  }

  /**
   * A candidate site: the settlement it stands in, else its distance and direction from the nearest
   * one ("Masazır (4 km NE)"), so that two sites near one settlement keep different names.
   */
  siteName(i: number, regions: RegionIndex): string {
    const own = this.points.names?.[i];
    if (own) return own;
    const s = this.nearest(this.points.lat[i]!, this.points.lon[i]!, this.points.units[this.points.unit[i]!]);
    if (!s) return `rural ${unitLabel(this.points, i, regions)}`;
    return s.km < IN_SETTLEMENT_KM ? s.name : `${s.name} (${Math.round(s.km)} km ${s.direction})`;
  }
}

function cellKey(y: number, x: number): string {
  return `${y},${x}`;
}

function unitLabel(c: PointColumns, i: number, regions: RegionIndex): string {
  const code = c.units[c.unit[i]!]!;
  const d = c.district[i]!;
  const district = d ? c.districts[d - 1]! : '';
  const name = regions.byCode.get(code)?.name_en ?? code;
  return district ? `${name}, ${regions.districts.get(district)?.name_en ?? district}` : name;
}

/** Eight-point compass bearing from a to b. */
function compass(a: { lat: number; lon: number }, b: { lat: number; lon: number }): string {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x =
    Math.cos(a.lat * rad) * Math.sin(b.lat * rad) -
    Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  const deg = (Math.atan2(y, x) / rad + 360) % 360;
  return COMPASS[Math.round(deg / 45) % 8]!;
}
