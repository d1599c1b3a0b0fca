/**
 * `dostplan report --lang az` as an Azerbaijani planner sees it, in headless Chromium (the setup of
 * the English report's test, tests/report-diff.test.ts): an Azerbaijani page (<html lang="az">,
 * headings, legends, chart axes, numbers with a decimal comma), every center named in Azerbaijani
 * without overlaps, the Azerbaijani letters drawn by a real font, and no English sentence left.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../src/load/plan-loader.js';
import { RunContext } from '../src/run/run-context.js';
import { launchChromium, overlappingLabels } from './browser.js';
import { englishLeft } from './english-words.js';
import { cli, ROOT } from './helpers.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

describe('dostplan report --lang az in headless Chromium at 1400 px and 390 px', () => {
  const html = join(ARTIFACTS, 'report-2027-az.html');
  const plan = loadPlan(new RunContext(), join(ROOT, 'plans', 'dost.yaml')).plan!;
  let browser: Browser;
  beforeAll(async () => {
    expect(cli(['report', '--year', '2027', '--lang', 'az', '--out', html]).code).toBe(0);
    expect(cli(['report', '--year', '2027', '--out', join(ARTIFACTS, 'report-2027-en-for-az.html')]).code).toBe(0);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (req) => !req.url().startsWith('file:') && errors.push(`network request: ${req.url()}`));
    await page.goto(`file://${html}`);
    return { page, errors };
  }

  it('is an Azerbaijani page: lang, title, summary, headings, numbers the Azerbaijani way', () => {
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<html lang="az">');
    expect(text).toContain('<title>DOST şəbəkəsi (əsas plan): 2027-ci il üzrə əhatə hesabatı</title>');
    expect(text).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    // The English report's figures, written with a decimal comma and grouped thousands.
    const en = readFileSync(join(ARTIFACTS, 'report-2027-en-for-az.html'), 'utf8');
    const share = /<strong>([\d.]+)%<\/strong>/.exec(en)![1]!;
    expect(text).toContain(`<strong>${share.replace('.', ',')}\u00A0%-i</strong>`);
    expect(englishLeft(text)).toEqual([]);
  });

  for (const width of [1400, 390]) {
    it(`at ${width} px: no console errors, no sideways scroll, every center named in Azerbaijani, legends and axes in Azerbaijani`, async () => {
      const { page, errors } = await open(width);
      try {
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
        const labels = await page
          .locator('#map text.center-label')
          .evaluateAll((els) => els.map((e) => [e.getAttribute('data-id')!, e.textContent!] as const));
        expect(labels.map(([id]) => id).sort()).toEqual(plan.centers.map((c) => c.id).sort());
        const byId = new Map(labels);
        expect(byId.get('BAK-1')).toBe('1 saylı Bakı (Yasamal)');
        expect(byId.get('SUM')).toBe('Sumqayıt');
        // Longer Azerbaijani names, placed by the same estimate of text width: still no two overlap.
        const boxes = await page
          .locator('#map text.center-label')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        expect(
          overlappingLabels(
            boxes,
            labels.map(([id]) => id),
            width,
          ),
        ).toEqual([]);
        const legend = (await page.locator('#map-legend').textContent())!;
        for (const t of [
          '0–20\u00A0%',
          '80–100\u00A0%',
          'fəaliyyətdə',
          'tikilir',
          'planlaşdırılır',
          'Xidmət obyektləri',
        ])
          expect(legend).toContain(t);
        expect(await page.locator('#chart-legend').textContent()).toContain('hədəfə çatılmayıb');
        expect(await page.locator('#rollout text.axis-title.left').textContent()).toBe(
          'ilin sonunda fəaliyyətdə olan obyektlər',
        );
        expect(await page.locator('#rollout text.axis-title.right').textContent()).toBe('əhatə olunan əhali (%)');
        expect(await page.locator('#rollout text.target-label').count()).toBe(plan.targets.length);
        expect(await page.locator('#rollout text.target-label.crossed').count()).toBe(0);
        expect(await page.locator('#summary').textContent()).toMatch(/^2027-ci ildə /);
        expect(await page.locator('h2').allTextContents()).toContain('Açılış qrafiki');
        await page.screenshot({ path: join(ARTIFACTS, `report-az-${width}.png`), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);
  }

  it("draws ə ı ş ç ğ ö ü İ with the page's font, not a missing-glyph box", async () => {
    const { page } = await open(1400);
    try {
      // A letter no font has (a private-use code point) is drawn as the same fallback box; every
      // Azerbaijani letter must be drawn otherwise, and differ from its Latin base where it should.
      const widths = await page.evaluate(() => {
        const span = document.createElement('span');
        span.style.font = '40px system-ui, sans-serif';
        document.body.append(span);
        const w = (s: string) => {
          span.textContent = s.repeat(20);
          return span.getBoundingClientRect().width;
        };
        const out = Object.fromEntries([...'əışçğöüİƏ\uE000\uE001'].map((c) => [c, w(c)]));
        span.remove();
        return out;
      });
      const tofu = widths['\uE000']!;
      expect(widths['\uE001']).toBe(tofu);
      for (const c of 'əışçğöüİƏ') expect(widths[c], `${c} drawn as a missing glyph`).not.toBe(tofu);
    } finally {
      await page.close();
    }
  });
});
