/**
 * A bounded reader of ZIP archives (an .xlsx workbook, a zipped shapefile): the central directory
 * lists the entries, and an entry is inflated by Node's zlib with a hard cap on its output, so a
 * zip bomb (a few kilobytes that inflate to gigabytes, or sizes in the directory that lie) stops
 * at the cap with a message instead of filling memory. Stored and deflated entries only (what
 * spreadsheets and GIS tools write); ZIP64 and encryption are refused.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError, type UserError } from '../errors.js';
import { type Said, said } from '../model/said.js';

/** No workbook or shapefile a planner sends holds more files than this. */
export const MAX_ZIP_ENTRIES = 10_000;
/** What all the entries read from one archive may inflate to, together. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  flags: number;
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private budget: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly limit = MAX_UNZIPPED_BYTES,
  ) {
    this.budget = limit;
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEnd(b);
    if (eocd < 0) throw this.bad(said('read.zip.not_zip'));
    const count = b.readUInt16LE(eocd + 10);
    const dirSize = b.readUInt32LE(eocd + 12);
    const dirStart = b.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirStart === 0xffffffff) throw this.bad(said('read.zip.zip64'));
    if (count > MAX_ZIP_ENTRIES) throw this.bad(said('read.zip.too_many_files', { max: MAX_ZIP_ENTRIES }));
    if (dirStart + dirSize > eocd) throw this.bad(said('read.zip.directory_past_end'));
    let p = dirStart;
    for (let k = 0; k < count; k++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw this.bad(said('read.zip.bad_entry'));
      const nameLen = b.readUInt16LE(p + 28),
        extraLen = b.readUInt16LE(p + 30),
        commentLen = b.readUInt16LE(p + 32);
      const name = b.toString('utf8', p + 46, p + 46 + nameLen);
      this.entries.set(name, {
        name,
        flags: b.readUInt16LE(p + 8),
        method: b.readUInt16LE(p + 10),
        compressedSize: b.readUInt32LE(p + 20),
        size: b.readUInt32LE(p + 24),
        offset: b.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's bytes, inflated within what is left of the archive's budget. */
  read(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw this.bad(said('read.zip.no_entry', { name }));
    if (e.flags & 1) throw this.bad(said('read.zip.encrypted'));
    const b = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== 0x04034b50)
      throw this.bad(said('read.zip.misplaced', { name }));
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw this.bad(said('read.zip.entry_past_end', { name }));
    const data = b.subarray(start, end);
    let out: Buffer;
    if (e.method === 0) out = Buffer.from(data);
    else if (e.method === 8) {
      try {
        // The cap holds whatever the directory claims: zlib stops at maxOutputLength.
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, this.budget) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw this.tooBig();
        throw this.bad(said('read.zip.no_inflate', { name }));
      }
    } else throw this.bad(said('read.zip.method', { name, method: e.method }));
    this.budget -= out.length;
    if (this.budget < 0) throw this.tooBig();
    return out;
  }

  private tooBig(): UserError {
    const mb = this.limit / 2 ** 20;
    return this.bad(
      mb >= 1 ? said('read.zip.too_big_mb', { mb }) : said('read.zip.too_big_bytes', { bytes: this.limit }),
    );
  }

  private bad(what: Said): UserError {
    return new InputError(this.file, what, 1);
  }
}

/** The end-of-central-directory record: searched from the end, past a comment of up to 64 KB. */
function findEnd(b: Buffer): number {
  for (let p = b.length - 22; p >= 0 && p >= b.length - 22 - 0xffff; p--)
    if (b.readUInt32LE(p) === 0x06054b50) return p;
  return -1;
}
