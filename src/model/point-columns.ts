/**
 * Population points as columns of typed arrays. A user's file or a national grid holds about a
 * million points; as objects they cost several times the memory and time of these flat arrays,
 * so the loaders produce columns and the analyses read them. `PopulationPoint` objects are built
 * only where a result lists places (pointAt).
 */
import type { PopulationPoint } from './dataset.js';

export interface PointColumns {
  count: number;
  lat: Float64Array;
  lon: Float64Array;
  /** People at each point (the file's own figure, or the base year's for embedded points). */
  population: Float64Array;
  /** Each point's unit, an index into `units` (ISO codes). */
  unit: Uint16Array;
  units: string[];
  /** The capital's district index + 1 into `districts`; 0 outside the capital. */
  district: Uint8Array;
  districts: string[];
  /** What the points are when they are not people's homes (a surface's grid cells), for messages. */
  noun?: 'grid cell';
  /** Place names, when the source had them ('' for an unnamed point); absent: all unnamed. */
  names?: string[];
}

/** Point i as an object (for lists of places and maps). */
export function pointAt(c: PointColumns, i: number): PopulationPoint {
  const d = c.district[i]!;
  return {
    region: c.units[c.unit[i]!]!,
    district: d ? c.districts[d - 1]! : '',
    name: c.names?.[i] ?? '',
    lat: c.lat[i]!,
    lon: c.lon[i]!,
    population: c.population[i]!,
  };
}

/** Every point as an object: what callers that still take PopulationPoint[] need. */
export function pointObjects(c: PointColumns): PopulationPoint[] {
  const out: PopulationPoint[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) out[i] = pointAt(c, i);
  return out;
}

/** Columns for n points, zeroed, with no units or districts yet. */
export function blankColumns(n: number): PointColumns {
  return {
    count: n,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    population: new Float64Array(n),
    unit: new Uint16Array(n),
    units: [],
    district: new Uint8Array(n),
    districts: [],
  };
}

/** Columns of point objects (units and districts numbered in order of first appearance). */
export function columnsOf(points: readonly PopulationPoint[]): PointColumns {
  const c = blankColumns(points.length);
  const { units, districts } = c;
  const unitIndex = new Map<string, number>(),
    districtIndex = new Map<string, number>();
  let named = false;
  points.forEach((p, i) => {
    let u = unitIndex.get(p.region);
    if (u === undefined) unitIndex.set(p.region, (u = units.push(p.region) - 1));
    c.unit[i] = u;
    if (p.district) {
      let d = districtIndex.get(p.district);
      if (d === undefined) districtIndex.set(p.district, (d = districts.push(p.district) - 1));
      c.district[i] = d + 1;
    }
    c.lat[i] = p.lat;
    c.lon[i] = p.lon;
    c.population[i] = p.population;
    if (p.name) named = true;
  });
  if (named) c.names = points.map((p) => p.name);
  return c;
}
