/**
 * A country profile: everything dostplan needs to know about one country that is not in its
 * data tables. Azerbaijan's is data/profile.json; another country is another folder with a
 * profile.json beside its regions, population points and outline (`--data DIR`).
 */
import { z } from 'zod';

export const CountryProfile = z.strictObject({
  id: z.string().min(2).describe('ISO 3166-1 alpha-2 code, e.g. AZ'),
  name: z.string().min(1),
  name_az: z.string().min(1).optional().describe('The name in Azerbaijani (outputs and messages with --lang az)'),
  codes: z.strictObject({
    system: z.string().describe('The unit code system, e.g. ISO 3166-2:AZ'),
    prefix: z.string().describe('What every unit code starts with, e.g. AZ-'),
    example: z.string().describe('An example for messages, e.g. "AZ-GA for Ganja"'),
    example_az: z.string().optional().describe('The example in Azerbaijani, e.g. "AZ-GA — Gəncə"'),
  }),
  grouping: z
    .strictObject({ singular: z.string(), plural: z.string() })
    .describe('What the groups of units are called (Azerbaijan: economic regions)'),
  capital: z
    .strictObject({
      unit: z.string().describe('Code of the unit whose city districts the dataset lists'),
      name: z.string(),
    })
    .optional()
    .describe('A unit planned district by district (Baku): plans may serve <unit>/<district>'),
  exclaves: z
    .array(
      z.strictObject({
        name: z.string(),
        name_az: z.string().optional().describe('The name in Azerbaijani'),
        unit: z.string().describe('Code of the unit (or parent unit) that forms the exclave'),
        reason: z.string().describe('Why travel across the border is not counted'),
      }),
    )
    .default([])
    .describe('Parts of the country that cannot be travelled to from the rest: never served across'),
  files: z.strictObject({
    regions: z.string(),
    points: z.string(),
    outline: z.string(),
    units: z.string().optional().describe('TopoJSON with one polygon per unit (object "units", id = unit code)'),
  }),
  default_plan: z.string().describe('The plan analysed when none is named, relative to this folder'),
  population_source: z.string().describe('Who publishes the official population figures (for reports)'),
  credits: z
    .array(z.string())
    .optional()
    .describe('Other sources every output names, with their licences (e.g. the unit polygons)'),
  population_source_az: z.string().optional().describe('population_source in Azerbaijani (outputs with --lang az)'),
  credits_az: z.array(z.string()).optional().describe('credits in Azerbaijani, one for each (outputs with --lang az)'),
});

export type CountryProfile = z.infer<typeof CountryProfile>;
