import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { EXIT } from '../../errors.js';
import { PACKAGE_ROOT } from '../../load/package-root.js';
import { noteInput } from '../../load/text-input.js';
import { writeResult } from '../../render/output.js';
import type { CommandSpec } from '../command.js';

/**
 * The JSON Schema of plan files, for editors (yaml-language-server) and other tools. It is
 * generated from the zod schemas by `npm run schema` and committed (a test fails when it is
 * stale), so printing it needs no schema library at run time.
 */
export const command: CommandSpec<{ out?: string }> = {
  declare(cmd: Command, L: Locale) {
    cmd.option('--out <file>', L.t('help.opt.schema.out'));
  },
  run(_args, o, run) {
    const committed = join(PACKAGE_ROOT, 'schema', 'plan.schema.json');
    noteInput(run, committed); // `schema --out` naming the committed file is refused like any input
    writeResult(run, readFileSync(committed, 'utf8'), o.out);
    return EXIT.ok;
  },
};
