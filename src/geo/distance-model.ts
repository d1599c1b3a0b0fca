/**
 * From geodesic distance to what people experience. Road distance is approximated as geodesic ×
 * circuity (typical road networks: 1.2–1.5), travel time as road distance / average speed.
 * Every report echoes the model so a figure is never read without its assumptions.
 */
import type { Threshold } from '../model/plan.js';

export interface DistanceModel {
  circuity: number;
  speedKmh: number;
}

export const DEFAULT_MODEL: DistanceModel = { circuity: 1, speedKmh: 40 };

export const roadKm = (geoKm: number, m: DistanceModel) => geoKm * m.circuity;
export const minutes = (geoKm: number, m: DistanceModel) => (roadKm(geoKm, m) / m.speedKmh) * 60;

/** The geodesic radius within which a threshold is met (both limits when both are set). */
export function coverageRadiusKm(t: Threshold, m: DistanceModel): number {
  const byKm = t.within_km !== undefined ? t.within_km / m.circuity : Infinity;
  const byMin = t.within_min !== undefined ? ((t.within_min / 60) * m.speedKmh) / m.circuity : Infinity;
  return Math.min(byKm, byMin);
}

export function describeModel(m: DistanceModel): string {
  return m.circuity === 1
    ? `geodesic (WGS84 great circle); travel time at ${m.speedKmh} km/h`
    : `road ≈ geodesic × ${m.circuity} circuity; travel time at ${m.speedKmh} km/h`;
}

export function describeThreshold(t: Threshold | undefined): string {
  if (!t) return 'none';
  return [t.within_km !== undefined ? `≤ ${t.within_km} km` : '', t.within_min !== undefined ? `≤ ${t.within_min} min` : ''].filter(Boolean).join(' and ');
}
