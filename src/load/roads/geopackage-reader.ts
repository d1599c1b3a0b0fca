/**
 * Road lines from a GeoPackage (OGC 12-128r18), the format QGIS and ogr2ogr write by default: the
 * layers are listed in gpkg_contents and gpkg_geometry_columns; the line layer is the only one,
 * or the one named *roads*, or the one --roads-layer names. Each feature's geometry is a
 * GeoPackage binary header and a WKB LineString or MultiLineString (ISO or extended Z/M), decoded
 * here with every count checked against the bytes there are; the attributes go to
 * load/roads/road-lines.ts as a shapefile's do. Only tables are read, never views (a view's query
 * is the file's, and could run without end).
 */
import { InputError, UserError } from '../../errors.js';
import type { OsmSink } from '../../travel/roads/graph.js';
import type { RunContext } from '../../run/run-context.js';
import { said } from '../../model/said.js';
import { columnsOf, type Database, isTable, notReadable, openSqlite, quoteId } from '../sqlite.js';
import { readBinaryFile } from '../text-input.js';
import { pickClassField, RoadLines, shownName } from './road-lines.js';

export interface GeoPackageOptions {
  classField?: string;
  /** --roads-layer: the layer to read when the file has several line layers. */
  layer?: string;
}

/** The geometry types of a line layer (gpkg_geometry_columns.geometry_type_name); GEOMETRY may hold lines. */
const LINE_LAYER_TYPES = new Set(['LINESTRING', 'MULTILINESTRING', 'GEOMETRY']);
/** No road has more points; a larger count is a damaged geometry (the same limit as a shapefile's). */
export const MAX_POINTS_PER_FEATURE = 10_000_000;
/** A MultiLineString of more lines than this is a damaged geometry. */
const MAX_LINES_PER_FEATURE = 1_000_000;

interface Layer {
  name: string;
  column: string;
  type: string;
  srs: number;
}

/** Reads the road lines of a GeoPackage layer into the sink. */
export async function readGeoPackageRoads(
  run: RunContext,
  file: string,
  sink: OsmSink,
  o: GeoPackageOptions = {},
): Promise<void> {
  const db = await openSqlite(file, readBinaryFile(run, file));
  try {
    const layer = chooseLayer(file, lineLayers(db, file), o.layer);
    if (!query(file, nowhere, () => isTable(db, layer.name)))
      throw new InputError(
        file,
        `layer '${shownName(layer.name)}' is a view, which is not read (its query could run without end); ` +
          'save it as a table (ogr2ogr -f GPKG out.gpkg in.gpkg)',
        1,
      );
    checkSrs(db, file, layer);
    const columns = query(file, nowhere, () => columnsOf(db, layer.name));
    const label = `layer '${shownName(layer.name)}'`;
    const classField = pickClassField(
      columns.filter((c) => c !== layer.column),
      file,
      o.classField,
      label,
    );
    const byLower = new Map(columns.map((c) => [c.toLowerCase(), c]));
    const wanted = [classField, byLower.get('oneway'), byLower.get('maxspeed')].filter((c) => c !== undefined);
    const roads = new RoadLines(sink, file);
    let n = 0;
    query(
      file,
      () => ` (${label}, feature ${n + 1})`,
      () => {
        const stmt = db.prepare(
          `SELECT ${quoteId(layer.column)}, ${wanted.map(quoteId).join(', ')} FROM ${quoteId(layer.name)} ORDER BY rowid`,
        );
        try {
          while (stmt.step()) {
            const [geometry, ...values] = stmt.get();
            n++;
            const feature = `${label}, feature ${n}`;
            if (geometry === null) continue;
            if (!(geometry instanceof Uint8Array))
              throw new InputError(file, `${feature}: the geometry is not a GeoPackage geometry; export it again`, 1);
            const attrs: Record<string, string> = {};
            wanted.forEach((c, k) => {
              const v = values[k];
              // roadTags reads oneway and maxspeed by these names, whatever the column's case.
              attrs[c === classField ? c : c.toLowerCase()] = v === null || v === undefined ? '' : String(v);
            });
            roads.add(decodeGeometry(geometry, file, feature), attrs, classField, feature);
          }
        } finally {
          stmt.free();
        }
      },
    );
  } finally {
    db.close();
  }
}

/** Runs a query; SQLite's failures (a damaged file) become the reader's message, ours pass through. */
function query<T>(file: string, where: () => string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UserError) throw e;
    const at = where();
    throw notReadable(file, e, at && said('read.as_is', { text: at }));
  }
}

const nowhere = () => '';

/** The feature layers that may hold lines, from the GeoPackage's own tables. */
function lineLayers(db: Database, file: string): { lines: Layer[]; others: number } {
  return query(file, nowhere, () => {
    if (!isTable(db, 'gpkg_contents') || !isTable(db, 'gpkg_geometry_columns'))
      throw new InputError(
        file,
        `an SQLite file but not a GeoPackage (no gpkg_contents or gpkg_geometry_columns); ` +
          'save the roads as a GeoPackage (ogr2ogr -f GPKG roads.gpkg …) or as an ESRI Shapefile',
        1,
      );
    const rows =
      db.exec(
        'SELECT g.table_name, g.column_name, upper(g.geometry_type_name), g.srs_id FROM gpkg_geometry_columns g ' +
          "JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features' ORDER BY g.table_name",
      )[0]?.values ?? [];
    const layers = rows.map(([name, column, type, srs]) => ({
      name: String(name),
      column: String(column),
      type: String(type),
      srs: Number(srs),
    }));
    const lines = layers.filter((l) => LINE_LAYER_TYPES.has(l.type));
    return { lines, others: layers.length - lines.length };
  });
}

function chooseLayer(file: string, { lines, others }: { lines: Layer[]; others: number }, wanted?: string): Layer {
  const names = lines.map((l) => `'${shownName(l.name)}'`).join(', ');
  if (wanted !== undefined) {
    const layer =
      lines.find((l) => l.name === wanted) ?? lines.find((l) => l.name.toLowerCase() === wanted.toLowerCase());
    if (!layer)
      throw new InputError(
        file,
        lines.length
          ? `no line layer named '${shownName(wanted)}' (--roads-layer); its line layers are ${names}`
          : `no line layer named '${shownName(wanted)}' (--roads-layer); it has no line layers`,
        2,
      );
    return layer;
  }
  if (lines.length === 0)
    throw new InputError(
      file,
      `no layer of lines (LineString or MultiLineString) among its ${others} feature layers; ` +
        '--roads needs the road lines',
      1,
    );
  const roads = lines.filter((l) => /roads/i.test(l.name));
  if (lines.length === 1) return lines[0]!;
  if (roads.length === 1) return roads[0]!;
  throw new InputError(file, `${lines.length} line layers (${names}); name the roads' with --roads-layer NAME`, 2);
}

/** Lon/lat in degrees is wanted: WGS 84 (EPSG:4326), or GeoPackage's "undefined geographic" (0). */
function checkSrs(db: Database, file: string, layer: Layer): void {
  if (layer.srs === 4326 || layer.srs === 0) return;
  const row = query(
    file,
    nowhere,
    () =>
      db.exec(
        `SELECT upper(organization), organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ${Number.isInteger(layer.srs) ? layer.srs : -2}`,
      )[0]?.values[0],
  );
  const [org, code, definition] = row ?? [];
  const geographic =
    (org === 'EPSG' && Number(code) === 4326) ||
    /^\s*GEOGCR?S\s*\[[^\]]*WGS[ _]?(19)?84/i.test(String(definition ?? ''));
  if (!geographic)
    throw new InputError(
      file,
      `layer '${shownName(layer.name)}' is not in WGS 84 longitude/latitude ` +
        `(its spatial reference system is ${org === 'EPSG' ? `EPSG:${Number(code)}` : `srs_id ${layer.srs}`}); ` +
        'reproject it: ogr2ogr -t_srs EPSG:4326 out.gpkg in.gpkg',
      1,
    );
}

/**
 * A GeoPackage geometry blob's lines as flat [lon, lat, …] arrays: the header ("GP", version,
 * flags, srs_id, envelope), then WKB. Points and polygons in a mixed layer are skipped; anything
 * that does not fit its bytes is a damaged file.
 */
export function decodeGeometry(blob: Uint8Array, file: string, feature: string): Float64Array[] {
  const bad = (what: string) =>
    new InputError(file, `${feature}: a damaged geometry (${what}); export the layer again`, 1);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw bad('no GeoPackage geometry header');
  const flags = blob[3]!;
  if (flags & 0x20) throw bad('an extended GeoPackage geometry, which is not read');
  if (flags & 0x10) return []; // empty
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 7];
  if (envelope === undefined) throw bad('an unknown envelope');
  const wkb = new Wkb(view, 8 + envelope, bad);
  return wkb.lines();
}

/** A cursor over WKB: every read checked against the bytes there are. */
class Wkb {
  constructor(
    private readonly view: DataView,
    private at: number,
    private readonly bad: (what: string) => UserError,
  ) {}

  lines(): Float64Array[] {
    const { type, dims, little } = this.header();
    // A line of fewer than two points is no road (as in a shapefile).
    if (type === 2) return [this.lineString(dims, little)].filter((l) => l.length >= 4);
    if (type === 5) {
      const count = this.count(little, MAX_LINES_PER_FEATURE, 9);
      const out: Float64Array[] = [];
      for (let i = 0; i < count; i++) {
        const part = this.header();
        if (part.type !== 2) throw this.bad('a MultiLineString part that is not a LineString');
        out.push(this.lineString(part.dims, part.little));
      }
      return out.filter((l) => l.length >= 4);
    }
    // Points, polygons, collections: not roads.
    return [];
  }

  private header(): { type: number; dims: number; little: boolean } {
    if (this.at + 5 > this.view.byteLength) throw this.bad('cut short');
    const order = this.view.getUint8(this.at);
    if (order > 1) throw this.bad('an unknown byte order');
    const little = order === 1;
    const raw = this.view.getUint32(this.at + 1, little);
    this.at += 5;
    // ISO WKB: 1000s for Z, 2000s for M, 3000s for ZM; extended WKB: the two high bits.
    const ext = ((raw & 0x80000000) !== 0 ? 1 : 0) + ((raw & 0x40000000) !== 0 ? 1 : 0);
    const code = raw & 0x0fffffff;
    const iso = Math.floor(code / 1000);
    if (iso > 3) throw this.bad('an unknown geometry type');
    const dims = 2 + ext + (iso === 3 ? 2 : iso > 0 ? 1 : 0);
    return { type: code % 1000, dims, little };
  }

  /** A count, refused when it exceeds `max` or the items (each at least `minBytes`) cannot fit. */
  private count(little: boolean, max: number, minBytes: number): number {
    if (this.at + 4 > this.view.byteLength) throw this.bad('cut short');
    const n = this.view.getUint32(this.at, little);
    this.at += 4;
    if (n > max || this.at + n * minBytes > this.view.byteLength) throw this.bad('counts more points than it holds');
    return n;
  }

  private lineString(dims: number, little: boolean): Float64Array {
    const n = this.count(little, MAX_POINTS_PER_FEATURE, 8 * dims);
    const line = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      line[2 * i] = this.view.getFloat64(this.at, little);
      line[2 * i + 1] = this.view.getFloat64(this.at + 8, little);
      this.at += 8 * dims;
    }
    return line;
  }
}
