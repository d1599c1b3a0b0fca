import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { facilityChanges } from '../src/analysis/diff.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { browserSetup } from './browser.js';
import { cli, FIXTURES, ROOT } from './helpers.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

describe('dostplan diff', () => {
  const a = loadPlan(join(FIXTURES, 'valid', 'small.yaml')).plan!;
  const b = loadPlan(join(FIXTURES, 'valid', 'small-changed.yaml')).plan!;
  it('classifies every change', () => {
    expect(facilityChanges(a, b).map((c) => `${c.change} ${c.id}`)).toEqual(['added SKR', 'removed GYG', 'moved BAR', 're-dated BAR']);
    // 0.1183° of longitude at 40.3758°N: 0.1183 × 111.195 × cos(40.3758°) = 10.0 km
    expect(facilityChanges(a, b).find((c) => c.change === 'moved')!.detail).toBe('10.0 km');
  });
  it('prints Markdown for a pull-request comment, with target deltas', () => {
    const r = cli(['diff', 'tests/fixtures/valid/small.yaml', 'tests/fixtures/valid/small-changed.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^### Plan diff: Small test network → Small test network \(changed\)/);
    expect(r.stdout).toContain('| re-dated | BAR | center | Barda center | opens 2023-08-07 → 2024-08-07 |');
    // BAR now opens in 2024: the end-2023 target (2 centers) flips from met to missed.
    expect(r.stdout).toContain('- by 2023-12-31: ✅ met → ❌ missed');
    expect(r.stdout).toMatch(/\| 2023 \| 2 → 1 \|/);
  });
  it('JSON for programs', () => {
    const j = JSON.parse(cli(['diff', '-f', 'json', 'tests/fixtures/valid/small.yaml', 'tests/fixtures/valid/small-changed.yaml']).stdout);
    expect(j.years.find((y: { year: number }) => y.year === 2023).centers).toEqual([2, 1]);
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
    const setup = await browserSetup();
    const browser = await chromium.launch({ executablePath: setup.executablePath, args: setup.args, headless: true, ...(setup.env ? { env: setup.env } : {}) });
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
