/**
 * A CSV as a Table (small files: facility lists, candidate sites), read by csv-parse with the
 * separator of its header line. csv-parse's own messages quote the file's text, so each of its
 * errors is told again in our words, at its line.
 */
import { parse } from 'csv-parse/sync';
import { UserError } from '../../errors.js';
import { delimiterName, delimiterOf } from '../csv-dialect.js';
import type { Table } from './table.js';

/** A facility list or candidate file longer than this is not one: refuse it before it fills memory. */
export const MAX_TABLE_ROWS = 1_000_000;

export function readCsvTable(text: string, file: string): Table {
  const delimiter = delimiterOf(text);
  // Each record's line (a row's first line, for a row with a line break inside quotes), kept in a
  // flat array rather than an info object per row: an H3 export has a million rows.
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      to: MAX_TABLE_ROWS + 1,
      on_record: (record: string[], context: { lines: number }) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (e) {
    throw new UserError(`${file}:${(e as { lines?: number }).lines ?? 1}:1: ${csvProblem(e, delimiter)}`, 1);
  }
  if (records.length === 0) throw new UserError(`${file}:1:1: no rows; expected a header and one row per line`, 1);
  if (records.length > MAX_TABLE_ROWS)
    throw new UserError(`${file}: more than ${MAX_TABLE_ROWS.toLocaleString('en')} rows; split the file`, 1);
  const [header, ...rows] = records;
  return {
    file,
    header: header!,
    headerAt: `${file}:${lines[0]}:1`,
    rows,
    where: (row, field) => `${file}:${lines[row + 1]}:${field + 1}`,
    rowName: (row) => `line ${lines[row + 1]}`,
    ...(delimiter !== ',' ? { assumed: `${delimiterName(delimiter)}-separated` } : {}),
  };
}

function csvProblem(e: unknown, delimiter: string): string {
  switch ((e as { code?: string }).code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote that is never closed; close it, or double a quote meant as text';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after a closing quote; a quoted value must be the whole field ("…")';
    case 'CSV_INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field; quote the whole field and double the quotes inside it';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row too long; is this the right file?';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH':
      return `this row has a different number of fields than the header; quote a value that holds a ${delimiterName(delimiter)} ("…")`;
    default:
      return 'not a readable CSV; save it again from the spreadsheet as CSV (UTF-8)';
  }
}
