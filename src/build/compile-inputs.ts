/**
 * `npm run build` step: the committed inputs, parsed once, into dist/compiled/ (why and how they
 * are found again: src/load/compiled-inputs.ts). Each is stored only when JSON gives back exactly
 * what the parser returned, and when the YAML had nothing to report.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { UnitLocator } from '../geo/unit-locator.js';
import { COMPILED_DIR, type CompiledKind, compiledBase } from '../load/compiled-inputs.js';
import { csvObjects, DATA_CSV } from '../load/csv-reader.js';
import { pointTable } from '../load/point-table.js';
import { PACKAGE_ROOT } from '../load/package-root.js';
import { parseYaml } from '../load/yaml-source.js';

const parsers: Record<CompiledKind, (text: string, file: string) => unknown> = {
  yaml: (text, file) => {
    const src = parseYaml(text, file);
    return src.diagnostics.length ? undefined : src.value;
  },
  points: (text, file) => pointTable(csvObjects(text, file, DATA_CSV)),
  units: (text) => UnitLocator.unitsOf(JSON.parse(text)),
};

const inputs: [CompiledKind, string][] = [
  ['points', 'data/population-points.csv'],
  ['units', 'data/units.topojson'],
  ...readdirSync(join(PACKAGE_ROOT, 'plans'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f): [CompiledKind, string] => ['yaml', `plans/${f}`]),
];

rmSync(COMPILED_DIR, { recursive: true, force: true });
mkdirSync(COMPILED_DIR, { recursive: true });
for (const [kind, file] of inputs) {
  const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
  const value = parsers[kind](text, file);
  const json = JSON.stringify(value);
  if (value === undefined || !isDeepStrictEqual(JSON.parse(json), value)) continue;
  const base = compiledBase(kind, text);
  writeFileSync(`${base}.json`, json);
  writeFileSync(`${base}.txt`, text);
}
