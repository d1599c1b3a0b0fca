/**
 * Where results go: stdout, or --out FILE written atomically (a temp file in the same folder,
 * then rename), so an interrupted run never leaves a half-written report. Inputs are never written.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

export function writeResult(text: string, out?: string, inputs: string[] = []): void {
  if (!out) {
    process.stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n');
    return;
  }
  const target = resolve(out);
  if (inputs.some((i) => resolve(i) === target)) throw new UserError(`--out ${out} is one of the inputs; refusing to overwrite it`);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text.endsWith('\n') ? text : text + '\n');
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
