import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { changeImpacts, facilityChanges } from '../src/analysis/diff.js';
import { resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { launchChromium, overlappingLabels } from './browser.js';
import { classColor, CONTEXT, COVERAGE_SCALE } from '../src/render/palette.js';
import { cli, FIXTURES, ROOT } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

const ARTIFACTS = join(ROOT, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

describe('dostplan diff', () => {
  const a = loadPlan(run, join(FIXTURES, 'valid', 'small.yaml')).plan!;
  const b = loadPlan(run, join(FIXTURES, 'valid', 'small-changed.yaml')).plan!;
  it('classifies every change, with from/to fields', () => {
    const changes = facilityChanges(a, b);
    expect(changes.map((c) => `${c.change} ${c.id}`)).toEqual([
      'added SKR',
      'removed GYG',
      'moved BAR',
      're-dated BAR',
    ]);
    // 0.1183° of longitude at 40.3758°N: 0.1183 × 111.195 × cos(40.3758°) = 10.0 km
    expect(changes.find((c) => c.change === 'moved')!.moved_km).toBe(10);
    expect(changes.find((c) => c.change === 're-dated')!.fields).toEqual({
      opens: { from: '2023-08-07', to: '2024-08-07' },
    });
    expect(changes.find((c) => c.change === 'moved')!.fields.lon).toEqual({ from: 47.1262, to: 47.2445 });
  });
  it('reports a change of desks or minutes per visit (the wait estimate changes with them)', () => {
    const more = {
      ...b,
      centers: b.centers.map((c) => (c.id === 'GAN' ? { ...c, desks: 6, service_min: 12 } : c)),
    };
    const changed = facilityChanges(b, more).filter((c) => c.change === 'changed');
    expect(changed.map((c) => [c.id, c.fields])).toEqual([
      ['GAN', { desks: { from: null, to: 6 }, service_min: { from: null, to: 12 } }],
    ]);
  });
  it('weighs each change by the people whose coverage it alone changes (hand-worked)', () => {
    const { regions } = embedded();
    const pt = (name: string, region: string, lat: number, lon: number, population: number) => ({
      region,
      district: '',
      name,
      lat,
      lon,
      population,
    });
    const demand = {
      scaled: false,
      points: [
        // At Barda's old site: 0 km from it, 10.0 km from the new one; covered either way (standard 30 km).
        pt('P1', 'AZ-BAR', 40.3758, 47.1262, 100),
        // 0.4238° east of the old site = 35.9 km (not covered), 0.3055° east of the new one = 25.9 km (covered).
        pt('P4', 'AZ-BAR', 40.3758, 47.55, 500),
        // Shamkir: 33.2 km from Ganja (30 km standard), so covered only by the added Shamkir branch.
        pt('P5', 'AZ-SKR', 40.8297, 46.0178, 50),
        // Goygol: 11 km from Ganja center, so removing the Goygol branch uncovers nobody.
        pt('P6', 'AZ-GYG', 40.5858, 46.3189, 70),
      ],
    };
    const ranked = changeImpacts(a, b, facilityChanges(a, b), demand, regions, resolveSettings(b));
    expect(ranked.map((c) => `${c.change} ${c.id} ${c.people}`)).toEqual([
      'moved BAR 500',
      're-dated BAR 500',
      'added SKR 50',
      'removed GYG 0',
    ]);
    expect(ranked[0]!.impact_year).toBe(2026);
  });
  it('prints Markdown for a pull-request comment: the distance model, impact, target deltas', () => {
    const r = cli(['diff', 'tests/fixtures/valid/small.yaml', 'tests/fixtures/valid/small-changed.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^### Plan diff: Small test network → Small test network \(changed\)/);
    expect(r.stdout).toContain('Distance model: geodesic (WGS84 great circle); travel time at 40 km/h.');
    expect(r.stdout).toMatch(
      /\| re-dated \| BAR \| center \| Barda center \| opens 2023-08-07 → 2024-08-07 \| [\d,]+ \(2026\) \|/,
    );
    // BAR now opens in 2024: the end-2023 target (2 centers) flips from met to missed.
    expect(r.stdout).toContain('- by 2023-12-31: ✅ met → ❌ missed');
    expect(r.stdout).toMatch(/\| 2023 \| 2 → 1 \|/);
    expect(r.stdout).not.toContain('<details>');
  });
  it('folds a long facility list in <details>, most people affected first', () => {
    const r = cli(['diff', 'plans/dost.yaml', 'plans/announced.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<details><summary>\d+ facility changes, most people affected first<\/summary>/);
    const people = [...r.stdout.matchAll(/\| ([\d,]+) \(\d{4}\) \|$/gm)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(people.length).toBeGreaterThan(10);
    expect(people).toEqual([...people].sort((x, y) => y - x));
  });
  it('JSON for programs: from/to pairs, no pre-formatted strings', () => {
    const j = JSON.parse(
      cli(['diff', '-f', 'json', 'tests/fixtures/valid/small.yaml', 'tests/fixtures/valid/small-changed.yaml']).stdout,
    );
    expect(j.years.find((y: { year: number }) => y.year === 2023).centers).toEqual({ from: 2, to: 1 });
    expect(j.plans).toEqual({ from: 'Small test network', to: 'Small test network (changed)' });
    expect(j.targets[0].met).toEqual({ from: true, to: false });
    expect(j.facilities[0]).not.toHaveProperty('detail');
  });
});

describe('dostplan report in a real headless Chromium', () => {
  it('is one self-contained file that loads with no console errors and shows the map', async () => {
    const html = join(ARTIFACTS, 'report.html');
    const r = cli(['report', '--year', '2027', '--out', html]);
    expect(r.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    // Chromium from npm (@sparticuz/chromium), or CHROMIUM_PATH when set: see tests/browser.ts.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 960, height: 1200 } });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (req) => !req.url().startsWith('file:') && errors.push(`network request: ${req.url()}`));
      await page.goto(`file://${html}`);
      await expect(page.locator('#map').isVisible()).resolves.toBe(true);
      const box = await page.locator('#map').boundingBox();
      expect(box!.width).toBeGreaterThan(500);
      // 17 centers and 57 branches in the plan, all drawn; 13 centers open by the end of 2027.
      expect(await page.locator('#map .facility.center').count()).toBe(17);
      expect(await page.locator('#map .facility.branch').count()).toBe(57);
      expect(await page.locator('#summary').textContent()).toContain('In 2027');
      await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('the report as a planner sees it, in headless Chromium at 1400 px and 390 px', () => {
  const html = join(ARTIFACTS, 'report-2027.html');
  const svg = join(ARTIFACTS, 'map-2027.svg');
  const plan = loadPlan(run, join(ROOT, 'plans', 'dost.yaml')).plan!;
  const { regions } = embedded();
  let browser: Browser;
  beforeAll(async () => {
    expect(cli(['report', '--year', '2027', '--out', html]).code).toBe(0);
    expect(cli(['report', '--year', '2027', '--map-only', '--out', svg]).code).toBe(0);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (req) => !req.url().startsWith('file:') && errors.push(`network request: ${req.url()}`));
    await page.goto(`file://${file}`);
    return { page, errors };
  }

  for (const width of [1400, 390]) {
    it(`at ${width} px: no console errors, no sideways scroll, a polygon per unit, every center named, legends readable`, async () => {
      const { page, errors } = await open(html, width);
      try {
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
        // One polygon per unit of the dataset (the 77 units under the autonomous republic level).
        const leaves = regions.dataset.regions
          .filter((r) => r.kind !== 'autonomous_republic')
          .map((r) => r.code)
          .sort();
        const codes = await page
          .locator('#map path.unit')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!));
        expect(codes.sort()).toEqual(leaves);
        // Every center of the plan is named on the map (Baku's in the inset), and no two names overlap.
        const centers = plan.centers.map((c) => c.id).sort();
        const labelIds = await page
          .locator('#map text.center-label')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
        expect(labelIds.sort()).toEqual(centers);
        const boxes = await page
          .locator('#map text.center-label')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        expect(overlappingLabels(boxes, labelIds, width)).toEqual([]);
        // The legends are HTML text at a readable size at every width.
        await expect(page.locator('#map-legend').isVisible()).resolves.toBe(true);
        const legend = (await page.locator('#map-legend').textContent())!;
        for (const t of ['0–20 %', '80–100 %', 'open', 'under construction', 'planned']) expect(legend).toContain(t);
        const sizes = await page
          .locator('#map-legend li, #chart-legend li')
          .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(13);
        expect(await page.locator('#chart-legend').textContent()).toContain('target missed');
        // The rollout chart: both axes titled, no target label crossed by a line.
        expect(await page.locator('#rollout text.axis-title.left').textContent()).toBe('facilities open at year end');
        expect(await page.locator('#rollout text.axis-title.right').textContent()).toBe('population covered (%)');
        expect(await page.locator('#rollout text.target-label').count()).toBe(plan.targets.length);
        expect(await page.locator('#rollout text.target-label.crossed').count()).toBe(0);
        if (width === 390) {
          // Wide tables scroll inside their own box instead of the page.
          const boxesScroll = await page
            .locator('.scroll')
            .evaluateAll((els) => els.map((e) => e.scrollWidth > e.clientWidth));
          expect(boxesScroll.some(Boolean)).toBe(true);
        }
        await page.screenshot({ path: join(ARTIFACTS, `report-${width}.png`), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);
  }

  it('shades each unit by its coverage class, the same figure `coverage --by region` prints', async () => {
    const j = JSON.parse(cli(['coverage', '--year', '2027', '--by', 'region', '--format', 'json']).stdout) as {
      groups: { id: string; population: number; percent: number }[];
    };
    const { page } = await open(html, 1400);
    try {
      const fills = Object.fromEntries(
        await page
          .locator('#map path.unit')
          .evaluateAll((els) => els.map((e) => [e.getAttribute('data-code')!, e.getAttribute('fill')!])),
      );
      // The table lists all 78 units; the map draws those with a polygon (not AZ-NX, not the cities counted in a rayon).
      const drawn = j.groups.filter((g) => g.id in fills);
      expect(drawn.length).toBe(Object.keys(fills).length);
      for (const g of drawn)
        expect(fills[g.id], g.id).toBe(g.population > 0 ? classColor(COVERAGE_SCALE, g.percent) : CONTEXT.noData);
      // Baku: 99 % covered in 2027 → the darkest class.
      expect(fills['AZ-BA']).toBe('#253494');
      // 13 centers open at the end of 2027, the rest drawn as under construction or planned.
      expect(await page.locator('#map .facility.center.open').count()).toBe(13);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('prints on A4 landscape, the map and its legend on the first page', async () => {
    const { page } = await open(html, 1400);
    try {
      // A4 landscape less 12 mm margins: 273 × 186 mm = 1032 × 703 CSS px.
      await page.setViewportSize({ width: 1032, height: 703 });
      await page.emulateMedia({ media: 'print' });
      const bottom = await page.evaluate(() =>
        Math.max(
          document.querySelector('#map')!.getBoundingClientRect().bottom,
          document.querySelector('#map-legend')!.getBoundingClientRect().bottom,
        ),
      );
      expect(bottom).toBeLessThanOrEqual(703);
      const pdf = await page.pdf({ preferCSSPageSize: true, path: join(ARTIFACTS, 'report-2027.pdf') });
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
      // A4 landscape: 297 × 210 mm = 842 × 595 pt.
      expect(Math.round(Number(box[1]))).toBe(842);
      expect(Math.round(Number(box[2]))).toBe(595);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('report --map-only writes the map alone as a standalone SVG with its legend, byte-identical on a rerun', async () => {
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" id="map"')).toBe(true);
    expect(cli(['report', '--year', '2027', '--map-only']).stdout).toBe(text);
    const { page, errors } = await open(svg, 1000);
    try {
      expect(await page.locator('path.unit').count()).toBe(77);
      expect(await page.locator('g.legend').textContent()).toContain('Population within the standard');
      expect(await page.locator('text.center-label').count()).toBe(plan.centers.length);
      expect(await page.locator('g.scale-bar').count()).toBe(2);
      expect(await page.locator('text.water-label').textContent()).toBe('Caspian Sea');
      await page.screenshot({ path: join(ARTIFACTS, 'map-2027.png') });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    const tt = cli(['report', '--year', '2027', '--map-only', '--measure', 'travel-time']).stdout;
    expect(tt).toContain('minutes, population-weighted');
    expect(tt).toContain('60 min or more');
    // Utilization: Baku's people meet centers above capacity in 2025 (BAK-4 132 %, BAK-3 124 %).
    const util = cli(['report', '--year', '2025', '--map-only', '--measure', 'utilization']).stdout;
    expect(util).toContain('% of capacity, mean over the unit’s people');
    expect(util).toContain('120 % or more');
  }, 60_000);
});

describe('the map for another country (no unit polygons shipped)', () => {
  it('falls back to a circle per populated unit at its seat, projected for that country', () => {
    const r = cli(['--data', 'tests/fixtures/country-xa', 'report', '--map-only']);
    expect(r.code).toBe(0);
    // Three units, all populated; the outline is fitted (not the whole globe): the scale bar reads tens of km.
    expect(r.stdout.match(/<circle class="unit"/g)).toHaveLength(3);
    expect(r.stdout).toMatch(/<text[^>]*>(10|20|25|50) km<\/text>/);
    expect(r.stdout).not.toContain('class="inset');
  });
});
