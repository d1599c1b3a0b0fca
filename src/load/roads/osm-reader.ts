/**
 * Reads a road network file into a sink of nodes and tagged ways, whatever its format:
 * OSM PBF, OSM XML, or GeoJSON LineStrings with a `highway` property (networks exported from
 * other tools); GIS layers go to shapefile-reader.ts and geopackage-reader.ts. The format is
 * recognised from the content, not the file name.
 *
 * PBF is decoded here with `pbf` (mapbox's protocol-buffers reader) and node:zlib, blob by blob
 * with synchronous reads, so a country extract never sits in memory twice and nothing is built
 * per node but three numbers. The npm OSM parsers were no fit: osm-read pins protobufjs 6.8.8
 * and pulls in http-server; osm-pbf-parser is LGPL and unmaintained; both build an object per
 * node. XML goes through `saxes` (streaming, well-formedness errors with line and column).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { PbfReader } from 'pbf';
import { SaxesParser } from 'saxes';
import { jsonPlace, parseJsonText } from '../json-text.js';
import { InputError, UserError } from '../../errors.js';
import { xmlReason } from '../library-reasons.js';
import { english, type Said, said } from '../../model/said.js';
import { featureWords } from '../../model/where-words.js';
import type { NetworkFormat, OsmSink } from '../../travel/roads/graph.js';
import type { RunContext } from '../../run/run-context.js';
import { cannotRead, decodeText, noteInput, readUserFile } from '../text-input.js';
import { type GeoPackageOptions, readGeoPackageRoads } from './geopackage-reader.js';
import { isShp, readShapefile, type ShapefileOptions } from './shapefile-reader.js';

const bad = (file: string, message: Said, at = '') => new InputError(`${file}${at}`, message, 1);

/** A PBF block that does not decode; readPbf adds the file and the block's byte offset. */
class CorruptBlock extends Error {
  constructor(readonly said: Said) {
    super(english(said));
  }
}

/** Positions outside these are refused at the reader: they would overflow the graph's 1e-7° Int32 store. */
function checkPosition(lat: number, lon: number): Said | undefined {
  if (!(Math.abs(lat) <= 90)) return said('read.roads.node_lat');
  if (!(Math.abs(lon) <= 180)) return said('read.roads.node_lon');
  return undefined;
}

function openInput(file: string): number {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(file, said('read.roads.missing'));
  }
  if (st.isDirectory()) throw new InputError(file, said('read.roads.directory'));
  // A network is read more than once (hashed for the cache key, sniffed, then parsed, PBF at
  // offsets): a pipe or device cannot be, and open() on a FIFO with no writer never returns.
  if (!st.isFile()) throw new InputError(file, said('read.roads.not_regular'));
  try {
    return openSync(file, 'r');
  } catch (e) {
    throw new InputError(file, cannotRead((e as NodeJS.ErrnoException).code));
  }
}

export function sniffFormat(file: string): NetworkFormat {
  const fd = openInput(file);
  const head = Buffer.alloc(64);
  const n = readSync(fd, head, 0, 64, 0);
  closeSync(fd);
  const bytes = head.subarray(0, n);
  if (bytes.includes(Buffer.from('OSMHeader'))) return 'pbf';
  if (bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'geopackage';
  // A shapefile's .shp, or a zip holding one (load/roads/shapefile-reader.ts).
  if (isShp(bytes) || bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'shapefile';
  const text = bytes
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'xml';
  if (text.startsWith('{')) return 'geojson';
  throw bad(file, said('read.roads.not_network'));
}

/** How a GIS layer's roads are read (shapefile, GeoPackage): the class field, the layer. */
export type NetworkOptions = ShapefileOptions & GeoPackageOptions;

/**
 * Reads any network into the sink. Asynchronous for the GeoPackage's sake (sql.js initialises
 * its WebAssembly asynchronously); the other readers run synchronously inside.
 */
export async function readNetwork(
  run: RunContext,
  file: string,
  sink: OsmSink,
  o: NetworkOptions = {},
): Promise<NetworkFormat> {
  const format = sniffFormat(file);
  noteInput(run, file); // --out never replaces the network, whichever reader reads it
  if (format === 'geopackage') await readGeoPackageRoads(run, file, sink, o);
  else if (format === 'shapefile') readShapefile(run, file, sink, o);
  else if (format === 'pbf') readPbf(file, sink);
  else if (format === 'xml') readXml(file, sink);
  else readGeoJson(run, file, sink);
  return format;
}

// ---------- PBF ----------

const WANTED = new Set(['highway', 'route']);

/**
 * The PBF format's own limits (wiki.openstreetmap.org/wiki/PBF_Format): a BlobHeader under 64 KiB,
 * a Blob under 32 MiB, compressed or not. Inflating stops at the smaller of 32 MiB and the size
 * the blob declares (raw_size), so a small file cannot make a large allocation.
 */
export const PBF_LIMITS = { headerBytes: 64 * 1024, blobBytes: 32 * 2 ** 20 } as const;
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);

function readPbf(file: string, sink: OsmSink): void {
  const fd = openInput(file);
  try {
    const size = statSync(file).size;
    let pos = 0;
    const lenBuf = Buffer.alloc(4);
    while (pos < size) {
      if (readSync(fd, lenBuf, 0, 4, pos) < 4) throw bad(file, said('read.pbf.truncated', { pos }));
      const headerLen = lenBuf.readUInt32BE(0);
      if (headerLen > PBF_LIMITS.headerBytes) throw bad(file, said('read.pbf.big_header', { n: headerLen, pos }));
      const headerBytes = Buffer.alloc(headerLen);
      if (readSync(fd, headerBytes, 0, headerLen, pos + 4) < headerLen)
        throw bad(file, said('read.pbf.truncated', { pos }));
      const block = pos;
      try {
        const header = new PbfReader(headerBytes).readFields(
          (tag, h: { type: string; size: number }, p) => {
            if (tag === 1) h.type = p.readString();
            else if (tag === 3) h.size = p.readVarint();
          },
          { type: '', size: 0 },
        );
        if (!(header.size >= 0 && header.size <= PBF_LIMITS.blobBytes))
          throw new CorruptBlock(said('read.pbf.big_blob', { n: header.size }));
        const blobBytes = Buffer.alloc(header.size);
        if (readSync(fd, blobBytes, 0, header.size, pos + 4 + headerLen) < header.size)
          throw bad(file, said('read.pbf.truncated', { pos }));
        pos += 4 + headerLen + header.size;
        const data = blobData(blobBytes, file);
        if (header.type === 'OSMHeader') checkHeader(data, file);
        else if (header.type === 'OSMData') readPrimitiveBlock(data, sink);
      } catch (e) {
        if (e instanceof UserError) throw e;
        // pbf's own errors ("Unimplemented type: 3", a varint past the end) mean the same.
        const why = e instanceof CorruptBlock ? e.said : said('read.pbf.not_osm');
        throw bad(file, said('read.pbf.corrupt', { pos: block, why }));
      }
    }
  } finally {
    closeSync(fd);
  }
}

function blobData(bytes: Uint8Array, file: string): Uint8Array {
  const blob = new PbfReader(bytes).readFields(
    (tag, b: { raw?: Uint8Array; zlib?: Uint8Array; rawSize?: number; other?: number }, p) => {
      if (tag === 1) b.raw = p.readBytes();
      else if (tag === 2) b.rawSize = p.readVarint();
      else if (tag === 3) b.zlib = p.readBytes();
      else if (tag === 4 || tag === 5 || tag === 6 || tag === 7) b.other = tag;
    },
    {},
  );
  if (blob.raw) return blob.raw;
  if (blob.zlib) {
    const declared = blob.rawSize ?? PBF_LIMITS.blobBytes;
    if (declared > PBF_LIMITS.blobBytes) throw new CorruptBlock(said('read.pbf.declares', { n: declared }));
    let data: Buffer;
    try {
      // node:zlib loaded here, not at start-up: only .osm.pbf road networks need it.
      data = process.getBuiltinModule('node:zlib').inflateSync(blob.zlib, { maxOutputLength: Math.max(1, declared) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new CorruptBlock(said('read.pbf.inflates_more', { n: declared }));
      throw new CorruptBlock(said('read.pbf.no_inflate'));
    }
    if (blob.rawSize !== undefined && data.length !== blob.rawSize)
      throw new CorruptBlock(said('read.pbf.inflates_to', { n: data.length, declared: blob.rawSize }));
    return data;
  }
  throw bad(file, said('read.pbf.compression'));
}

function checkHeader(data: Uint8Array, file: string): void {
  const required: string[] = [];
  new PbfReader(data).readFields((tag, r: string[], p) => void (tag === 4 && r.push(p.readString())), required);
  const unknown = required.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (unknown.length) throw bad(file, said('read.pbf.features', { features: unknown.join(', ') }));
}

interface Block {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: [number, number][];
}

function readPrimitiveBlock(data: Uint8Array, sink: OsmSink): void {
  const p = new PbfReader(data);
  const block: Block = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] };
  p.readFields((tag, b: Block, r) => {
    if (tag === 1) {
      const end = r.readVarint() + r.pos;
      while (r.pos < end) {
        const t = r.readVarint() >> 3;
        const len = r.readVarint();
        b.strings.push(t === 1 ? textDecoder.decode(data.subarray(r.pos, r.pos + len)) : '');
        r.pos += len;
      }
    } else if (tag === 2) {
      const len = r.readVarint();
      b.groups.push([r.pos, r.pos + len]);
      r.pos += len;
    } else if (tag === 17) b.granularity = r.readVarint();
    else if (tag === 19) b.latOffset = r.readVarint(true);
    else if (tag === 20) b.lonOffset = r.readVarint(true);
  }, block);
  for (const [start, end] of block.groups) {
    p.pos = start;
    p.readFields(
      (tag, _: null, r) => {
        if (tag === 2) readDense(r, block, sink);
        else if (tag === 1) readNode(r, block, sink);
        else if (tag === 3) readWay(r, block, sink);
      },
      null,
      end,
    );
  }
}

const textDecoder = new TextDecoder();

function readDense(r: PbfReader, b: Block, sink: OsmSink): void {
  let ids: number[] = [],
    lats: number[] = [],
    lons: number[] = [];
  r.readMessage((tag, _: null, q) => {
    if (tag === 1) ids = q.readPackedSVarint();
    else if (tag === 8) lats = q.readPackedSVarint();
    else if (tag === 9) lons = q.readPackedSVarint();
  }, null);
  if (lats.length !== ids.length || lons.length !== ids.length)
    throw new CorruptBlock(said('read.pbf.dense', { ids: ids.length, lats: lats.length, lons: lons.length }));
  const g = b.granularity * 1e-9;
  let id = 0,
    lat = 0,
    lon = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i]!;
    lat += lats[i]!;
    lon += lons[i]!;
    pbfNode(sink, id, b.latOffset * 1e-9 + g * lat, b.lonOffset * 1e-9 + g * lon);
  }
}

function readNode(r: PbfReader, b: Block, sink: OsmSink): void {
  const n = r.readMessage(
    (tag, o: { id: number; lat: number; lon: number }, q) => {
      if (tag === 1) o.id = q.readSVarint();
      else if (tag === 8) o.lat = q.readSVarint();
      else if (tag === 9) o.lon = q.readSVarint();
    },
    { id: 0, lat: 0, lon: 0 },
  );
  const g = b.granularity * 1e-9;
  pbfNode(sink, n.id, b.latOffset * 1e-9 + g * n.lat, b.lonOffset * 1e-9 + g * n.lon);
}

function pbfNode(sink: OsmSink, id: number, lat: number, lon: number): void {
  const wrong = checkPosition(lat, lon);
  if (wrong) throw new CorruptBlock(wrong);
  sink.node(id, lat, lon);
}

function readWay(r: PbfReader, b: Block, sink: OsmSink): void {
  const w = r.readMessage(
    (tag, o: { keys: number[]; vals: number[]; refs: number[] }, q) => {
      if (tag === 2) o.keys = q.readPackedVarint();
      else if (tag === 3) o.vals = q.readPackedVarint();
      else if (tag === 8) o.refs = q.readPackedSVarint();
    },
    { keys: [], vals: [], refs: [] },
  );
  if (!w.keys.some((k) => WANTED.has(b.strings[k] ?? ''))) return;
  const tags: Record<string, string> = {};
  w.keys.forEach((k, i) => (tags[b.strings[k] ?? ''] = b.strings[w.vals[i] ?? 0] ?? ''));
  let id = 0;
  const refs = w.refs.map((d) => (id += d));
  sink.way(refs, tags);
}

// ---------- XML ----------

function readXml(file: string, sink: OsmSink): void {
  const parser = new SaxesParser({ position: true });
  let way: { refs: number[]; tags: Record<string, string> } | undefined;
  let failure: UserError | undefined;
  // saxes counts the characters read on the line: 0 at its start, where the column is 1.
  const at = () => `:${parser.line}:${Math.max(1, parser.column)}`;
  const num = (v: string | undefined, what: string) => {
    const n = v === undefined ? NaN : Number(v);
    if (!Number.isFinite(n)) failure ??= bad(file, said('read.osm.not_number', { what }), at());
    return n;
  };
  parser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'node') {
      const id = num(a.id, 'node id'),
        lat = num(a.lat, 'node lat'),
        lon = num(a.lon, 'node lon');
      const wrong = failure ? undefined : checkPosition(lat, lon);
      if (wrong) failure = bad(file, wrong, at());
      if (!failure) sink.node(id, lat, lon);
    } else if (t.name === 'way') way = { refs: [], tags: {} };
    else if (way && t.name === 'nd') way.refs.push(num(a.ref, 'nd ref'));
    else if (way && t.name === 'tag' && a.k !== undefined) way.tags[a.k] = a.v ?? '';
  });
  parser.on('closetag', (t) => {
    if (t.name !== 'way' || !way) return;
    if ('highway' in way.tags || 'route' in way.tags) sink.way(way.refs, way.tags);
    way = undefined;
  });
  parser.on('error', (e) => {
    failure ??= bad(file, said('read.osm.not_xml', { why: xmlReason(e) }), at());
  });
  const fd = openInput(file);
  const buf = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  try {
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      pos += n;
      parser.write(decoder.decode(buf.subarray(0, n), { stream: true }));
      if (failure) throw failure;
    }
    parser.close();
    if (failure) throw failure;
  } finally {
    closeSync(fd);
  }
}

// ---------- GeoJSON ----------

/**
 * LineStrings (or MultiLineStrings) with a `highway` property, or `route: ferry`; the other
 * properties are read as OSM tags (oneway, maxspeed, duration). Lines join where they share a
 * vertex (coordinates equal to 1e-7 degrees), as OSM ways share nodes.
 */
function readGeoJson(run: RunContext, file: string, sink: OsmSink): void {
  const decoded = decodeText(readUserFile(run, file));
  if (!decoded.ok) throw bad(file, decoded.said, `:${decoded.line}:${decoded.column}`);
  // biome-ignore lint/suspicious/noExplicitAny: untrusted JSON, checked field by field below
  const doc: any = parseJsonText(decoded.text, file);
  // biome-ignore lint/suspicious/noExplicitAny: untrusted GeoJSON features, checked field by field below
  const features: any[] =
    doc?.type === 'FeatureCollection' && Array.isArray(doc.features)
      ? doc.features
      : doc?.type === 'Feature'
        ? [doc]
        : [];
  if (!features.length) throw bad(file, said('read.geojson.lines'), ':1:1');
  // Where a value of feature i is in the text, found again only for a message (json-text.ts).
  const root = doc.type === 'Feature' ? [] : ['features'];
  const at = (path: (string | number)[]) => {
    const [i, ...rest] = path;
    return jsonPlace(decoded.text, '', [...root, ...(root.length ? [i!] : []), ...rest]);
  };
  const ids = new Map<string, number>();
  const nodeId = (c: unknown, where: Said, path: (string | number)[]): number => {
    if (
      !Array.isArray(c) ||
      typeof c[0] !== 'number' ||
      typeof c[1] !== 'number' ||
      Math.abs(c[1]) > 90 ||
      Math.abs(c[0]) > 180
    ) {
      throw bad(file, said('read.geojson.position', { where }), at(path));
    }
    const key = `${Math.round(c[0] * 1e7)},${Math.round(c[1] * 1e7)}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size + 1));
      sink.node(id, c[1], c[0]);
    }
    return id;
  };
  features.forEach((f, i) => {
    const props: Record<string, unknown> = f?.properties ?? {};
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) if (v !== null && typeof v !== 'object') tags[k] = String(v);
    if (!('highway' in tags) && !('route' in tags)) return;
    const g = f?.geometry;
    const lines: unknown =
      g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    if (!Array.isArray(lines))
      throw bad(
        file,
        said('read.geojson.multiline', { where: featureWords(i, '.geometry.coordinates') }),
        at([i, 'geometry', 'coordinates']),
      );
    const multi = g.type === 'MultiLineString';
    lines.forEach((line, j) => {
      const path = [i, 'geometry', 'coordinates', ...(multi ? [j] : [])];
      if (!Array.isArray(line)) throw bad(file, said('read.geojson.line', { where: featureWords(i) }), at(path));
      sink.way(
        line.map((c, k) =>
          nodeId(c, featureWords(i, `.geometry.coordinates${multi ? `[${j}]` : ''}[${k}]`), [...path, k]),
        ),
        tags,
      );
    });
  });
}
