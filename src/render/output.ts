/**
 * Where results go: stdout, or --out FILE.
 *
 * A regular file (or a symlink to one) is written atomically: a temp file beside the real target,
 * then rename, so an interrupted run never leaves a half-written report and a symlink stays a
 * symlink. A device or pipe (/dev/stdout, /dev/null, a FIFO) is written through, never replaced.
 * A file this run read is never written: --out is compared with every input by device and
 * inode, so no name, symlink or hard link gets around it.
 */
import {
  chmodSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { said, type SaidParam } from '../model/said.js';
import type { RunContext } from '../run/run-context.js';
import { withBom } from './table.js';

/** A result ends with a newline (stdout, --out and the server's answers alike). */
export const withNewline = (text: string) => (text.endsWith('\n') || text === '' ? text : `${text}\n`);

/** Writes a run's result; the run knows its inputs (never overwritten) and --bom. */
export function writeResult(run: RunContext, result: string, out?: string): void {
  const text = run.bom ? withBom(result) : result;
  if (out === undefined) {
    writeStdout(withNewline(text));
    return;
  }
  writeFileResult(run, withNewline(text), out);
}

/** Bytes (a GeoTIFF) to --out, atomically as text is; to stdout only when it is not a terminal. */
export function writeBinaryResult(run: RunContext, bytes: Uint8Array, out: string | undefined, what: SaidParam): void {
  if (out === undefined) {
    if (process.stdout.isTTY) throw new UserError(said('refuse.binary_to_terminal', { what }));
    writeStdout(bytes);
    return;
  }
  writeFileResult(run, bytes, out);
}

function writeFileResult(run: RunContext, data: string | Uint8Array, out: string): void {
  if (out.trim() === '') throw new UserError(said('refuse.out_empty'));
  const existing = statOrUndefined(out);
  const link = lstatOrUndefined(out);
  if (link?.isSymbolicLink() && !existing) throw new UserError(said('refuse.out_dangling_link', { out }));
  if (existing) {
    const input = run.inputs.at(existing);
    if (input !== undefined)
      throw new UserError(
        input === out ? said('refuse.out_is_an_input', { out }) : said('refuse.out_is_the_input', { out, input }),
      );
    if (existing.isDirectory()) throw new UserError(said('refuse.out_is_directory', { out }));
    if (!existing.isFile()) {
      writeThrough(out, data, existing);
      return;
    }
  }
  // A symlink is followed: the temp file goes beside the file it points to, and the link stays.
  writeAtomically(link?.isSymbolicLink() ? realpathSync(out) : out, data, out);
}

/**
 * Writes a file whole or not at all: a temp file beside `target` (its mode kept), then rename.
 * `accept(tmp)`, when given, looks at the written temp file first (dostplan serve validates a plan
 * before it replaces the user's): false leaves `target` as it was. `name`: the file in messages.
 */
export function writeAtomically(
  target: string,
  data: string | Uint8Array,
  name = target,
  accept?: (tmp: string) => boolean,
): boolean {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    const existing = statOrUndefined(target);
    if (existing) chmodSync(tmp, existing.mode & 0o7777);
    if (accept && !accept(tmp)) {
      rmSync(tmp, { force: true });
      return false;
    }
    renameSync(tmp, target);
    return true;
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw cannotWrite(name, e);
  }
}

/** Character devices, FIFOs and sockets are written in place: replacing them would break the system or the reader. */
function writeThrough(out: string, data: string | Uint8Array, st: Stats): void {
  if (st.isBlockDevice()) throw new UserError(said('refuse.out_block_device', { out }));
  let fd: number | undefined;
  try {
    fd = openSync(out, constants.O_WRONLY | (constants.O_NOCTTY ?? 0));
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } catch (e) {
    throw cannotWrite(out, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file that could not be written: its name, and the system's code for why (EACCES, ENOSPC). */
const cannotWrite = (file: string, e: unknown) =>
  new UserError(
    said('refuse.cannot_write', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
  );

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Results go to stdout with synchronous writes whose errors are checked like --out's: stdout may
 * be a file on a full disk (`report > file`), where process.stdout.write would drop the rest
 * silently and exit 0, or fail later with a stack trace. A reader that went away (EPIPE: `| head`)
 * ends the run quietly; a pipe that is full for now (EAGAIN) is waited on; any other error is
 * exit 2 with a message.
 */
export function writeStdout(text: string | Uint8Array, fd = 1): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      const reason = code ?? (e as Error).message;
      const full = code === 'ENOSPC' || code === 'EDQUOT';
      throw new UserError(said(full ? 'refuse.stdout_full' : 'refuse.stdout_failed', { reason }));
    }
  }
}

/**
 * A reader that stops early (`| head`) closes stdout: the rest of the output has nowhere to go and
 * that is not an error. Without this, node reports EPIPE with a stack from node:events.
 */
export function quietOnClosedStdout(): void {
  // The process's own stdout, so once per process however many runs it makes.
  if (process.stdout.listeners('error').includes(onStdoutError)) return;
  process.stdout.on('error', onStdoutError);
}

function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
}
