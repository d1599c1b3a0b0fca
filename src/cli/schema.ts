import type { Command } from 'commander';
import { embedded } from '../load/dataset-loader.js';
import { planJsonSchema } from '../model/plan-json-schema.js';
import { writeResult } from '../render/output.js';
import type { Run } from './main.js';

/** The JSON Schema of plan files, for editors (yaml-language-server) and other tools. */
export function schemaText(): string {
  return JSON.stringify(planJsonSchema(embedded().regions), null, 2) + '\n';
}

export function registerSchema(program: Command, _run: Run): void {
  program
    .command('schema')
    .description('print the JSON Schema of plan files (draft-07, generated from the zod schemas)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: { out?: string }) => writeResult(schemaText(), opts.out));
}
