/**
 * Roads as most people download them: an ESRI Shapefile (Geofabrik's `gis_osm_roads_free_1.shp`,
 * or any export of line features) given as the .shp beside its .dbf, or as a .zip holding both.
 * Each PolyLine becomes ways for the graph builder through load/roads/road-lines.ts (the class,
 * oneway and maxspeed fields read as there).
 *
 * A small reader of our own, bounded by the file: every count and offset is checked against the
 * bytes there are before it is used. The npm `shapefile` package was last published in 2017
 * and reads through streams into GeoJSON objects; the format is two fixed layouts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError, UserError } from '../../errors.js';
import { type Said, said } from '../../model/said.js';
import type { OsmSink } from '../../travel/roads/graph.js';
import type { RunContext } from '../../run/run-context.js';
import { readUserFile } from '../text-input.js';
import { ZipArchive } from '../zip.js';
import { pickClassField, RoadLines } from './road-lines.js';

const SHP_MAGIC = 9994;
/** PolyLine, PolyLineZ, PolyLineM: the Z and M values follow the points and are not read. */
const LINE_TYPES = new Set([3, 13, 23]);
/** No road network has more parts or points in one feature; a bigger count is a broken file. */
const MAX_POINTS_PER_SHAPE = 10_000_000;

export interface ShapefileOptions {
  /** The attribute holding the road class (default: highway, else fclass). */
  classField?: string;
}

/** Whether the first bytes are a shapefile's (.shp). */
export function isShp(head: Uint8Array): boolean {
  return head.length >= 4 && Buffer.from(head.buffer, head.byteOffset, 4).readInt32BE(0) === SHP_MAGIC;
}

/** The .dbf beside a .shp, if `file` is one. */
export function dbfBeside(file: string): string | undefined {
  if (!/\.shp$/i.test(file)) return undefined;
  const stem = file.slice(0, -4);
  return [`${stem}.dbf`, `${stem}.DBF`].find((p) => existsSync(p));
}

/** The .shp, .dbf (and .prj, .cpg when present) of a network, from the files beside it or a zip. */
export function shapefileParts(
  run: RunContext,
  file: string,
): { shp: Buffer; dbf: Buffer; prj?: string; cpg?: string; name: string } {
  const bytes = Buffer.from(readUserFile(run, file));
  if (isShp(bytes)) {
    const stem = file.replace(/\.shp$/i, '');
    const sibling = (ext: string) => [`${stem}.${ext}`, `${stem}.${ext.toUpperCase()}`].find((p) => existsSync(p));
    const dbf = dbfBeside(file);
    if (!dbf) throw new InputError(file, said('read.shp.no_dbf', { name: stem.split(/[\\/]/).pop()! }), 1);
    const prj = sibling('prj'),
      cpg = sibling('cpg');
    return {
      shp: bytes,
      dbf: Buffer.from(readUserFile(run, dbf)),
      ...(prj ? { prj: readFileSync(prj, 'latin1').slice(0, 10_000) } : {}),
      ...(cpg ? { cpg: readFileSync(cpg, 'latin1').slice(0, 100) } : {}),
      name: file,
    };
  }
  const zip = new ZipArchive(bytes, file);
  const names = [...zip.entries.keys()];
  const shps = names.filter((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX/'));
  // Geofabrik's zip holds a dozen layers: the roads one is wanted.
  const shpName = shps.find((n) => /roads/i.test(n)) ?? (shps.length === 1 ? shps[0] : undefined);
  if (!shpName)
    throw new UserError(
      shps.length ? said('read.shp.zip_many', { file, n: shps.length }) : said('read.shp.zip_none', { file }),
      1,
    );
  const stem = shpName.slice(0, -4);
  const part = (ext: string) => names.find((n) => n.toLowerCase() === `${stem}.${ext}`.toLowerCase());
  const dbfName = part('dbf');
  if (!dbfName) throw new InputError(file, said('read.shp.zip_no_dbf'), 1);
  const prjName = part('prj'),
    cpgName = part('cpg');
  return {
    shp: zip.read(shpName),
    dbf: zip.read(dbfName),
    ...(prjName ? { prj: zip.read(prjName).toString('latin1').slice(0, 10_000) } : {}),
    ...(cpgName ? { cpg: zip.read(cpgName).toString('latin1').slice(0, 100) } : {}),
    name: `${file} (${shpName.split('/').pop()})`,
  };
}

/** Reads the road lines of a shapefile into the sink. */
export function readShapefile(run: RunContext, file: string, sink: OsmSink, o: ShapefileOptions = {}): void {
  const parts = shapefileParts(run, file);
  if (parts.prj && !/^\s*GEOGCS\[/i.test(parts.prj)) throw new InputError(file, said('read.shp.projected'), 1);
  const table = readDbf(parts.dbf, file, parts.cpg);
  const classField = pickClassField(table.fields, file, o.classField, said('read.shp.the_dbf'));
  const roads = new RoadLines(sink, file);
  forEachLine(parts.shp, file, (record, lines) => {
    const attrs = table.record(record);
    if (!attrs) throw new InputError(file, said('read.shp.no_row', { n: record + 1, count: table.count }), 1);
    roads.add(lines, attrs, classField, said('read.shp.shape', { n: record + 1 }));
  });
}

/** Calls `each` with every PolyLine record: its index and its parts as flat [lon, lat, …] arrays. */
function forEachLine(shp: Buffer, file: string, each: (record: number, lines: Float64Array[]) => void): void {
  const bad = (what: Said) => new InputError(file, said('read.shp.damaged', { what }), 1);
  if (shp.length < 100 || shp.readInt32BE(0) !== SHP_MAGIC) throw bad(said('read.shp.no_header'));
  const type = shp.readInt32LE(32);
  if (!LINE_TYPES.has(type)) throw new InputError(file, said('read.shp.not_lines', { kind: shapeName(type) }), 1);
  let p = 100,
    record = 0;
  while (p + 8 <= shp.length) {
    const bytes = shp.readInt32BE(p + 4) * 2;
    const start = p + 8,
      end = start + bytes;
    if (bytes < 4 || end > shp.length) throw bad(said('read.shp.record_past_end', { n: record + 1 }));
    const shapeType = shp.readInt32LE(start);
    if (shapeType !== 0) {
      if (!LINE_TYPES.has(shapeType))
        throw bad(said('read.shp.record_kind', { n: record + 1, kind: shapeName(shapeType) }));
      if (bytes < 44) throw bad(said('read.shp.record_short', { n: record + 1 }));
      const numParts = shp.readInt32LE(start + 36),
        numPoints = shp.readInt32LE(start + 40);
      const pointsAt = start + 44 + 4 * numParts;
      if (
        numParts < 1 ||
        numPoints < 0 ||
        numPoints > MAX_POINTS_PER_SHAPE ||
        numParts > numPoints ||
        pointsAt + 16 * numPoints > end
      )
        throw bad(said('read.shp.record_counts', { n: record + 1 }));
      const lines: Float64Array[] = [];
      for (let k = 0; k < numParts; k++) {
        const from = shp.readInt32LE(start + 44 + 4 * k);
        const to = k + 1 < numParts ? shp.readInt32LE(start + 48 + 4 * k) : numPoints;
        if (from < 0 || to > numPoints || from > to) throw bad(said('read.shp.record_part', { n: record + 1 }));
        if (to - from < 2) continue;
        const line = new Float64Array((to - from) * 2);
        for (let i = from; i < to; i++) {
          line[(i - from) * 2] = shp.readDoubleLE(pointsAt + 16 * i);
          line[(i - from) * 2 + 1] = shp.readDoubleLE(pointsAt + 16 * i + 8);
        }
        lines.push(line);
      }
      each(record, lines);
    }
    record++;
    p = end;
  }
}

const SHAPES: Record<number, Said> = {
  1: said('read.shp.points'),
  8: said('read.shp.multipoints'),
  5: said('read.shp.polygons'),
  11: said('read.shp.points'),
  15: said('read.shp.polygons'),
  21: said('read.shp.points'),
  25: said('read.shp.polygons'),
};
const shapeName = (t: number): Said => SHAPES[t] ?? said('read.shp.shape_type', { t });

/** A dBASE table: field names, and each record's values as trimmed text. */
export function readDbf(
  dbf: Buffer,
  file: string,
  cpg?: string,
): { fields: string[]; count: number; record(i: number): Record<string, string> | undefined } {
  const bad = (what: Said) => new InputError(file, said('read.dbf.damaged', { what }), 1);
  if (dbf.length < 32) throw bad(said('read.dbf.no_header'));
  const count = dbf.readUInt32LE(4),
    headerLen = dbf.readUInt16LE(8),
    recordLen = dbf.readUInt16LE(10);
  if (headerLen < 33 || headerLen > dbf.length || recordLen < 1 || headerLen + count * recordLen > dbf.length)
    throw bad(said('read.dbf.rows'));
  // Geofabrik and QGIS write UTF-8 (and say so in the .cpg); old exports may be Latin-1.
  const encoding = !cpg || /utf-?8/i.test(cpg) ? 'utf8' : 'latin1';
  const fields: { name: string; offset: number; size: number }[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLen && dbf[p] !== 0x0d; p += 32) {
    const raw = dbf.subarray(p, p + 11);
    const name = raw
      .subarray(0, raw.indexOf(0) < 0 ? 11 : raw.indexOf(0))
      .toString('latin1')
      .trim();
    const size = dbf[p + 16]!;
    fields.push({ name, offset, size });
    offset += size;
  }
  if (offset > recordLen) throw bad(said('read.dbf.fields'));
  return {
    fields: fields.map((f) => f.name),
    count,
    record(i) {
      if (i >= count) return undefined;
      const at = headerLen + i * recordLen;
      const out: Record<string, string> = {};
      for (const f of fields) out[f.name] = dbf.toString(encoding, at + f.offset, at + f.offset + f.size).trim();
      return out;
    },
  };
}
