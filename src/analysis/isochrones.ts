/**
 * Isochrones: "reachable within N minutes" polygons drawn from a travel-time surface, cumulative
 * as openrouteservice gives them: the band with max_min 30 covers everything within 30 minutes
 * (the 15-minute band included) and names the previous band's limit as min_min. The people in a
 * band are the population points whose own travel time (by the same model, to the same
 * facilities) is within max_min — exactly what coverage counts, not a count of points that fall
 * inside the drawn polygon, whose edge is interpolated between cell centres.
 */
import { areaKm2, polygonsAtLeast, windowWhere, type PolygonRings } from './contours.js';
import type { LandCells } from './surface-grid.js';

/** Band limits a run may ask for: at most this many, each from 1 to 1,440 minutes (a day). */
export const MAX_BANDS = 12;
export const MAX_BAND_MIN = 1440;

export interface IsochroneBand {
  /** The previous band's limit (0 for the first). */
  min_min: number;
  max_min: number;
  polygons: PolygonRings[];
  area_km2: number;
  /** People whose travel time is at most max_min. */
  population: number;
}

/** People as the bands count them: each point's minutes and weight (people) in the year. */
export interface PeopleMinutes {
  minutes: Float64Array;
  weights: Float64Array;
}

/** Cumulative band populations: people within each limit (bands ascending). */
export function bandPopulations(people: PeopleMinutes, bands: readonly number[]): number[] {
  const sums = bands.map(() => 0);
  const { minutes, weights } = people;
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i]!;
    for (let b = bands.length - 1; b >= 0 && m <= bands[b]!; b--) sums[b]! += weights[i]!;
  }
  return sums;
}

/**
 * The bands over the land cells' minutes (per land cell, Infinity: unreachable), with the people
 * of each band (from bandPopulations). Bands must be ascending.
 */
export function isochroneBands(
  cells: LandCells,
  minutes: Float64Array,
  bands: readonly number[],
  population: readonly number[],
): IsochroneBand[] {
  const { grid, index } = cells;
  const max = bands[bands.length - 1] ?? 0;
  const window = windowWhere(grid, (k) => index[k]! >= 0 && minutes[index[k]!]! <= max);
  // Negated: d3-contour draws "value ≥ threshold"; outside the country and unreachable are NaN,
  // below every threshold (and never interpolated towards).
  const value = (k: number) => {
    const i = index[k]!;
    return i >= 0 && Number.isFinite(minutes[i]!) ? -minutes[i]! : Number.NaN;
  };
  return bands.map((max_min, b) => {
    const polygons = window ? polygonsAtLeast(grid, window, value, -max_min) : [];
    return {
      min_min: b === 0 ? 0 : bands[b - 1]!,
      max_min,
      polygons,
      area_km2: areaKm2(polygons),
      population: population[b]!,
    };
  });
}
