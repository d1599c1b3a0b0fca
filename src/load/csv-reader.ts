/**
 * The one CSV reader: every CSV dostplan reads (population points, facility lists, candidate sites,
 * H3 exports, the data folder's points, data/inputs at build time) goes through this cursor.
 *
 * The dialect is RFC 4180 as spreadsheets write it: fields optionally in double quotes (doubled
 * quotes inside, line breaks allowed), LF, CRLF or CR line ends, a UTF-8 byte-order mark ignored,
 * empty lines skipped, the separator given or taken from the header line (load/csv-dialect.ts).
 * With `trim` (the default) blanks around a field are not part of it and a line of blanks is empty,
 * as csv-parse's `trim` reads them: tests/csv-reader.test.ts checks that both give the same records
 * (or both refuse) on generated files. It scans the text in place with a cursor — no string per
 * character, no object per row — so the points reader can parse numbers where they stand; a million
 * rows take a few hundred milliseconds. Every problem is an InputError at file:line:column, the
 * column counted in characters (load/text-position.ts); a cell's own place (`place`, `cellPlace`)
 * is where its value starts: its opening quote, or its first character after blanks.
 */
import { InputError } from '../errors.js';
import { amount, type Said, said } from '../model/said.js';
import { type Delimiter, delimiterOf, delimiterSaid } from './csv-dialect.js';
import { columnAt, lineStartOf } from './text-position.js';

export const QUOTE = 34,
  LF = 10,
  CR = 13,
  SPACE = 32,
  TAB = 9,
  FORM_FEED = 12;

export interface CsvOptions {
  /** The separator; default: the header line's (csv-dialect.ts). */
  delimiter?: Delimiter;
  /** Blanks around a field are not part of it, and a line of blanks is empty (default: true). */
  trim?: boolean;
  /** Every record must have as many fields as the first (the header). */
  sameWidth?: boolean;
  /** Refuse a file with more records than this (header included) before it fills memory. */
  maxRecords?: number;
}

export interface CsvRecords {
  records: string[][];
  /** Each record's first line in the file (1-based). */
  lines: number[];
  delimiter: Delimiter;
  /** Where a record's field starts (both 0-based; a field the record lacks: where the record ends). */
  place(record: number, field: number): Place;
}

/** A place in the text: line and column, 1-based, the column in characters. */
export interface Place {
  line: number;
  column: number;
}

/** Every record of a CSV text, as strings (the header first). */
export function readCsv(text: string, file: string, o: CsvOptions = {}): CsvRecords {
  const delimiter = o.delimiter ?? delimiterOf(text);
  const trim = o.trim ?? true;
  const cursor = new CsvCursor(text, file, delimiter, trim);
  const records: string[][] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  const max = o.maxRecords ?? Number.POSITIVE_INFINITY;
  const place = (r: number, field: number) => cellPlace(text, delimiter, trim, starts[r]!, lines[r]!, field);
  for (let record = cursor.record(); record !== undefined; record = cursor.record()) {
    if (records.length >= max) throw new InputError(file, said('read.too_many_rows', { max: amount(max - 1) }), 1);
    starts.push(cursor.recordStart);
    lines.push(cursor.recordLine);
    if (o.sameWidth && records.length > 0 && record.length !== records[0]!.length) {
      // At the first field too many, or where the short record ends.
      const at = place(records.length, Math.min(record.length, records[0]!.length));
      throw new InputError(
        `${file}:${at.line}:${at.column}`,
        said('read.csv.row_width', {
          n: record.length,
          header: records[0]!.length,
          separator: delimiterSaid(delimiter),
        }),
        1,
      );
    }
    records.push(record);
  }
  return { records, lines, delimiter, place };
}

/**
 * Where field `field` of the record that starts at `start` (on line `line`) begins, found by
 * reading the record again: a record keeps one offset, not one per cell, and only a message asks.
 * A field the record does not have is placed where the record ends.
 */
export function cellPlace(
  text: string,
  delimiter: string,
  trim: boolean,
  start: number,
  line: number,
  field: number,
): Place {
  const cursor = new CsvCursor(text, '', delimiter, trim);
  cursor.seek(start, line);
  for (let k = 0; k < field; k++) {
    cursor.skip();
    if (!cursor.separator()) return cursor.place();
  }
  cursor.cellStart();
  return cursor.place();
}

/** A data folder's CSV, as data:build writes it: comma-separated, fields taken as they are. */
export const DATA_CSV: CsvOptions = { delimiter: ',', trim: false };

/** Records keyed by the header row (a short row's missing fields are ''). */
export function csvObjects(text: string, file: string, o: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = readCsv(text, file, o).records;
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

/** A cursor over the text: records and fields, with the line and column it is at. */
export class CsvCursor {
  protected i: number;
  /** The line the cursor is on, and the first line of the record last started. */
  line = 1;
  recordLine = 1;
  /** Where the record last started begins in the text. */
  recordStart = 0;
  protected lineStart: number;
  protected readonly n: number;
  protected readonly sep: number;

  constructor(
    protected readonly s: string,
    protected readonly file: string,
    delimiter: string,
    protected readonly trim = true,
  ) {
    this.n = s.length;
    this.i = this.lineStart = s.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.sep = delimiter.charCodeAt(0);
  }

  /** At most this many records follow: the number of line breaks, plus one (lone CRs aside). */
  lineCountBound(): number {
    let count = 1;
    for (let at = this.s.indexOf('\n', this.i); at >= 0; at = this.s.indexOf('\n', at + 1)) count++;
    return count;
  }

  /** The cursor's column on its line, in characters. */
  column(): number {
    return columnAt(this.s, this.lineStart, this.i);
  }

  place(): Place {
    return { line: this.line, column: this.column() };
  }

  /** The offset the cursor is at (for cellPlace later). */
  get offset(): number {
    return this.i;
  }

  /** Puts the cursor at `offset`, which is on line `line` (a record's start, as recordStart kept it). */
  seek(offset: number, line: number): void {
    this.i = offset;
    this.line = line;
    this.lineStart = lineStartOf(this.s, offset);
  }

  /** Skips the blanks before a field and gives the offset where its value starts. */
  cellStart(): number {
    this.spaces();
    return this.i;
  }

  /** The place of an offset on line `line` (a cell the cursor has passed, by the offset cellStart() gave). */
  placeOf(offset: number, line: number): Place {
    return { line, column: columnAt(this.s, lineStartOf(this.s, offset), offset) };
  }

  /** Moves to the next record that is not empty (nor blank, with trim); false at the end of the text. */
  startRecord(): boolean {
    const { s, n } = this;
    for (;;) {
      let j = this.i;
      if (this.trim) while (j < n && this.isBlank(s.charCodeAt(j))) j++;
      if (j >= n) {
        this.i = j;
        return false;
      }
      const c = s.charCodeAt(j);
      if (c === CR || c === LF) {
        this.i = j;
        this.endLine();
        continue;
      }
      this.recordLine = this.line;
      this.recordStart = this.i;
      return true;
    }
  }

  /** One whole record as strings, or undefined at the end of the text. */
  record(): string[] | undefined {
    if (!this.startRecord()) return undefined;
    const out: string[] = [];
    do out.push(this.text());
    while (this.separator());
    return out;
  }

  /** After a field: consumes a separator (true), or stops at the end of the record (false). */
  separator(): boolean {
    this.spaces();
    const c = this.s.charCodeAt(this.i);
    if (c === this.sep) {
      this.i++;
      return true;
    }
    // The line break itself is passed by the next startRecord(), so errors still name this line.
    if (this.i >= this.n || c === CR || c === LF) return false;
    throw this.problem(said('read.csv.after_quote'));
  }

  /** A field as text ('' when empty; trimmed with trim, the inside of quotes kept as it is). */
  text(): string {
    this.spaces();
    if (this.s.charCodeAt(this.i) === QUOTE) return this.quoted();
    const start = this.i;
    this.i = this.unquotedEnd();
    const v = this.s.slice(start, this.i);
    return this.trim ? v.trimEnd() : v;
  }

  skip(): void {
    this.text();
  }

  /** Span of the current field, without its trailing blanks (after unquoted()). */
  from = 0;
  to = 0;

  /** An unquoted field: its span goes to from/to and the cursor past it (false: quoted, read it with text()). */
  unquoted(): boolean {
    this.spaces();
    if (this.s.charCodeAt(this.i) === QUOTE) return false;
    this.from = this.i;
    this.i = this.unquotedEnd();
    let e = this.i;
    if (this.trim) while (e > this.from && this.isBlank(this.s.charCodeAt(e - 1))) e--;
    this.to = e;
    return true;
  }

  /** Blanks around a field: space, form feed, and tab unless tab separates the fields. */
  protected isBlank(c: number): boolean {
    return c === SPACE || c === FORM_FEED || (c === TAB && this.sep !== TAB);
  }

  protected spaces(): void {
    if (!this.trim) return;
    while (this.isBlank(this.s.charCodeAt(this.i))) this.i++;
  }

  protected endLine(): void {
    if (this.s.charCodeAt(this.i) === CR) this.i++;
    if (this.s.charCodeAt(this.i) === LF) this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  protected problem(what: Said, line = this.line, column = this.column()): InputError {
    return new InputError(`${this.file}:${line}:${column}`, what, 1);
  }

  /** The end of an unquoted field; a quote inside one is an error (it would hide a broken quoted field). */
  protected unquotedEnd(): number {
    const { s, n } = this;
    let j = this.i;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === this.sep || c === LF || c === CR) break;
      if (c === QUOTE) {
        this.i = j;
        throw this.problem(said('read.csv.quote_inside'));
      }
    }
    return j;
  }

  /** A quoted field from its opening quote: doubled quotes are one quote; line breaks are kept. */
  protected quoted(): string {
    const { s } = this;
    const line = this.line,
      col = this.column();
    let value = '';
    let j = this.i + 1;
    for (;;) {
      const q = s.indexOf('"', j);
      if (q < 0) throw this.problem(said('read.csv.unclosed_quote'), line, col);
      value += s.slice(j, q);
      if (s.charCodeAt(q + 1) === QUOTE) {
        value += '"';
        j = q + 2;
      } else {
        this.i = q + 1;
        break;
      }
    }
    // Line breaks inside the quotes still count as lines of the file (CRLF and a lone CR once each).
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      this.line += value.match(/\r\n?|\n/g)!.length;
      this.lineStart = Math.max(s.lastIndexOf('\n', this.i - 1), s.lastIndexOf('\r', this.i - 1)) + 1;
    }
    return value;
  }
}
