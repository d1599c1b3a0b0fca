/**
 * Every output says how its figures were made: the test walks every command and every format the
 * registry offers for its kind of result (a new format or kind is walked without a change here)
 * and finds the provenance in each, its own way: `#` lines in CSV and YAML, a `provenance` member
 * in JSON and GeoJSON, `<metadata>` in SVG, the footer of the HTML report, a sheet of the
 * workbook; text and Markdown state the year and the distance model in their headers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
// From dist/: vitest does not transform the .cts module main.ts imports (npm test builds first).
import { main } from '../dist/cli/main.js';
import { RunContext } from '../dist/run/run-context.js';
import { VERSION } from '../src/cli/version.js';
import type { OutputKind } from '../src/render/outputs.js';
import { formatsFor } from '../src/render/registry.js';
import { FIXTURES, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-provenance-'));
const plan = (name: string) => join(ROOT, 'plans', name);

/** Each command line and the kind of result it prints; `format` is how it picks a format. */
const COMMANDS: { args: string[]; kind: OutputKind; format?: (f: string) => string[] }[] = [
  { args: ['coverage'], kind: 'coverage' },
  { args: ['distances', '--worst', '3'], kind: 'distances' },
  { args: ['timeline'], kind: 'timeline' },
  { args: ['timeline', plan('announced.yaml'), '--compare', plan('dost.yaml')], kind: 'comparison' },
  { args: ['capacity'], kind: 'capacity' },
  { args: ['diff', plan('announced.yaml'), plan('dost.yaml')], kind: 'diff' },
  { args: ['optimize', '-k', '2'], kind: 'suggestion' },
  { args: ['optimize', '--model', 'order', '--budget', '2'], kind: 'order' },
  { args: ['optimize', '--model', 'capacity', '-k', '1'], kind: 'capacitySites' },
  { args: ['optimize', '--graph', join(FIXTURES, 'tiny-pmed.txt'), '-k', '2'], kind: 'graph' },
  { args: ['regions'], kind: 'regions' },
  { args: ['report'], kind: 'report', format: (f) => (f === 'svg' ? ['--map-only'] : []) },
  { args: ['surface', '--cell-km', '10'], kind: 'surface' },
  { args: ['gaps'], kind: 'gaps' },
];

const SURFACE = COMMANDS.find((c) => c.kind === 'surface')!;

async function output(args: string[], format: string, cmd: (typeof COMMANDS)[number]) {
  const out = join(dir, `${args[0]}-${cmd.kind}.${format}`);
  const run = new RunContext({ message: () => {} });
  const code = await main(
    ['node', 'dostplan', ...args, ...(cmd.format ?? ((f) => ['--format', f]))(format), '--out', out],
    run,
  );
  expect(code, `${args.join(' ')} --format ${format}`).toBe(0);
  return out;
}

const text = (file: string) => readFileSync(file, 'utf8');

describe('provenance on every command × format', () => {
  for (const cmd of COMMANDS) {
    const formats = formatsFor(cmd.kind);
    it(`${cmd.args.slice(0, 3).join(' ')}: ${formats.join(', ')}`, async () => {
      expect(formats.length).toBeGreaterThan(0);
      // What every format must say: the JSON's provenance where there is JSON, else the tool at least.
      const expected = formats.includes('json')
        ? JSON.parse(text(await output(cmd.args, 'json', cmd))).provenance
        : { tool: `dostplan ${VERSION}` };
      expect(expected.tool).toBe(`dostplan ${VERSION}`);
      for (const format of formats) {
        const file = await output(cmd.args, format, cmd);
        const where = `${cmd.kind} --format ${format}`;
        if (format === 'json' || format === 'geojson')
          expect(JSON.parse(text(file)).provenance, where).toMatchObject(expected);
        else if (format === 'csv' || format === 'yaml')
          expect(text(file).startsWith(`# made with: dostplan ${VERSION}\n`), where).toBe(true);
        else if (format === 'svg') expect(text(file), where).toMatch(/<metadata>made with: dostplan \d/);
        else if (format === 'html') {
          const footer = text(file).split('<footer>')[1]!;
          expect(footer, where).toContain(`made with: dostplan ${VERSION}`);
          expect(footer, where).toMatch(/geoBoundaries.*CC BY-SA 3\.0/);
        } else if (format === 'xlsx') {
          const sheets = await readXlsxFile(file);
          const about = sheets.at(-1)!;
          expect(about.sheet, where).toBe('How the figures were made');
          expect(
            about.data.slice(1).map((r) => r[1]),
            where,
          ).toContain(`dostplan ${VERSION}`);
        } else if (format === 'text' || format === 'md') {
          const body = text(file);
          expect(body, where).toContain('How the figures were made');
          expect(body, where).toContain(`${format === 'md' ? '- ' : '  '}made with: dostplan ${VERSION}\n`);
          if (expected.year) expect(body, where).toContain(`year: ${expected.year}\n`);
        } else throw new Error(`${where}: no check for this format yet; add one`);
        if (['csv', 'yaml', 'svg', 'html'].includes(format) && expected.sources)
          for (const s of expected.sources)
            expect(text(file), where).toContain(format === 'csv' || format === 'yaml' ? s : s.replace(/&/g, '&amp;'));
      }
      // One CLI run per format (seven for optimize --model capacity): minutes on a loaded machine.
    }, 300_000);
  }

  it('import: the plan it writes says which dostplan made it and whose unit polygons placed the facilities', async () => {
    const out = join(dir, 'imported.yaml');
    const run = new RunContext({ message: () => {} });
    const list = join(FIXTURES, 'inputs', 'facilities.csv');
    expect(await main(['node', 'dostplan', 'import', list, '--as-of', '2025-01-01', '--out', out], run)).toBe(0);
    const [first, second, made, source] = text(out).split('\n');
    expect(first).toMatch(/^# Imported from /);
    // 10 blanks filled, and the 5 facilities' serves: (the list has no serves column).
    expect(second).toMatch(/^# 15 value\(s\) were not in the list/);
    expect(made).toBe(`# made with: dostplan ${VERSION}`);
    expect(source).toMatch(/^# source: Unit boundaries: geoBoundaries.*CC BY-SA 3\.0/);
  });

  it('surface --format tif: the GeoTIFF carries it in ImageDescription, Software and GDAL metadata (gdalinfo lists them)', async () => {
    const json = JSON.parse(text(await output(['surface', '--cell-km', '10'], 'geojson', SURFACE))).provenance;
    const tif = await output(['surface', '--cell-km', '10'], 'tif', SURFACE);
    const { fromArrayBuffer } = await import('geotiff');
    const bytes = readFileSync(tif);
    const image = await (
      await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
    ).getImage();
    // geotiff.js reads an ASCII tag as UTF-8 (as the writer wrote it) and keeps its closing NUL.
    const tag = async (name: string) => ((await image.fileDirectory.loadValue(name)) as string).replace(/\0$/, '');
    expect(await tag('Software')).toBe(`dostplan ${VERSION}`);
    const description = await tag('ImageDescription');
    expect(description).toMatch(/^Travel time surface: minutes to the nearest open facility/);
    expect(description).toContain(`\nyear: ${json.year}\n`);
    expect(description).toContain(`standards: ${json.standards}`);
    expect(await image.getGDALMetadata()).toMatchObject({
      made_with: `dostplan ${VERSION}`,
      plan: json.plan,
      year: json.year,
      distance_model: json.distance_model,
      source_2: json.sources[1],
    });
    // GDAL itself, where it is installed (apt-get install gdal-bin).
    const gdal = spawnSync('gdalinfo', ['-json', tif], { encoding: 'utf8' });
    if (gdal.status === 0) {
      const md = JSON.parse(gdal.stdout).metadata[''];
      expect(md.made_with).toBe(`dostplan ${VERSION}`);
      expect(md.TIFFTAG_SOFTWARE).toBe(`dostplan ${VERSION}`);
      expect(md.standards).toBe(json.standards);
    }
  });

  it('names the version package.json has', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
