/**
 * The two start-up shortcuts (issue 17) must never change an answer: the pre-parsed copies of the
 * committed inputs equal what the parsers return and are only used for the exact text they came
 * from, and the bundled CLI prints what the ES modules print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnitLocator } from '../src/geo/unit-locator.js';
import { compiled } from '../src/load/compiled-inputs.js';
import { type PointTable, pointTable } from '../src/load/point-table.js';
import { csvObjects, DATA_CSV } from '../src/load/csv-reader.js';
import { parseYaml, parseYamlCompiled } from '../src/load/yaml-source.js';
import { cli, ROOT } from './helpers.js';

const text = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('pre-parsed committed inputs (dist/compiled)', () => {
  it('hold what the parsers return for the default plan, the points and the unit polygons', () => {
    const plan = text('plans/dost.yaml');
    expect(compiled('yaml', plan)).toEqual(parseYaml(plan, 'plans/dost.yaml').value);
    const points = text('data/population-points.csv');
    const table = compiled<PointTable>('points', points)!;
    expect(table).toEqual(pointTable(csvObjects(points, 'population-points.csv', DATA_CSV)));
    expect(table.lat.length).toBe(4301); // since the settlements of data/inputs/settlements.csv
    const units = text('data/units.topojson');
    expect(compiled('units', units)).toEqual(UnitLocator.unitsOf(JSON.parse(units)));
  });

  it('are never used for a file whose text changed', () => {
    const plan = `${text('plans/dost.yaml')}\n# edited\n`;
    expect(compiled('yaml', plan)).toBeUndefined();
    expect(compiled('points', `${text('data/population-points.csv')}x`)).toBeUndefined();
    // Same length and the same sampled characters (the copies are named by those): the full
    // comparison with the stored text still tells them apart.
    const same = text('plans/dost.yaml');
    const edited = `${same[0]}${same[1] === '#' ? '%' : '#'}${same.slice(2)}`;
    expect(edited.length).toBe(same.length);
    expect(compiled('yaml', edited)).toBeUndefined();
  });

  it('still place every message at its line and column (positions come from parsing on demand)', () => {
    const plan = text('plans/dost.yaml');
    const fast = parseYamlCompiled(plan, 'plans/dost.yaml');
    const exact = parseYaml(plan, 'plans/dost.yaml');
    for (const path of [['centers', 3, 'location', 'lat'], ['branches', 10, 'opens'], ['years']])
      expect(fast.locate(path)).toEqual(exact.locate(path));
  });
});

describe('the bundled CLI', () => {
  it('prints byte for byte what the ES modules print', () => {
    for (const args of [['coverage', '--format', 'json'], ['timeline'], ['distances', '--format', 'csv']]) {
      const bundled = cli(args);
      const modules = cli(args, { env: { DOSTPLAN_NO_BUNDLE: '1' } });
      expect(bundled.code).toBe(0);
      expect(bundled.stdout).toBe(modules.stdout);
      expect(bundled.stdout.length).toBeGreaterThan(100);
    }
  });
});

describe('long runs (V8 back to its default optimisation pace)', () => {
  it('start at the first input over 4 MB, not before', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { readUserFile } = await import('../src/load/text-input.js');
    const { LONG_RUN_BYTES } = await import('../src/load/long-run.js');
    const { RunContext } = await import('../src/run/run-context.js');
    let told = 0;
    const run = new RunContext({ onLongRun: () => told++ });
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-long-'));
    writeFileSync(join(dir, 'small.csv'), 'lat,lon,population\n40.4,49.9,10\n');
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(LONG_RUN_BYTES + 1));
    readUserFile(run, join(dir, 'small.csv'));
    expect([run.isLong, told]).toEqual([false, 0]);
    readUserFile(run, join(dir, 'big.csv'));
    readUserFile(run, join(dir, 'big.csv'));
    expect([run.isLong, told]).toEqual([true, 1]); // V8 is told once
    expect(new RunContext().isLong).toBe(false); // and another run starts short
  });
});
