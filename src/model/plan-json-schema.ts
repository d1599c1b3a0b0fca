/**
 * The JSON Schema of plan files, for editors (yaml-language-server) and other tools, generated from
 * the zod schemas in plan.ts.
 *
 * - Draft-07: the draft the common YAML language server fully supports (2020-12 only in part).
 * - A file with `extends:` is a scenario and is checked against the scenario schema (every field
 *   optional but `id`), any other file against the full plan schema: if/then/else on `extends`.
 * - Region codes and `serves` entries are enums of the dataset's codes, so editors complete them;
 *   the loader keeps them as strings, because the validator's "did you mean" is the better message.
 */
import { z } from 'zod';
import { Plan, RegionCode, ScenarioPlan, ServedUnit } from './plan.js';
import type { RegionIndex } from './region-index.js';

export const SCHEMA_ID = 'https://dostplan.dev/schema/plan.schema.json';

export function planJsonSchema(regions: RegionIndex): Record<string, unknown> {
  const units = regions.dataset.regions
    .filter((r) => r.kind !== 'autonomous_republic')
    .map((r) => r.code)
    .sort();
  const servable = [...regions.servableCodes()].sort();
  const generate = (schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, {
      io: 'input',
      target: 'draft-07',
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === RegionCode) jsonSchema.enum = units;
        if (zodSchema === ServedUnit) jsonSchema.enum = servable;
      },
    }) as Record<string, unknown>;
    delete json.$schema;
    return json;
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'dostplan plan file',
    description:
      'A network plan (centers, branches, targets) or, with `extends:`, a scenario over a base plan. ' +
      'Field by field: docs/plan-format.md.',
    if: { type: 'object', required: ['extends'] },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword (draft-07 if/then/else)
    then: {
      description: 'A scenario: overrides the base plan named in `extends:` by facility id',
      ...generate(ScenarioPlan),
    },
    else: generate(Plan),
  };
}

/** The schema as committed in schema/plan.schema.json (`npm run schema` writes it; a test keeps it current). */
export function schemaText(regions: RegionIndex): string {
  return `${JSON.stringify(planJsonSchema(regions), null, 2)}\n`;
}
