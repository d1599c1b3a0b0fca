/**
 * Hostile input, round two (issue 29): each case reproduced the defect on the main of the day and
 * asserts what a planner or a CI log must see instead — the documented exit code, a message that
 * names file, place and what to do, no stack trace, and nothing quoted from the file.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { erlangC } from '../src/analysis/erlang-c.js';
import { jsonSyntaxError } from '../src/load/json-text.js';
import { english, said } from '../src/model/said.js';
import { mdText } from '../src/render/markdown-text.js';
import { checkGraph, readGraphCache, writeGraphCache } from '../src/load/roads/cache.js';
import { loadRoadModel } from '../src/load/roads/road-network.js';
import { RunContext } from '../src/run/run-context.js';
import { BIN, cli, FIXTURES, ROOT, renderedText } from './helpers.js';
import { xlsx } from './xlsx-writer.js';
import { geoPackage, geoTiff, h3Cells, osmPbf, pbfBlock, pbfData, straightRoad, TAG } from './hostile-files.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-hostile2-'));
const CACHE = mkdtempSync(join(tmpdir(), 'dostplan-hostile2-cache-'));
const ROADS = join(FIXTURES, 'roads');
const SMALL = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');
const SECRET = 'root:x:0:0:TOPSECRET-hunter2:/root:/bin/bash';
afterAll(() => spawnSync('rm', ['-rf', DIR, CACHE]));

const file = (name: string, content: string | Buffer) => {
  const p = join(DIR, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};

/** Runs the CLI in DIR with a private road cache; asserts the exit code and that no stack trace or bug report reached stderr. */
function run(args: string[], code: number, cache = CACHE) {
  const r = cli(args, { cwd: DIR, env: { DOSTPLAN_CACHE_DIR: cache } });
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|node:internal|internal error/);
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code });
  return r;
}

/** GNU time's peak resident set (KB) and wall seconds for one CLI run. */
function measured(args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, BIN, ...args], {
    cwd: DIR,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOSTPLAN_CACHE_DIR: CACHE },
    timeout: 60_000,
  });
  const [kb, s] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { code: r.status, stderr: r.stderr, mb: kb! / 1024, seconds: s! };
}

// The test town's road plan, for the road cases: F1 at 40.0 N 47.0 E, the test profile (primary 60 km/h).
const TOWN_PLAN = (roads: string, profile = 'test-profile.yaml') =>
  readFileSync(join(ROADS, 'town-plan.yaml'), 'utf8').replace(
    'distance_model: { roads: town.osm, roads_profile: test-profile.yaml }',
    `distance_model: { roads: ${roads}, roads_profile: ${profile} }`,
  );
copyFileSync(join(ROADS, 'test-profile.yaml'), join(DIR, 'test-profile.yaml'));
copyFileSync(join(ROADS, 'town.osm'), join(DIR, 'town.osm'));

describe('1. a plan cannot print a file into the CI log', () => {
  const secret = file('outside/secret.txt', `${SECRET}\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n`);

  it('roads_profile naming any file: the error names the file and place, never its text', () => {
    // No repository here: the path is allowed, and the profile is read — but not echoed.
    file('plain/plan.yaml', TOWN_PLAN('../town.osm', '../outside/secret.txt'));
    const r = run(['timeline', '--strict', 'plain/plan.yaml'], 1);
    expect(r.stderr).toMatch(/outside\/secret\.txt:1:1: /);
    expect(r.stderr + r.stdout).not.toMatch(/TOPSECRET|root:x|daemon/);
  });

  it("inside a git checkout a plan's paths must stay in its repository, symbolic links followed", () => {
    mkdirSync(join(DIR, 'repo', '.git'), { recursive: true });
    copyFileSync(join(DIR, 'town.osm'), join(DIR, 'repo', 'town.osm'));
    symlinkSync(secret, join(DIR, 'repo', 'innocent.yaml'));
    file('repo/escape.yaml', TOWN_PLAN('town.osm', '../outside/secret.txt'));
    file('repo/link.yaml', TOWN_PLAN('town.osm', 'innocent.yaml'));
    file('repo/pop.yaml', `${SMALL}population: /etc/passwd\n`);
    file('repo/ext.yaml', 'extends: ../../../../../../../../etc/passwd\n');
    const outside = run(['validate', 'repo/escape.yaml'], 1);
    expect(outside.stdout).toMatch(
      /repo\/escape\.yaml:5:\d+: error distance_model\.roads_profile: '\.\.\/outside\/secret\.txt' is outside the plan's repository \(repo\); a plan may name only files in its own repository/,
    );
    expect(run(['validate', 'repo/link.yaml'], 1).stdout).toContain("'innocent.yaml' is outside the plan's repository");
    expect(run(['validate', 'repo/pop.yaml'], 1).stdout).toContain(
      "error population: '/etc/passwd' is outside the plan's repository",
    );
    expect(run(['validate', 'repo/ext.yaml'], 1).stdout).toContain('[path-outside-repository]');
    for (const cmd of ['timeline', 'coverage', 'report']) {
      const r = run([cmd, 'repo/escape.yaml'], 1);
      expect(r.stderr).toContain('repo/escape.yaml has errors; fix them first');
      expect(r.stderr + r.stdout).not.toMatch(/TOPSECRET|root:x/);
    }
    // The person at the keyboard may still name the file on the command line.
    file(
      'repo/ok.yaml',
      TOWN_PLAN('town.osm', 'missing-profile.yaml').replace(', roads_profile: missing-profile.yaml', ''),
    );
    expect(run(['validate', 'repo/ok.yaml'], 0).stdout).toContain('0 errors');
  });

  it('syntax errors in JSON files a plan names are placed by line and column, not quoted', () => {
    const roads = file('roads-bad.geojson', `{"type": "FeatureCollection",\n  "features": [${SECRET}]}`);
    const r = run(['coverage', '--roads', roads], 1);
    expect(r.stderr).toContain('roads-bad.geojson:2:16: not valid JSON: expected a value');
    const pop = file('pop-bad.geojson', `{"type": "FeatureCollection", "features": [\n\n  ${SECRET}`);
    expect(run(['coverage', '--population', pop], 1).stderr).toContain(
      'pop-bad.geojson:3:3: not valid JSON: expected a value',
    );
    const h3 = file('h3-bad.csv', `h3,population\n${SECRET},5\n`);
    expect(run(['coverage', '--population', h3], 1).stderr).toContain(
      'h3-bad.csv:2:1: not an H3 cell index (15 hexadecimal digits',
    );
    // A first line that is not a header of column names is not listed (a plan's population: /etc/passwd).
    const csv = file('passwd.csv', `${SECRET}\n`);
    expect(run(['coverage', '--population', csv], 1).stderr).toContain(
      "passwd.csv:1:1: missing column 'lat', missing column 'lon', missing column 'population'; its first line has 1 field that does not look like column names",
    );
    for (const f of [roads, pop, h3, csv]) {
      const out = cli(['coverage', '--population', f], { cwd: DIR });
      expect(out.stderr).not.toMatch(/TOPSECRET|root:x/);
    }
  });

  it('the JSON locator agrees with JSON.parse on what is JSON, and points at the first wrong character', () => {
    const cases = [
      '{}',
      '[1, 2.5e3, -0, "a\\u00e9"]',
      ' {"a": [true, false, null, {}]} ',
      '{"a": 1,}',
      '[1 2]',
      '"\t"',
      '{"a" 1}',
      '[01]',
      '{',
      '',
      'nul',
      '"\\x"',
      '[1]]',
      '{"a": "b\n"}',
      '1.',
      '-',
      '[1,]',
      '{"a":1}x',
      '[[[[[[]]]]]]',
    ];
    for (const c of cases) {
      let valid = true;
      try {
        JSON.parse(c);
      } catch {
        valid = false;
      }
      expect({ c, valid: jsonSyntaxError(c) === undefined }).toEqual({ c, valid });
    }
    // What was expected is a catalogue message (said in the run's language); its English text here.
    const at = (text: string) => {
      const e = jsonSyntaxError(text);
      return e && { offset: e.offset, expected: english(e.expected) };
    };
    expect(at('{"a": 1,}')).toEqual({ offset: 8, expected: 'a property name in double quotes' });
    expect(at('[1 2]')).toEqual({ offset: 3, expected: "',' or ']'" });
    // A million brackets deep costs no stack.
    expect(at('['.repeat(1e6))).toEqual({ offset: 1e6, expected: 'a value (the file ends early)' });
  });
});

describe('2. GitHub annotations cannot be forged by a file name', () => {
  it('a missing file or a folder whose name holds a newline never starts a line of its own', () => {
    const forged = 'x\n::error file=README.md,line=1::forged';
    mkdirSync(join(DIR, `dir${forged}`));
    for (const name of [forged, `dir${forged}`]) {
      const r = run(['validate', '--format', 'github', name], 2);
      for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) expect(line).not.toMatch(/^::error file=README/);
      // Each line of a message is named (cli/main.ts): the newline's second half is `dostplan: ::error…`.
      expect(r.stderr).toContain('x\ndostplan: ::error file=README.md,line=1::forged');
      const text = run(['validate', name], 2);
      for (const line of text.stderr.split('\n')) expect(line).not.toMatch(/^::/);
    }
  });
});

describe('3. names in Markdown output are text, not markup (rendered with marked, GFM)', () => {
  const hostile = {
    name: 'Evil # Heading @octocat <!-- hide', // a plan name is one line (schema); a label may have several
    branch: '<img src=x onerror=alert(1)> [link](https://evil.example) ![i](https://evil.example/i.png) **b** `c` $x$',
    label: 'fine\n\n## Pwned www.evil.example <script>alert(1)</script> | cell',
  };
  it('diff --format md: a plan name, facility name and target label render as their own text', () => {
    const b = SMALL.replace('name: Small test network', `name: ${JSON.stringify(hostile.name)}`)
      .replace(
        '{ by: 2025, centers: 2, branches: 2 }',
        `{ by: 2025, centers: 2, branches: 2, label: ${JSON.stringify(hostile.label)} }`,
      )
      .concat(
        `  - { id: EVL, name: ${JSON.stringify(hostile.branch)}, center: GAN, region: AZ-SKR, location: { lat: 40.83, lon: 46.02 }, status: planned, opens: 2024, serves: [AZ-SKR] }\n`,
      );
    file('md-a.yaml', SMALL);
    file('md-b.yaml', b);
    const r = run(['diff', 'md-a.yaml', 'md-b.yaml', '--format', 'md'], 0);
    const html = new Marked({ gfm: true }).parse(r.stdout) as string;
    // Only our own heading; no HTML, link, image, emphasis, code or comment from the names.
    expect(html.match(/<h\d/g)).toEqual(['<h3']);
    expect(html).not.toMatch(/<img|<a |<script|<!--|<em>|<strong>b|<code>c/);
    const text = renderedText(html);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const s of Object.values(hostile)) expect(text).toContain(flat(s));
    // GitHub's @mention and bare-link finders see no "@octocat", "www." or "https://".
    expect(r.stdout).not.toMatch(/@octocat|www\.|https:\/\//);
  });

  it('mdText escapes inline markup and joins lines; a table cell keeps its pipe as text', () => {
    expect(mdText('a\n# b')).toBe('a # b');
    expect(mdText('[x](y) <b> *c* _d_ `e` ~f~ &amp; $g$ \\')).toBe(
      '\\[x\\](y) \\<b\\> \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\&amp; \\$g\\$ \\\\',
    );
    expect(mdText('AZ-GA, opens 2024 (10.0 km)')).toBe('AZ-GA, opens 2024 (10.0 km)');
  });
});

describe('4. PBF blobs: 32 MiB and their declared raw_size, enforced while inflating', () => {
  const road = pbfData(straightRoad(), [{ refs: [1, 2, 3, 4, 5], tags: { highway: 'primary' } }]);

  it('a blob that inflates far past its raw_size stops at the declared size: exit 1, small memory', () => {
    // 64 MiB of zeros deflate to 64 KB; the blob declares the 100 bytes of a real block.
    const zeros = Buffer.alloc(64 * 2 ** 20);
    const bomb = deflateSync(zeros);
    const f = file('bomb.osm.pbf', osmPbf(pbfBlock('OSMData', road, { rawSize: 100, zlibData: bomb })));
    const m = measured(['coverage', '--roads', f]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('corrupt PBF: the block at byte');
    expect(m.stderr).toContain('it inflates to more than the 100 bytes it declares');
    expect(m.mb).toBeLessThan(200);
  });

  it('a raw_size over 32 MiB is refused before inflating; a lying smaller raw_size too', () => {
    const big = file('big.osm.pbf', osmPbf(pbfBlock('OSMData', road, { rawSize: 3 * 2 ** 30 })));
    expect(run(['coverage', '--roads', big], 1).stderr).toContain(
      `declares ${3 * 2 ** 30} bytes uncompressed (the format allows 32 MiB)`,
    );
    const short = file('short.osm.pbf', osmPbf(pbfBlock('OSMData', road, { rawSize: road.length + 10 })));
    expect(run(['coverage', '--roads', short], 1).stderr).toContain(
      `it inflates to ${road.length} bytes, not the ${road.length + 10} it declares`,
    );
  });

  it('a corrupt block (an unknown wire type) and short DenseNodes arrays are exit 1, not 70', () => {
    const corrupt = file('corrupt.osm.pbf', osmPbf(pbfBlock('OSMData', Buffer.from([0x2b, 0x01, 0x02, 0x03]))));
    expect(run(['coverage', '--roads', corrupt], 1).stderr).toMatch(
      /corrupt\.osm\.pbf: corrupt PBF: the block at byte \d+: it does not decode as OSM data/,
    );
    const dense = pbfData(straightRoad(), [{ refs: [1, 2, 3, 4, 5], tags: { highway: 'primary' } }], { short: 2 });
    const shortDense = file('dense.osm.pbf', osmPbf(pbfBlock('OSMData', dense)));
    expect(run(['coverage', '--roads', shortDense], 1).stderr).toContain(
      'DenseNodes with 5 ids but 2 latitudes and 2 longitudes',
    );
  });
});

describe('5. GeoTIFF: a size limit checked before anything is allocated', () => {
  it('a 1 KB file declaring 20,000 × 20,000 Float32 in one strip: exit 1 at once, small memory', () => {
    const f = file(
      'huge.tif',
      geoTiff([5], 1, { patch: { [TAG.width]: 20000, [TAG.height]: 20000, [TAG.rowsPerStrip]: 20000 } }),
    );
    const m = measured(['coverage', '--population', f]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('a block (tile or strip) of 20000 × 20000 cells is 1526 MiB decoded');
    expect(m.mb).toBeLessThan(200);
    expect(m.seconds).toBeLessThan(10);
  });
});

describe('5b. GeoTIFF: a header is checked against the file before geotiff.js reads it', () => {
  it('a field declaring a billion doubles, or an image with fewer strips than rows need: exit 1 at once', () => {
    const billion = file('billion.tif', geoTiff([5, 6], 2, { counts: { [TAG.tiepoint]: 1e9 } }));
    const m = measured(['coverage', '--population', billion]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(
      'billion.tif: not a readable GeoTIFF (field 33922 declares more data than the file holds)',
    );
    expect(m.seconds).toBeLessThan(10);
    const strips = file('strips.tif', geoTiff([5, 6], 2, { patch: { [TAG.height]: 60000, [TAG.rowsPerStrip]: 1 } }));
    expect(run(['coverage', '--population', strips], 1).stderr).toContain(
      'strips.tif: not a readable GeoTIFF (its header declares 2 × 60000 cells in 60000 blocks but locates 1)',
    );
  });
});

describe('6. desks: bounded in the schema, and a queue cost that does not grow with them', () => {
  it('desks: 9007199254740991 is an error at its line, and capacity stops at once', () => {
    const plan = file(
      'desks.yaml',
      SMALL.replace(
        '    serves: [AZ-BAR]\n',
        '    serves: [AZ-BAR]\n    desks: 9007199254740991\n    service_min: 12\n',
      ),
    );
    expect(run(['validate', plan], 1).stdout).toMatch(/desks\.yaml:\d+:\d+: error centers\[1\]\.desks: must be <=1000/);
    expect(run(['capacity', plan], 1).stderr).toContain('has errors; fix them first');
  });

  it('Erlang C agrees with the full recursion up to 1,000 desks, and 2^53 desks cost what 1,000 do', () => {
    const full = (c: number, a: number) => {
      let b = 1;
      for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
      return (c * b) / (c - a * (1 - b));
    };
    for (const c of [1, 2, 5, 17, 100, 333, 1000])
      for (const a of [0.1, 0.5, 0.9, 0.99].map((u) => u * c)) {
        const exact = full(c, a);
        expect(Math.abs(erlangC(c, a) - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, exact));
      }
    // Hand check: 2 desks, 1 erlang: C = 2·(1/5)/(2 − 1·(4/5)) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    const t0 = performance.now();
    expect(erlangC(2 ** 53 - 1, 10)).toBe(0);
    expect(erlangC(1e9, 1e6 - 1)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('7. a road file that is a FIFO', () => {
  it('with no writer: exit 2 at once; with a writer: exit 2, not 70 (ESPIPE)', () => {
    const fifo = join(DIR, 'roads.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'coverage', '--roads', fifo], {
      cwd: DIR,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('roads.fifo: a road network must be a regular file, not a pipe or device');
    const writer = spawn('sh', ['-c', `cat ${join(ROADS, 'town.osm')} > roads.fifo`], { cwd: DIR, stdio: 'ignore' });
    try {
      const w = run(['coverage', '--roads', 'roads.fifo'], 2);
      expect(w.stderr).toContain('a road network must be a regular file');
    } finally {
      writer.kill();
    }
  });
});

describe('8. GeoPackages of several MB read through the binary path', () => {
  it('a 6 MB Kontur-like GeoPackage (geometry blobs full of NUL bytes) counts every person, as its CSV does', async () => {
    const cells = h3Cells(3000);
    const gpkg = file('kontur.gpkg', await geoPackage(cells, { geomBytes: 2000 }));
    expect(readFileSync(gpkg).length).toBeGreaterThan(6e6);
    const csv = file('kontur.csv', `h3,population\n${cells.map((c) => `${c.h3},${c.pop}`).join('\n')}\n`);
    const total = cells.reduce((t, c) => t + c.pop, 0);
    const people = (f: string) => JSON.parse(run(['coverage', '--population', f, '--format', 'json'], 0).stdout);
    const a = people(gpkg),
      b = people(csv);
    expect(a.population_source.inside_population + a.population_source.outside.population).toBe(total);
    expect(a.population_source.cells).toEqual(b.population_source.cells);
    expect(a.population_source.inside_population).toBe(b.population_source.inside_population);
  });

  it('a layer that is a view is read (no rowid), with the same people', async () => {
    const cells = h3Cells(50);
    const view = file('view.gpkg', await geoPackage(cells, { view: true }));
    const r = JSON.parse(run(['coverage', '--population', view, '--format', 'json'], 0).stdout);
    expect(r.population_source.cells.populated).toBe(50);
    expect(r.population_source.inside_population + r.population_source.outside.population).toBe(
      cells.reduce((t, c) => t + c.pop, 0),
    );
  });
});

describe('8b. XLSX workbooks are binary too', () => {
  it('a 6,000-row workbook (over 64 KB, NUL bytes in every ZIP header) is read whole: 6,000 people', () => {
    const rows = [
      ['lat', 'lon', 'population', 'region'],
      ...Array.from({ length: 6000 }, (_, i) => [
        40.68 + (i % 60) * 1e-4,
        46.36 + Math.floor(i / 60) * 1e-4,
        1,
        'AZ-GA',
      ]),
    ];
    const f = file('points.xlsx', xlsx([{ name: 'points', rows }]));
    expect(readFileSync(f).length).toBeGreaterThan(65536);
    const r = JSON.parse(run(['coverage', '--population', f, '--format', 'json'], 0).stdout);
    expect(r.population_source.inside_population).toBe(6000);
  });
});

describe('9. non-finite and out-of-range populations are refused by every reader', () => {
  it('H3 CSV: Infinity, 1e308, -5 and text are errors at their line and column', () => {
    const [a, b] = h3Cells(2);
    for (const v of ['Infinity', '1e308', '-5', 'lots']) {
      // The population cell's character column: after the 15-character index and its comma.
      const col = b!.h3.length + 2;
      const f = file(`h3-${v}.csv`, `h3,population\n${a!.h3},10\n${b!.h3},${v}\n`);
      expect(run(['coverage', '--population', f], 1).stderr).toContain(
        `h3-${v}.csv:3:${col}: population must be a number from 0 to 1e+10 (one cell)`,
      );
    }
  });

  it('GeoTIFF: a Float64 +Infinity cell is refused at its pixel; NaN stays nodata', () => {
    const inf = file('inf.tif', geoTiff([5, Infinity, 3, 4], 2, { float64: true }));
    expect(run(['coverage', '--population', inf], 1).stderr).toContain(
      'inf.tif: band 1, pixel x=1 y=0: population must be a number from 0 to 1e+10',
    );
    const nan = file('nan.tif', geoTiff([5, Number.NaN, 3, 4], 2, { float64: true }));
    const r = JSON.parse(run(['coverage', '--population', nan, '--format', 'json'], 0).stdout);
    expect(r.population_source.cells).toEqual({ total: 4, nodata: 1, empty: 0, populated: 3 });
    expect(r.population_source.inside_population).toBe(12);
  });
});

describe('10. road coordinates and maxspeed', () => {
  it('a node at lon 9999 (XML) or lat 300 (PBF) is refused at its place', () => {
    const xml = file(
      'far.osm',
      '<osm>\n<node id="1" lat="40" lon="47"/>\n<node id="2" lat="40" lon="9999"/>\n<way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way>\n</osm>\n',
    );
    expect(run(['coverage', '--roads', xml], 1).stderr).toMatch(/far\.osm:3:\d+: a node longitude outside ±180°/);
    const pbf = file(
      'far.osm.pbf',
      osmPbf(
        pbfBlock(
          'OSMData',
          pbfData(
            [
              [40, 47],
              [300, 47],
            ],
            [{ refs: [1, 2], tags: { highway: 'primary' } }],
          ),
        ),
      ),
    );
    expect(run(['coverage', '--roads', pbf], 1).stderr).toMatch(
      /corrupt PBF: the block at byte \d+: a node latitude outside ±90°/,
    );
  });

  it('maxspeed outside 5–150 km/h keeps the class speed, with a note: 4.26 km at 60 km/h is 4.26 min', () => {
    // A 0.05° primary road east from F1 (40.0 N, 47.0 E): 4.264 km; 100 people at its far end.
    const line = (maxspeed?: string) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { highway: 'primary', ...(maxspeed ? { maxspeed } : {}) },
            geometry: {
              type: 'LineString',
              coordinates: [
                [47.0, 40.0],
                [47.025, 40.0],
                [47.05, 40.0],
              ],
            },
          },
        ],
      });
    file('end.csv', 'lat,lon,population,region\n40.0,47.05,100,AZ-AGM\n');
    const minutes = (maxspeed?: string) => {
      file(`road-${maxspeed}.geojson`, line(maxspeed));
      file(`road-${maxspeed}.yaml`, TOWN_PLAN(`road-${maxspeed}.geojson`));
      const r = run(
        ['distances', `road-${maxspeed}.yaml`, '--population', 'end.csv', '--year', '2025', '--format', 'json'],
        0,
      );
      return { min: JSON.parse(r.stdout).center.mean_min as number, stderr: r.stderr };
    };
    const km = 0.05 * 111.3195 * Math.cos((40 * Math.PI) / 180); // ≈ 4.264 km along the parallel
    const plain = minutes();
    expect(plain.min).toBeCloseTo(km, 1);
    for (const v of ['99999999', '0.0001', '200 mph']) {
      const m = minutes(v);
      expect(m.min).toBe(plain.min);
      expect(m.stderr).toContain('1 way has a maxspeed outside 5–150 km/h (a typo?): it keeps its class speed');
    }
    expect(minutes('30').min).toBeCloseTo(2 * km, 1);
  });

  it('a MultiLineString with coordinates: null is a clear exit 1', () => {
    const f = file(
      'null-multi.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { highway: 'primary' },
            geometry: { type: 'MultiLineString', coordinates: null },
          },
        ],
      }),
    );
    expect(run(['coverage', '--roads', f], 1).stderr).toContain(
      "null-multi.geojson:1:145: features[0].geometry.coordinates: a MultiLineString's coordinates must be a list of lines",
    );
  });
});

describe('11. the road cache is untrusted input', () => {
  const build = async () =>
    (await loadRoadModel(new RunContext(), join(ROADS, 'town.osm'), { noCache: true })).model.graph;

  it('a flipped bit, a negated array with a good checksum, bad meta, a link to /dev/zero: not used, with the reason', async () => {
    const f = join(DIR, 'g.bin');
    const g = await build();
    writeGraphCache(f, 'k', g);
    expect(readGraphCache(f, 'k')).toHaveProperty('graph');
    const bytes = readFileSync(f);
    bytes[bytes.length - 9]! ^= 0x10;
    writeFileSync(f, bytes);
    expect(readGraphCache(f, 'k')).toEqual({ bad: said('note.cache.checksum') });
    // Negated minutes written with a matching checksum: the graph check catches them.
    writeGraphCache(f, 'k', { ...g, fwdMin: g.fwdMin.map((v) => -v) });
    expect(readGraphCache(f, 'k')).toEqual({ bad: said('note.cache.array_wrong', { name: 'fwdMin' }) });
    writeGraphCache(f, 'k', { ...g, fwdTo: g.fwdTo.map((v) => v + g.lat.length) });
    expect(readGraphCache(f, 'k')).toEqual({ bad: said('note.cache.array_wrong', { name: 'fwdStart' }) });
    // meta that is not a GraphMeta (the header is JSON, outside the checksum).
    writeGraphCache(f, 'k', { ...g, meta: { ...g.meta, dropped: null } as never });
    expect(readGraphCache(f, 'k')).toEqual({ bad: said('note.cache.header_wrong') });
    const zero = join(DIR, 'zero.bin');
    symlinkSync('/dev/zero', zero);
    expect(readGraphCache(zero, 'k')).toEqual({ bad: said('note.cache.not_file') });
    expect(checkGraph(g)).toBeUndefined();
  });

  it('a damaged cache is rebuilt, with a note, and the answer is the same', () => {
    const args = [
      'distances',
      join(ROADS, 'town-plan.yaml'),
      '--population',
      join(ROADS, 'town-population.csv'),
      '--format',
      'json',
    ];
    const cache = mkdtempSync(join(tmpdir(), 'dostplan-hostile2-rebuild-'));
    const first = run(args, 0, cache);
    const [cached] = readdirSync(cache).filter((n) => n.startsWith('roads-'));
    const path = join(cache, cached!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(path, bytes);
    const again = run(args, 0, cache);
    expect(again.stderr).toContain(
      `the road graph cache ${path} was not used (its checksum does not match (a damaged file)); rebuilding it`,
    );
    expect(again.stdout).toBe(first.stdout);
    expect(run(args, 0, cache).stderr).not.toContain('was not used');
    spawnSync('rm', ['-rf', cache]);
  });
});

describe('12. results on stdout are written like --out', () => {
  it('a full disk (/dev/full) is exit 2 with a message; a reader that stops early (EPIPE) is quiet', () => {
    for (const cmd of ['coverage', 'report']) {
      const r = spawnSync(process.execPath, [BIN, cmd], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        'dostplan: cannot write the result to standard output: ENOSPC (the disk is full; the output is incomplete)\n',
      );
    }
    const head = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" report | head -c 10`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(head.stdout).toBe('<!doctype ');
    expect(head.stderr).toBe('');
  });
});
