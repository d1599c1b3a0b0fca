/**
 * The fuzzing harness (issue 29): every reader of untrusted input, fed files made by fast-check
 * with a fixed seed — a valid file mutated byte by byte (flips, cuts, repeats, insertions of a
 * marker text) or a file generated from that format's pieces — and held to four rules:
 *
 * 1. the only outcomes are success or a UserError of exit 1 or 2 (the CLI: exit 0, 1 or 2);
 * 2. no stack trace and no "internal error" reaches the user;
 * 3. bounded time (a case in-process, a CLI run) and memory (the CLI run's peak RSS);
 * 4. no file content in messages: the marker text a case put in the file never comes back
 *    (a plan may have its own values quoted by `validate`, so for plans this holds for what
 *    does not parse as a plan: syntax and encoding errors; `import` writes a list's names into
 *    the plan it prints, so for facility lists it holds for stderr).
 *
 * tests/fuzz.test.ts runs it briefly in `npm test`; `npm run fuzz` runs it long (FUZZ_RUNS).
 * A failure prints fast-check's counterexample and seed; the file is in FUZZ_DIR to replay.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { UserError } from '../src/errors.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { loadPointColumns } from '../src/load/population-file.js';
import { readGeoTiff } from '../src/load/population/geotiff-reader.js';
import { readGeoPackage, readH3Csv } from '../src/load/population/h3-reader.js';
import { readGraphCache, writeGraphCache } from '../src/load/roads/cache.js';
import { buildGraph, loadRoadModel } from '../src/load/roads/road-network.js';
import { loadProfile } from '../src/load/roads/road-profile.js';
import { RoadModel } from '../src/travel/roads/road-model.js';
import { RunContext } from '../src/run/run-context.js';
import { BIN, FIXTURES } from './helpers.js';
import { geoPackage, geoTiff, h3Cells } from './hostile-files.js';
import { xlsx } from './xlsx-writer.js';
import { readFacilityList } from '../src/load/facility-list.js';

/** Put into files by mutations; never to come back in a message. Not name-like (a `/`), so a CSV header holding it is not listed. */
export const MARKER = 'ZQX/MARK';
export const FUZZ_DIR = mkdtempSync(join(tmpdir(), 'dostplan-fuzz-'));
/** Fixed, so a failure replays; FUZZ_SEED=N explores other files. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
/** In-process: one case at most this long; CLI: one run at most this long and this large. */
export const LIMITS = { caseMs: 10_000, cliMs: 60_000, cliMb: 700 } as const;

const ROADS = join(FIXTURES, 'roads');
const SHAPES = join(ROADS, 'geofabrik');

export interface Reader {
  name: string;
  /** The file's name (its extension picks the reader where the content does not). */
  file: string;
  /** A valid file of the format, to mutate. */
  seed: () => Promise<Buffer>;
  /** Files generated from the format's pieces, marker included. */
  generate?: fc.Arbitrary<string>;
  /** Reads the file in-process as the CLI would; throws what the CLI would turn into an exit code. */
  read: (path: string) => unknown;
  /** The CLI run that reads the file. */
  cli: (path: string) => string[];
  /** Messages that may quote the file (a plan's own values): checked for the marker only on stderr. */
  quotesOwnValues?: boolean;
}

// ---------- mutations ----------

type Mutation = { kind: 'flip' | 'cut' | 'delete' | 'repeat' | 'marker' | 'byte' | 'number'; at: number; n: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'cut', 'delete', 'repeat', 'marker', 'byte', 'number'),
  at: fc.nat(),
  n: fc.nat({ max: 255 }),
});

/** Numbers that have broken readers before: overflow, non-finite, huge counts, negatives. */
const HOSTILE_NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '9007199254740993',
  '-0',
  '1e-320',
  '4294967296',
  '-1',
  '99999999',
  '0.0001',
  '',
  '1,5',
  '0x10',
];

export function mutate(base: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(base);
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.kind === 'flip' && b.length) b[at] = b[at]! ^ (1 << (m.n % 8));
    else if (m.kind === 'byte' && b.length) b[at] = m.n;
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + (m.n % 16))]);
    else if (m.kind === 'repeat') b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + 1 + m.n), b.subarray(at)]);
    else if (m.kind === 'marker') b = Buffer.concat([b.subarray(0, at), Buffer.from(MARKER), b.subarray(at)]);
    else {
      const v = Buffer.from(HOSTILE_NUMBERS[m.n % HOSTILE_NUMBERS.length]!);
      b = Buffer.concat([b.subarray(0, at), v, b.subarray(at)]);
    }
  }
  return b;
}

/** A file: a mutated seed (most cases) or, where the reader has one, a generated text. */
export function cases(r: Reader, seed: Buffer): fc.Arbitrary<Buffer> {
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 8 }).map((ms) => mutate(seed, ms));
  return r.generate
    ? fc.oneof(
        mutated,
        r.generate.map((t) => Buffer.from(t)),
      )
    : mutated;
}

// ---------- generators for text formats ----------

const cell = fc.oneof(
  fc.constantFrom(
    ...HOSTILE_NUMBERS,
    MARKER,
    `"${MARKER}"`,
    `"a""b"`,
    '"',
    'AZ-GA',
    'AZ-BA/Sabail',
    '40.68',
    '46.36',
    '100',
  ),
  fc.double().map(String),
  fc.string({ maxLength: 8 }).map((s) => `${s}${MARKER}`),
);
const csvOf = (header: fc.Arbitrary<string>) =>
  fc
    .tuple(
      header,
      fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([h, rows, sep, eol]) => [h.replace(/,/g, sep), ...rows.map((r) => r.join(sep))].join(eol));

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -1, 1e308, MARKER, 'Point', 'LineString', 'MultiLineString', 'Feature', 'primary'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'type',
        'features',
        'geometry',
        'coordinates',
        'properties',
        'population',
        'highway',
        'maxspeed',
        'oneway',
        MARKER,
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

const geojsonText = fc
  .array(
    fc.record({
      type: fc.constantFrom('Feature', MARKER),
      geometry: fc.oneof(
        fc.constant(null),
        fc.record({ type: fc.constantFrom('Point', 'LineString', 'MultiLineString'), coordinates: jsonValue }),
      ),
      properties: fc.oneof(fc.constant(null), jsonValue),
    }),
    { maxLength: 6 },
  )
  .map((features) => JSON.stringify({ type: 'FeatureCollection', features }));

const yamlScalar = fc.oneof(
  cell,
  fc.constantFrom('[', '{', '&a x', '*a', '!!binary AAAA', '? k', '- -', ': :', `'${MARKER}`),
);
const yamlText = fc
  .array(
    fc.tuple(
      fc.constantFrom('name', 'years', 'highways', 'maxspeed_factor', 'access', MARKER, '  primary', '  - id'),
      yamlScalar,
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.map(([k, v]) => `${k}: ${v}`).join('\n'));

// ---------- the readers ----------

const country = () => embedded();
/** A fresh run per case: nothing one case loads is remembered for the next. */
const run = () => new RunContext();
const text = (s: string) => async () => Buffer.from(s);
const fixture =
  (...p: string[]) =>
  async () =>
    readFileSync(join(...p));
const testProfile = join(ROADS, 'test-profile.yaml');
const cacheKeyUsed = 'fuzz';

export const READERS: Reader[] = [
  {
    name: 'plan YAML',
    file: 'plan.yaml',
    seed: fixture(FIXTURES, 'valid', 'small.yaml'),
    generate: yamlText,
    read: (p) => {
      const loaded = loadPlan(run(), p);
      // What does not parse as a plan must not be quoted back.
      for (const d of loaded.diagnostics)
        if (['yaml-syntax', 'encoding', 'yaml-alias'].includes(d.code) && d.message.includes(MARKER))
          throw new Error(`content quoted: ${d.message}`);
    },
    cli: (p) => ['validate', p],
    quotesOwnValues: true,
  },
  {
    name: 'points CSV',
    file: 'points.csv',
    seed: text('lat,lon,population,region,name\n40.68,46.36,100,AZ-GA,Ganja\n40.37,47.13,50,AZ-BAR,Barda\n'),
    generate: csvOf(fc.constantFrom('lat,lon,population', 'lat,lon,population,region,name', 'y,x,pop', MARKER)),
    read: (p) => loadPointColumns(run(), p, country().regions, { population: true, geojson: false }),
    cli: (p) => ['coverage', '--population', p],
  },
  {
    name: 'points GeoJSON',
    file: 'points.geojson',
    seed: fixture(FIXTURES, 'hand-population.geojson'),
    generate: geojsonText,
    read: (p) => loadPointColumns(run(), p, country().regions, { population: true, geojson: true }),
    cli: (p) => ['coverage', '--population', p],
  },
  {
    name: 'H3 CSV',
    file: 'cells.csv',
    seed: async () =>
      Buffer.from(
        `h3,population\n${h3Cells(5)
          .map((c) => `${c.h3},${c.pop}`)
          .join('\n')}\n`,
      ),
    generate: csvOf(fc.constantFrom('h3,population', 'hex_id,pop', `h3,${MARKER}`)),
    read: (p) => readH3Csv(p, readFileSync(p)),
    cli: (p) => ['coverage', '--population', p],
  },
  {
    name: 'GeoTIFF',
    file: 'grid.tif',
    seed: async () => geoTiff([100, 200, 0, 300, 400, 500], 3),
    read: (p) => readGeoTiff(p),
    cli: (p) => ['coverage', '--population', p],
  },
  {
    name: 'GeoPackage',
    file: 'cells.gpkg',
    seed: () => geoPackage(h3Cells(20)),
    read: (p) => readGeoPackage(p, readFileSync(p)),
    cli: (p) => ['coverage', '--population', p],
  },
  {
    name: 'OSM XML',
    file: 'roads.osm',
    seed: fixture(ROADS, 'town.osm'),
    read: (p) => buildGraph(run(), p, loadProfile(run(), testProfile)),
    cli: (p) => ['coverage', '--roads', p, '--roads-profile', testProfile],
  },
  {
    name: 'OSM PBF',
    file: 'roads.osm.pbf',
    seed: fixture(ROADS, 'town.osm.pbf'),
    read: (p) => buildGraph(run(), p, loadProfile(run(), testProfile)),
    cli: (p) => ['coverage', '--roads', p, '--roads-profile', testProfile],
  },
  {
    name: 'road GeoJSON',
    file: 'roads.geojson',
    seed: fixture(ROADS, 'town.geojson'),
    generate: geojsonText,
    read: (p) => buildGraph(run(), p, loadProfile(run(), testProfile)),
    cli: (p) => ['coverage', '--roads', p, '--roads-profile', testProfile],
  },
  {
    name: 'road profile',
    file: 'profile.yaml',
    seed: fixture(testProfile),
    generate: yamlText,
    read: (p) => loadProfile(run(), p),
    cli: (p) => ['coverage', '--roads', join(ROADS, 'town.osm'), '--roads-profile', p],
  },
  ...(['shp', 'dbf'] as const).map(
    (part): Reader => ({
      name: `road shapefile (.${part})`,
      file: `roads-${part}.${part}`,
      seed: async () => {
        // The other parts of the Geofabrik-style fixture beside the mutated one, for both stems used.
        for (const stem of [`roads-${part}`, `cli-roads-${part}`])
          for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg'])
            if (ext !== part)
              copyFileSync(join(SHAPES, `gis_osm_roads_free_1.${ext}`), join(FUZZ_DIR, `${stem}.${ext}`));
        return readFileSync(join(SHAPES, `gis_osm_roads_free_1.${part}`));
      },
      read: (p) => buildGraph(run(), p.replace(/\.dbf$/, '.shp'), loadProfile(run(), testProfile)),
      cli: (p) => ['coverage', '--roads', p.replace(/\.dbf$/, '.shp'), '--roads-profile', testProfile],
    }),
  ),
  {
    name: 'road GeoPackage',
    file: 'roads.gpkg',
    seed: fixture(SHAPES, 'town-roads.gpkg'),
    read: (p) => buildGraph(run(), p, loadProfile(run(), testProfile)),
    cli: (p) => ['coverage', '--roads', p, '--roads-profile', testProfile],
  },
  {
    name: 'XLSX facility list',
    file: 'list.xlsx',
    seed: async () =>
      xlsx([
        {
          name: 'sites',
          rows: [
            ['id', 'name', 'kind', 'lat', 'lon', 'region', 'opens'],
            ['GAN', 'Ganja', 'center', 40.68, 46.36, 'AZ-GA', 2024],
            ['BAR', 'Barda', 'center', 40.37, 47.13, 'AZ-BAR', '2025-03'],
          ],
        },
      ]),
    read: (p) => readFacilityList(run(), p),
    cli: (p) => ['import', p],
    quotesOwnValues: true,
  },
  {
    name: 'CSV facility list',
    file: 'list.csv',
    seed: text('id,name,kind,lat,lon,region,opens\nGAN,Ganja,center,40.68,46.36,AZ-GA,2024\n'),
    generate: csvOf(fc.constantFrom('id,name,kind,lat,lon,region,opens', 'id,name,lat,lon', MARKER)),
    read: (p) => readFacilityList(run(), p),
    cli: (p) => ['import', p],
    quotesOwnValues: true,
  },
  {
    name: 'road cache',
    file: 'cache.bin',
    seed: async () => {
      const g = (await loadRoadModel(run(), join(ROADS, 'town.osm'), { noCache: true, profileFile: testProfile })).model
        .graph;
      const f = join(FUZZ_DIR, 'seed-cache.bin');
      writeGraphCache(f, cacheKeyUsed, g);
      return readFileSync(f);
    },
    read: (p) => {
      // Mutated arrays with the checksum made to match again: the graph checks must hold the line.
      for (const bytes of [readFileSync(p), withFixedChecksum(readFileSync(p))]) {
        writeFileSync(p, bytes);
        const r = readGraphCache(p, cacheKeyUsed);
        if ('graph' in r) {
          const m = new RoadModel(r.graph, loadProfile(run(), testProfile), 'fuzz');
          m.trip({ lat: 40, lon: 47, side: 0 }, { lat: 40.03, lon: 47.01, side: 0 });
        }
      }
    },
    cli: () => [],
  },
];

/** The cache with its header's CRC-32 set to its body's, so that a mutation reaches the graph checks. */
function withFixedChecksum(buf: Buffer): Buffer {
  try {
    const len = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + len));
    const body = buf.subarray(Math.ceil((12 + len) / 8) * 8);
    header.crc32 = process.getBuiltinModule('node:zlib').crc32(body);
    const h = Buffer.from(JSON.stringify(header));
    const head = Buffer.alloc(Math.ceil((12 + h.length) / 8) * 8);
    buf.copy(head, 0, 0, 8);
    head.writeUInt32LE(h.length, 8);
    h.copy(head, 12);
    return Buffer.concat([head, body]);
  } catch {
    return buf;
  }
}

// ---------- the properties ----------

/** What a case broke, or undefined. */
export async function readOnce(r: Reader, bytes: Buffer, name = r.file): Promise<string | undefined> {
  const path = join(FUZZ_DIR, name);
  writeFileSync(path, bytes);
  const t0 = performance.now();
  let broke: string | undefined;
  try {
    await r.read(path);
  } catch (e) {
    if (!(e instanceof UserError)) broke = `not a UserError: ${(e as Error)?.stack ?? e}`;
    else if (e.exitCode !== 1 && e.exitCode !== 2) broke = `exit ${e.exitCode}: ${e.message}`;
    else if (e.message.includes(MARKER)) broke = `content quoted: ${e.message}`;
  }
  const ms = performance.now() - t0;
  return broke ?? (ms > LIMITS.caseMs ? `took ${Math.round(ms)} ms` : undefined);
}

/** One CLI run: exit 0/1/2, no stack trace, no marker on stderr (nor stdout unless the plan quotes itself), time and memory. */
export function runCli(r: Reader, bytes: Buffer): string | undefined {
  const path = join(FUZZ_DIR, `cli-${r.file}`);
  writeFileSync(path, bytes);
  const args = r.cli(path);
  if (!args.length) return undefined;
  const res = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, BIN, ...args], {
    cwd: FUZZ_DIR,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOSTPLAN_CACHE_DIR: join(FUZZ_DIR, 'cache') },
    timeout: LIMITS.cliMs,
  });
  const lines = res.stderr.trimEnd().split('\n');
  const [kb] = (lines.pop() ?? '').split(' ').map(Number);
  const stderr = lines.join('\n');
  if (res.status === null) return `no exit within ${LIMITS.cliMs} ms (${res.signal})`;
  if (![0, 1, 2].includes(res.status)) return `exit ${res.status}: ${stderr.slice(0, 300)}`;
  if (/\n\s+at .+:\d+:\d+\)?|node:internal|internal error/.test(stderr)) return `stack trace: ${stderr.slice(0, 300)}`;
  if (stderr.includes(MARKER) || (!r.quotesOwnValues && res.stdout.includes(MARKER)))
    return `content quoted: ${stderr.slice(0, 300)}`;
  if (kb! / 1024 > LIMITS.cliMb) return `peak memory ${Math.round(kb! / 1024)} MB`;
  return undefined;
}

/** Runs both properties for a reader; fast-check shrinks a failure to a small file. */
export async function fuzzReader(r: Reader, runs: { inProcess: number; cli: number }): Promise<void> {
  const seed = await r.seed();
  await fc.assert(
    fc.asyncProperty(cases(r, seed), async (bytes) => {
      const broke = await readOnce(r, bytes);
      if (broke) throw new Error(`${r.name}: ${broke}`);
    }),
    { seed: SEED, numRuns: runs.inProcess, endOnFailure: true },
  );
  if (runs.cli === 0) return;
  fc.assert(
    fc.property(cases(r, seed), (bytes) => {
      const broke = runCli(r, bytes);
      if (broke) throw new Error(`${r.name} (CLI): ${broke}`);
    }),
    { seed: SEED + 1, numRuns: runs.cli, endOnFailure: true },
  );
}
