import { readFileSync } from 'node:fs';
import { csvObjects } from '../load/csv-reader.js';

/** Reads a headed CSV file of data/inputs into records of strings (comma-separated, fields trimmed). */
export function readCsv(path: string): Record<string, string>[] {
  return csvObjects(readFileSync(path, 'utf8'), path, { delimiter: ',', sameWidth: true });
}
