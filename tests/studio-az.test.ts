/**
 * `dostplan serve --lang az`: the studio as an Azerbaijani planner uses it, in the project's
 * headless Chromium (tests/browser.ts), on a copy of the DOST plan. The page is Azerbaijani
 * (<html lang="az">, every label, legend, tooltip and dialog; no English word left by
 * tests/english-words.ts), its figures are written the Azerbaijani way (decimal comma, "74,63 %",
 * thousands grouped by a no-break space) and agree with `dostplan coverage --lang az` on a plan
 * file that holds the same facilities, and place names are the data's name_az.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal } from '../src/model/number-text.js';
import { CONTEXT } from '../src/render/palette.js';
import type { State } from '../src/web/api.js';
import { launchChromium } from './browser.js';
import { englishLeft } from './english-words.js';
import { ROOT } from './helpers.js';
import {
  api,
  cliCoverage,
  cliCoverageAz,
  openStudio,
  revision,
  screenPoint,
  scrollsSideways,
  type Served,
  startServe,
  stopServe,
  until,
  withBranch,
} from './studio-helpers.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
/** Off the Aghstafa branch's marker, 7 km south-east of the district seat (tests/studio-browser.test.ts). */
const AGHSTAFA = { lat: 41.07, lon: 45.52 };
const NBSP = '\u00A0';

/** A share as the page writes it in Azerbaijani, from the CLI's JSON figure: 74.63 → "74,63 %". */
const shownAz = (percent: number, digits = 2) => `${decimal(percent, digits, 'az')}${NBSP}%`;

/** Everything the page says, each text node apart: its text (hidden dialogs too), tooltips, labels, placeholders. */
const pageWords = (page: Page) =>
  page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[title], [aria-label], [placeholder]')].flatMap((e) =>
      ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
    );
    const texts: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) texts.push(walk.currentNode.textContent ?? '');
    return [document.title, ...texts, ...attrs].join('\n');
  });

describe('dostplan serve --lang az: the studio in Azerbaijani in headless Chromium', () => {
  let dir: string;
  let plan: string;
  let original: string;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dostplan-studio-az-'));
    plan = join(dir, 'dost.yaml');
    copyFileSync(join(ROOT, 'plans', 'dost.yaml'), plan);
    original = readFileSync(plan, 'utf8');
    [served, browser] = await Promise.all([startServe(plan, ['--lang', 'az']), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServe(served);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const covered = (page: Page) => page.locator('#national-covered').textContent();

  async function setYear(page: Page, year: number): Promise<void> {
    const years = (await api<State>(page, '/api/state')).plan.years;
    await page.locator('#year').focus();
    await page.keyboard.press('Home');
    for (let y = years[0]!; y < year; y++) await page.keyboard.press('ArrowRight');
    await until(() => page.locator('body').getAttribute('data-year')).toBe(String(year));
  }

  /** The page's regions table as rows of [name, people, covered]. */
  const regionRows = (page: Page) =>
    page
      .locator('#regions tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));

  /** Each region row of the page is a row of `dostplan coverage --lang az`: the same name, people and share. */
  function sameRegions(rows: string[][], table: string): void {
    expect(rows.length).toBe(14);
    const lines = table.split('\n');
    for (const [name, people, share] of rows) {
      const line = lines.find((l) => l.includes(`  ${name}  `));
      expect(line, `${name} in the CLI's table`).toBeDefined();
      expect(
        line!.includes(` ${people} `) && line!.endsWith(` ${share}`),
        `${line} vs ${name} ${people} ${share}`,
      ).toBe(true);
    }
  }

  it('the server says it starts in Azerbaijani and sends the Azerbaijani page', async () => {
    await until(() => served.stderr.join('')).toContain('DOST şəbəkəsi (əsas plan) açıqdır: yuxarıdakı ünvanı açın');
    const { page, errors } = await openStudio(browser, served, 1400);
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('az');
      expect(await page.title()).toBe('DOST şəbəkəsi (əsas plan) · dostplan studiyası');
      expect(await page.locator('label[for="year"]').textContent()).toBe('İl');
      expect(await page.locator('#undo').getAttribute('title')).toBe('Geri qaytar (Ctrl+Z)');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  for (const width of [1400, 390]) {
    it(`at ${width} px: no console errors, no sideways scroll, no English, figures with a decimal comma = coverage --lang az`, async () => {
      const { page, errors } = await openStudio(browser, served, width);
      try {
        expect(await scrollsSideways(page)).toBe(false);
        expect(englishLeft(await pageWords(page))).toEqual([]);
        const last = (await api<State>(page, '/api/state')).plan.years.at(-1)!;
        const share = await covered(page);
        expect(share).toMatch(/^\d{1,3},\d{2}\u00A0%$/);
        expect(share).toBe(shownAz(cliCoverage(plan, last)));
        const table = cliCoverageAz(plan, last);
        expect(table).toContain(`(${shownAz(cliCoverage(plan, last), 1)})`);
        // People grouped by a no-break space: 10 262 351.
        expect(await page.locator('#national-population').textContent()).toMatch(/^\d{1,3}(\u00A0\d{3})+$/);
        sameRegions(await regionRows(page), table);
        const legend = (await page.locator('#legend').textContent())!;
        for (const t of ['Norma daxilində yaşayan əhali', `0–20${NBSP}%`, 'fəaliyyətdə', 'planlaşdırılır'])
          expect(legend).toContain(t);
        await page.screenshot({ path: join(ARTIFACTS, `studio-az-${width}.png`), fullPage: width < 900 });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('a district’s tooltip names it in Azerbaijani, with its economic region and its figures', async () => {
    const { page, errors } = await openStudio(browser, served, 1400);
    try {
      await setYear(page, 2026);
      const [x, y] = await screenPoint(page, AGHSTAFA);
      await page.mouse.move(x, y);
      await until(() => page.locator('#tooltip strong').textContent()).toBe('Ağstafa (AZ-AGA)');
      const tip = await page
        .locator('#tooltip')
        .evaluate((e) => [...e.childNodes].filter((n) => n.nodeName !== 'BR').map((n) => n.textContent ?? ''));
      expect(tip[1]).toMatch(/^\d{1,3}(\u00A0\d{3})* nəfər · Qazax-Tovuz$/);
      expect(tip[2]).toMatch(/^2026-cı ildə \d{1,3},\d\u00A0% norma daxilində$/);
      expect(englishLeft(tip.join('\n'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a branch added at Aghstafa in 2026 moves national coverage to what coverage --lang az prints for that plan', async () => {
    const { page, errors } = await openStudio(browser, served, 1400);
    try {
      await setYear(page, 2026);
      const before = cliCoverage(plan, 2026);
      expect(await covered(page)).toBe(shownAz(before));
      const [x, y] = await screenPoint(page, AGHSTAFA);
      await page.mouse.click(x, y);
      expect(await page.locator('#add-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      expect(await page.locator('#add-title').textContent()).toBe('Xidmət obyekti əlavə edin');
      await page.locator('#add-kind').selectOption('branch');
      await page.locator('#add-name').fill('Ağstafa erkən filialı');
      const rev = await revision(page);
      await page.locator('#add-submit').click();
      await until(() => revision(page)).toBeGreaterThan(rev);
      const f = (await api<State>(page, '/api/state')).plan.facilities.find((g) => g.name === 'Ağstafa erkən filialı')!;
      expect(f.region).toBe('AZ-AGA');
      const file = join(dir, 'by-hand.yaml');
      const hand = { id: 'T-AGA', lat: f.lat, lon: f.lon, opens: '2026-01-01', region: f.region, center: f.parent! };
      writeFileSync(file, withBranch(original, hand));
      const after = cliCoverage(file, 2026);
      expect(after).toBeGreaterThan(before);
      await until(() => covered(page)).toBe(shownAz(after));
      const table = cliCoverageAz(file, 2026);
      expect(table).toContain(`(${shownAz(after, 1)})`);
      sameRegions(await regionRows(page), table);
      const status = (await page.locator('#status').textContent())!;
      expect(status).toBe('filial əlavə edilir: “Ağstafa erkən filialı”: hazırdır.');
      // The new branch's details: its kind, its state and its opening date in Azerbaijani.
      const details = (await page.locator('#facility-figures :is(dt, dd)').allTextContents()).join(' · ');
      expect(details).toContain('Növü · filial');
      expect(details).toContain('Açılır · 1 yanvar 2026');
      expect(details).toContain('2026-cı ilin sonunda · fəaliyyətdə');
      expect(englishLeft(await pageWords(page))).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-az-added.png') });
      await page.locator('#undo').click();
      await until(() => covered(page)).toBe(shownAz(before));
      expect(await page.locator('#status').textContent()).toBe('Geri qaytarıldı.');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Suggest sites answers in Azerbaijani: the sites by their Azerbaijani names, the quality in Azerbaijani', async () => {
    const { page, errors } = await openStudio(browser, served, 1400);
    try {
      await setYear(page, 2026);
      await page.locator('#suggest-k').fill('2');
      await page.locator('#suggest-run').click();
      await until(() => page.locator('#suggest-list li').count(), 60_000).toBe(2);
      const items = await page.locator('#suggest-list li').allInnerTexts();
      for (const item of items) expect(item).toMatch(/: \+\d{1,3}(\u00A0\d{3})* nəfər/);
      expect(await page.locator('#status').textContent()).toMatch(/^2026-cı il üçün 2 filial yeri təklif edildi/);
      const said = [
        ...items,
        await page.locator('#suggest-note').textContent(),
        await page.locator('#status').textContent(),
      ];
      expect(englishLeft(said.join('\n'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('the gap map: each circle’s tooltip says its people, place and nearest facility in Azerbaijani', async () => {
    const { page, errors } = await openStudio(browser, served, 1400);
    try {
      await setYear(page, 2026);
      await page.locator('#measure').selectOption('gaps');
      await until(() => page.locator('body').getAttribute('data-measure')).toBe('gaps');
      await until(() => page.locator('svg.map circle.unserved').count()).toBeGreaterThan(0);
      // Nakhchivan's land reaches no open facility in 2026: drawn in the unreachable grey under the bands.
      expect(await page.locator('svg.map path.land-unreachable').getAttribute('fill')).toBe(CONTEXT.unreachable);
      expect((await page.locator('svg.map path.land-unreachable').getAttribute('d'))!.length).toBeGreaterThan(100);
      const gaps = await api<{
        features: { properties: { people: number; settlement: string; facility_id: string; mean_min: number } }[];
      }>(page, '/api/gaps?year=2026');
      const state = await api<State>(page, '/api/state');
      // The biggest circle, hovered at its centre; the tooltip is of the circle on top there.
      const box = (await page.locator('svg.map circle.unserved[data-index="0"]').boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      const index = await page.evaluate(
        ([px, py]) => Number(document.elementFromPoint(px!, py!)?.getAttribute('data-index')),
        [x, y],
      );
      const c = gaps.features[index]!.properties;
      const near = state.plan.facilities.find((f) => f.id === c.facility_id)!;
      const people = decimal(c.people, 0, 'az');
      const text = `${c.settlement} yaxınlığında bütün normalardan kənarda ${people} nəfər; ən yaxını: ${near.name_az}, orta hesabla ${decimal(c.mean_min, 0, 'az')} dəq`;
      await until(() => page.locator('#tooltip').textContent()).toBe(text);
      expect(englishLeft(text)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-az-gaps.png') });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('lists facilities in Azerbaijani order; saves and says so in Azerbaijani; a broken file’s diagnostics in Azerbaijani', async () => {
    const { page, errors } = await openStudio(browser, served, 1400);
    try {
      const names = await page.locator('#facility-select option').allTextContents();
      const at = (start: string) => names.findIndex((n) => n.startsWith(start));
      // ş after s, x after h and before ı and i: the Azerbaijani alphabet, not the Latin one.
      expect(at('Sumqayıt')).toBeLessThan(at('Şabran'));
      expect(at('Xaçmaz')).toBeLessThan(at('İmişli'));
      expect(at('Hacıqabul')).toBeLessThan(at('Xaçmaz'));

      await page.locator('#save-plan').click();
      expect(await page.locator('#confirm-title').textContent()).toBe('Planın özü saxlanılsın?');
      expect(await page.locator('#confirm-text').textContent()).toMatch(
        /^Dəyişikliklər .*dost\.yaml faylının özünə yazılır/,
      );
      await page.locator('#confirm-cancel').click();
      await page.locator('#save-scenario').click();
      await until(() => page.locator('#status').textContent()).toMatch(/dost\.scenario\.yaml saxlanıldı\.$/);

      const rev = await revision(page);
      writeFileSync(plan, `${original}\n  - id: [unclosed\n`);
      await until(() => page.locator('#diagnostics').isVisible(), 20_000).toBe(true);
      expect(await page.locator('#diagnostics-title').textContent()).toBe('Plan faylı oxunmur');
      const listed = (await page.locator('#diagnostics-list').textContent())!;
      expect(listed).toMatch(/dost\.yaml:\d+:\d+ xəta /);
      expect(englishLeft(listed)).toEqual([]);
      expect(await revision(page)).toBeGreaterThan(rev);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-az-diagnostics.png') });
      writeFileSync(plan, original);
      await until(() => page.locator('#diagnostics').isVisible(), 20_000).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      writeFileSync(plan, original);
    }
  });
});
