/**
 * A table as a reader of user files gives it: a header and rows of cells, from a CSV or a
 * spreadsheet, with each cell's position in the words of its format (file:line:column for a CSV;
 * sheet, row and column for a workbook), so every message points where the user can look.
 */
import type { Said } from '../../model/said.js';

/** A spreadsheet keeps numbers as numbers; a CSV has only text. Undefined: an empty cell. */
export type Cell = string | number | undefined;

export interface Table {
  file: string;
  header: string[];
  rows: Cell[][];
  /** Where the header is, for a missing column: "f.csv:1:1", "f.xlsx: sheet S, row 1". */
  headerAt: string;
  /** Where a data row's field is (both 0-based), for a message: "f.csv:3:7" (the cell's character column), "f.xlsx: sheet S, row 3, column B". */
  where(row: number, field: number): string;
  /** A data row as a person names it: "line 3" (CSV) or "row 3" (sheet), in the run's language. */
  rowName(row: number): Said;
  /** What the reader assumed (separator), for a note. */
  assumed?: Said;
}

/** The cell as trimmed text ('' when empty). */
export function cellText(c: Cell): string {
  return c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim();
}
