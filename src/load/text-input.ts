/**
 * Reads a user file as text, refusing what is not text: binary content, invalid UTF-8.
 * A UTF-8 byte-order mark is dropped; CRLF line endings are left to the YAML parser, which accepts them.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';
import { type Said, said, told } from '../model/said.js';
import type { RunContext } from '../run/run-context.js';
import { LONG_RUN_BYTES } from './long-run.js';

export type TextResult =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; message: string; said: Said };

export function decodeText(bytes: Uint8Array): TextResult {
  // UTF-16 (Windows' "Unicode") has a NUL in every other byte of plain text: say so, not "binary".
  if (isUtf16(bytes)) return { ok: false, line: 1, column: 1, ...told(said('encoding.utf16')) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      ...positionOf(bytes, nul),
      ...told(said('read.text.binary')),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      ...positionOf(bytes, at),
      ...told(said('read.text.not_utf8')),
    };
  }
}

/**
 * A UTF-16 file: its byte-order mark (FF FE or FE FF), or, without one, text whose first bytes
 * (up to 64 pairs) are each a NUL beside a non-NUL on the same side, as ASCII text in UTF-16 is.
 */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const pairs = Math.min(64, Math.floor(bytes.length / 2));
  const side = (zero: 0 | 1) => {
    for (let i = 0; i < pairs; i++) if (bytes[2 * i + zero] !== 0 || bytes[2 * i + 1 - zero] === 0) return false;
    return true;
  };
  return side(0) || side(1);
}

/** Far above any real plan or population file; refusing bigger ones keeps memory bounded. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const CHUNK = 1 << 16;

/**
 * Records a file read by other means (the embedded dataset) as an input of the run, so --out
 * never replaces it.
 */
export function noteInput(run: RunContext, path: string): void {
  try {
    run.inputs.record(statSync(path), path);
  } catch {
    // Not there: nothing to protect.
  }
}

const { O_RDONLY, O_NONBLOCK = 0 } = fsConstants;

/**
 * Reads a file the user named, for any kind of file: a regular file, a FIFO or process
 * substitution (`<(…)`), a device. The byte limit holds while reading, because a stat size means
 * nothing for /dev/zero or a pipe (both say 0). For text, reading stops early at the first NUL
 * byte: the content is then binary, which decodeText reports with its line and column. Binary
 * formats (GeoPackage) pass `binary`, which reads on to the end: NUL bytes are their content.
 * Missing files, directories and oversized inputs are usage/I-O errors (exit 2).
 */
export function readUserFile(
  run: RunContext,
  path: string,
  limit = MAX_INPUT_BYTES,
  name = path,
  binary = false,
): Uint8Array {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    throw new InputError(name, missing ? said('read.file.missing') : cannotRead(code));
  }
  if (st.isDirectory()) throw new InputError(name, said('read.file.directory', { name }));
  const tooBig = () => new InputError(name, said('read.file.too_big', { mb: limit / 2 ** 20 }));
  if (st.isFile() && st.size > limit) throw tooBig();
  let fd: number;
  try {
    // Non-blocking, so a FIFO nobody writes to reads as empty instead of hanging in open().
    fd = openSync(path, O_RDONLY | (st.isFIFO() ? O_NONBLOCK : 0));
  } catch (e) {
    throw new InputError(name, cannotRead((e as NodeJS.ErrnoException).code));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    // Recorded here, where every user file is read, so no command can forget an input.
    run.inputs.record(fstatSync(fd), name);
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK, null);
      } catch (e) {
        // A pipe whose writer has not written yet: wait a little and try again.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        throw new InputError(name, cannotRead((e as NodeJS.ErrnoException).code));
      }
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooBig();
      const chunk = buf.subarray(0, n);
      chunks.push(chunk);
      if (!binary && chunk.includes(0)) break;
    }
  } finally {
    closeSync(fd);
  }
  if (total === 0 && st.isFIFO()) {
    throw new InputError(name, said('read.file.empty_pipe'));
  }
  if (total > LONG_RUN_BYTES) run.expectLong();
  return Buffer.concat(chunks, total);
}

/**
 * A binary user file (GeoPackage, XLSX workbook): the same limits and input log, read to the end
 * whatever NUL bytes it holds. Binary formats must never go through the text path.
 */
export function readBinaryFile(run: RunContext, path: string): Uint8Array {
  return readUserFile(run, path, MAX_INPUT_BYTES, path, true);
}

/**
 * readUserFile + decodeText for callers that only want text: a binary or non-UTF-8 file is a
 * data error (exit 1) at file:line:col.
 */
export function readUserText(run: RunContext, path: string): string {
  const decoded = decodeText(readUserFile(run, path));
  if (!decoded.ok) throw new InputError(`${path}:${decoded.line}:${decoded.column}`, decoded.said, 1);
  return decoded.text;
}

/** Why a file cannot be read: the system's error code (ENOENT, EACCES …), or "I/O error". */
const cannotRead = (code: string | undefined): Said =>
  code ? said('read.file.unreadable', { code }) : said('read.file.io_error');

function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}
