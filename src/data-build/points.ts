/**
 * Population points for distance-based coverage: GeoNames settlements placed in their unit by
 * point-in-polygon, plus a hexagonal grid over each unit's polygon for the rural rest. Registered
 * and resident weights add up to each unit's (and Baku district's) figures exactly.
 */
import { UNIT_BORDER_TOLERANCE_KM } from '../geo/region-footprint.js';
import { geodesicKm } from '../geo/geodesic.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import { apportion } from './apportion.js';

export interface City {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Point {
  region: string;
  district: string;
  name: string;
  kind: 'settlement' | 'rural' | 'resettled';
  lat: number;
  lon: number;
  population: number;
  resident: number;
}

/** Settlements may carry at most this share of a unit; the rest is rural spread. */
const SETTLEMENT_CAP = 0.85;
/** A settlement off every polygon by at most this much (simplified coast, border) joins the nearest unit. */
export const SNAP_KM = UNIT_BORDER_TOLERANCE_KM;
/** Rural points per unit, roughly (the grid spacing follows the unit's area). */
const RURAL_POINTS = 50;

/** A settlement with an official or municipal figure: its share of its unit (data/inputs/settlements.csv). */
export interface OfficialSettlement {
  unit: string;
  name: string;
  lat: number;
  lon: number;
  /** population / the unit's population of the same source and year. */
  share: number;
}

export interface PointInputs {
  locator: UnitLocator;
  /** Unit → the unit that carries its population (AZ-LA → AZ-LAN); identity otherwise. */
  carrier: (code: string) => string;
  /** GeoNames admin1 code → ISO code of the unit it names (Nakhchivan AR's '35' maps to nothing). */
  byAdmin: Map<string, string>;
  units: {
    code: string;
    registered: number;
    resident: number;
    resettled: number;
    seat: { name: string; lat: number; lon: number };
  }[];
  districts: { id: string; lat: number; lon: number; area_km2: number; registered: number; resident: number }[];
  /** Settlements placed with their published share of the unit; they replace GeoNames' of that name. */
  official: OfficialSettlement[];
}

export interface PointReport {
  snapped: { name: string; unit: string; km: number }[];
  dropped: { name: string; population: number; km: number | undefined }[];
  borderKept: number;
}

export function buildPoints(cities: City[], inp: PointInputs): { points: Point[]; report: PointReport } {
  const { locator, carrier } = inp;
  const report: PointReport = { snapped: [], dropped: [], borderKept: 0 };
  const owner = (lat: number, lon: number) => {
    const u = locator.locateUnit(lat, lon);
    return u ? carrier(u) : undefined;
  };
  // Settlements: by polygon. Where GeoNames names a different unit and the point lies within
  // SNAP_KM of that unit's polygon, the simplified border is the likelier error: keep GeoNames'.
  const cityUnit = new Map<City, string>();
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const named = inp.byAdmin.get(c.adminCode);
    const near = locator.nearestUnit(lat, lon, SNAP_KM);
    if (!near) {
      report.dropped.push({ name: c.name, population: c.population, km: undefined });
      continue;
    }
    let unit = carrier(near.code);
    if (near.km > 0) report.snapped.push({ name: c.name, unit, km: Number(near.km.toFixed(2)) });
    if (named && named !== unit && locator.geometry(named) && locator.distanceKm(named, lat, lon) <= SNAP_KM) {
      unit = carrier(named);
      report.borderKept++;
    }
    cityUnit.set(c, unit);
  }

  for (const o of inp.official)
    if (locator.distanceKm(o.unit, o.lat, o.lon) > SNAP_KM)
      throw new Error(`settlements.csv: ${o.name} (${o.lat}, ${o.lon}) is not in or near ${o.unit}`);
  const points: Point[] = [];
  for (const u of inp.units) {
    if (u.registered === 0 && u.resident === 0) continue;
    if (u.code === 'AZ-BA') {
      const own = cities.filter((c) => cityUnit.get(c) === 'AZ-BA');
      const nearestDistrict = (c: City) => inp.districts.reduce((b, d) => (dist(c, d) < dist(c, b) ? d : b));
      for (const d of inp.districts) {
        const grid = discGrid(d.lat, d.lon, d.area_km2).filter((p) => owner(p.lat, p.lon) === 'AZ-BA');
        points.push(
          ...spread(
            'AZ-BA',
            d.id,
            d.registered,
            d.resident,
            own.filter((c) => nearestDistrict(c) === d),
            grid.length ? grid : [{ lat: d.lat, lon: d.lon }],
            0,
            d,
          ),
        );
      }
      continue;
    }
    const official = inp.official.filter((o) => o.unit === u.code);
    const own = cities.filter((c) => cityUnit.get(c) === u.code && !official.some((o) => o.name === c.name));
    const grid = polygonGrid(locator, carrier, u.code);
    points.push(
      ...spread(
        u.code,
        '',
        u.registered,
        u.resident,
        own,
        grid.length ? grid : [u.seat],
        u.resettled,
        u.seat,
        official,
      ),
    );
  }
  return { points, report };
}

function dist(c: City, d: { lat: number; lon: number }): number {
  return geodesicKm({ lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] }, d);
}

/**
 * Registered people over settlements and the rural grid: settlements with an official figure carry
 * their published share of the unit; GeoNames settlements share what is left (capped); the rest is
 * rural. Residents: the resettled at the unit's seat (the resettled towns are district seats or
 * villages near them), the rest in proportion to the registered weights.
 */
function spread(
  region: string,
  district: string,
  registered: number,
  resident: number,
  settlements: City[],
  grid: { lat: number; lon: number }[],
  resettled: number,
  seat: { name?: string; lat: number; lon: number },
  official: OfficialSettlement[] = [],
): Point[] {
  const shares = official.reduce((a, o) => a + o.share, 0);
  if (shares > 1 + 1e-9) throw new Error(`${region}: settlements.csv gives shares adding up to ${shares}`);
  const placed = Math.round(Math.min(1, shares) * registered);
  const officialPops = apportion(
    placed,
    official.map((o) => o.share),
  );
  const rest = registered - placed;
  const s = settlements.reduce((a, c) => a + c.population, 0);
  const k = s > 0 ? Math.min(1, (SETTLEMENT_CAP * rest) / s) : 0;
  const settled = Math.round(k * s);
  const settledPops = apportion(
    settled,
    settlements.map((c) => c.population),
  );
  const ruralPops = apportion(
    rest - settled,
    grid.map(() => 1),
  );
  const at = (name: string, kind: Point['kind'], lat: number, lon: number, population: number): Point => ({
    region,
    district,
    name,
    kind,
    lat,
    lon,
    population,
    resident: 0,
  });
  const pts: Point[] = [
    ...official.map((o, i) => at(o.name, 'settlement', o.lat, o.lon, officialPops[i]!)),
    ...settlements.map((c, i) => at(c.name, 'settlement', c.loc.coordinates[1], c.loc.coordinates[0], settledPops[i]!)),
    ...grid.map((g, i) => at('', 'rural', g.lat, g.lon, ruralPops[i]!)),
  ];
  const others = resident - resettled;
  const res = apportion(
    others,
    pts.map((p) => p.population),
  );
  pts.forEach((p, i) => (p.resident = res[i]!));
  if (resettled > 0) pts.push({ ...at(seat.name ?? '', 'resettled', seat.lat, seat.lon, 0), resident: resettled });
  return pts.filter((p) => p.population > 0 || p.resident > 0);
}

/** Hexagonal grid over the unit's polygon (and those of units it carries), about RURAL_POINTS points. */
function polygonGrid(
  locator: UnitLocator,
  carrier: (c: string) => string,
  code: string,
): { lat: number; lon: number }[] {
  const parts = locator.codes.filter((c) => carrier(c) === code);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const c of parts) {
    const g = locator.geometry(c)!;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys)
      for (const [x, y] of poly[0]!) {
        minX = Math.min(minX, x!);
        minY = Math.min(minY, y!);
        maxX = Math.max(maxX, x!);
        maxY = Math.max(maxY, y!);
      }
  }
  const midLat = (minY + maxY) / 2;
  const kmX = 111.32 * Math.cos((midLat * Math.PI) / 180),
    kmY = 110.574;
  const area = parts.reduce((a, c) => a + polygonAreaKm2(locator.geometry(c)!), 0);
  const s = Math.sqrt((area / RURAL_POINTS) * (2 / Math.sqrt(3)));
  const dLat = (s * Math.sqrt(3)) / 2 / kmY,
    dLon = s / kmX;
  const out: { lat: number; lon: number }[] = [];
  for (let j = 0; minY + j * dLat <= maxY; j++) {
    for (let i = 0; minX + (i + (j % 2 ? 0.5 : 0)) * dLon <= maxX; i++) {
      const lat = Number((minY + (j + 0.5) * dLat).toFixed(5)),
        lon = Number((minX + (i + (j % 2 ? 0.5 : 0)) * dLon).toFixed(5));
      const u = locator.locateUnit(lat, lon);
      if (u && carrier(u) === code) out.push({ lat, lon });
    }
  }
  return out;
}

/** Planar area in km² (equirectangular at the polygon's latitude): enough to size a grid. */
function polygonAreaKm2(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const poly of polys)
    poly.forEach((ring, r) => {
      const k = 111.32 * Math.cos((ring[0]![1]! * Math.PI) / 180);
      let s = 0;
      for (let i = 1; i < ring.length; i++)
        s += ring[i - 1]![0]! * k * (ring[i]![1]! * 110.574) - ring[i]![0]! * k * (ring[i - 1]![1]! * 110.574);
      a += (r === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  return a;
}

/** Baku districts have no polygons: a disc of the district's area around its centre (clipped to Baku). */
function discGrid(lat: number, lon: number, areaKm2: number): { lat: number; lon: number }[] {
  const r = Math.max(3, Math.sqrt(areaKm2 / Math.PI));
  const s = r / 4;
  const dLat = s / 110.574;
  const dLon = s / (111.32 * Math.cos((lat * Math.PI) / 180));
  const out: { lat: number; lon: number }[] = [];
  for (let j = -5; j <= 5; j++) {
    for (let i = -5; i <= 5; i++) {
      const p = { lat: lat + (j * dLat * Math.sqrt(3)) / 2, lon: lon + (i + (j % 2 ? 0.5 : 0)) * dLon };
      if (geodesicKm(p, { lat, lon }) <= r) out.push({ lat: Number(p.lat.toFixed(5)), lon: Number(p.lon.toFixed(5)) });
    }
  }
  return out;
}
