/**
 * A CSV as a Table (facility lists, candidate sites, H3 exports), read by the CSV reader
 * (load/csv-reader.ts) with the separator of its header line; each cell is placed at its line and
 * character column, found again from its record's start when a message needs it.
 */
import { InputError } from '../../errors.js';
import { said } from '../../model/said.js';
import { separatedBy } from '../csv-dialect.js';
import { readCsv } from '../csv-reader.js';
import type { Table } from './table.js';

/** A facility list or candidate file longer than this is not one: refuse it before it fills memory. */
export const MAX_TABLE_ROWS = 1_000_000;

export function readCsvTable(text: string, file: string): Table {
  const { records, lines, delimiter, place } = readCsv(text, file, {
    sameWidth: true,
    maxRecords: MAX_TABLE_ROWS + 1,
  });
  if (records.length === 0) throw new InputError(`${file}:1:1`, said('read.table.no_rows'), 1);
  const [header, ...rows] = records;
  return {
    file,
    header: header!,
    headerAt: `${file}:${lines[0]}:1`,
    rows,
    where: (row, field) => {
      const at = place(row + 1, field);
      return `${file}:${at.line}:${at.column}`;
    },
    rowName: (row) => said('read.at.line', { line: lines[row + 1]! }),
    ...(delimiter !== ',' ? { assumed: separatedBy(delimiter)! } : {}),
  };
}
