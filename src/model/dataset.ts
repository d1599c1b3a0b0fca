/** The regions dataset (data/regions.json): administrative units, economic regions, populations by year. */
import { z } from 'zod';

const ByYear = z.record(z.string().regex(/^\d{4}$/), z.int().nonnegative());
export const Provenance = z.enum(['exact', 'derived', 'estimate', 'none']);

/** Which population an analysis counts: people where they live, or where SSC registers them. */
export const PopulationBasis = z.enum(['resident', 'registered']);
export type PopulationBasis = z.infer<typeof PopulationBasis>;
/** The default basis: services reach people where they live (reasoning in docs/plan-format.md). */
export const DEFAULT_POPULATION_BASIS: PopulationBasis = 'resident';

export const Region = z.object({
  code: z.string(),
  name_az: z.string(),
  name_en: z.string(),
  kind: z.enum(['city', 'rayon', 'autonomous_republic']),
  economic_region: z.string(),
  /** Azerbaijan: a unit of the Nakhchivan exclave; liberated: a unit of the liberated territories. */
  nakhchivan: z.boolean().default(false),
  liberated: z.boolean().default(false),
  admin_center: z.object({ name: z.string(), lat: z.number(), lon: z.number() }),
  area_km2: z.number().positive(),
  /** Area of the unit's polygon in data/units.topojson (absent for AZ-NX, which has none of its own). */
  polygon_area_km2: z.number().positive().optional(),
  /** Registered (de jure) population by year: SSC's figure, displaced people at their home district. */
  population: ByYear,
  /** Resident population by year: where people live now (method: data/SOURCES.md); absent = registered. */
  resident: ByYear.optional(),
  population_basis: z.enum(['ssc-2024', 'ssc-2023', 'ssc-2022', 'ssc-2021', 'prior', 'included', 'none']),
  /** exact SSC figure, derived from SSC figures, or estimate. */
  provenance: Provenance.optional(),
  population_source: z.string().optional(),
  /** The source note in Azerbaijani (our translation), for the `regions` table made with --lang az. */
  population_source_az: z.string().optional(),
  /** Where a unit's resident figures come from, when they differ from the registered (liberated units). */
  resident_source: z.string().optional(),
  included_in: z.string().optional(),
  parent_of: z.array(z.string()).optional(),
});

export const BakuDistrict = z.object({
  id: z.string(),
  name_az: z.string(),
  name_en: z.string(),
  lat: z.number(),
  lon: z.number(),
  area_km2: z.number().positive(),
  population: ByYear,
  resident: ByYear.optional(),
  provenance: Provenance.optional(),
  population_source: z.string().optional(),
  /** The source note in Azerbaijani (our translation). */
  population_source_az: z.string().optional(),
});

export const Dataset = z.object({
  base_year: z.int(),
  /** The year of the points file's `resident` weights (default: base_year); registered weights are base_year's. */
  resident_points_year: z.int().optional(),
  years: z.array(z.int()),
  national: ByYear,
  economic_regions: z.array(z.object({ id: z.string(), name_en: z.string(), name_az: z.string() })),
  regions: z.array(Region),
  baku_districts: z.array(BakuDistrict),
  /**
   * Azerbaijani names of the points file's settlements, by the name the points file gives them
   * (GeoNames' transliteration: "Kyurdarmir" → "Kürdəmir"), for outputs written in Azerbaijani.
   */
  settlements_az: z.record(z.string(), z.string()).optional(),
});

export type Region = z.infer<typeof Region>;
export type BakuDistrict = z.infer<typeof BakuDistrict>;
export type Dataset = z.infer<typeof Dataset>;

/** A place where people live, for distance-based coverage. */
export interface PopulationPoint {
  region: string;
  /** Baku city district id, or '' outside Baku. */
  district: string;
  name: string;
  lat: number;
  lon: number;
  /** Population in the dataset's base year on the analysis' basis (or the user's file's own figure). */
  population: number;
}

/**
 * Population figures exist for the dataset's years only; a report for another year uses the
 * nearest year with data and says so (`populationYear`).
 */
export function populationYear(ds: Dataset, year: number): number {
  const ys = ds.years;
  return ys.reduce(
    (best, y) =>
      Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y > best)
        ? y
        : best,
    ys[0]!,
  );
}

/**
 * The year whose figures the population points carry on a basis: resident weights may be of a later
 * year than the base year (people resettled after it need a place); registered weights are the base year's.
 */
export function weightsYear(ds: Dataset, basis: PopulationBasis | undefined): number {
  return basis === 'resident' ? (ds.resident_points_year ?? ds.base_year) : ds.base_year;
}

/** Leaf units: the ones whose populations add up to the national total (not the autonomous republic). */
export function leafRegions(ds: Dataset): Region[] {
  return ds.regions.filter((r) => r.kind !== 'autonomous_republic');
}
