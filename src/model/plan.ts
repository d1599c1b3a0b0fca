/**
 * The plan file format. These zod schemas are the single source of truth: the TypeScript types
 * are inferred from them, the JSON Schema under schema/ is generated from them, and the loader
 * validates against them. Field-by-field documentation: docs/plan-format.md.
 */
import { z } from 'zod';

/** YYYY, YYYY-MM or YYYY-MM-DD. YAML reads a bare year as a number, so both are accepted. */
export const PlanDate = z
  .union([z.int(), z.string()])
  .describe('A date: YYYY, YYYY-MM or YYYY-MM-DD');

export const LatLon = z.strictObject({
  lat: z.number().describe('Latitude in decimal degrees (WGS84), north positive'),
  lon: z.number().describe('Longitude in decimal degrees (WGS84), east positive'),
});

export const Status = z.enum(['open', 'under_construction', 'planned', 'closed']);

export const Evidence = z.enum(['fact', 'inferred', 'assumption']);

export const Threshold = z
  .strictObject({
    within_km: z.number().positive().optional().describe('Covered when the road distance is at most this many km'),
    within_min: z.number().positive().optional().describe('Covered when the travel time is at most this many minutes'),
  })
  .describe('Coverage standard for one facility kind; when both limits are given, both must hold');

const facilityFields = {
  id: z.string().min(1).describe('Unique id, referenced by branches and scenarios'),
  name: z.string().min(1),
  region: z.string().describe('ISO 3166-2:AZ code of the unit the facility stands in, e.g. AZ-GA'),
  location: LatLon,
  status: Status,
  opens: PlanDate.describe('Opening date (actual, or the planning assumption)'),
  announced: PlanDate.optional().describe('Opening date as first announced, when it differs from opens'),
  closes: PlanDate.optional(),
  serves: z
    .array(z.string())
    .default([])
    .describe('Units assigned to this facility: ISO 3166-2:AZ codes, or AZ-BA/<district> for a Baku city district'),
  capacity: z.number().positive().optional().describe('Visits per day the facility can serve'),
  desks: z.int().positive().optional().describe('Service desks (windows) working at the same time; with service_min gives the wait estimate'),
  service_min: z.number().positive().optional().describe('Mean minutes one visit takes at a desk'),
  source: z.string().optional().describe('Where the facts come from, or why the assumption was made'),
  evidence: z
    .strictObject({ place: Evidence.optional(), date: Evidence.optional() })
    .optional()
    .describe('Whether the site and the date are a confirmed fact, inferred, or a planning assumption'),
};

export const Center = z.strictObject(facilityFields);
export const Branch = z.strictObject({
  ...facilityFields,
  center: z.string().describe('Id of the parent center'),
});

export const Target = z.strictObject({
  by: PlanDate.describe('Deadline; YYYY means the end of that year'),
  centers: z.number().optional().describe('Open centers required by the deadline'),
  branches: z.number().optional().describe('Open branches required by the deadline'),
  label: z.string().optional(),
  source: z.string().optional(),
});

export const Channel = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  launches: PlanDate,
  reach_pct: z.number().min(0).max(100).describe('Share of the population that can use the channel (online), in %'),
  source: z.string().optional(),
});

export const DistanceModel = z.strictObject({
  circuity: z.number().min(1).max(3).default(1).describe('Road km per geodesic km'),
  speed_kmh: z.number().positive().max(200).default(40).describe('Average door-to-door speed for travel times'),
  roads: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Road network for travel times (OSM .osm.pbf, .osm XML or GeoJSON LineStrings), relative to this plan; ' +
        'when set, circuity and speed_kmh are not used and standards mean road km and road minutes',
    ),
  roads_profile: z
    .string()
    .min(1)
    .optional()
    .describe('YAML file overriding parts of the default car profile (data/roads/car-profile.yaml), relative to this plan'),
});

/**
 * How many visits the population makes, to turn a catchment into visits per day. Defaults and their
 * calibration: docs/capacity.md.
 */
export const DemandModel = z.strictObject({
  visits_per_resident_year: z
    .number()
    .positive()
    .max(50)
    .optional()
    .describe('Visits a resident makes per year (default: calibrated from DOST service volumes, docs/capacity.md)'),
  working_days: z.int().min(1).max(366).optional().describe('Days a year the facilities are open (default 245: Mon–Fri less public holidays)'),
  hours_per_day: z.number().positive().max(24).optional().describe('Opening hours a day, for the wait estimate (default 9)'),
  catchment: z
    .enum(['nearest', 'assignment'])
    .optional()
    .describe("Who goes where: 'nearest' open facility (default; a network anyone may use anywhere) or by 'assignment' (the units each facility serves)"),
  overflow_max_min: z
    .number()
    .positive()
    .optional()
    .describe('When a facility is full, people go at most this many minutes further than their nearest one (default: no limit)'),
  default_capacity: z
    .strictObject({
      center: z.number().positive().optional().describe('Visits per day of a center that states no capacity'),
      branch: z.number().positive().optional().describe('Visits per day of a branch that states no capacity'),
    })
    .optional(),
  source: z.string().optional().describe('Where the figures come from'),
});

export const Plan = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  extends: z.string().optional().describe('Path of a base plan (relative to this file); facilities here override it by id'),
  years: z.strictObject({ from: z.int(), to: z.int() }),
  distance_model: DistanceModel.optional(),
  demand: DemandModel.optional(),
  population: z.string().min(1).optional().describe('Population file (GeoTIFF, GeoPackage/CSV of H3 cells, CSV or GeoJSON points), relative to this plan; --population overrides it'),
  population_basis: z.enum(['resident', 'registered']).optional()
    .describe('Population the analyses count: resident (where people live now; the default) or registered (SSC de jure)'),
  standards: z.strictObject({ center: Threshold.optional(), branch: Threshold.optional() }),
  targets: z.array(Target).default([]),
  channels: z.array(Channel).default([]),
  centers: z.array(Center).default([]),
  branches: z.array(Branch).default([]),
  remove: z.array(z.string()).default([]).describe('In a scenario: ids of base-plan facilities to drop'),
});

/**
 * A scenario that `extends:` a base may restate only the fields it changes, so every top-level
 * key and every facility field except `id` is optional there; the merged plan is then checked
 * against `Plan` in full.
 */
export const ScenarioPlan = z.strictObject({
  ...Plan.shape,
  name: z.string().min(1).optional(),
  years: z.strictObject({ from: z.int(), to: z.int() }).optional(),
  standards: z.strictObject({ center: Threshold.optional(), branch: Threshold.optional() }).optional(),
  targets: z.array(Target).optional(),
  centers: z.array(Center.partial().required({ id: true })).default([]),
  branches: z.array(Branch.partial().required({ id: true })).default([]),
  extends: z.string(),
});

export type Plan = z.infer<typeof Plan>;
export type Center = z.infer<typeof Center>;
export type Branch = z.infer<typeof Branch>;
export type Target = z.infer<typeof Target>;
export type Channel = z.infer<typeof Channel>;
export type Threshold = z.infer<typeof Threshold>;
export type DemandModel = z.infer<typeof DemandModel>;
export type Status = z.infer<typeof Status>;
export type FacilityKind = 'center' | 'branch';

/** A center or branch with its kind made explicit, as the analyses see it. */
export type Facility = Center & { kind: FacilityKind; center?: string };

export function facilitiesOf(plan: Plan): Facility[] {
  return [
    ...plan.centers.map((c) => ({ ...c, kind: 'center' as const })),
    ...plan.branches.map((b) => ({ ...b, kind: 'branch' as const })),
  ];
}

export function planJsonSchema(): unknown {
  return z.toJSONSchema(Plan, { io: 'input', target: 'draft-2020-12' });
}
