/**
 * Files of another kind where a table (CSV, GeoJSON, .xlsx) was expected, told by their first
 * bytes or, for a ZIP archive, by the entries inside: an old Excel workbook (.xls), an
 * OpenDocument spreadsheet (.ods), a Word file, a PDF, an image. The message says what the file
 * is and how to save it as something dostplan reads — a usage error (exit 2), since the file
 * is not broken, only the wrong kind — instead of a parse error on binary content.
 */
import { InputError, type UserError } from '../../errors.js';
import { type Said, said } from '../../model/said.js';
import type { RunContext } from '../../run/run-context.js';
import { decodeText, readBinaryFile, readUserFile } from '../text-input.js';
import { ZipArchive } from '../zip.js';

const SAVE_AS = said('read.kind.fix.save_as');
const EXPORT = said('read.kind.fix.export');
const UNPACK = said('read.kind.fix.unpack');

/** Leading bytes → what the file is and what to do. */
const SIGNATURES: { magic: number[]; kind: Said; fix: Said }[] = [
  // OLE2 compound file: Excel 97–2003 (.xls), also old .doc/.ppt.
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    kind: said('read.kind.xls'),
    fix: SAVE_AS,
  },
  { magic: bytes('%PDF-'), kind: said('read.kind.pdf'), fix: EXPORT },
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: said('read.kind.png'), fix: EXPORT },
  { magic: [0xff, 0xd8, 0xff], kind: said('read.kind.jpeg'), fix: EXPORT },
  { magic: bytes('GIF8'), kind: said('read.kind.gif'), fix: EXPORT },
  { magic: [0x1f, 0x8b], kind: said('read.kind.gzip'), fix: said('read.kind.fix.gunzip') },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: said('read.kind.7z'), fix: UNPACK },
  { magic: bytes('Rar!'), kind: said('read.kind.rar'), fix: UNPACK },
  {
    magic: bytes('SQLite format 3\0'),
    kind: said('read.kind.sqlite'),
    fix: said('read.kind.fix.export_layer'),
  },
];

function bytes(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

const ZIP_MAGIC = bytes('PK\x03\x04');

const startsWith = (head: Uint8Array, magic: number[]) =>
  head.length >= magic.length && magic.every((b, i) => head[i] === b);

/** Whether the bytes are a ZIP archive (an .xlsx, .ods, .docx, a zipped shapefile …). */
export const isZip = (head: Uint8Array): boolean => startsWith(head, ZIP_MAGIC);

/** What a file of another kind is and what to do, or undefined when its first bytes name no other kind. */
export function foreignKind(head: Uint8Array): { kind: Said; fix: Said } | undefined {
  return SIGNATURES.find((s) => startsWith(head, s.magic));
}

/** What a ZIP archive holds when it is not an Excel workbook; undefined when it is one. */
export function zipKind(zip: ZipArchive): { kind: Said; fix: Said } | undefined {
  if (zip.has('xl/workbook.xml')) return undefined;
  // OpenDocument puts its type, uncompressed and first, in an entry named mimetype.
  const mimetype = zip.has('mimetype') && (zip.entries.get('mimetype')?.size ?? 0) < 200 ? mimeOf(zip) : '';
  if (mimetype.endsWith('opendocument.spreadsheet'))
    return { kind: said('read.kind.ods'), fix: said('read.kind.fix.save_as_libreoffice') };
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) return { kind: said('read.kind.odf'), fix: EXPORT };
  if (zip.has('word/document.xml')) return { kind: said('read.kind.docx'), fix: EXPORT };
  if (zip.has('ppt/presentation.xml')) return { kind: said('read.kind.pptx'), fix: EXPORT };
  return { kind: said('read.kind.zip'), fix: said('read.kind.fix.unzip') };
}

function mimeOf(zip: ZipArchive): string {
  try {
    return zip.read('mimetype').toString('latin1').trim();
  } catch {
    return '';
  }
}

/** The usage error for a file of another kind (exit 2: the file is fine, only not a table). */
export function foreignFile(file: string, what: { kind: Said; fix: Said }): UserError {
  return new InputError(file, said('read.kind.foreign', { kind: what.kind, fix: what.fix }), 2);
}

/**
 * A table file's text (CSV, GeoJSON), refusing first, by name, the kinds of file people send by
 * mistake; a binary or non-UTF-8 file of no known kind is a data error at its line and column.
 */
export function readTableText(run: RunContext, path: string): string {
  // Text is read up to its first NUL byte; a ZIP archive is read whole to list what it holds.
  const head = readUserFile(run, path);
  return tableText(isZip(head) ? readBinaryFile(run, path) : head, path);
}

/** The same for bytes already read. */
export function tableText(bytes: Uint8Array, path: string): string {
  const other = foreignKind(bytes) ?? (isZip(bytes) ? zipKind(new ZipArchive(bytes, path)) : undefined);
  if (other) throw foreignFile(path, other);
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError(`${path}:${decoded.line}:${decoded.column}`, decoded.said, 1);
  return decoded.text;
}
