/**
 * The shape of the code, checked: no import cycles anywhere in src/, and the pure core (model,
 * geo, travel, analysis, country) never reaches into the I/O layers (load, render, cli) or the
 * file system. docs/architecture.md draws the layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');
const CORE = ['model', 'geo', 'travel', 'analysis', 'country'];
const IO = ['load', 'render', 'cli'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports (static `import … from`, `export … from`, and `import()`), as src-relative paths. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, ''));
}

const graph = new Map(sources(SRC).map((f) => [relative(SRC, f).replace(/\.tsx?$/, ''), imports(f)]));
const layer = (m: string) => m.split('/')[0]!;

describe('architecture', () => {
  it('reads a real graph of the source tree', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('cli/commands/coverage')).toContain('analysis/coverage');
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[][] = [];
    const visit = (m: string, path: string[]) => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'open') {
        cycles.push([...path.slice(path.indexOf(m)), m]);
        return;
      }
      state.set(m, 'open');
      for (const d of graph.get(m) ?? []) if (graph.has(d)) visit(d, [...path, m]);
      state.set(m, 'done');
    };
    for (const m of [...graph.keys()].sort()) visit(m, []);
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps the core pure: no imports of load, render or cli, and no file system', () => {
    const offences: string[] = [];
    for (const [m, deps] of graph) {
      if (!CORE.includes(layer(m))) continue;
      for (const d of deps) if (IO.includes(layer(d))) offences.push(`${m} → ${d}`);
      if (/from\s+['"]node:fs/.test(readFileSync(join(SRC, `${m}.ts`), 'utf8'))) offences.push(`${m} → node:fs`);
    }
    expect(offences).toEqual([]);
  });

  it('lets only the CLI import commands, and no command import another', () => {
    const offences = [...graph].flatMap(([m, deps]) =>
      deps.filter((d) => d.startsWith('cli/commands/') && !(m === 'cli/main')).map((d) => `${m} → ${d}`),
    );
    expect(offences).toEqual([]);
  });
});
