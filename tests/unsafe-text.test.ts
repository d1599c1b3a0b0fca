/**
 * Names reach terminals, reports and the studio. A bidirectional override (U+202E, "Trojan Source")
 * makes "Ganja\u202Eretnec" print as another name; an escape code in a channel's name drives the
 * terminal. validate refuses both at the value's line and column (rule unsafe-text), in both
 * languages, and no output prints the character raw.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../src/model/printable.js';
import { EditRequest } from '../src/serve/edits.js';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-unsafe-'));
const base = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');
const plan = join(DIR, 'bidi.yaml');
writeFileSync(
  plan,
  base
    .replace('name: Barda center', 'name: "Barda \\u202Eretnec"')
    .replace(
      'targets:\n',
      'channels:\n  - { id: portal, name: "Portal \\u2066x\\u2069", launches: 2021, reach_pct: 10 }\ntargets:\n',
    )
    .replace(
      '{ by: 2025, centers: 2, branches: 2 }',
      '{ by: 2025, centers: 2, branches: 2, label: "Phase \\u202Dtwo" }',
    ),
);
const raw = /[\u202a-\u202e\u2066-\u2069]/;
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;

describe('control and bidirectional characters in names', () => {
  const text = readFileSync(plan, 'utf8');
  it('validate: an error at each value, rule unsafe-text, nothing printed raw', () => {
    const r = cli(['validate', plan]);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(raw);
    const nameLine = lineOf(text, 'Barda \\u202E');
    // name: "Barda … starts at column 11 of its line.
    expect(out).toMatch(
      new RegExp(
        `bidi\\.yaml:${nameLine}:11: error contains a control character or a bidirectional override .*\\[unsafe-text\\]`,
      ),
    );
    expect(out).toContain(`bidi.yaml:${lineOf(text, 'Portal')}:25: error`);
    expect(out).toContain(`bidi.yaml:${lineOf(text, 'Phase')}:49: error`);
    expect(out.match(/unsafe-text/g)).toHaveLength(3);
    const json = JSON.parse(cli(['validate', plan, '--format', 'json']).stdout);
    const codes = JSON.stringify(json);
    expect(codes).toContain('"unsafe-text"');
  });
  it('validate --lang az says it in Azerbaijani', () => {
    const r = cli(['validate', plan, '--lang', 'az']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('istiqamət dəyişdirən simvol');
    expect(r.stdout + r.stderr).not.toMatch(raw);
  });
  it('printable escapes the bidirectional controls', () => {
    expect(printable('Barda \u202eretnec \u2066x\u2069')).toBe('Barda \\u202eretnec \\u2066x\\u2069');
  });
  it('the studio refuses a new facility named with a bidirectional override', () => {
    const add = (name: string) =>
      EditRequest.safeParse({ op: 'add', kind: 'center', name, lat: 40.4, lon: 47.1, opens: 2026 });
    expect(add('Barda center').success).toBe(true);
    expect(add('Barda \u202eretnec').success).toBe(false);
  });
});
