/**
 * The editor schema (schema/plan.schema.json) checked by an independent JSON Schema validator
 * (ajv, draft-07 as the YAML language server reads it) against every committed plan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, FIXTURES } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));
const load = (file: string) => parse(readFileSync(file, 'utf8'));
// The if/then/else wrapper adds one 'must match "else" schema' line to the real errors; drop it.
const errorsOf = (value: unknown) =>
  validate(value)
    ? []
    : validate.errors!.filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.message}`);

describe('schema/plan.schema.json', () => {
  it('is draft-07', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(
    [...yamlFiles(join(ROOT, 'plans')), ...yamlFiles(join(FIXTURES, 'valid'))].map((f) => [
      f.slice(ROOT.length + 1),
      f,
    ]),
  )('accepts the committed plan %s', (_name, file) => expect(errorsOf(load(file))).toEqual([]));

  it('accepts a scenario (extends:) that restates only what it changes', () => {
    // plans/announced.yaml had 277 errors against the old schema, which ignored extends:.
    const announced = load(join(ROOT, 'plans', 'announced.yaml'));
    expect(announced.extends).toBe('dost.yaml');
    expect(errorsOf(announced)).toEqual([]);
    expect(errorsOf({ extends: 'dost.yaml', centers: [{ id: 'GAN', opens: '2027-01' }] })).toEqual([]);
    // …but a scenario's facility still needs its id, and its fields keep their types.
    expect(errorsOf({ extends: 'dost.yaml', centers: [{ opens: '2027-01' }] }).join('\n')).toMatch(
      /must have required property 'id'/,
    );
  });

  it('knows the region codes: the 77 units a facility can stand in, and 78 codes + 12 Baku districts to serve', () => {
    const center = schema.else.properties.centers.items.properties;
    expect(center.region.enum).toHaveLength(77); // the 78 ISO codes less AZ-NX, the whole autonomous republic
    expect(center.region.enum).not.toContain('AZ-NX');
    expect(center.serves.items.enum).toHaveLength(78 + 12);
    expect(center.serves.items.enum).toContain('AZ-NX');
    expect(center.serves.items.enum).toContain('AZ-BA/sabail');
    const plan = load(join(FIXTURES, 'valid', 'small.yaml'));
    plan.centers[0].region = 'AZ-GAN';
    plan.centers[0].serves = ['AZ-GA', 'Ganja'];
    expect(errorsOf(plan)).toEqual([
      '/centers/0/region must be equal to one of the allowed values',
      '/centers/0/serves/1 must be equal to one of the allowed values',
    ]);
  });

  it('bounds the years like the validator does', () => {
    const plan = load(join(FIXTURES, 'valid', 'small.yaml'));
    plan.years = { from: -5000000, to: 99999 };
    expect(errorsOf(plan)).toEqual(['/years/from must be >= 1900', '/years/to must be <= 2100']);
  });

  it('describes every field, so editors can show help on hover', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string' || child.description.length < 5) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (n.items) walk(n.items, `${path}[]`);
      for (const k of ['anyOf', 'oneOf', 'allOf'] as const)
        (n[k] as unknown[] | undefined)?.forEach((c) => walk(c, path));
    };
    walk(schema.then, 'scenario');
    walk(schema.else, 'plan');
    expect(undocumented).toEqual([]);
  });
});
