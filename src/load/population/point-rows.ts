import type { Said } from '../../model/said.js';

/** A point's value a message can point at: its position (lat) or its region. */
export type PointRole = 'lat' | 'region';

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
  /**
   * Where row i's value is, for messages: "file:line:column" of its lat cell (default) or region
   * cell in a CSV or GeoJSON file (its geometry, its region property), a sheet's cell in a workbook.
   */
  where(i: number, role?: PointRole): string;
  /** What the reader assumed about the file's dialect (separator, decimal mark), for a note. */
  assumed?: Said;
}
