/**
 * The JSON Schema of plan files, generated from the zod schemas. `npm run schema` writes it to
 * schema/plan.schema.json (committed; tests/cli.test.ts fails when it is stale), which is what
 * `dostplan schema` prints and editors read.
 */
import { planJsonSchema } from './plan.js';

export function schemaText(): string {
  const schema = { $id: 'https://dostplan.dev/schema/plan.schema.json', title: 'dostplan plan file', ...(planJsonSchema() as object) };
  return JSON.stringify(schema, null, 2) + '\n';
}
