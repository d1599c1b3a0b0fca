/**
 * The embedded figures against the published ones they come from (data/SOURCES.md): SSC's regional
 * shares, the settlements with official figures, the dated resettlement series.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { yearWeights, type Demand } from '../src/analysis/demand.js';
import { embedded } from '../src/load/dataset-loader.js';
import { areaKm2 } from '../src/data-build/units.js';
import { leafRegions } from '../src/model/dataset.js';
import { cli, ROOT } from './helpers.js';

const { regions, points, residentPoints, units } = embedded();
const ds = regions.dataset;
const input = (f: string) =>
  parse(readFileSync(join(ROOT, 'data', 'inputs', f), 'utf8'), { columns: true, trim: true }) as Record<
    string,
    string
  >[];

describe('economic regions against SSC (1 January 2024)', () => {
  it("every economic region's share of the national total rounds to SSC's published one-decimal share", () => {
    // SSC release of 14 Feb 2024: Baku 23.0, Nakhchivan 4.6, Lankaran-Astara 9.2, Absheron-Khizi 8.6 …
    const published = input('economic-regions.csv');
    expect(published).toHaveLength(14);
    const national = ds.national['2024']!;
    expect(national).toBe(10_180_770);
    for (const e of published) {
      const total = leafRegions(ds)
        .filter((r) => r.economic_region === e.id)
        .reduce((a, r) => a + r.population['2024']!, 0);
      expect(((100 * total) / national).toFixed(1), e.id).toBe(Number(e.share_2024_pct).toFixed(1));
    }
  });

  it('Absheron-Khizi is Absheron 433,000 + Sumgayit 427,000 + Khizi, 8.6 % of the country', () => {
    const pop = (c: string) => regions.byCode.get(c)!.population['2024']!;
    expect(pop('AZ-SM')).toBe(427_000);
    expect(pop('AZ-ABS')).toBe(433_000);
    expect(regions.byCode.get('AZ-SM')!.provenance).toBe('exact');
    // Khizi is what the SSC share leaves: 8.6/72.4 of (national − Baku − Nakhchivan AR) − 860,000.
    const region = Math.round((8.6 / 72.4) * (10_180_770 - 2_344_888 - 468_566));
    expect(pop('AZ-XIZ')).toBe(region - 860_000);
    expect(pop('AZ-XIZ')).toBeGreaterThan(14_000);
    expect(pop('AZ-XIZ')).toBeLessThan(17_075); // its pre-census 2020 figure
    expect(regions.byCode.get('AZ-XIZ')!.provenance).toBe('derived');
  });
});

describe('settlements with official figures (data/inputs/settlements.csv)', () => {
  const rows = input('settlements.csv');

  it("each carries at least its published share of its unit's 2024 population", () => {
    for (const o of rows) {
      const unit = regions.byCode.get(o.unit!)!.population['2024']!;
      const share = Number(o.population) / Number(o.of_unit);
      const pts = points.filter((p) => p.region === o.unit && p.name === o.name);
      expect(pts, `${o.name} (${o.unit})`).toHaveLength(1);
      expect(pts[0]!.population, o.name).toBeGreaterThanOrEqual(Math.floor(share * unit) - 1);
    }
  });

  it("a unit's largest settlements are the ones with official figures, and hold their combined share", () => {
    for (const unit of new Set(rows.map((r) => r.unit!))) {
      const official = rows.filter((r) => r.unit === unit);
      const share = official.reduce((a, o) => a + Number(o.population) / Number(o.of_unit), 0);
      const own = points.filter((p) => p.region === unit && p.name).sort((a, b) => b.population - a.population);
      const top = own.slice(0, official.length);
      expect(new Set(top.map((p) => p.name)), unit).toEqual(new Set(official.map((o) => o.name)));
      const total = regions.byCode.get(unit)!.population['2024']!;
      expect(top.reduce((a, p) => a + p.population, 0) / total, unit).toBeGreaterThanOrEqual(share - 1e-5);
    }
  });

  it('Absheron: Khirdalan 196,000 and its big settlements hold three quarters, not a grid over the desert', () => {
    const abs = points.filter((p) => p.region === 'AZ-ABS');
    expect(abs.find((p) => p.name === 'Khirdalan')!.population).toBe(196_000);
    const rural = abs.filter((p) => !p.name).reduce((a, p) => a + p.population, 0);
    // 433,000 − (196,000 + 37,700 + 20,500 + 17,500 + 17,100 + 18,967 + 12,541 + 10,193) − GeoNames villages
    expect(rural / 433_000).toBeLessThan(0.22);
    for (const n of ['Masazır', 'Novxanı', 'Mehdiabad', 'Saray', 'Ceyranbatan'])
      expect(
        abs.some((p) => p.name === n),
        n,
      ).toBe(true);
  });
});

describe('resettlement (data/inputs/resettled.csv)', () => {
  const resident = (c: string, y: number) => regions.byCode.get(c)!.resident![String(y)]!;

  it('each year uses the latest figure dated on or before its 1 January', () => {
    // 1 Jan 2024: Fuzuli 1,969 + 69,800 never occupied; Lachin 1,555 + Zabukh 783; Aghali 871.
    expect(resident('AZ-FUZ', 2024)).toBe(69_800 + 1_969);
    expect(resident('AZ-LAC', 2024)).toBe(2_338);
    expect(resident('AZ-ZAN', 2024)).toBe(871);
    expect(resident('AZ-SUS', 2024)).toBe(0);
    // 1 Jan 2025: Fuzuli 3,132 (31 Jul 2024), Lachin city 2,090 (11 Sep 2024) + Sus 215 + Zabukh 823,
    // Shusha 1,180 (21 Dec 2024), Jabrayil 1,169 (25 Dec 2024).
    expect(resident('AZ-FUZ', 2025)).toBe(69_800 + 3_132);
    expect(resident('AZ-LAC', 2025)).toBe(3_128);
    expect(resident('AZ-SUS', 2025)).toBe(1_180);
    expect(resident('AZ-CAB', 2025)).toBe(1_169);
    expect(resident('AZ-KAL', 2025)).toBe(0);
    for (const c of ['AZ-FUZ', 'AZ-LAC', 'AZ-ZAN', 'AZ-SUS', 'AZ-CAB']) {
      expect(resident(c, 2021), c).toBe(c === 'AZ-FUZ' ? 69_800 : 0);
    }
  });

  it('1 January 2026: the State Committee total of 26,014 resettled, Kalbajar included', () => {
    const never = (c: string) =>
      c === 'AZ-FUZ' ? 69_800 : c === 'AZ-AGM' ? Math.round(regions.byCode.get(c)!.population['2026']! * 0.226) : 0;
    const liberated = leafRegions(ds).filter((r) => r.liberated);
    const resettled = liberated.reduce((a, r) => a + resident(r.code, 2026) - never(r.code), 0);
    expect(resettled).toBe(26_014);
    expect(resident('AZ-KAL', 2026)).toBeGreaterThan(0);
    expect(resident('AZ-QBI', 2026)).toBe(0); // not in the State Committee's list of 29 Dec 2025
    expect(resident('AZ-SUS', 2026)).toBeGreaterThanOrEqual(1_180);
    // National totals are the same on both bases every year.
    for (const y of ds.years) {
      const sum = (k: 'population' | 'resident') =>
        leafRegions(ds).reduce((a, r) => a + (r[k] ?? r.population)[String(y)]!, 0);
      expect(sum('resident'), String(y)).toBe(sum('population'));
    }
  });

  it("resident points carry the last year's figures and every year scales to that year's own", () => {
    expect(ds.resident_points_year).toBe(2026);
    const sums = new Map<string, number>();
    for (const p of residentPoints) sums.set(p.region, (sums.get(p.region) ?? 0) + p.population);
    for (const r of leafRegions(ds)) expect(sums.get(r.code) ?? 0, r.code).toBe(r.resident!['2026']);
    // Kalbajar's resettled live at its seat; nobody there in 2024, its 2026 figure in 2026.
    const demand: Demand = { points: residentPoints, scaled: true, basis: 'resident' };
    const inKal = (year: number) => {
      const { weights } = yearWeights(demand, regions, year);
      return residentPoints.reduce((a, p, i) => a + (p.region === 'AZ-KAL' ? weights[i]! : 0), 0);
    };
    expect(inKal(2024)).toBe(0);
    expect(Math.round(inKal(2026))).toBe(resident('AZ-KAL', 2026));
    expect(Math.round(inKal(2030))).toBe(resident('AZ-KAL', 2026));
    const shusha = (year: number) => {
      const { weights } = yearWeights(demand, regions, year);
      return residentPoints.reduce((a, p, i) => a + (p.region === 'AZ-SUS' ? weights[i]! : 0), 0);
    };
    expect(Math.round(shusha(2025))).toBe(1_180);
  });
});

describe('data/SOURCES.md', () => {
  it('lists every polygon more than 10 % off its official area, and no other', () => {
    const text = readFileSync(join(ROOT, 'data', 'SOURCES.md'), 'utf8');
    const table = text.slice(text.indexOf('### Polygon areas more than 10 % off'), text.indexOf('### Provenance'));
    const listed = [...table.matchAll(/^\| (AZ-[A-Z]+) /gm)].map((m) => m[1]).sort();
    const off = ds.regions
      .filter((r) => {
        const g = units!.geometry(r.code);
        return g && Math.abs(areaKm2(g) / r.area_km2 - 1) > 0.1;
      })
      .map((r) => r.code)
      .sort();
    expect(off).toContain('AZ-UCA'); // Ujar: 765 km² against 850, −10.02 % before rounding
    expect(listed).toEqual(off);
    expect(table).toContain(`The ${off.length} units`);
  });
});

describe('dostplan regions shows the changed figures with their provenance', () => {
  it('Sumgayit and Khizi with theirs; the liberated units with their resettled by year', () => {
    const csv = cli(['regions', '--format', 'csv']).stdout;
    const rows = parse(csv, { columns: true, comment: '#' }) as Record<string, string>[];
    const row = (c: string) => rows.find((r) => r.code === c)!;
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['resident_2026', 'resident_source']));
    expect(row('AZ-SM')).toMatchObject({ registered_2024: '427000', provenance: 'exact' });
    expect(row('AZ-SM').source).toContain('427 thousand');
    expect(row('AZ-XIZ')).toMatchObject({ provenance: 'derived' });
    expect(row('AZ-XIZ').source).toContain('less Absheron (433 k) and Sumgayit (427 k)');
    expect(row('AZ-KAL')).toMatchObject({ resident_2024: '0', resident_2026: String(resident2026('AZ-KAL')) });
    expect(row('AZ-SUS').resident_source).toContain('2025 1,180');
    expect(row('AZ-SUS').resident_source).toContain('State Committee');
    expect(row('AZ-BAR').resident_source).toBe('');
    const text = cli(['regions']).stdout;
    expect(text).toMatch(/resident_2026/);
    expect(text).toContain('Resident figures of 11 liberated units');
  }, 30_000);
});

function resident2026(code: string): number {
  return regions.byCode.get(code)!.resident!['2026']!;
}
