/**
 * --format xlsx: `coverage --format xlsx` read back by a spreadsheet reader (read-excel-file; and
 * Python's openpyxl where it is installed) holds the same figures as `--format json`, plus the
 * sheet saying how they were made; the same inputs give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { stampZipTimes } from '../src/render/formats/xlsx.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-xlsx-'));

function workbookOf(args: string[]) {
  const file = join(dir, `${args.join('-').replace(/[^\w-]/g, '_')}.xlsx`);
  const r = cli([...args, '--format', 'xlsx', '--out', file]);
  expect(r.code, r.stderr).toBe(0);
  return file;
}

describe('--format xlsx', () => {
  const file = workbookOf(['coverage', '--covered-by', 'both', '--by', 'region']);
  const json = JSON.parse(cli(['coverage', '--covered-by', 'both', '--by', 'region', '--format', 'json']).stdout);

  it('coverage reads back with the figures of --format json, numbers as numbers', async () => {
    const sheets = await readXlsxFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual(['Coverage', 'How the figures were made']);
    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual([
      'year',
      'covered_by',
      'kind',
      'group',
      'name',
      'population',
      'covered',
      'percent',
      'distance_percent',
      'assignment_percent',
    ]);
    expect(rows).toHaveLength(json.groups.length);
    type Group = { id: string; population: number; covered: number; percent: number };
    rows.forEach((r, i) => {
      const g = json.groups[i] as Group & { distance: { percent: number }; assignment: { percent: number } };
      expect(r).toEqual([
        json.year,
        'both',
        'any',
        g.id,
        r[4],
        g.population,
        g.covered,
        g.percent,
        g.distance.percent,
        g.assignment.percent,
      ]);
    });
    const population = rows.reduce((s, r) => s + (r[5] as number), 0);
    expect(population).toBe(json.population); // the units add up to the nation, as in JSON
  });

  it('says how the figures were made, as the JSON provenance does', async () => {
    const about = (await readXlsxFile(file))[1]!.data;
    const pairs = Object.fromEntries(about.slice(1).filter((r) => r[0] !== 'source'));
    expect(pairs['made with']).toBe(json.provenance.tool);
    expect(pairs.year).toBe('2030');
    expect(pairs['distance model']).toBe(json.model.description);
    expect(about.filter((r) => r[0] === 'source').map((r) => r[1])).toEqual(json.provenance.sources);
    expect(json.provenance.sources.join(' ')).toMatch(/geoBoundaries.*CC BY-SA 3\.0/);
  });

  it('is byte-identical on a second run (zip entries stamped 1980-01-01)', () => {
    const again = workbookOf(['coverage', '--covered-by', 'both', '--by', 'region', '--year', '2030']);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });

  it('puts each table on a sheet: distances --worst gives the worst places and the distances', async () => {
    const sheets = await readXlsxFile(workbookOf(['distances', '--worst', '3']));
    expect(sheets.map((s) => s.sheet)).toEqual(['Worst served', 'Distances', 'How the figures were made']);
    expect(sheets[0]!.data).toHaveLength(4);
  });

  it('is refused with --bom (a CSV setting)', () => {
    expect(cli(['coverage', '--format', 'xlsx', '--bom']).code).toBe(2);
  });

  const python = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('opens in openpyxl with the same cells', () => {
    const script = join(dir, 'read.py');
    writeFileSync(
      script,
      'import json, sys, warnings\nwarnings.simplefilter("ignore")\nimport openpyxl\n' +
        'wb = openpyxl.load_workbook(sys.argv[1])\n' +
        'print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}))\n',
    );
    const r = spawnSync('/usr/bin/python3', [script, file], { encoding: 'utf8' });
    const book = JSON.parse(r.stdout) as Record<string, unknown[][]>;
    const rows = book.Coverage!.slice(1);
    expect(rows.map((r) => r[5])).toEqual(json.groups.map((g: { population: number }) => g.population));
    expect(rows.map((r) => r[7])).toEqual(json.groups.map((g: { percent: number }) => g.percent));
  });
});

describe('stampZipTimes', () => {
  it('stamps every entry, local and central, and leaves a non-zip alone', async () => {
    const { zipSync } = await import('fflate');
    const files = { 'a.txt': new TextEncoder().encode('a'), 'b/c.txt': new TextEncoder().encode('bc') };
    const zip = stampZipTimes(zipSync(files, { mtime: new Date(2026, 5, 1, 12, 30) }));
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const stamps: number[] = [];
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = v.getUint32(i, true);
      if (sig === 0x04034b50) stamps.push(v.getUint16(i + 10, true), v.getUint16(i + 12, true));
      if (sig === 0x02014b50) stamps.push(v.getUint16(i + 12, true), v.getUint16(i + 14, true));
    }
    expect(stamps).toEqual([0, 0x21, 0, 0x21, 0, 0x21, 0, 0x21]);
    const notZip = new TextEncoder().encode('not a zip at all, not even close to twenty-two bytes');
    expect(stampZipTimes(notZip.slice())).toEqual(notZip);
  });
});

describe('--format xlsx of the results that compare (diff, timeline --compare, optimize --model order)', () => {
  const sheetsOf = async (args: string[]) => readXlsxFile(workbookOf(args));
  const rowsOf = (sheets: Awaited<ReturnType<typeof readXlsxFile>>, name: string) =>
    sheets.find((s) => s.sheet === name)!.data.slice(1);

  it('diff: every year of A and B with the JSON figures, the facility changes, the targets', async () => {
    const args = ['diff', 'plans/dost.yaml', 'plans/announced.yaml'];
    const json = JSON.parse(cli([...args, '--format', 'json']).stdout);
    const sheets = await sheetsOf(args);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Effect by year',
      'Facility changes',
      'Targets',
      'How the figures were made',
    ]);
    const years = rowsOf(sheets, 'Effect by year');
    expect(years.map((r) => r[0])).toEqual(json.years.map((y: { year: number }) => y.year));
    // Coverage by distance in A and B, as numbers: 2025 is 35.6 % in the plan and 74.39 % as announced.
    type Y = { distance_percent: { from: number; to: number } };
    expect(years.map((r) => [r[5], r[6]])).toEqual(
      json.years.map((y: Y) => [y.distance_percent.from, y.distance_percent.to]),
    );
    expect(years.find((r) => r[0] === 2025)!.slice(5, 7)).toEqual([35.6, 74.39]);
    const changes = rowsOf(sheets, 'Facility changes');
    expect(changes.length).toBe(json.facilities.length);
    expect(changes.map((r) => r[1])).toEqual(json.facilities.map((f: { id: string }) => f.id));
  });

  it("timeline --compare: one row per year, B − A people, and both plans' targets", async () => {
    const args = ['timeline', 'plans/dost.yaml', '--compare', 'plans/announced.yaml'];
    const json = JSON.parse(cli([...args, '--format', 'json']).stdout);
    const sheets = await sheetsOf(args);
    const rows = rowsOf(sheets, 'Comparison');
    type Y = { year: number; coverage: { distance: { covered: number } } };
    const covered = (t: { years: Y[] }, year: number) =>
      t.years.find((y) => y.year === year)!.coverage.distance.covered;
    for (const r of rows) expect(r[9]).toBe(covered(json.b, r[0] as number) - covered(json.a, r[0] as number));
    expect(rowsOf(sheets, 'Targets').length).toBe(json.a.targets.length + json.b.targets.length);
  });

  it('optimize --model order: the optimized and the planned order, year by year, as the JSON has them', async () => {
    const args = ['optimize', '--model', 'order', '--budget', '2'];
    const json = JSON.parse(cli([...args, '--format', 'json']).stdout);
    const rows = rowsOf(await sheetsOf(args), 'Rollout order');
    type S = { year: number; open: string[]; covered: number };
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      json.optimized.steps.map((s: S) => [s.year, s.open.join(' '), s.covered]),
    );
    expect(rows.map((r) => r[5])).toEqual(json.plan.steps.map((s: S) => s.covered));
  });
});
