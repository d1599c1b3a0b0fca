/**
 * Reads a user file as text, refusing what is not text: binary content, invalid UTF-8.
 * A UTF-8 byte-order mark is dropped; CRLF line endings are left to the YAML parser, which accepts them.
 */
import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';

export type TextResult = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

export function decodeText(bytes: Uint8Array): TextResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, ...positionOf(bytes, nul), message: 'binary content (a NUL byte) where a text file was expected; is this the right file?' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, ...positionOf(bytes, at), message: 'not valid UTF-8; save the file as UTF-8 (most editors: "Save with encoding")' };
  }
}

/** Far above any real plan or population file; refusing bigger ones keeps memory bounded. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Reads a file the user named; missing files and directories are usage errors (exit 2). */
export function readUserFile(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (st.isDirectory()) throw new UserError(`${path}: is a directory; name a plan file (e.g. ${path}/dost.yaml)`);
  if (st.size > MAX_INPUT_BYTES) throw new UserError(`${path}: ${(st.size / 2 ** 20).toFixed(0)} MB is more than the ${MAX_INPUT_BYTES / 2 ** 20} MB an input may be`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`);
  }
}

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
