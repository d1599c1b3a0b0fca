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
    if (!dbf)
      throw new InputError(
        file,
        `no ${stem.split(/[\\/]/).pop()}.dbf beside it; a shapefile's attributes (the road class) are in the .dbf: copy it next to the .shp`,
        1,
      );
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
      shps.length
        ? `${file}: ${shps.length} shapefiles inside and none named *roads*; unzip it and name the roads' .shp`
        : `${file}: no .shp inside; expected a zipped shapefile (.shp and .dbf) of road lines`,
      1,
    );
  const stem = shpName.slice(0, -4);
  const part = (ext: string) => names.find((n) => n.toLowerCase() === `${stem}.${ext}`.toLowerCase());
  const dbfName = part('dbf');
  if (!dbfName) throw new InputError(file, `the zip has the roads' .shp but not its .dbf (the road class is there)`, 1);
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
  if (parts.prj && !/^\s*GEOGCS\[/i.test(parts.prj))
    throw new InputError(
      file,
      `the shapefile is in a projected coordinate system (its .prj); reproject it to WGS 84 (EPSG:4326), ` +
        'e.g. ogr2ogr -t_srs EPSG:4326 out.shp in.shp',
      1,
    );
  const table = readDbf(parts.dbf, file, parts.cpg);
  const classField = pickClassField(table.fields, file, o.classField, 'the .dbf');
  const roads = new RoadLines(sink, file);
  forEachLine(parts.shp, file, (record, lines) => {
    const attrs = table.record(record);
    if (!attrs)
      throw new InputError(
        file,
        `shape ${record + 1} has no row in the .dbf (${table.count} rows); the files do not belong together`,
        1,
      );
    roads.add(lines, attrs, classField, `shape ${record + 1}`);
  });
}

/** Calls `each` with every PolyLine record: its index and its parts as flat [lon, lat, …] arrays. */
function forEachLine(shp: Buffer, file: string, each: (record: number, lines: Float64Array[]) => void): void {
  const bad = (what: string) => new InputError(file, `a damaged .shp (${what}); export it again`, 1);
  if (shp.length < 100 || shp.readInt32BE(0) !== SHP_MAGIC) throw bad('no shapefile header');
  const type = shp.readInt32LE(32);
  if (!LINE_TYPES.has(type))
    throw new InputError(file, `a shapefile of ${shapeName(type)}, not of lines; --roads needs the road lines`, 1);
  let p = 100,
    record = 0;
  while (p + 8 <= shp.length) {
    const bytes = shp.readInt32BE(p + 4) * 2;
    const start = p + 8,
      end = start + bytes;
    if (bytes < 4 || end > shp.length) throw bad(`record ${record + 1} runs past the end of the file`);
    const shapeType = shp.readInt32LE(start);
    if (shapeType !== 0) {
      if (!LINE_TYPES.has(shapeType)) throw bad(`record ${record + 1} is a ${shapeName(shapeType)}`);
      if (bytes < 44) throw bad(`record ${record + 1} is too short`);
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
        throw bad(`record ${record + 1} counts more parts or points than it holds`);
      const lines: Float64Array[] = [];
      for (let k = 0; k < numParts; k++) {
        const from = shp.readInt32LE(start + 44 + 4 * k);
        const to = k + 1 < numParts ? shp.readInt32LE(start + 48 + 4 * k) : numPoints;
        if (from < 0 || to > numPoints || from > to) throw bad(`record ${record + 1} has a part outside its points`);
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

const shapeName = (t: number) =>
  ({ 1: 'points', 8: 'multipoints', 5: 'polygons', 11: 'points', 15: 'polygons', 21: 'points', 25: 'polygons' })[t] ??
  `shape type ${t}`;

/** A dBASE table: field names, and each record's values as trimmed text. */
export function readDbf(
  dbf: Buffer,
  file: string,
  cpg?: string,
): { fields: string[]; count: number; record(i: number): Record<string, string> | undefined } {
  const bad = (what: string) => new InputError(file, `a damaged .dbf (${what}); export it again`, 1);
  if (dbf.length < 32) throw bad('no header');
  const count = dbf.readUInt32LE(4),
    headerLen = dbf.readUInt16LE(8),
    recordLen = dbf.readUInt16LE(10);
  if (headerLen < 33 || headerLen > dbf.length || recordLen < 1 || headerLen + count * recordLen > dbf.length)
    throw bad('its header counts more rows than the file holds');
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
  if (offset > recordLen) throw bad('its fields are wider than its rows');
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
