/**
 * Hostile input, through the built CLI as a user would meet it (issue 16). Every case asserts the
 * documented exit code, the message (file:line:col where there is one) and that no stack trace
 * reaches the terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvSafe, csvTable, withBom } from '../src/render/table.js';
import { annotationPath } from '../src/render/diagnostics.js';
import { printable } from '../src/render/printable.js';
import { parsePlanDate } from '../src/model/dates.js';
import { BIN, cli, FIXTURES, ROOT } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-hostile-'));
const SMALL = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');
const file = (name: string, text: string) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const mkfifo = (name: string) => {
  const p = join(DIR, name);
  expect(spawnSync('mkfifo', [p]).status).toBe(0);
  return p;
};

/** Runs the CLI in DIR; asserts the exit code and that no stack trace reached stderr. */
function run(args: string[], code: number, env: Record<string, string> = {}) {
  const r = cli(args, { cwd: DIR, env });
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|node:internal|internal error/);
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code });
  return r;
}

afterAll(() => spawnSync('rm', ['-rf', DIR]));

describe('special files are read with a byte limit that holds for any kind (class 2)', () => {
  it('/dev/zero as a plan, as extends:, as --population, --graph, --compare: binary content at 1:1, at once', () => {
    expect(run(['validate', '/dev/zero'], 1).stdout).toContain('/dev/zero:1:1: error binary content (a NUL byte)');
    const ext = file('ext-zero.yaml', 'extends: /dev/zero\n');
    expect(run(['validate', ext], 1).stdout).toContain('/dev/zero:1:1: error binary content');
    expect(run(['coverage', '--population', '/dev/zero'], 1).stderr).toContain('/dev/zero:1:1: binary content');
    expect(run(['optimize', '--graph', '/dev/zero'], 1).stderr).toContain('/dev/zero:1:1: binary content');
    expect(run(['timeline', '--compare', '/dev/zero'], 1).stderr).toContain('/dev/zero:1:1: error binary content');
  });

  it('a FIFO nobody writes to is refused at once instead of hanging, named directly or as extends:', () => {
    const fifo = mkfifo('idle.fifo');
    const r = run(['validate', 'idle.fifo'], 2);
    expect(r.stderr).toContain('idle.fifo: a pipe with nothing written to it; start the writer first');
    expect(r.stdout).toContain('0 errors, 0 warnings in 0 files; 1 file could not be read');
    file('ext-fifo.yaml', `extends: ${fifo}\n`);
    expect(run(['validate', 'ext-fifo.yaml'], 1).stdout).toMatch(
      /ext-fifo\.yaml:1:10: error extends: base plan '.*idle\.fifo' cannot be used: .*a pipe with nothing written/,
    );
    expect(run(['coverage', '--population', 'idle.fifo'], 2).stderr).toContain(
      'idle.fifo: a pipe with nothing written',
    );
  });

  it('a FIFO fed without end stops at 256 MB with exit 2 (memory stays bounded)', () => {
    mkfifo('endless.fifo');
    const writer = spawn('sh', ['-c', 'yes "name: x" > endless.fifo'], { cwd: DIR, stdio: 'ignore' });
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', 'endless.fifo'], { cwd: DIR, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('endless.fifo: more than the 256 MB an input may be');
    } finally {
      writer.kill();
    }
  });

  it('a data folder (--data, DOSTPLAN_DATA) is user input too: /dev/zero as its population is binary content', () => {
    const data = join(DIR, 'zero-data');
    spawnSync('cp', ['-r', join(ROOT, 'data'), data]);
    spawnSync('ln', ['-sf', '/dev/zero', join(data, 'population-points.csv')]);
    const plan = join(FIXTURES, 'valid', 'small.yaml');
    expect(run(['coverage', plan, '--data', data], 1).stderr).toContain(
      'population-points.csv:1:1: binary content (a NUL byte)',
    );
  });

  it('a pipe that is written to (process substitution, a FIFO with a writer) reads like a file', () => {
    mkfifo('plan.fifo');
    const writer = spawn('sh', ['-c', `cat ${join(FIXTURES, 'valid', 'small.yaml')} > plan.fifo`], {
      cwd: DIR,
      stdio: 'ignore',
    });
    const r = spawnSync(process.execPath, [BIN, 'validate', 'plan.fifo'], { cwd: DIR, encoding: 'utf8' });
    writer.kill();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });
});

describe('bounds: years, delays, values (classes 3 and 4)', () => {
  it('plan years outside 1900–2100 are errors at their place, and no command crashes on them', () => {
    const huge = file(
      'huge-years.yaml',
      SMALL.replace('years: { from: 2020, to: 2026 }', 'years: { from: -5000000, to: 9007199254740991 }'),
    );
    const r = run(['validate', huge], 1);
    expect(r.stdout).toContain(
      'huge-years.yaml:3:16: error years.from: must be a year from 1900 to 2100, not -5000000 [out-of-range]',
    );
    expect(r.stdout).toContain(
      'huge-years.yaml:3:30: error years.to: must be a year from 1900 to 2100, not 9007199254740991 [out-of-range]',
    );
    for (const cmd of ['coverage', 'distances', 'timeline', 'report', 'optimize', 'explore']) {
      expect(run([cmd, huge], 1).stderr).toContain('has errors; fix them first');
    }
  });

  it('a population point with more people than the world, an empty cell, a null feature: refused with the place', () => {
    const csv = file('pop.csv', 'lat,lon,population\n40.4,47.1,100\n40.5,47.1,\n');
    expect(run(['coverage', '--population', csv], 1).stderr).toMatch(/pop\.csv:3:11: empty population cell/);
    const big = file('big.csv', 'lat,lon,population\n40.4,47.1,1e308\n40.5,47.1,1e308\n');
    expect(run(['coverage', '--population', big], 1).stderr).toMatch(
      /big\.csv:2:11: population must be a number from 0 to 1e\+10/,
    );
    const feature = (p: unknown) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [47.1, 40.4] },
      properties: { population: p },
    });
    // GeoJSON values are placed at their line and column (one line here: the column is the offset + 1).
    const nullText = JSON.stringify({ type: 'FeatureCollection', features: [feature(5), null] });
    const withNull = file('null.geojson', nullText);
    expect(run(['coverage', '--population', withNull], 1).stderr).toContain(
      `null.geojson:1:${nullText.lastIndexOf('null') + 1}: expected a Feature, not null`,
    );
    const nullPopText = JSON.stringify({ type: 'FeatureCollection', features: [feature(null)] });
    const nullPop = file('nullpop.geojson', nullPopText);
    expect(run(['coverage', '--population', nullPop], 1).stderr).toContain(
      `nullpop.geojson:1:${nullPopText.indexOf('null') + 1}: population must be a number`,
    );
    const emptyText = JSON.stringify({ type: 'FeatureCollection', features: [] });
    const empty = file('empty.geojson', emptyText);
    expect(run(['coverage', '--population', empty], 1).stderr).toContain(
      `empty.geojson:1:${emptyText.indexOf('[]') + 1}: no features`,
    );
    // A file holding only `null`: refused at 1:1 (format detection reads it as an empty table).
    expect(run(['coverage', '--population', file('null-top.geojson', 'null')], 1).stderr).toContain(
      'null-top.geojson:1:1:',
    );
  });

  it('OR-Library graphs: every bad header or edge is named at its line and column', () => {
    const cases: [string, string][] = [
      ['2.5 1 1\n1 2 3\n', 'g:1:1: n (vertices) must be a whole number from 1 to 1000'],
      ['1e9 1 1\n1 2 3\n', 'g:1:1: n (vertices) must be a whole number from 1 to 1000'],
      ['3 2 4\n1 2 3\n2 3 1\n', 'g:1:5: p (medians) must be a whole number from 1 to 3'],
      ['3 2 1.5\n1 2 3\n2 3 1\n', 'g:1:5: p (medians) must be a whole number from 1 to 3'],
      ['3 2 1\n1 2.5 3\n2 3 1\n', 'g:2:3: a vertex must be a whole number from 1 to 3'],
      ['3 2 1\n1 2 -3\n2 3 1\n', 'g:2:5: an edge cost must be a number ≥ 0'],
      // The token found there is not quoted: the file could be anything (a key, a password line).
      ['3 2 1\n1 2 sk-SECRET\n2 3 1\n', 'g:2:5: an edge cost must be a number ≥ 0'],
      ['root:x:0:0 2 1\n', 'g:1:1: n (vertices) must be a whole number from 1 to 1000'],
      [
        '4 2 1\n1 2 3\n3 4 1\n',
        'g:1:5: p = 1 is too few for a graph in 2 separate parts (vertex 3 cannot be reached from vertex 1): each part needs a median of its own, so p must be at least 2',
      ],
      ['3 3 1\n1 2 3\n2 3 1\n', 'g:4:1: the header says 3 edges, the file has 2 edge lines'],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(DIR, 'g'), text);
      expect(run(['optimize', '--graph', 'g'], 1).stderr).toBe(`dostplan: ${message}\n`);
    }
  });

  it('two new facilities with one id in a scenario are an error, not a silent merge', () => {
    copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), join(DIR, 'base.yaml'));
    const dup = file(
      'dup.yaml',
      [
        'extends: base.yaml',
        'centers:',
        '  - { id: NEW, name: New one, region: AZ-GA, location: { lat: 40.68, lon: 46.36 }, status: planned, opens: 2025 }',
        '  - { id: NEW, name: New two, region: AZ-BAR, location: { lat: 40.37, lon: 47.12 }, status: planned, opens: 2026 }',
        '',
      ].join('\n'),
    );
    expect(run(['validate', dup], 1).stdout).toContain(
      "dup.yaml:4:11: error id 'NEW' appears twice in this scenario's centers (first at centers[0]); merge the two entries [duplicate-id]",
    );
  });
});

describe('messages (class 6)', () => {
  it('a missing enum field is called missing, not "undefined undefined"', () => {
    const noStatus = file(
      'no-status.yaml',
      SMALL.replace('    status: open\n    opens: 2021-03', '    opens: 2021-03'),
    );
    const r = run(['validate', noStatus], 1);
    expect(r.stdout).toContain(
      "no-status.yaml:11:5: error missing required field 'status' in centers[0] (one of open, under_construction, planned, closed) [missing-field]",
    );
    expect(r.stdout).not.toContain('undefined');
  });

  it('control characters in ids and keys never reach the terminal raw', () => {
    const ansi = file(
      'ansi.yaml',
      SMALL.replace('  - id: GAN', '  - id: "GAN\\e[31m\\nX"').replace(
        '    status: open\n    opens: 2021-03',
        '    status: open\n    "k\\e[2J": 1\n    opens: 2021-03',
      ),
    );
    const r = run(['validate', ansi], 1);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain(
      'ansi.yaml:11:9: error centers[0].id: must be one line of text without control characters',
    );
    expect(r.stdout).toContain("unknown key 'k\\x1b[2J' in centers[0]");
    expect(run(['timeline', '--delay', 'X\u001b[31m=+1m'], 2).stderr).not.toContain('\u001b');
    expect(printable('a\u0007b\nc', true)).toBe('a\\x07b\nc');
    const pop = file('ctl.csv', 'lat,lon,population,region,name\n40.4,47.1,10,AZ-BAR,"a\u001b[31mb"\n');
    expect(run(['distances', '--population', pop], 1).stderr).toContain(
      'ctl.csv:2:21: name or region contains control characters',
    );
  });

  it('validate of a missing file counts it as unreadable, not as "0 errors in 1 file"', () => {
    const r = run(['validate', 'missing.yaml'], 2);
    expect(r.stderr).toBe('dostplan: missing.yaml: no such file\n');
    expect(r.stdout).toBe('0 errors, 0 warnings in 0 files; 1 file could not be read\n');
  });

  it('YAML tags such as !!binary and !!timestamp are named, not called "not a mapping"', () => {
    expect(run(['validate', file('binary.yaml', '!!binary aGVsbG8=\n')], 1).stdout).toContain(
      'binary.yaml:1:10: error the YAML tag !!binary is not used in plan files',
    );
    const ts = file('ts.yaml', SMALL.replace('opens: 2021-03', 'opens: !!timestamp 2021-03-01'));
    expect(run(['validate', ts], 1).stdout).toContain(
      'ts.yaml:16:24: error the YAML tag !!timestamp is not used in plan files',
    );
  });

  it('0000-02-29 exists (year 0 is a leap year in the proleptic Gregorian calendar); 1900-02-29 does not', () => {
    expect(parsePlanDate('0000-02-29')).toEqual({ year: 0, month: 2, day: 29, precision: 'day' });
    expect(parsePlanDate('1900-02-29')).toMatchObject({
      kind: 'calendar',
      detail: '1900-02 has 28 days, not 29',
      said: { key: 'date.days_in_month', params: { days: 28 } },
    });
    expect(parsePlanDate('2000-02-29')).toMatchObject({ day: 29 });
  });
});

describe('--out never destroys an input, a device or a symlink (class 1)', () => {
  it('every file a command reads is an input: --graph, --compare, --candidates, a hard link, the data', () => {
    copyFileSync(join(FIXTURES, 'tiny-pmed.txt'), join(DIR, 'g.txt'));
    copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), join(DIR, 's.yaml'));
    copyFileSync(join(FIXTURES, 'candidates.csv'), join(DIR, 'cand.csv'));
    const contents = (f: string) => readFileSync(join(DIR, f), 'utf8');
    const g = contents('g.txt'),
      s = contents('s.yaml'),
      c = contents('cand.csv');
    expect(run(['optimize', '--graph', 'g.txt', '--out', 'g.txt'], 2).stderr).toBe(
      'dostplan: --out g.txt is one of the inputs; refusing to overwrite it\n',
    );
    expect(run(['timeline', 's.yaml', '--compare', 's.yaml', '--out', 's.yaml'], 2).stderr).toContain(
      'refusing to overwrite it',
    );
    expect(run(['optimize', 's.yaml', '--candidates', 'cand.csv', '--out', 'cand.csv'], 2).stderr).toContain(
      'refusing to overwrite it',
    );
    spawnSync('ln', ['-f', join(DIR, 's.yaml'), join(DIR, 'hard.yaml')]);
    expect(run(['coverage', 's.yaml', '--out', 'hard.yaml'], 2).stderr).toContain(
      '--out hard.yaml is the input s.yaml; refusing to overwrite it',
    );
    spawnSync('ln', ['-sf', 's.yaml', join(DIR, 'soft.yaml')]);
    expect(run(['coverage', 's.yaml', '--out', 'soft.yaml'], 2).stderr).toContain('refusing to overwrite it');
    // The country data a run reads is an input too (a copy of the data folder, via DOSTPLAN_DATA).
    spawnSync('cp', ['-r', join(ROOT, 'data'), join(DIR, 'data')]);
    const regions = contents('data/regions.json');
    const env = { DOSTPLAN_DATA: join(DIR, 'data') };
    expect(run(['coverage', 's.yaml', '--out', 'data/regions.json'], 2, env).stderr).toContain(
      'refusing to overwrite it',
    );
    expect([contents('g.txt'), contents('s.yaml'), contents('cand.csv'), contents('data/regions.json')]).toEqual([
      g,
      s,
      c,
      regions,
    ]);
  });

  it('a device is written through, never replaced; a symlink stays a symlink; "" and dangling links are refused', () => {
    copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), join(DIR, 'p.yaml'));
    run(['coverage', 'p.yaml', '--out', '/dev/null'], 0);
    expect(spawnSync('test', ['-c', '/dev/null']).status).toBe(0);
    writeFileSync(join(DIR, 'target.txt'), 'old\n');
    spawnSync('ln', ['-sf', 'target.txt', join(DIR, 'link.txt')]);
    const stdout = run(['coverage', 'p.yaml'], 0).stdout;
    run(['coverage', 'p.yaml', '--out', 'link.txt'], 0);
    expect(spawnSync('test', ['-L', join(DIR, 'link.txt')]).status).toBe(0);
    expect(readFileSync(join(DIR, 'target.txt'), 'utf8')).toBe(stdout);
    spawnSync('ln', ['-sf', 'nowhere.txt', join(DIR, 'dangling.txt')]);
    expect(run(['coverage', 'p.yaml', '--out', 'dangling.txt'], 2).stderr).toContain('symbolic link to nowhere');
    expect(run(['coverage', 'p.yaml', '--out', ''], 2).stderr).toContain('--out needs a file name');
    expect(run(['coverage', 'p.yaml', '--out', DIR], 2).stderr).toContain('is a directory');
  });

  it('a reader that closes early (| head -c 100) ends the run quietly: no EPIPE stack', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${BIN}" coverage --format geojson 2>err.txt | head -c 100 >/dev/null; echo $?`,
      ],
      { cwd: DIR, encoding: 'utf8' },
    );
    expect(readFileSync(join(DIR, 'err.txt'), 'utf8')).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });
});

describe('flags are checked like the plan schema (classes 3, 5)', () => {
  it('refuses values the schema refuses, and tricky number spellings', () => {
    const cases: [string[], RegExp][] = [
      [
        ['coverage', '--circuity', '0.5'],
        /'--circuity <factor>' argument '0.5' is invalid. expected a number from 1 to 3/,
      ],
      [['coverage', '--speed', '1e-320'], /expected a number from 1 to 200/],
      [['coverage', '--within-km', '1e309'], /expected a number above 0 and at most 2000/],
      [['coverage', '--year', '0x7E9'], /expected a year from 1900 to 2100/],
      [['optimize', '--sites', '0'], /expected a whole number ≥ 1/],
      [['optimize', '--model', 'order', '--budget', '0'], /expected a whole number ≥ 1/],
      [['distances', '--worst', '0x5'], /expected a whole number/],
      [['optimize', '--target', '150'], /expected a number above 0 and at most 100/],
      [['timeline', '--delay', 'GAN=+100000m'], /--delay GAN=\+100000m: at most 200 years either way/],
      [['coverage', '--bom'], /--bom goes with --format csv/],
    ];
    for (const [args, message] of cases) expect(run(args, 2).stderr).toMatch(message);
  });

  it('--bom puts a UTF-8 byte-order mark before the CSV, for Excel', () => {
    const r = run(['coverage', join(FIXTURES, 'valid', 'small.yaml'), '--format', 'csv', '--bom'], 0);
    // The mark comes first, then how the figures were made (# lines), then the header.
    expect(r.stdout.startsWith('\uFEFF# made with: dostplan')).toBe(true);
    expect(r.stdout).toContain('\nyear,');
  });

  it('--delay says what it breaks: a branch before its center, an opening past the plan years', () => {
    const r = run(['timeline', join(FIXTURES, 'valid', 'small.yaml'), '--delay', 'GAN=+10y'], 0);
    expect(r.stderr).toContain("dostplan: note: with --delay, GAN: 2031-03 is outside the plan's years 2020–2026");
    expect(r.stderr).toContain(
      "dostplan: note: with --delay, GYG: branch opens (2024) before its center 'GAN' (2031-03)",
    );
  });
});

describe('reports that tell the whole truth (class 7)', () => {
  const small = join(FIXTURES, 'valid', 'small.yaml');

  it('p-median counts people with no reachable facility apart: the "before" mean is the distances mean', () => {
    // small.yaml has no facility in Nakhchivan: its 472,321 people (2026: 468,566 moved with the national
    // total, 10,262,351 / 10,180,770) cannot reach any.
    const r = run(['optimize', small, '--model', 'pmedian', '--sites', '2', '-f', 'json'], 0);
    expect(r.stderr).toBe(
      'dostplan: note: 472,321 people had no reachable facility before, 0 after; the means count only people who can reach one\n',
    );
    const j = JSON.parse(r.stdout);
    const d = JSON.parse(run(['distances', small, '-f', 'json'], 0).stdout);
    expect(d.any.unserved).toBe(472321);
    expect(j.before).toBeCloseTo(d.any.mean_km, 1);
    expect(j.sites.every((s: { marginal: number }) => s.marginal >= 0)).toBe(true);
    expect(j.sites[0]).toMatchObject({ region: 'AZ-NV', reached: 472321 });
  });

  it('--exact says when it is skipped; --graph output is deterministic (no timings)', () => {
    const n = 200;
    writeFileSync(
      join(DIR, 'ring.txt'),
      `${n} ${n} 3\n${Array.from({ length: n }, (_, i) => `${i + 1} ${((i + 1) % n) + 1} ${1 + (i % 7)}`).join('\n')}\n`,
    );
    const a = run(['optimize', '--graph', 'ring.txt', '--exact'], 0);
    expect(a.stderr).toBe(
      'dostplan: note: exact solution skipped: the MILP for n=200 has more than 25,000 variables\n',
    );
    expect(a.stdout).not.toMatch(/\bms\b/);
    expect(run(['optimize', '--graph', 'ring.txt'], 0).stdout).toBe(run(['optimize', '--graph', 'ring.txt'], 0).stdout);
  });

  it('distances --worst N --format csv lists the worst places; explore --out writes its first screen', () => {
    const csv = run(['distances', small, '--worst', '3', '--format', 'csv'], 0)
      .stdout.trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(csv[0]).toBe('year,rank,place,region,lat,lon,population,km,min,nearest_id,nearest_name');
    expect(csv.slice(1).map((l) => l.split(',')[1])).toEqual(['1', '2', '3']);
    const out = join(DIR, 'explore.txt');
    run(['explore', small, '--out', out], 0);
    expect(readFileSync(out, 'utf8')).toMatch(/^Coverage in 2026/);
  });

  it('coverage --kind center quotes the center standard only', () => {
    const text = run(['coverage', small, '--kind', 'center'], 0).stdout;
    expect(text).toContain('Standard: center ≤ 30 km.');
    expect(text).not.toContain('branch ≤');
    expect(run(['coverage', small], 0).stdout).toContain('Standards: center ≤ 30 km; branch ≤ 15 km.');
  });
});

describe('CI conventions (class 10)', () => {
  it('GitHub annotations name files from GITHUB_WORKSPACE, wherever the step runs', () => {
    const sub = join(DIR, 'repo', 'plans');
    mkdirSync(sub, { recursive: true });
    copyFileSync(join(FIXTURES, 'invalid', '12-status-typo.yaml'), join(sub, 'typo.yaml'));
    const r = cli(['validate', 'typo.yaml', '--format', 'github'], {
      cwd: sub,
      env: { GITHUB_WORKSPACE: join(DIR, 'repo') },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=plans\/typo\.yaml,line=\d+,col=\d+,title=invalid-value::/);
    expect(annotationPath('x.yaml', {}, '/w/plans')).toBe('x.yaml');
    expect(annotationPath('../elsewhere/x.yaml', { GITHUB_WORKSPACE: '/w/plans' }, '/w/plans')).toBe(
      '../elsewhere/x.yaml',
    );
  });

  it('CSV cells a spreadsheet would run as a formula get an apostrophe; numbers stay numbers', () => {
    expect(
      ['=HYPERLINK("x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', 'plain', '-12.5', '+3', '1e5', '-7%'].map(csvSafe),
    ).toEqual(['\'=HYPERLINK("x")', "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx", 'plain', '-12.5', '+3', '1e5', '-7%']);
    expect(csvTable(['name'], [['=1+1'], [-3]])).toBe("name\n'=1+1\n-3");
    expect(withBom('a,b')).toBe('\uFEFFa,b');
    expect(withBom(withBom('a,b'))).toBe('\uFEFFa,b');
  });
});

describe('a fresh machine (class 8)', () => {
  it('.ci/run installs nothing by hand: the browser comes through npm', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).not.toMatch(/apt-get|sudo/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies).toHaveProperty(
      '@sparticuz/chromium',
    );
  });
});
