/**
 * Which reader a population file needs, decided from its first bytes (the extension only breaks a
 * tie between two text formats): a GeoTIFF is "II*\0" / "MM\0*" (classic) or "II+\0" / "MM\0+"
 * (BigTIFF), a GeoPackage is an SQLite database ("SQLite format 3\0"), and text is JSON (GeoJSON
 * points), a CSV of H3 cells (a column h3 / h3index / hex_id) or a CSV of points.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type PopulationFormat = 'geotiff' | 'geopackage' | 'h3-csv' | 'points-csv' | 'geojson' | 'xlsx';

/** Reads up to `n` bytes from the start of a file (the caller has already checked it exists). */
export function readHead(path: string, n = 4096): Buffer {
  // A pipe or device cannot be read twice (and open() on a FIFO blocks): the extension decides,
  // and the reader's byte-limited read (load/text-input.ts) reports what it finds.
  if (!statSync(path).isFile()) return Buffer.alloc(0);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

const H3_COLUMNS = ['h3', 'h3index', 'h3_index', 'hex_id', 'hex', 'h3_cell'];

/** The header's H3 column name, if a CSV header line names one (case-insensitive). */
export function h3Column(header: string[]): string | undefined {
  return header.find((h) => H3_COLUMNS.includes(h));
}

export function detectFormat(head: Buffer): PopulationFormat {
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === 'II*\0' || magic === 'MM\0*' || magic === 'II+\0' || magic === 'MM\0+') return 'geotiff';
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'geopackage';
  // A ZIP archive: an Excel workbook (its points or H3 cells are told apart by its header row).
  if (magic === 'PK\x03\x04') return 'xlsx';
  // Text: skip a UTF-8 BOM and leading blanks.
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'geojson';
  const header = (text.split(/\r?\n/, 1)[0] ?? '')
    .split(/[,;\t]/)
    .map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  return h3Column(header) ? 'h3-csv' : 'points-csv';
}
