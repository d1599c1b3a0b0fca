/**
 * Excel workbooks (--format xlsx): each of a result's tables (render/tables.ts) on a sheet of its
 * own, header row in bold and frozen, numbers as numbers, then a sheet saying how the figures
 * were made — the file planners at a ministry circulate. Written by write-excel-file (MIT, one
 * dependency, fflate), loaded only when a workbook is asked for.
 *
 * The same inputs give the same bytes, as every other output: the zip's entries carry the time
 * they were written, so each is stamped 1980-01-01 00:00 (the zip format's first day) instead.
 */
import { createRequire } from 'node:module';
import type { Format, Outputs, RenderContext } from '../outputs.js';
import { type Provenance, provenancePairs } from '../provenance.js';
import type { DataTable } from '../table.js';
import { TABLES, type TableKind, tablesOf } from '../tables.js';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel's rules). */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** A plain decimal number written as text (the regions table) is a number in the workbook, as in CSV. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

type Cell =
  | { value: string; type: StringConstructor; fontWeight?: 'bold' }
  | { value: number; type: NumberConstructor }
  | null;

function cell(v: string | number): Cell {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null;
  if (v === '') return null;
  return NUMBER.test(v) ? { value: Number(v), type: Number } : { value: v, type: String };
}

const bold = (v: string): Cell => ({ value: v, type: String, fontWeight: 'bold' });

function sheet(t: DataTable) {
  return {
    sheet: sheetName(t.name),
    data: [t.headers.map(bold), ...t.rows.map((r) => r.map(cell))],
    stickyRowsCount: 1,
    columns: t.headers.map((h, i) => ({
      width: Math.min(40, Math.max(h.length, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length)) + 2),
    })),
  };
}

function aboutSheet(p: Provenance) {
  return {
    sheet: 'How the figures were made',
    data: [[bold('what'), bold('')], ...provenancePairs(p).map(([k, v]) => [cell(k), { value: v, type: String }])],
    columns: [{ width: 16 }, { width: 100 }],
  };
}

export async function workbook(tables: DataTable[], provenance?: Provenance): Promise<Uint8Array> {
  // require(), not import(): the bundle runs in a vm.Script, where import() of a package fails.
  const writeXlsxFile = createRequire(import.meta.url)(
    'write-excel-file/node',
  ) as typeof import('write-excel-file/node').default;
  const sheets = [...tables.map(sheet), ...(provenance ? [aboutSheet(provenance)] : [])];
  const bytes = await writeXlsxFile(sheets as never).toBuffer();
  return stampZipTimes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** 1980-01-01 00:00 in MS-DOS date and time, as zip headers store them. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Every entry of a zip stamped with DOS_DATE and DOS_TIME, in its central directory record and its
 * local header (the CRCs and sizes do not cover them). Walks the central directory from the end
 * record; a zip it does not understand is returned as it is.
 */
export function stampZipTimes(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && v.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) return zip;
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  for (let i = 0; i < count && at + 46 <= zip.length && v.getUint32(at, true) === 0x02014b50; i++) {
    v.setUint16(at + 12, DOS_TIME, true);
    v.setUint16(at + 14, DOS_DATE, true);
    const local = v.getUint32(at + 42, true);
    if (local + 30 <= zip.length && v.getUint32(local, true) === 0x04034b50) {
      v.setUint16(local + 10, DOS_TIME, true);
      v.setUint16(local + 12, DOS_DATE, true);
    }
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return zip;
}

const xlsx =
  <K extends TableKind>(kind: K) =>
  (o: Outputs[K], ctx: RenderContext) =>
    workbook(tablesOf(kind, o), ctx.provenance);

export const xlsxFormat: Format = Object.fromEntries(
  (Object.keys(TABLES) as TableKind[]).map((kind) => [kind, xlsx(kind)]),
) as Format;
