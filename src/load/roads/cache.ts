/**
 * The graph cache: a parsed, compacted RoadGraph written once as one binary file (a JSON header,
 * then every typed array 8-byte aligned), named by the SHA-256 of the input's bytes and of the
 * profile. Loading is one read and zero-copy typed-array views. The cache is untrusted input
 * like any other file (another process, a full disk or a user may have written it): it must be a
 * regular file under MAX_CACHE_BYTES, its arrays must match the CRC-32 in its header, and the
 * graph must check out (checkGraph: lengths, indices in range, finite non-negative costs, valid
 * positions). A cache that does not is rebuilt, and the run says so.
 *
 * Where: $DOSTPLAN_CACHE_DIR, else $XDG_CACHE_HOME/dostplan, else ~/.cache/dostplan.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { compareText } from '../../model/compare-text.js';
import { type Said, said } from '../../model/said.js';
import { GRAPH_ARRAYS, type GraphMeta, NETWORK_FORMATS, type RoadGraph } from '../../travel/roads/graph.js';
import type { Profile } from '../../travel/roads/profile.js';

/** Bump when the graph's layout or meaning changes, so old caches are not read. */
export const CACHE_FORMAT = 5;

/** Larger cache files are not read (a country's graph is tens of MB; a link to /dev/zero is endless). */
export const MAX_CACHE_BYTES = 2 ** 31;
const MAGIC = 'DOSTRDG\n';

export function cacheDir(): string {
  const env = process.env;
  return env.DOSTPLAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dostplan');
}

/**
 * node:crypto's createHash, loaded when a road network is hashed: loading it costs every command
 * about 15 ms at start-up, and only runs with roads need it.
 */
const createHash = (algorithm: string) => process.getBuiltinModule('node:crypto').createHash(algorithm);

/** SHA-256 of a file's bytes, read in 4 MB chunks. */
export function fileHash(file: string): string {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4 << 20);
    for (let n: number; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** The cache key: the input's content, the profile, and the cache format. */
export function cacheKey(inputHash: string, profile: Profile): string {
  const canonical = JSON.stringify(profile, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b)))
      : v,
  );
  return createHash('sha256').update(`${CACHE_FORMAT}\n${inputHash}\n${canonical}`).digest('hex').slice(0, 32);
}

export const cachePath = (key: string) => join(cacheDir(), `roads-${key}.bin`);

const CTORS = { Float64Array, Float32Array, Uint32Array, Int32Array } as const;
type CtorName = keyof typeof CTORS;

interface Header {
  format: number;
  key: string;
  meta: GraphMeta;
  /** CRC-32 of everything after the header (the arrays). */
  crc32: number;
  arrays: { name: (typeof GRAPH_ARRAYS)[number]; type: CtorName; length: number; offset: number }[];
}

/** The array type of each graph field: a cache that says otherwise is not ours. */
const TYPES: Record<(typeof GRAPH_ARRAYS)[number], CtorName> = {
  lat: 'Float64Array',
  lon: 'Float64Array',
  fwdStart: 'Uint32Array',
  fwdTo: 'Uint32Array',
  fwdMin: 'Float32Array',
  fwdKm: 'Float32Array',
  revStart: 'Uint32Array',
  revFrom: 'Uint32Array',
  revMin: 'Float32Array',
  revKm: 'Float32Array',
  chainA: 'Uint32Array',
  chainB: 'Uint32Array',
  chainFwd: 'Float64Array',
  chainBwd: 'Float64Array',
  chainKm: 'Float64Array',
  chainFwdBlk: 'Uint32Array',
  chainBwdBlk: 'Uint32Array',
  segGeo: 'Float64Array',
  segKm: 'Float32Array',
  segFwd: 'Float32Array',
  segBwd: 'Float32Array',
  segChain: 'Uint32Array',
  segIdx: 'Uint32Array',
  segFwdPre: 'Float64Array',
  segBwdPre: 'Float64Array',
  segKmPre: 'Float64Array',
  segFwdBlk: 'Uint32Array',
  segBwdBlk: 'Uint32Array',
};

const count = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32);
const km = z.number().min(0).max(1e9);
const GraphMetaSchema = z.object({
  // Every format a reader reads: a graph of one left out would fail this check and be rebuilt each run.
  format: z.enum(NETWORK_FORMATS),
  roadKm: km,
  ferryKm: km,
  vertices: count,
  edges: count,
  roadNodes: count,
  segments: count,
  components: count,
  dropped: z.object({
    count,
    km,
    largest: z.array(z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), km })).max(5),
  }),
  missingNodes: count,
  ignoredMaxspeed: count,
});

const HeaderSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  meta: GraphMetaSchema,
  crc32: z.number().int().min(0),
  arrays: z
    .array(
      z.object({
        name: z.enum(GRAPH_ARRAYS),
        type: z.enum(['Float64Array', 'Float32Array', 'Uint32Array', 'Int32Array']),
        length: z.number().int().min(0),
        offset: z.number().int().min(0).multipleOf(8),
      }),
    )
    .length(GRAPH_ARRAYS.length),
});

const crc32 = (bytes: Uint8Array) => process.getBuiltinModule('node:zlib').crc32(bytes);

export function writeGraphCache(path: string, key: string, g: RoadGraph): void {
  const arrays: Header['arrays'] = [];
  let offset = 0;
  for (const name of GRAPH_ARRAYS) {
    const a = g[name];
    arrays.push({ name, type: a.constructor.name as CtorName, length: a.length, offset });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const body = Buffer.alloc(offset);
  for (const a of arrays) {
    const src = g[a.name];
    body.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), a.offset);
  }
  const header = Buffer.from(
    JSON.stringify({ format: CACHE_FORMAT, key, meta: g.meta, crc32: crc32(body), arrays } satisfies Header),
  );
  const headerLen = Math.ceil((MAGIC.length + 4 + header.length) / 8) * 8;
  const out = Buffer.alloc(headerLen);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([out, body]));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * The cached graph for `key`: `miss` when there is no cache for it (or it is another key's or
 * format's), `bad` with the reason when the file is there but does not check out.
 */
export function readGraphCache(path: string, key: string): { graph: RoadGraph } | { miss: true } | { bad: Said } {
  let buf: Buffer;
  try {
    const r = readCacheFile(path);
    if (!Buffer.isBuffer(r)) return { bad: r };
    buf = r;
  } catch {
    return { miss: true };
  }
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC)
    return { bad: said('note.cache.not_cache') };
  const len = buf.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + len > buf.length) return { bad: said('note.cache.cut_short') };
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len));
  } catch {
    return { bad: said('note.cache.header_not_json') };
  }
  const peek = raw as Partial<Header> | null;
  if (peek?.format !== CACHE_FORMAT || peek?.key !== key) return { miss: true };
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) return { bad: said('note.cache.header_wrong') };
  const header = parsed.data;
  const headerLen = Math.ceil((MAGIC.length + 4 + len) / 8) * 8;
  // Typed-array views need aligned offsets; a pooled small Buffer may not be.
  const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  if (headerLen > bytes.length || crc32(bytes.subarray(headerLen)) !== header.crc32)
    return { bad: said('note.cache.checksum') };
  const g: Partial<RoadGraph> = { meta: header.meta };
  for (const a of header.arrays) {
    if (a.type !== TYPES[a.name]) return { bad: said('note.cache.wrong_type', { name: a.name }) };
    const Ctor = CTORS[a.type];
    const start = bytes.byteOffset + headerLen + a.offset;
    if (start + a.length * Ctor.BYTES_PER_ELEMENT > bytes.byteOffset + bytes.length)
      return { bad: said('note.cache.cut_short') };
    (g as Record<string, unknown>)[a.name] = new Ctor(bytes.buffer as ArrayBuffer, start, a.length);
  }
  const graph = g as RoadGraph;
  const wrong = GRAPH_ARRAYS.find((name) => graph[name] === undefined) ?? checkGraph(graph);
  return wrong ? { bad: said('note.cache.array_wrong', { name: wrong }) } : { graph };
}

/** The cache file's bytes, or why it is not read; a missing file throws. */
function readCacheFile(path: string): Buffer | Said {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return said('note.cache.not_file');
    if (st.size > MAX_CACHE_BYTES) return said('note.cache.too_large', { gib: MAX_CACHE_BYTES / 2 ** 30 });
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    for (let n: number; at < st.size && (n = readSync(fd, buf, at, st.size - at, at)) > 0; ) at += n;
    return at === st.size ? buf : said('note.cache.cut_short');
  } finally {
    closeSync(fd);
  }
}

type Arr = ArrayLike<number>;
const every = (a: Arr, ok: (v: number) => boolean) => {
  for (let i = 0; i < a.length; i++) if (!ok(a[i]!)) return false;
  return true;
};
const cost = (v: number) => v >= 0 && v < Infinity;

/**
 * What the engine relies on, checked in one pass over each array: CSR offsets that start at 0,
 * never decrease and end at the edge count; every vertex, chain and segment index in range;
 * minutes and km finite and non-negative (a segment's minutes may be Infinity: one-way-forbidden);
 * positions within ±90/±180. The name of the first field that fails, or undefined.
 */
export function checkGraph(g: RoadGraph): string | undefined {
  const n = g.lat.length;
  const C = g.chainA.length;
  const S = g.segKm.length;
  const csr = (start: Uint32Array, to: Uint32Array) => {
    if (start.length !== n + 1 || start[0] !== 0 || start[n] !== to.length) return false;
    for (let i = 0; i < n; i++) if (start[i]! > start[i + 1]!) return false;
    return every(to, (v) => v < n);
  };
  const checks: [string, boolean][] = [
    ['lat', every(g.lat, (v) => Math.abs(v) <= 90) && g.lon.length === n],
    ['lon', every(g.lon, (v) => Math.abs(v) <= 180)],
    ['fwdStart', csr(g.fwdStart, g.fwdTo)],
    ['revStart', csr(g.revStart, g.revFrom)],
    ['fwdMin', g.fwdMin.length === g.fwdTo.length && every(g.fwdMin, cost)],
    ['fwdKm', g.fwdKm.length === g.fwdTo.length && every(g.fwdKm, cost)],
    ['revMin', g.revMin.length === g.revFrom.length && every(g.revMin, cost)],
    ['revKm', g.revKm.length === g.revFrom.length && every(g.revKm, cost)],
    ['chainA', every(g.chainA, (v) => v < n)],
    ['chainB', g.chainB.length === C && every(g.chainB, (v) => v < n)],
    ['chainFwd', g.chainFwd.length === C && every(g.chainFwd, cost)],
    ['chainBwd', g.chainBwd.length === C && every(g.chainBwd, cost)],
    ['chainKm', g.chainKm.length === C && every(g.chainKm, cost)],
    ['chainFwdBlk', g.chainFwdBlk.length === C && g.chainBwdBlk.length === C],
    ['segGeo', g.segGeo.length === 4 * S && every(g.segGeo, (v) => Math.abs(v) <= 180)],
    ['segKm', every(g.segKm, cost)],
    ['segFwd', g.segFwd.length === S && every(g.segFwd, (v) => v >= 0)],
    ['segBwd', g.segBwd.length === S && every(g.segBwd, (v) => v >= 0)],
    ['segChain', g.segChain.length === S && every(g.segChain, (v) => v < C)],
    ['segIdx', g.segIdx.length === S],
    ['segFwdPre', g.segFwdPre.length === S && every(g.segFwdPre, cost)],
    ['segBwdPre', g.segBwdPre.length === S && every(g.segBwdPre, cost)],
    ['segKmPre', g.segKmPre.length === S && every(g.segKmPre, cost)],
    ['segFwdBlk', g.segFwdBlk.length === S && g.segBwdBlk.length === S],
  ];
  for (let i = 0; i < S; i++)
    if (Math.abs(g.segGeo[4 * i]!) > 90 || Math.abs(g.segGeo[4 * i + 2]!) > 90) return 'segGeo';
  return checks.find(([, ok]) => !ok)?.[0];
}
