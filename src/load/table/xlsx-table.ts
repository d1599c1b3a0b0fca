/**
 * A worksheet of an Excel workbook (.xlsx, Office Open XML) as a Table: the first sheet, or the
 * one named. The archive is unpacked by load/zip.ts within its caps; the workbook, its shared
 * strings and the sheet are read by saxes as a stream of tags (no document tree), so memory is the
 * cells kept, and the rows are capped like a CSV's. Numbers stay numbers; a formula cell gives its
 * cached value; positions are the sheet's own (row 12, column C).
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../../errors.js';
import { amount, type Said, said } from '../../model/said.js';
import { ZipArchive } from '../zip.js';
import { foreignFile, foreignKind, zipKind } from './file-kind.js';
import { MAX_TABLE_ROWS } from './csv-table.js';
import type { Cell, Table } from './table.js';

/** Excel's own limit (XFD). */
const MAX_COLUMNS = 16_384;

export function readXlsxTable(bytes: Uint8Array, file: string, sheet?: string): Table {
  const other = foreignKind(bytes);
  if (other) throw foreignFile(file, other);
  const zip = new ZipArchive(bytes, file);
  const inside = zipKind(zip);
  if (inside) throw foreignFile(file, inside);
  const sheets = workbookSheets(zip, file);
  if (sheets.length === 0) throw new InputError(file, said('read.xlsx.no_sheets'), 1);
  const chosen = sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === sheet);
  if (!chosen)
    throw new InputError(
      file,
      said('read.xlsx.no_such_sheet', {
        sheet: printable(sheet!),
        sheets: sheets.map((s) => printable(s.name)).join(', '),
      }),
      2,
    );
  const strings = zip.has('xl/sharedStrings.xml') ? sharedStrings(zip, file) : [];
  const { rows, rowNumbers } = sheetRows(zip, chosen.path, strings, file, chosen.name);
  if (rows.length === 0)
    throw new InputError(file, said('read.xlsx.empty_sheet', { sheet: printable(chosen.name) }), 1);
  const [head, ...data] = rows;
  const headNumber = rowNumbers[0]!;
  const dataNumbers = rowNumbers.slice(1);
  const place = `${file}: sheet ${printable(chosen.name)}`;
  return {
    file,
    header: head!.map((c) => (c === undefined ? '' : String(c))),
    headerAt: `${place}, row ${headNumber}`,
    rows: data,
    where: (row, field) => `${place}, row ${dataNumbers[row]}, column ${columnName(field)}`,
    rowName: (row) => said('read.at.row', { row: dataNumbers[row]! }),
  };
}

/** Column index (0-based) → A, B, …, Z, AA, … */
export function columnName(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C12" → 2 (the column of a cell reference). */
function columnOf(ref: string): number {
  let k = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    k = k * 26 + (c - 64);
  }
  return k - 1;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
const printable = (s: string) => `'${s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 40)}'`;

function parseXml(text: string, file: string, part: Said, on: (p: SaxesParser) => void): void {
  const parser = new SaxesParser();
  let failure = false;
  parser.on('error', () => {
    failure = true;
  });
  on(parser);
  try {
    parser.write(text).close();
  } catch {
    failure = true;
  }
  if (failure) throw new InputError(file, said('read.xlsx.bad_xml', { part }), 1);
}

/** The sheets in workbook order, with the path of each one's XML inside the archive. */
function workbookSheets(zip: ZipArchive, file: string): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  if (zip.has('xl/_rels/workbook.xml.rels'))
    parseXml(zip.read('xl/_rels/workbook.xml.rels').toString('utf8'), file, said('read.xlsx.part.relations'), (p) =>
      p.on('opentag', (t) => {
        const a = t.attributes as Record<string, string>;
        if (t.name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
      }),
    );
  const sheets: { name: string; path: string }[] = [];
  parseXml(zip.read('xl/workbook.xml').toString('utf8'), file, said('read.xlsx.part.workbook'), (p) =>
    p.on('opentag', (t) => {
      if (t.name !== 'sheet') return;
      const a = t.attributes as Record<string, string>;
      const target = targets.get(a['r:id'] ?? '') ?? `worksheets/sheet${sheets.length + 1}.xml`;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, path });
    }),
  );
  return sheets;
}

/** The shared strings table: each <si>'s text, rich-text runs joined, phonetic guides left out. */
function sharedStrings(zip: ZipArchive, file: string): string[] {
  const out: string[] = [];
  let text = '',
    inT = false,
    phonetic = 0;
  parseXml(zip.read('xl/sharedStrings.xml').toString('utf8'), file, said('read.xlsx.part.strings'), (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'si') text = '';
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't' && !phonetic) inT = true;
    });
    p.on('text', (s) => {
      if (inT) text += s;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inT = false;
      else if (t.name === 'rPh') phonetic--;
      else if (t.name === 'si') out.push(text);
    });
  });
  return out;
}

/** The sheet's non-empty rows as cells by column (0 = A), with each row's number in the sheet. */
function sheetRows(
  zip: ZipArchive,
  path: string,
  strings: string[],
  file: string,
  sheetName: string,
): { rows: Cell[][]; rowNumbers: number[] } {
  if (!zip.has(path)) throw new InputError(file, said('read.xlsx.sheet_missing', { sheet: printable(sheetName) }), 1);
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  let row: Cell[] = [],
    rowNumber = 0,
    col = -1,
    type = '',
    value = '',
    inValue = false,
    tooMany = false;
  parseXml(
    zip.read(path).toString('utf8'),
    file,
    said('read.xlsx.part.sheet', { sheet: printable(sheetName) }),
    (p) => {
      p.on('opentag', (t) => {
        const a = t.attributes as Record<string, string>;
        if (t.name === 'row') {
          row = [];
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          col = -1;
        } else if (t.name === 'c') {
          col = a.r ? columnOf(a.r) : col + 1;
          type = a.t ?? 'n';
          value = '';
        } else if (t.name === 'v' || (t.name === 't' && type === 'inlineStr')) inValue = true;
      });
      p.on('text', (s) => {
        if (inValue) value += s;
      });
      p.on('closetag', (t) => {
        if (t.name === 'v' || t.name === 't') inValue = false;
        else if (t.name === 'c') {
          if (col < 0 || col >= MAX_COLUMNS) return;
          const cell = cellValue(type, value, strings);
          if (cell !== undefined) row[col] = cell;
        } else if (t.name === 'row') {
          if (!row.some((c) => c !== undefined && c !== '')) return;
          if (rows.length > MAX_TABLE_ROWS) {
            tooMany = true;
            return;
          }
          rows.push(Array.from(row, (c) => c));
          rowNumbers.push(rowNumber);
        }
      });
    },
  );
  if (tooMany)
    throw new InputError(
      file,
      said('read.xlsx.too_many_rows', { sheet: printable(sheetName), max: amount(MAX_TABLE_ROWS) }),
      1,
    );
  return { rows, rowNumbers };
}

function cellValue(type: string, v: string, strings: string[]): Cell {
  switch (type) {
    case 's': {
      const s = strings[Number(v)];
      return s === undefined ? undefined : s;
    }
    case 'str':
    case 'inlineStr':
      return v;
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return undefined;
    default: {
      if (v.trim() === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}
