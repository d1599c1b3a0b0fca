/**
 * The plan file format. These zod schemas are the single source of truth: the TypeScript types
 * are inferred from them, the JSON Schema under schema/ is generated from them, and the loader
 * validates against them. Field-by-field documentation: docs/plan-format.md.
 */
import { z } from 'zod';
import { LANGUAGES } from './language.js';
import { en } from './messages/en.js';

/** YYYY, YYYY-MM or YYYY-MM-DD. YAML reads a bare year as a number, so both are accepted. */
/** More desks than any service hall has (the largest ASAN centres have about a hundred): a typo. */
export const MAX_DESKS = 1000;
/** More facilities than any national network has (Azerbaijan's post offices are about 1,500): a typo. */
export const MAX_TARGET_FACILITIES = 100_000;

export const PlanDate = z.union([z.int(), z.string()]).describe('A date: YYYY, YYYY-MM or YYYY-MM-DD');

export const LatLon = z.strictObject({
  lat: z.number().describe('Latitude in decimal degrees (WGS84), north positive'),
  lon: z.number().describe('Longitude in decimal degrees (WGS84), east positive'),
});

export const Status = z
  .enum(['open', 'under_construction', 'planned', 'closed'])
  .describe('open: serving people; under_construction / planned: opens on `opens`; closed: closed on `closes`');

export const Evidence = z
  .enum(['fact', 'inferred', 'assumption'])
  .describe('fact (a cited source), inferred, or assumption');

/**
 * Plan years are bounded: every analysis runs year by year, and a year such as 20250 or -5000000
 * is a typo that would otherwise run for minutes. The same range as the --year flag.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
export const PlanYear = z
  .int()
  .min(MIN_YEAR, { error: `must be a year from ${MIN_YEAR} to ${MAX_YEAR}` })
  .max(MAX_YEAR, { error: `must be a year from ${MIN_YEAR} to ${MAX_YEAR}` });

export const Years = z
  .strictObject({
    from: PlanYear.describe('First year of the plan (analyses run from 1 January of this year)'),
    to: PlanYear.describe('Last year of the plan (the default year of every report)'),
  })
  .describe(`The span the plan covers, ${MIN_YEAR}–${MAX_YEAR}`);

/**
 * Region codes are plain strings here (the validator suggests the nearest code for a typo); the
 * JSON Schema for editors turns these two into enums of the dataset's codes (model/plan-json-schema.ts).
 */
export const RegionCode = z
  .string()
  .describe('ISO 3166-2:AZ code of the unit the facility stands in, e.g. AZ-GA (`dostplan regions` lists them)');
export const ServedUnit = z.string().describe('ISO 3166-2:AZ code, or AZ-BA/<district> for a Baku city district');

export const Threshold = z
  .strictObject({
    within_km: z
      .number()
      .positive()
      .max(2000)
      .optional()
      .describe('Covered when the road distance is at most this many km'),
    within_min: z
      .number()
      .positive()
      .max(1440)
      .optional()
      .describe('Covered when the travel time is at most this many minutes'),
  })
  .describe('Coverage standard for one facility kind; when both limits are given, both must hold');

/** Free text may span lines, but no other control characters: they would drive the terminal. */
const Text = z
  .string()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/u, {
    error: en['zod.rule.no_control'],
  });

/** Ids and names reach terminals and report tables: no line breaks or terminal escape codes. */
const OneLine = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}]*$/u, {
    error: en['zod.rule.one_line'],
  });

/**
 * The warnings a planner may accept on purpose for one facility, each with a written reason
 * (`waive:`): validate then shows it as waived, not as a warning, and `--strict` passes.
 */
export const WAIVABLE = [
  'serves-nothing',
  'served-twice',
  'serves-included-city',
  'outside-region',
  'far-from-region',
  'closed-without-date',
  'desks-without-service-min',
] as const;
export type WaivableCode = (typeof WAIVABLE)[number];

const Reason = Text.min(1, { error: en['zod.rule.reason'] });

export const Waive = z
  .strictObject(
    Object.fromEntries(
      WAIVABLE.map((code) => [
        code,
        Reason.optional().describe(`Why the ${code} warning is accepted for this facility`),
      ]),
    ) as Record<WaivableCode, z.ZodOptional<typeof Reason>>,
  )
  .describe('Warnings accepted on purpose for this facility, each with its reason (shown by validate and in reports)');

const facilityFields = {
  id: OneLine.describe('Unique id, referenced by branches and scenarios'),
  name: OneLine.describe('Name shown in reports'),
  name_az: OneLine.optional().describe('Azerbaijani name, shown in reports made with --lang az (default: name)'),
  region: RegionCode,
  location: LatLon.describe('Where the facility stands (WGS84)'),
  status: Status,
  opens: PlanDate.describe('Opening date (actual, or the planning assumption)'),
  announced: PlanDate.optional().describe('Opening date as first announced, when it differs from opens'),
  closes: PlanDate.optional().describe('Closing date, for a facility that closes or moves'),
  serves: z
    .array(ServedUnit)
    .default([])
    .describe('Units assigned to this facility: ISO 3166-2:AZ codes, or AZ-BA/<district> for a Baku city district'),
  capacity: z.number().positive().max(1e9).optional().describe('Visits per day the facility can serve'),
  desks: z
    .int()
    .positive()
    .max(MAX_DESKS)
    .optional()
    .describe('Service desks (windows) working at the same time; with service_min gives the wait estimate'),
  service_min: z.number().positive().max(1440).optional().describe('Mean minutes one visit takes at a desk'),
  build_cost: z
    .number()
    .min(0)
    .max(1e12)
    .optional()
    .describe('What building (or fitting out) the facility costs, once, in manat (AZN)'),
  yearly_cost: z
    .number()
    .min(0)
    .max(1e12)
    .optional()
    .describe('What running the facility costs a year, in manat (AZN)'),
  cost_source: Text.optional().describe('Where build_cost and yearly_cost come from, or why they were assumed'),
  source: Text.optional().describe('Where the facts come from, or why the assumption was made'),
  evidence: z
    .strictObject({ place: Evidence.optional(), date: Evidence.optional() })
    .optional()
    .describe('Whether the site and the date are a confirmed fact, inferred, or a planning assumption'),
  waive: Waive.optional(),
};

export const Center = z.strictObject(facilityFields);
export const Branch = z.strictObject({
  ...facilityFields,
  center: z.string().describe('Id of the parent center'),
});

export const Target = z
  .strictObject({
    by: PlanDate.describe('Deadline; YYYY means the end of that year'),
    centers: z.number().max(MAX_TARGET_FACILITIES).optional().describe('Open centers required by the deadline'),
    branches: z.number().max(MAX_TARGET_FACILITIES).optional().describe('Open branches required by the deadline'),
    label: Text.optional().describe('How reports name the target'),
    label_az: Text.optional().describe('The label in Azerbaijani, for outputs made with --lang az'),
    source: Text.optional().describe('Where the target comes from (decree, programme, press release)'),
    missed: z
      .strictObject({
        reason: Reason.describe('Why the target was missed (shown in every report that lists targets)'),
        reason_az: Text.optional().describe('The reason in Azerbaijani, for outputs made with --lang az'),
        centers: z
          .int()
          .min(0)
          .max(MAX_TARGET_FACILITIES)
          .optional()
          .describe('Centers actually open by the deadline; the plan opening fewer there is a new miss'),
        branches: z
          .int()
          .min(0)
          .max(MAX_TARGET_FACILITIES)
          .optional()
          .describe('Branches actually open by the deadline; the plan opening fewer there is a new miss'),
      })
      .optional()
      .describe(
        'A past target acknowledged as missed: `timeline --strict` fails only on targets missed without ' +
          'this, or missed by more than it records',
      ),
  })
  .describe('A rollout target: so many centers and/or branches open by a date');

export const Reassign = z
  .strictObject({
    unit: ServedUnit,
    to: z.string().min(1).describe('Id of the facility that serves it from `from` on'),
    from: PlanDate.optional().describe(
      'When the move takes effect (default: the day `to` opens); YYYY means the end of that year',
    ),
    source: Text.optional().describe('Why, or where the decision comes from'),
  })
  .describe(
    'A dated change of serves:: from `from` the unit is served by `to`, and no longer by the other ' +
      "facilities of `to`'s kind that list it",
  );

export const Channel = z
  .strictObject({
    id: z.string().min(1).describe('Unique id of the channel'),
    name: z.string().min(1).describe('Name shown in reports'),
    name_az: z.string().min(1).optional().describe('Azerbaijani name, shown with --lang az'),
    launches: PlanDate.describe('When the channel becomes available'),
    reach_pct: z.number().min(0).max(100).describe('Share of the population that can use the channel (online), in %'),
    source: Text.optional().describe('Where the facts come from'),
  })
  .describe('A non-physical service channel (online portal, mobile app)');

export const DistanceModel = z
  .strictObject({
    circuity: z.number().min(1).max(3).default(1).describe('Road km per geodesic km (1 to 3)'),
    speed_kmh: z.number().min(1).max(200).default(40).describe('Average door-to-door speed for travel times, km/h'),
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
      .describe(
        'YAML file overriding parts of the default car profile (data/roads/car-profile.yaml), relative to this plan',
      ),
    mode: z
      .enum(['car', 'walk'])
      .optional()
      .describe(
        'With roads: car (default; data/roads/car-profile.yaml) or walk (every way a pedestrian may use, at ' +
          '5 km/h; data/roads/walk-profile.yaml)',
      ),
  })
  .describe('How travel is measured: straight lines × circuity at an average speed, or a road network');

/**
 * How many visits the population makes, to turn a catchment into visits per day. Defaults and their
 * calibration: docs/capacity.md.
 */
export const PlanVisitModel = z
  .strictObject({
    visits_per_resident_year: z
      .number()
      .positive()
      .max(50)
      .optional()
      .describe('Visits a resident makes per year (default: calibrated from DOST service volumes, docs/capacity.md)'),
    working_days: z
      .int()
      .min(1)
      .max(366)
      .optional()
      .describe('Days a year the facilities are open (default 245: Mon–Fri less public holidays)'),
    hours_per_day: z
      .number()
      .positive()
      .max(24)
      .optional()
      .describe('Opening hours a day, for the wait estimate (default 9)'),
    catchment: z
      .enum(['nearest', 'assignment'])
      .optional()
      .describe(
        "Who goes where: 'nearest' open facility (default; a network anyone may use anywhere) or by " +
          "'assignment' (the units each facility serves)",
      ),
    overflow_max_min: z
      .number()
      .positive()
      .optional()
      .describe(
        'When a facility is full, people go at most this many minutes further than their nearest one ' +
          '(default: no limit)',
      ),
    default_capacity: z
      .strictObject({
        center: z.number().positive().optional().describe('Visits per day of a center that states no capacity'),
        branch: z.number().positive().optional().describe('Visits per day of a branch that states no capacity'),
      })
      .optional()
      .describe('Visits per day of facilities that state no capacity, by kind'),
    source: z.string().optional().describe('Where the figures come from'),
  })
  .describe('How many visits the population makes (docs/capacity.md)');

const Standards = z
  .strictObject({
    center: Threshold.optional().describe('Standard for centers'),
    branch: Threshold.optional().describe('Standard for branches (a center also serves its branch area)'),
  })
  .describe('Coverage standards: how close a facility must be to count a person as covered');

/** The roles a population file's columns can be mapped to (load/column-map.ts). */
export const POPULATION_ROLES = ['lat', 'lon', 'population', 'region', 'name', 'h3'] as const;

export const PopulationFile = z
  .strictObject({
    file: z.string().min(1).describe('The population file, relative to this plan'),
    columns: z
      .partialRecord(z.enum(POPULATION_ROLES), z.string().min(1))
      .optional()
      .describe("Which of the file's columns is lat, lon, population, region, name (or h3), e.g. {lat: Y, lon: X}"),
    sheet: z.string().min(1).optional().describe('The worksheet of an .xlsx file (default: the first)'),
  })
  .describe('A population file whose columns have other names, or a worksheet other than the first');
export type PopulationFile = z.infer<typeof PopulationFile>;

/** A plan's `population:` in its long form. */
export function populationFileOf(p: string | PopulationFile | undefined): PopulationFile | undefined {
  return typeof p === 'string' ? { file: p } : p;
}

export const Plan = z.strictObject({
  name: OneLine.describe('Name of the plan, shown in reports'),
  name_az: OneLine.optional().describe('Azerbaijani name of the plan, shown in reports made with --lang az'),
  description: Text.optional().describe('Free text: what the plan is and where it comes from'),
  extends: z
    .string()
    .optional()
    .describe('Path of a base plan (relative to this file); facilities here override it by id'),
  language: z
    .enum(LANGUAGES)
    .optional()
    .describe('Language of what people read: en (the default) or az (Azerbaijani); --lang overrides it'),
  years: Years,
  distance_model: DistanceModel.optional(),
  demand: PlanVisitModel.optional(),
  population: z
    .union([z.string().min(1), PopulationFile])
    .optional()
    .describe(
      'Population file (GeoTIFF, GeoPackage/CSV of H3 cells, CSV or GeoJSON points), relative to ' +
        'this plan; --population overrides it',
    ),
  population_basis: z
    .enum(['resident', 'registered'])
    .optional()
    .describe(
      'Population the analyses count: resident (where people live now; the default) or registered (SSC de jure)',
    ),
  standards: Standards,
  targets: z.array(Target).default([]).describe('Rollout targets, checked year by year by `dostplan timeline`'),
  channels: z
    .array(Channel)
    .default([])
    .describe('Online channels (reported beside coverage; they do not count as coverage)'),
  centers: z.array(Center).default([]).describe('Full-service centers'),
  branches: z.array(Branch).default([]).describe('Branches, each attached to a center'),
  reassign: z
    .array(Reassign)
    .default([])
    .describe("Dated changes of serves: (in a scenario, added to the base plan's)"),
  remove: z.array(z.string()).default([]).describe('In a scenario: ids of base-plan facilities to drop'),
});

/**
 * A scenario that `extends:` a base may restate only the fields it changes, so every top-level
 * key and every facility field except `id` is optional there; the merged plan is then checked
 * against `Plan` in full.
 */
export const ScenarioPlan = z.strictObject({
  ...Plan.shape,
  name: OneLine.optional().describe("Name of the scenario (default: the base plan's)"),
  years: Years.optional(),
  standards: Standards.optional(),
  targets: z.array(Target).optional().describe("Replaces the base plan's targets when given"),
  centers: z
    .array(Center.partial().required({ id: true }))
    .default([])
    .describe('Centers to add, or to change by id (only the fields given)'),
  branches: z
    .array(Branch.partial().required({ id: true }))
    .default([])
    .describe('Branches to add, or to change by id (only the fields given)'),
  extends: z
    .string()
    .describe('Path of the base plan (relative to this file); this file overrides its facilities by id'),
});

export type Plan = z.infer<typeof Plan>;
export type Center = z.infer<typeof Center>;
export type Branch = z.infer<typeof Branch>;
export type Target = z.infer<typeof Target>;
export type Channel = z.infer<typeof Channel>;
export type Reassign = z.infer<typeof Reassign>;
export type Threshold = z.infer<typeof Threshold>;
export type PlanVisitModel = z.infer<typeof PlanVisitModel>;
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
