/**
 * The country profile seam: a made-up three-unit country (tests/fixtures/country-xa) with its own
 * profile, regions, points, outline and plan, run through the same CLI with --data.
 *
 * Hand-worked: Capital (3,000) sits on center C1 (opens 2024); Capital East (1,000) is 0.4° of
 * longitude east at 10.3°N = 43.8 km, beyond the 30 km center standard; Norte (600) sits on branch
 * B1 (opens 2025); Norte East (400) is 0.2° east at 10.9°N = 21.8 km, beyond the 15 km branch
 * standard; Isla (500) is an exclave: never served from the mainland.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DATA = join(FIXTURES, 'country-xa');
const json = (args: string[]) => {
  const r = cli(['--data', DATA, ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('a second country through --data', () => {
  it('validates its own default plan against its own units and outline', () => {
    const r = cli(['--data', DATA, 'validate']);
    expect(r.stdout).toContain('0 errors, 0 warnings in 1 file');
    expect(r.code).toBe(0);
  });

  it('covers 3,000 of 5,500 people in 2024 and 3,600 in 2025 (65.45 %)', () => {
    expect(json(['coverage', '--year', '2024', '--by', 'nation'])).toMatchObject({
      population: 5500,
      covered: 3000,
      percent: 54.55,
    });
    const r = json(['coverage', '--year', '2025']);
    expect(r).toMatchObject({ population: 5500, covered: 3600, percent: 65.45 });
    expect(r.groups).toEqual([
      { id: 'islands', name: 'Islands', population: 500, covered: 0, percent: 0 },
      { id: 'mainland', name: 'Mainland', population: 5000, covered: 3600, percent: 72 },
    ]);
  });

  it('never serves the exclave across its border, and measures the mainland by hand-worked km', () => {
    const r = json(['distances', '--by', 'region']);
    const byId = Object.fromEntries(r.groups.map((g: { id: string }) => [g.id, g]));
    expect(byId['XA-I'].any).toMatchObject({ population: 500, unserved: 500, mean_km: null });
    expect(byId['XA-N'].any.max_km).toBe(21.8);
    expect(byId['XA-N'].any.mean_km).toBe(8.7); // 400 × 21.84 / 1,000
    expect(byId['XA-C'].center.max_km).toBe(43.8);
  });

  it('is chosen by DOSTPLAN_DATA too, and names its own codes in messages', () => {
    const r = cli(['coverage', '--population', join(DATA, 'bad-region.csv')], { env: { DOSTPLAN_DATA: DATA } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown region 'AZ-BA' (Examplia unit codes, e.g. XA-C for Capital County)");
  });

  it('refuses a folder that is not a data folder, with exit 2 and no stack trace', () => {
    const r = cli(['--data', FIXTURES, 'coverage']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*profile\.json \(ENOENT\): is .* a dostplan data folder\?/);
    expect(r.stderr).not.toContain('    at ');
  });
});
