import type { Command } from 'commander';
import { planJsonSchema } from '../model/plan.js';
import { writeResult } from '../render/output.js';
import type { Run } from './main.js';

/** The JSON Schema of plan files, for editors (yaml-language-server) and other tools. */
export function schemaText(): string {
  const schema = { $id: 'https://dostplan.dev/schema/plan.schema.json', title: 'dostplan plan file', ...(planJsonSchema() as object) };
  return JSON.stringify(schema, null, 2) + '\n';
}

export function registerSchema(program: Command, _run: Run): void {
  program
    .command('schema')
    .description('print the JSON Schema of plan files (generated from the zod schemas)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: { out?: string }) => writeResult(schemaText(), opts.out));
}
