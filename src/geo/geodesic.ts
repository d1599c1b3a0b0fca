/** Great-circle distances on the WGS84 mean sphere (IUGG mean radius R1 = 6371.0088 km). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Haversine great-circle distance in km. Numerically stable for short and long distances. */
export function geodesicKm(a: LatLon, b: LatLon): number {
  return geodesicKmCos(a, Math.cos(a.lat * RAD), b, Math.cos(b.lat * RAD));
}

/** cos(lat · π/180) of a place, for geodesicKmCos. */
export const cosLat = (lat: number): number => Math.cos(lat * RAD);

/**
 * geodesicKm with each end's cos(latitude) given (`cosLat`): the same arithmetic, so the same
 * bits, for a place measured against many (a million places' 40 nearest sites).
 */
export function geodesicKmCos(a: LatLon, cosA: number, b: LatLon, cosB: number): number {
  return geodesicKmAt(a.lat, a.lon, cosA, b.lat, b.lon, cosB);
}

/** geodesicKmCos from plain numbers (columns rather than objects): the same arithmetic. */
export function geodesicKmAt(
  latA: number,
  lonA: number,
  cosA: number,
  latB: number,
  lonB: number,
  cosB: number,
): number {
  const dLat = (latB - latA) * RAD;
  const dLon = (lonB - lonA) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + cosA * cosB * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Unit-sphere point scaled to km. The straight (chord) distance between two such vectors is a
 * strictly increasing function of the great-circle distance, so nearest-neighbour search can run
 * in plain 3D Euclidean space and still pick the geodesically nearest facility exactly.
 */
export function toChordSpace(lat: number, lon: number): [number, number, number] {
  const phi = lat * RAD;
  const lam = lon * RAD;
  const c = Math.cos(phi);
  return [EARTH_RADIUS_KM * c * Math.cos(lam), EARTH_RADIUS_KM * c * Math.sin(lam), EARTH_RADIUS_KM * Math.sin(phi)];
}

export function chordToGeodesicKm(chord: number): number {
  const x = chord / (2 * EARTH_RADIUS_KM);
  // Within a country x is small: the series asin x ≈ x + x³/6 + 3x⁵/40 + 5x⁷/112 is exact to
  // < 1e-12 relative below x = 0.05 (≈ 640 km) and several times faster than Math.asin in the hot loop.
  if (x < 0.05) {
    const x2 = x * x;
    return 2 * EARTH_RADIUS_KM * x * (1 + x2 * (1 / 6 + x2 * (3 / 40 + x2 * (5 / 112))));
  }
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, x));
}

export function geodesicToChordKm(km: number): number {
  return 2 * EARTH_RADIUS_KM * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)));
}
