/**
 * The fast YAML path must agree with the exact one: same values, and the same file:line:column
 * for every node of every committed plan and test fixture (a diagnostic points at the same place
 * whichever path read the file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../src/load/yaml-fast.js';
import { parseYamlExact } from '../src/load/yaml-source.js';
import { FIXTURES, ROOT } from './helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

/** Every path of a value: each key and index down to the scalars. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => paths(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  return [prefix];
}

const files = [...yamlFiles(join(ROOT, 'plans')), ...yamlFiles(FIXTURES)];

describe('fast YAML path', () => {
  it('reads the committed plans and most fixtures, and leaves the rest to the exact path', () => {
    const fast = files.filter((f) => parseYamlFast(readFileSync(f, 'utf8'), f));
    expect(fast.length).toBeGreaterThan(30);
    // Tabs, duplicate keys and aliases are the exact path's to diagnose.
    for (const name of ['02-tab-indentation.yaml', '03-duplicate-key.yaml']) {
      const f = files.find((x) => x.endsWith(name));
      if (f) expect(parseYamlFast(readFileSync(f, 'utf8'), f)).toBeUndefined();
    }
  });

  it.each(files)('agrees with the exact path on values and positions: %s', (f) => {
    const text = readFileSync(f, 'utf8');
    const fast = parseYamlFast(text, f);
    if (!fast) return;
    const exact = parseYamlExact(text, f);
    expect(fast.value).toEqual(exact.value);
    for (const p of paths(exact.value)) {
      expect(fast.locate(p), p.join('.')).toEqual(exact.locate(p));
      if (p.length) expect(fast.locate(p, true), `${p.join('.')} (key)`).toEqual(exact.locate(p, true));
    }
    // A path that does not exist falls back to its nearest parent, on both paths.
    expect(fast.locate(['centers', 999, 'id'])).toEqual(exact.locate(['centers', 999, 'id']));
  });
});
