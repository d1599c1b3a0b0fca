/**
 * #22 item 1: every document the fast YAML path accepts gives what the exact path gives. Found by
 * mutating committed plans at random: js-yaml keeps a plain number beyond a double (`1e400`) as
 * text where the exact path reads Infinity — so `name: 1e400` validated on one path and failed on
 * the other —, names an empty or null key "null" where the exact path has "" or a syntax error, and
 * takes a carriage return alone for a line break where the exact path does not.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../src/load/yaml-fast.js';
import { parseYamlExact } from '../src/load/yaml-source.js';
import { cli, FIXTURES } from './helpers.js';

const shown = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? `number ${x}` : x));

const texts = [
  'x: 1e400\n',
  'x: -1e400\n',
  'x: [1, 1e400]\n',
  'x: {a: 1.7976931348623159e308}\n',
  `x: ${'9'.repeat(400)}\n`,
  `x: 0x${'F'.repeat(300)}\n`,
  'x: 1e-400\n',
  'x: "1e400"\n',
  'x: 12e\n',
  ': x\n',
  'null: x\n',
  'a: {b,: 1}\n',
  'a:\n  - id: 1\n    : name\n',
  'x: 1e3\n',
  'a: 1\rb: 2\n',
  'a: { x: 1 }\rb: 2\n',
  'a:\n  \r- 1\n',
  'a: 1\r\nb: 2\r\n',
];

describe('the fast YAML path agrees with the exact path or leaves the file to it', () => {
  it.each(texts)('%j', (text) => {
    const fast = parseYamlFast(text, 'p.yaml');
    if (fast === undefined) return;
    const exact = parseYamlExact(text, 'p.yaml');
    expect(shown(fast.value)).toBe(shown(exact.value));
    expect(fast.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(
      exact.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
    );
  });

  it('a plan named 1e400 fails validate as a number, on any path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-yaml-edges-'));
    const plan = join(dir, 'p.yaml');
    writeFileSync(
      plan,
      readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8').replace('name: Small test network', 'name: 1e400'),
    );
    const r = cli(['validate', plan]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/p\.yaml:2:7: error name/);
  });
});
