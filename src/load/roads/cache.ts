/**
 * The graph cache: a parsed, compacted RoadGraph written once as one binary file (a JSON header,
 * then every typed array 8-byte aligned), named by the SHA-256 of the input's bytes and of the
 * profile. Loading is one read and zero-copy typed-array views. A damaged or foreign file is
 * ignored (and rebuilt), never trusted.
 *
 * Where: $DOSTPLAN_CACHE_DIR, else $XDG_CACHE_HOME/dostplan, else ~/.cache/dostplan.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { compareText } from '../../model/compare-text.js';
import { GRAPH_ARRAYS, type GraphMeta, type RoadGraph } from '../../travel/roads/graph.js';
import type { Profile } from '../../travel/roads/profile.js';

/** Bump when the graph's layout or meaning changes, so old caches are not read. */
export const CACHE_FORMAT = 4;
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
  arrays: { name: (typeof GRAPH_ARRAYS)[number]; type: CtorName; length: number; offset: number }[];
}

export function writeGraphCache(path: string, key: string, g: RoadGraph): void {
  const arrays: Header['arrays'] = [];
  let offset = 0;
  for (const name of GRAPH_ARRAYS) {
    const a = g[name];
    arrays.push({ name, type: a.constructor.name as CtorName, length: a.length, offset });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ format: CACHE_FORMAT, key, meta: g.meta, arrays } satisfies Header));
  const headerLen = Math.ceil((MAGIC.length + 4 + header.length) / 8) * 8;
  const out = Buffer.alloc(headerLen + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  for (const a of arrays) {
    const src = g[a.name];
    out.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), headerLen + a.offset);
  }
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The cached graph for `key`, or undefined when there is none or it does not check out. */
export function readGraphCache(path: string, key: string): RoadGraph | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const len = buf.readUInt32LE(MAGIC.length);
    const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len)) as Header;
    if (header.format !== CACHE_FORMAT || header.key !== key) return undefined;
    const headerLen = Math.ceil((MAGIC.length + 4 + len) / 8) * 8;
    // Typed-array views need aligned offsets; a pooled small Buffer may not be.
    const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
    const g: Partial<RoadGraph> = { meta: header.meta };
    for (const a of header.arrays) {
      const Ctor = CTORS[a.type];
      if (!Ctor || !GRAPH_ARRAYS.includes(a.name)) return undefined;
      const start = bytes.byteOffset + headerLen + a.offset;
      if (start + a.length * Ctor.BYTES_PER_ELEMENT > bytes.byteOffset + bytes.length) return undefined;
      (g as Record<string, unknown>)[a.name] = new Ctor(bytes.buffer as ArrayBuffer, start, a.length);
    }
    const graph = g as RoadGraph;
    const n = graph.lat?.length ?? -1;
    const ok =
      GRAPH_ARRAYS.every((name) => graph[name] !== undefined) &&
      graph.fwdStart.length === n + 1 &&
      graph.revStart.length === n + 1 &&
      graph.fwdStart[n] === graph.fwdTo.length;
    return ok ? graph : undefined;
  } catch {
    return undefined;
  }
}
