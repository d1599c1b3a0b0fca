/**
 * The shape of the code, checked: every folder of src/ (and every file at its top) sits in a
 * layer, a folder imports only folders of lower layers (so no import runs upwards and no two
 * folders import each other), no import cycle between files, and the pure core (model, geo,
 * travel, analysis, country) never touches the file system. `.ts`, `.tsx` and `.cts` files all
 * count. docs/architecture.md draws the layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/**
 * Lowest first. A folder may import the folders of the layers below its own, never its own
 * layer's other folders nor anything above. `errors` is src/errors.ts (exit codes, UserError).
 */
const LAYERS: string[][] = [
  ['country'], // the country profile's schema
  ['model'], // plan and dataset types, dates, diagnostics
  ['errors'],
  ['geo'], // geodesy, the nearest-facility engine, polygons
  ['travel'], // the travel-cost seam and its models (straight line, roads)
  ['analysis'], // coverage, distances, timeline, capacity, optimize
  ['run'], // one run's state: inputs read, output settings, messages, what it loaded
  ['load', 'render'], // reading inputs; writing results (neither imports the other)
  ['serve'], // dostplan serve: the HTTP server, its API and session; the answers CLI and server share
  ['cli'], // commands, the entry point
  ['web'], // the studio page of `dostplan serve`: browser code, bundled by build/web-bundle.ts
  ['build', 'data-build'], // build-time tools: the bundle and compiled inputs, the dataset
];
const CORE = ['country', 'model', 'geo', 'travel', 'analysis'];
const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(tsx?|cts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const moduleOf = (path: string) => relative(SRC, path).replace(/\.(tsx?|cts|c?js)$/, '');

/** Every module a file imports (static `import … from`, `export … from`, and `import()`), as src-relative paths. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => moduleOf(resolve(dirname(file), s)));
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [moduleOf(f), imports(f)]));
const fileOf = new Map(files.map((f) => [moduleOf(f), f]));
/** A module's folder: its first path segment (`errors` for src/errors.ts). */
const folder = (m: string) => m.split('/')[0]!;

describe('architecture', () => {
  it('reads a real graph of the source tree, .cts files included', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('cli/commands/coverage')).toContain('analysis/coverage');
    expect(graph.get('cli/launch')).toContain('cli/command-named');
    expect(graph.get('build/bundle')).toContain('cli/launch');
  });

  it('puts every folder of src/ in a layer', () => {
    const top = readdirSync(SRC, { withFileTypes: true }).map((e) => e.name.replace(/\.(tsx?|cts)$/, ''));
    expect(top.filter((name) => !rank.has(name))).toEqual([]);
  });

  it('imports only from lower layers: no import upwards, no folder importing a sibling', () => {
    const offences = new Set<string>();
    for (const [m, deps] of graph)
      for (const d of deps) {
        const [from, to] = [folder(m), folder(d)];
        if (from !== to && !(rank.get(to)! < rank.get(from)!)) offences.add(`${m} → ${d}`);
      }
    expect([...offences]).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const [m, deps] of graph)
      for (const d of deps)
        if (folder(m) !== folder(d)) edges.set(folder(m), (edges.get(folder(m)) ?? new Set()).add(folder(d)));
    expect(cyclesIn(edges)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cyclesIn(new Map([...graph].map(([m, deps]) => [m, new Set(deps.filter((d) => graph.has(d)))])))).toEqual(
      [],
    );
  });

  it('keeps the core pure: no file system', () => {
    const offences = [...graph.keys()]
      .filter((m) => CORE.includes(folder(m)))
      .filter((m) => /from\s+['"]node:fs/.test(readFileSync(fileOf.get(m)!, 'utf8')));
    expect(offences).toEqual([]);
  });

  it('lets only the CLI import commands, and no command import another', () => {
    const offences = [...graph].flatMap(([m, deps]) =>
      deps.filter((d) => d.startsWith('cli/commands/') && !(m === 'cli/main')).map((d) => `${m} → ${d}`),
    );
    expect(offences).toEqual([]);
  });

  it('keeps the browser code free of Node: web/ reaches only pure modules and d3-geo', () => {
    const reached = new Set<string>();
    const walk = (m: string) => {
      if (reached.has(m)) return;
      reached.add(m);
      for (const d of graph.get(m) ?? []) walk(d);
    };
    for (const m of graph.keys()) if (folder(m) === 'web') walk(m);
    const packages = [...reached].flatMap((m) => {
      const text = readFileSync(fileOf.get(m)!, 'utf8');
      const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((x) => x[1]!);
      return specs.filter((sp) => !sp.startsWith('.')).map((sp) => `${m} → ${sp}`);
    });
    expect(reached.has('web/main')).toBe(true);
    expect(packages.filter((p) => !/ → (d3-geo|geojson)$/.test(p))).toEqual([]);
    // Nothing outside web/ may import the browser code.
    expect(
      [...graph].flatMap(([m, deps]) => (folder(m) === 'web' ? [] : deps.filter((d) => folder(d) === 'web'))),
    ).toEqual([]);
  });

  it('finds what it looks for (the checks can fail)', () => {
    const upward = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(cyclesIn(upward)).toEqual(['a → b → a']);
  });
});

/** Every cycle a depth-first walk meets, as "a → b → a". */
function cyclesIn(edges: Map<string, Set<string>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (m: string, path: string[]) => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'open') {
      cycles.push([...path.slice(path.indexOf(m)), m].join(' → '));
      return;
    }
    state.set(m, 'open');
    for (const d of edges.get(m) ?? []) visit(d, [...path, m]);
    state.set(m, 'done');
  };
  for (const m of [...edges.keys()].sort()) visit(m, []);
  return cycles;
}
