/**
 * A look at a TIFF's first image directory (IFD) before geotiff.js parses it: a few bytes of
 * header can declare a field of a billion values (which geotiff.js reads one by one) or an image
 * of 4 billion cells with one strip. Refused here, in a few reads: a directory or a field that
 * would reach past the end of the file, and block offsets that do not match the image's size.
 * Layout: TIFF 6.0 §2 (classic) and the BigTIFF design (64-bit offsets and counts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type Said, said } from '../../model/said.js';

/** Bytes per value of each TIFF field type (TIFF 6.0 and BigTIFF); unknown types count 1. */
const TYPE_BYTES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};
const MAX_ENTRIES = 1000;
const TAG = {
  width: 256,
  height: 257,
  samples: 277,
  rowsPerStrip: 278,
  planar: 284,
  stripOffsets: 273,
  tileWidth: 322,
  tileHeight: 323,
  tileOffsets: 324,
};

interface Entry {
  type: number;
  count: number;
  /** The value when it is one SHORT or LONG (held in the entry itself). */
  value: number;
}

/** Why the file's structure cannot be read safely, or undefined when it can. */
export function tiffStructureProblem(path: string): Said | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (at: number, n: number) => {
      const b = Buffer.alloc(n);
      return readSync(fd, b, 0, n, at) === n ? b : undefined;
    };
    const head = read(0, 16);
    if (!head) return said('read.tiff.short');
    const le = head.toString('latin1', 0, 2) === 'II';
    const u16 = (b: Buffer, at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
    const u32 = (b: Buffer, at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
    const u64 = (b: Buffer, at: number) => Number(le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at));
    const big = u16(head, 2) === 43;
    const ifd = big ? u64(head, 8) : u32(head, 4);
    const countBytes = big ? 8 : 2,
      entryBytes = big ? 20 : 12;
    const countBuf = read(ifd, countBytes);
    if (!countBuf) return said('read.tiff.directory_past_end');
    const n = big ? u64(countBuf, 0) : u16(countBuf, 0);
    if (n > MAX_ENTRIES) return said('read.tiff.too_many_fields', { n });
    const entries = read(ifd + countBytes, n * entryBytes);
    if (!entries) return said('read.tiff.directory_runs_past');
    const fields = new Map<number, Entry>();
    for (let i = 0; i < n; i++) {
      const at = i * entryBytes;
      const type = u16(entries, at + 2);
      const count = big ? u64(entries, at + 4) : u32(entries, at + 4);
      if (count * (TYPE_BYTES[type] ?? 1) > size) return said('read.tiff.field_too_big', { field: u16(entries, at) });
      const valueAt = at + (big ? 12 : 8);
      const value =
        type === 3
          ? u16(entries, valueAt)
          : type === 4
            ? u32(entries, valueAt)
            : type === 16
              ? u64(entries, valueAt)
              : NaN;
      fields.set(u16(entries, at), { type, count, value });
    }
    return blocksProblem(fields);
  } finally {
    closeSync(fd);
  }
}

/** The image needs one offset per block (tile or strip, per sample when planar): as many as it locates. */
function blocksProblem(f: Map<number, Entry>): Said | undefined {
  const v = (tag: number) => f.get(tag)?.value;
  const width = v(TAG.width),
    height = v(TAG.height);
  if (!(width! > 0 && height! > 0)) return undefined; // geotiff.js reports a missing size itself
  const planes = v(TAG.planar) === 2 ? (v(TAG.samples) ?? 1) : 1;
  const tiled = f.has(TAG.tileOffsets);
  const across = tiled ? Math.ceil(width! / (v(TAG.tileWidth) ?? width!)) : 1;
  const down = Math.ceil(height! / ((tiled ? v(TAG.tileHeight) : v(TAG.rowsPerStrip)) ?? height!));
  const needed = across * down * planes;
  const located = f.get(tiled ? TAG.tileOffsets : TAG.stripOffsets)?.count ?? 0;
  return needed === located ? undefined : said('read.tiff.blocks', { width: width!, height: height!, needed, located });
}
