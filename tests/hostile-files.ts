/**
 * Builders of hostile input files, made in the test (nothing binary is committed): GeoTIFFs whose
 * header says anything, GeoPackages of any size or with a view for a layer, OSM PBFs block by
 * block. Shared by tests/hardening-2.test.ts and the fuzzing harness (tests/fuzz.ts).
 */
import { deflateSync } from 'node:zlib';
import { writeArrayBuffer } from 'geotiff';
import { latLngToCell } from 'h3-js';
import { PbfWriter } from 'pbf';
import initSqlJs from 'sql.js';

/** TIFF tags by number, for patching a header after geotiff.js wrote it. */
export const TAG = { width: 256, height: 257, rowsPerStrip: 278, stripByteCounts: 279, tiepoint: 33922 } as const;

/**
 * A GeoTIFF over Ganja (0.1° cells from 46.2 E, 40.8 N) written by geotiff.js, then with any
 * header value patched: `{ [TAG.width]: 20000 }` declares a size the data does not have.
 */
export function geoTiff(
  values: number[],
  width: number,
  o: { float64?: boolean; patch?: Record<number, number>; counts?: Record<number, number> } = {},
): Buffer {
  const data = o.float64 ? Float64Array.from(values) : Float32Array.from(values);
  const buf = Buffer.from(
    writeArrayBuffer(data, {
      width,
      height: values.length / width,
      ModelPixelScale: [0.1, 0.1, 0],
      ModelTiepoint: [0, 0, 0, 46.2, 40.8, 0],
      GeographicTypeGeoKey: 4326,
      GTModelTypeGeoKey: 2,
      GTRasterTypeGeoKey: 1,
      ...(o.float64 ? { BitsPerSample: [64], SampleFormat: [3] } : {}),
    }),
  );
  const le = buf.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (le ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const ifd = le ? buf.readUInt32LE(4) : buf.readUInt32BE(4);
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const count = o.counts?.[u16(e)];
    if (count !== undefined) le ? buf.writeUInt32LE(count, e + 4) : buf.writeUInt32BE(count, e + 4);
    const v = o.patch?.[u16(e)];
    if (v === undefined) continue;
    if (u16(e + 2) === 3) le ? buf.writeUInt16LE(v, e + 8) : buf.writeUInt16BE(v, e + 8);
    else le ? buf.writeUInt32LE(v, e + 8) : buf.writeUInt32BE(v, e + 8);
  }
  return buf;
}

/** H3 cells (resolution 8) on a grid around Ganja, `n` of them: a Kontur-like layer. */
export function h3Cells(n: number, pop = (i: number) => 1 + (i % 7)): { h3: string; pop: number }[] {
  const out: { h3: string; pop: number }[] = [];
  for (let i = 0; i < n; i++) {
    const lat = 40.55 + Math.floor(i / 200) * 0.004,
      lon = 46.2 + (i % 200) * 0.004;
    out.push({ h3: latLngToCell(lat, lon, 8), pop: pop(i) });
  }
  return out;
}

/**
 * A Kontur-style GeoPackage made with sql.js: gpkg_contents naming one features layer with
 * fid, geom (a blob, as real files carry), h3 and population. `view` makes the layer a view.
 */
export async function geoPackage(
  cells: { h3: string; pop: number | null }[],
  o: { view?: boolean; geomBytes?: number } = {},
): Promise<Buffer> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(
    'CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, srs_id INTEGER)',
  );
  db.run(`INSERT INTO gpkg_contents VALUES ('population', 'features', 'population', 3857)`);
  db.run(
    `CREATE TABLE ${o.view ? 'cells' : 'population'} (fid INTEGER PRIMARY KEY, geom BLOB, h3 TEXT, population REAL)`,
  );
  if (o.view) db.run('CREATE VIEW population AS SELECT h3, population FROM cells');
  const geom = new Uint8Array(o.geomBytes ?? 0); // zeros: the NUL bytes a text reader stops at
  db.run('BEGIN');
  const stmt = db.prepare(`INSERT INTO ${o.view ? 'cells' : 'population'} (geom, h3, population) VALUES (?, ?, ?)`);
  for (const c of cells) stmt.run([geom, c.h3, c.pop]);
  stmt.free();
  db.run('COMMIT');
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

// ---------- OSM PBF ----------

/** One file block: BlobHeader length, BlobHeader, Blob (zlib unless `raw`), with a declared raw_size. */
export function pbfBlock(
  type: 'OSMHeader' | 'OSMData',
  data: Uint8Array,
  o: { raw?: boolean; rawSize?: number; zlibData?: Uint8Array } = {},
): Buffer {
  const blob = new PbfWriter();
  if (o.raw) blob.writeBytesField(1, data);
  else {
    blob.writeVarintField(2, o.rawSize ?? data.length);
    blob.writeBytesField(3, o.zlibData ?? deflateSync(data));
  }
  const blobBytes = blob.finish();
  const header = new PbfWriter();
  header.writeStringField(1, type);
  header.writeVarintField(3, blobBytes.length);
  const headerBytes = header.finish();
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  return Buffer.concat([len, headerBytes, blobBytes]);
}

export function pbfHeader(): Buffer {
  const h = new PbfWriter();
  h.writeStringField(4, 'OsmSchema-V0.6');
  h.writeStringField(4, 'DenseNodes');
  return pbfBlock('OSMHeader', h.finish());
}

/**
 * A PrimitiveBlock with DenseNodes (ids 1…n, coordinates in degrees at the default 100 nanodegree
 * granularity) and ways of `highway` = tag; `short` cuts the lat/lon arrays to that many entries.
 */
export function pbfData(
  nodes: [number, number][],
  ways: { refs: number[]; tags: Record<string, string> }[],
  o: { short?: number } = {},
): Uint8Array {
  const strings = [''];
  const sid = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const wayTags = ways.map((w) => Object.entries(w.tags).map(([k, v]) => [sid(k), sid(v)] as const));
  const delta = (xs: number[]) => xs.map((x, i) => x - (i ? xs[i - 1]! : 0));
  const lats = nodes.map(([lat]) => Math.round(lat * 1e7));
  const lons = nodes.map(([, lon]) => Math.round(lon * 1e7));
  const cut = (xs: number[]) => (o.short === undefined ? xs : xs.slice(0, o.short));
  const p = new PbfWriter();
  p.writeMessage(
    1,
    (_: null, w: PbfWriter) => {
      for (const s of strings) w.writeBytesField(1, Buffer.from(s));
    },
    null,
  );
  p.writeMessage(
    2,
    (_: null, w: PbfWriter) => {
      w.writeMessage(
        2,
        (__: null, d: PbfWriter) => {
          d.writePackedSVarint(1, delta(nodes.map((_n, i) => i + 1)));
          d.writePackedSVarint(8, cut(delta(lats)));
          d.writePackedSVarint(9, cut(delta(lons)));
        },
        null,
      );
      ways.forEach((way, i) => {
        w.writeMessage(
          3,
          (__: null, m: PbfWriter) => {
            m.writeVarintField(1, i + 1);
            m.writePackedVarint(
              2,
              wayTags[i]!.map(([k]) => k),
            );
            m.writePackedVarint(
              3,
              wayTags[i]!.map(([, v]) => v),
            );
            m.writePackedSVarint(8, delta(way.refs));
          },
          null,
        );
      });
    },
    null,
  );
  return p.finish();
}

/** A whole .osm.pbf: header block, then one data block per entry. */
export function osmPbf(...blocks: Buffer[]): Buffer {
  return Buffer.concat([pbfHeader(), ...blocks]);
}

/** A road of `n` nodes eastward from Ganja, 0.01° apart (about 0.84 km each). */
export function straightRoad(n = 5, lat = 40.68, lon0 = 46.36): [number, number][] {
  return Array.from({ length: n }, (_, i) => [lat, lon0 + i * 0.01] as [number, number]);
}
