import type { Said } from '../../model/said.js';
/** Places as read from a point file (CSV or GeoJSON), before each is given its unit. */
export interface PointRows {
  count: number;
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  /** The region column's code, an index into `regionCodes`; -1 where the row gives none. */
  region: Int32Array;
  regionCodes: string[];
  /** Place names, when the file has a name column. */
  names?: string[];
  /** Where row i is, for messages: "file:line:1" (CSV) or "file: features[i]" (GeoJSON). */
  where(i: number): string;
  /** What the reader assumed about the file's dialect (separator, decimal mark), for a note. */
  assumed?: Said;
}
