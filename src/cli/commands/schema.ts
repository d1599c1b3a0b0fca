import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { embedded } from '../../load/dataset-loader.js';
import { planJsonSchema } from '../../model/plan-json-schema.js';
import { writeResult } from '../../render/output.js';
import type { CommandSpec } from '../command.js';

/** The JSON Schema of plan files, for editors (yaml-language-server) and other tools. */
export function schemaText(): string {
  return JSON.stringify(planJsonSchema(embedded().regions), null, 2) + '\n';
}

export const command: CommandSpec<{ out?: string }> = {
  declare(cmd: Command) {
    cmd.option('--out <file>', 'write to a file instead of stdout');
  },
  run(_args, o) {
    writeResult(schemaText(), o.out);
    return EXIT.ok;
  },
};
