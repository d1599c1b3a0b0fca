import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reads a headed CSV file into records of strings (inputs under data/inputs are small). */
export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
}
