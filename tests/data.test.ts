import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/analysis/check-dataset.js';
import { embedded } from '../src/load/dataset-loader.js';
import { CountryProfile } from '../src/country/profile.js';
import { Dataset, leafRegions } from '../src/model/dataset.js';
import { geodesicKm } from '../src/geo/geodesic.js';
import { ROOT } from './helpers.js';

const { regions, outline: country, points } = embedded();
const ds = regions.dataset;

describe('embedded Azerbaijan dataset', () => {
  it('conforms to its schemas (the CLI trusts the embedded files and skips this check)', () => {
    expect(Dataset.parse(ds)).toEqual(ds);
    expect(CountryProfile.parse(regions.profile)).toEqual(regions.profile);
  });

  it('has every ISO 3166-2:AZ code: 1 autonomous republic, 11 cities, 66 rayons', () => {
    expect(ds.regions).toHaveLength(78);
    expect(ds.regions.filter((r) => r.kind === 'autonomous_republic').map((r) => r.code)).toEqual(['AZ-NX']);
    expect(
      ds.regions
        .filter((r) => r.kind === 'city')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['AZ-BA', 'AZ-GA', 'AZ-LA', 'AZ-MI', 'AZ-NA', 'AZ-NV', 'AZ-SA', 'AZ-SM', 'AZ-SR', 'AZ-XA', 'AZ-YE']);
    expect(ds.regions.filter((r) => r.kind === 'rayon')).toHaveLength(66);
    expect(new Set(ds.regions.map((r) => r.code)).size).toBe(78);
  });

  it('groups units into the 14 economic regions of the July 2021 reform', () => {
    expect(ds.economic_regions).toHaveLength(14);
    const count = (e: string) =>
      ds.regions.filter((r) => r.economic_region === e && r.kind !== 'autonomous_republic').length;
    expect(count('nakhchivan')).toBe(8);
    expect(count('east-zangezur')).toBe(5);
    expect(count('karabakh')).toBe(9);
    expect(count('baku')).toBe(1);
  });

  it('flags Nakhchivan (city + 7 rayons) and the liberated territories', () => {
    expect(
      leafRegions(ds)
        .filter((r) => r.nakhchivan)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['AZ-BAB', 'AZ-CUL', 'AZ-KAN', 'AZ-NV', 'AZ-ORD', 'AZ-SAD', 'AZ-SAH', 'AZ-SAR']);
    const liberated = ds.regions.filter((r) => r.liberated).map((r) => r.code);
    expect(liberated).toEqual(
      expect.arrayContaining(['AZ-SUS', 'AZ-XA', 'AZ-KAL', 'AZ-LAC', 'AZ-QBI', 'AZ-ZAN', 'AZ-CAB', 'AZ-FUZ', 'AZ-AGM']),
    );
    expect(liberated).not.toContain('AZ-BAR');
  });

  it('national total equals the SSC figure of 1 January 2024 (10,180,770), and the parts add up every year', () => {
    const total = leafRegions(ds).reduce((a, r) => a + r.population['2024']!, 0);
    expect(total).toBe(10_180_770);
    expect(Math.abs(total - 10_180_770) / 10_180_770).toBeLessThan(0.005);
    expect(ds.national['2023']).toBe(10_127_145);
    expect(checkDataset(ds, regions.capital)).toEqual([]);
  });

  it('keeps the exact SSC figures it cites', () => {
    const pop = (c: string) => regions.byCode.get(c)!.population['2024'];
    expect(pop('AZ-BA')).toBe(2_344_888);
    expect(pop('AZ-NX')).toBe(468_566);
    expect(pop('AZ-CAL')).toBe(217_100);
    expect(pop('AZ-QOB')).toBe(47_000);
  });

  it('data/regions.json carries the SSC unit figures of 1 January 2024 with their source, within their rounding', () => {
    // Published to 100 people (Nakhchivan AR statistics committee, Feb 2024: "113 min", "50,7 min",
    // "23 min"; SSC answer to Modern.az: Jalilabad "217.1 min", Gadabay "101 min"): the committed file
    // keeps each within 50 people and names the release it comes from.
    const file = JSON.parse(readFileSync(join(ROOT, 'data', 'regions.json'), 'utf8')) as {
      regions: { code: string; provenance: string; population_source: string; population: Record<string, number> }[];
    };
    const unit = (c: string) => file.regions.find((r) => r.code === c)!;
    const cited: [string, number, string][] = [
      ['AZ-SAR', 113_000, 'metbuat.az/news/1492790'], // Sharur, Nakhchivan
      ['AZ-ORD', 50_700, 'metbuat.az/news/1492790'], // Ordubad, Nakhchivan
      ['AZ-SAD', 23_000, 'metbuat.az/news/1492790'], // Sadarak, Nakhchivan
      ['AZ-CAL', 217_100, 'sivil.az/ru/article/7920005'], // Jalilabad, Lankaran-Astara
      ['AZ-GAD', 101_000, 'sivil.az/ru/article/7920005'], // Gadabay, Gazakh-Tovuz
    ];
    for (const [code, figure, source] of cited) {
      const u = unit(code);
      expect(u.provenance, code).toBe('exact');
      expect(u.population_source, code).toContain(source);
      expect(Math.abs(u.population['2024']! - figure), code).toBeLessThanOrEqual(50);
    }
    // Every unit of Nakhchivan AR now has its own figure: they add up to the AR's 468,566 exactly, and
    // the figures published to the person (Nakhchivan city, Babek, Julfa, Kangarli) are kept as they are.
    const nx = ['AZ-NV', 'AZ-BAB', 'AZ-CUL', 'AZ-KAN', 'AZ-ORD', 'AZ-SAD', 'AZ-SAH', 'AZ-SAR'].map(unit);
    expect(nx.every((u) => u.provenance === 'exact')).toBe(true);
    expect(nx.reduce((a, u) => a + u.population['2024']!, 0)).toBe(468_566);
    expect(nx.slice(0, 4).map((u) => u.population['2024'])).toEqual([97_205, 77_787, 47_970, 33_517]);
  });

  it('Baku districts add up to Baku and keep the SSC figures published after the 2019 census', () => {
    const sum = ds.baku_districts.reduce((a, d) => a + d.population['2024']!, 0);
    expect(sum).toBe(2_344_888);
    const d = (id: string) => regions.districts.get(id)!;
    expect(d('binagadi').population['2024']).toBe(307_855); // SSC, 1 January 2024
    expect(d('binagadi').provenance).toBe('exact');
    // Pirallahı: about 18,700 on 1 January 2023, moved with Baku (2,344,888 / 2,336,622).
    expect(d('pirallahi').population['2024']).toBe(Math.round((18_700 * 2_344_888) / 2_336_622));
    // The nine districts without a post-2019 figure share the rest by their 2015 weights: Khatai +
    // Garadagh were 17.66 % of Baku on 2015 shares, 17.38 % now that Binagadi (13.1 %, was 11.7 %),
    // Khazar and Pirallahı carry their own figures.
    const kg = d('khatai').population['2024']! + d('garadagh').population['2024']!;
    expect(kg / sum).toBeCloseTo(0.1738, 3);
  });

  it('every administrative centre lies in Azerbaijan and near its own population points', () => {
    for (const r of ds.regions) {
      expect(country.containsWithin(r.admin_center, 3), r.code).toBe(true);
      const own = points.filter((p) => p.region === r.code);
      if (own.length && r.code !== 'AZ-BA') {
        const nearest = Math.min(...own.map((p) => geodesicKm(p, r.admin_center)));
        expect(nearest, r.code).toBeLessThan(15);
      }
    }
    // country-state-city puts Aghjabadi in India; ours is in the Karabakh lowland.
    const agc = regions.byCode.get('AZ-AGC')!.admin_center;
    expect(agc.lat).toBeCloseTo(40.05, 1);
    expect(agc.lon).toBeCloseTo(47.46, 1);
  });

  it('population points add up to each unit (and each Baku district) exactly', () => {
    const sums = new Map<string, number>();
    for (const p of points) sums.set(p.region, (sums.get(p.region) ?? 0) + p.population);
    for (const r of leafRegions(ds)) expect(sums.get(r.code) ?? 0, r.code).toBe(r.population['2024']);
    const yas = points.filter((p) => p.district === 'yasamal').reduce((a, p) => a + p.population, 0);
    expect(yas).toBe(regions.districts.get('yasamal')!.population['2024']);
  });

  it('the outline includes the Nakhchivan exclave and excludes Yerevan', () => {
    expect(country.contains({ lat: 39.2089, lon: 45.4122 })).toBe(true);
    expect(country.contains({ lat: 40.1792, lon: 44.4991 })).toBe(false);
  });
});

describe('npm run data:build', () => {
  it('regenerates exactly the committed derived files from data/inputs', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers.js');
    const out = mkdtempSync(join(tmpdir(), 'dostplan-data-'));
    execFileSync(process.execPath, [join(ROOT, 'dist', 'data-build', 'build.js')], {
      env: { ...process.env, DOSTPLAN_DATA_OUT: out },
      stdio: 'pipe',
    });
    for (const f of [
      'regions.json',
      'population-points.csv',
      'azerbaijan.geojson',
      'units.topojson',
      'context.geojson',
    ]) {
      expect(readFileSync(join(out, f), 'utf8'), `${f} is stale: run npm run data:build`).toBe(
        readFileSync(join(ROOT, 'data', f), 'utf8'),
      );
    }
  }, 60_000);
});
