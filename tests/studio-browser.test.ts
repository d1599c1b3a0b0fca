/**
 * The studio of `dostplan serve` as a planner uses it, in the project's headless Chromium
 * (tests/browser.ts): the CLI started as a child process with `--port 0` on a copy of the DOST
 * plan, the page opened from the URL it prints. Every figure the page shows is checked against
 * `dostplan coverage --format json` run on a plan file that holds the same facilities.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, classColor, GAPS_SCALE, TRAVEL_TIME_SCALE } from '../src/render/palette.js';
import type { State } from '../src/web/api.js';
import { launchChromium } from './browser.js';
import { cli, ROOT } from './helpers.js';
import {
  api,
  cliCoverage,
  openStudio,
  revision,
  screenPoint,
  type Served,
  startServe,
  stopServe,
  until,
  withBranch,
  withFacility,
} from './studio-helpers.js';

/** Screenshots: test-artifacts/, or STUDIO_SHOTS=docs/images for the guide's (docs/guide.md). */
const ARTIFACTS = resolve(ROOT, process.env.STUDIO_SHOTS || 'test-artifacts');
/**
 * A spot 7 km south-east of the Aghstafa district seat (data/regions.json admin_center 41.1189,
 * 45.4539), where the plan's branch B-AGA stands and opens only in 2027; off its marker, so the
 * click lands on the map.
 */
const AGHSTAFA = { lat: 41.07, lon: 45.52 };
/** Where the test drags the new branch: 6 km south-west of the Gazakh seat (41.0925, 45.3656; branch B-QAZ). */
const GAZAKH = { lat: 41.05, lon: 45.3 };

const shown = (percent: number) => `${percent.toFixed(2)} %`;

describe('dostplan serve: the planning studio in headless Chromium', () => {
  let dir: string;
  let plan: string;
  let original: string;
  let served: Served;
  let browser: Browser;
  let years: number[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dostplan-studio-'));
    plan = join(dir, 'dost.yaml');
    copyFileSync(join(ROOT, 'plans', 'dost.yaml'), plan);
    original = readFileSync(plan, 'utf8');
    [served, browser] = await Promise.all([startServe(plan), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServe(served);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The page at a width, loaded and showing figures; console errors and failed requests collected. */
  async function open(width: number): Promise<{ page: Page; errors: string[] }> {
    const opened = await openStudio(browser, served, width);
    years = (await api<State>(opened.page, '/api/state')).plan.years;
    return opened;
  }

  const covered = (page: Page) => page.locator('#national-covered').textContent();

  /** The year on the slider, by keyboard: Home goes to the first year, then → a year at a time. */
  async function setYear(page: Page, year: number): Promise<void> {
    await page.locator('#year').focus();
    await page.keyboard.press('Home');
    for (let y = years[0]!; y < year; y++) await page.keyboard.press('ArrowRight');
    await until(() => page.locator('body').getAttribute('data-year')).toBe(String(year));
  }

  async function facility(page: Page, id: string) {
    return (await api<State>(page, '/api/state')).plan.facilities.find((f) => f.id === id);
  }

  for (const width of [1400, 390]) {
    it(`loads at ${width} px without console errors: a polygon per unit, every facility, the figures of the last year`, async () => {
      const { page, errors } = await open(width);
      try {
        const map = await api<MapData>(page, '/api/map');
        const state = await api<State>(page, '/api/state');
        // One polygon per unit of the dataset (77: the units under the autonomous republic level).
        expect(map.features.length).toBe(77);
        const drawn = await page
          .locator('svg.map path.unit')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
        expect(drawn.sort()).toEqual(map.features.map((f) => f.properties.id).sort());
        expect(await page.locator('svg.map .facility').count()).toBe(state.plan.facilities.length);
        const last = years.at(-1)!;
        expect(await page.locator('body').getAttribute('data-year')).toBe(String(last));
        expect(await covered(page)).toBe(shown(cliCoverage(plan, last)));
        expect(await page.locator('#legend').textContent()).toContain('no open facility reachable');
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
        const mapBox = (await page.locator('svg.map').boundingBox())!;
        expect(mapBox.width).toBeGreaterThan(width > 900 ? 800 : 350);
        await page.screenshot({ path: join(ARTIFACTS, `studio-${width}.png`), fullPage: width < 900 });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  let added: { id: string; lat: number; lon: number; percent: number; region: string; center: string };

  it('a branch added by clicking the Aghstafa seat in 2026 gives the coverage of the plan with that branch', async () => {
    const { page, errors } = await open(1400);
    try {
      await setYear(page, 2026);
      const before = cliCoverage(plan, 2026);
      expect(await covered(page)).toBe(shown(before));
      const [x, y] = await screenPoint(page, AGHSTAFA);
      await page.mouse.click(x, y);
      expect(await page.locator('#add-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      const lat = Number(await page.locator('#add-lat').inputValue());
      const lon = Number(await page.locator('#add-lon').inputValue());
      // The click lands within a pixel of the seat: ~0.5 km at this zoom.
      expect(Math.abs(lat - AGHSTAFA.lat)).toBeLessThan(0.01);
      expect(Math.abs(lon - AGHSTAFA.lon)).toBeLessThan(0.01);
      expect(await page.locator('#add-opens').inputValue()).toBe('2026-01-01');
      await page.locator('#add-kind').selectOption('branch');
      await page.locator('#add-name').fill('Aghstafa early branch');
      const rev = await revision(page);
      await page.locator('#add-submit').click();
      await until(() => revision(page)).toBeGreaterThan(rev);
      const state = await api<State>(page, '/api/state');
      const f = state.plan.facilities.find((g) => g.name === 'Aghstafa early branch')!;
      expect(f).toBeDefined();
      expect(f.kind).toBe('branch');
      expect(f.region).toBe('AZ-AGA');
      expect([f.lat, f.lon]).toEqual([lat, lon]);
      const file = join(dir, 'by-hand.yaml');
      const where = { region: f.region, center: f.parent! };
      writeFileSync(file, withBranch(original, { id: 'T-AGA', lat, lon, opens: '2026-01-01', ...where }));
      const after = cliCoverage(file, 2026);
      expect(after).toBeGreaterThan(before);
      await until(() => covered(page)).toBe(shown(after));
      added = { id: f.id, lat: f.lat, lon: f.lon, percent: after, ...where };
      expect(await page.locator('#facility-select').inputValue()).toBe(f.id);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-added.png') });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('dragging the branch to Gazakh moves it there; Undo, Ctrl-Z and Ctrl-Shift-Z step through the moves', async () => {
    const { page, errors } = await open(1400);
    try {
      await setYear(page, 2026);
      expect(await covered(page)).toBe(shown(added.percent));
      const [x0, y0] = await screenPoint(page, added);
      const [x1, y1] = await screenPoint(page, GAZAKH);
      const rev = await revision(page);
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 8, y0 + ((y1 - y0) * i) / 8);
      await page.mouse.up();
      await until(() => revision(page)).toBeGreaterThan(rev);
      const moved = (await facility(page, added.id))!;
      expect(Math.abs(moved.lat - GAZAKH.lat)).toBeLessThan(0.01);
      expect(Math.abs(moved.lon - GAZAKH.lon)).toBeLessThan(0.01);
      const file = join(dir, 'moved-by-hand.yaml');
      const hand = { id: 'T-AGA', lat: moved.lat, lon: moved.lon, opens: '2026-01-01' };
      writeFileSync(file, withBranch(original, { ...hand, region: moved.region, center: moved.parent! }));
      const atGazakh = cliCoverage(file, 2026);
      expect(atGazakh).not.toBe(added.percent);
      await until(() => covered(page)).toBe(shown(atGazakh));

      await page.locator('#undo').click();
      await until(async () => (await facility(page, added.id))?.lat).toBe(added.lat);
      await until(() => covered(page)).toBe(shown(added.percent));

      await page.locator('#redo').focus();
      await page.keyboard.press('Control+Shift+Z');
      await until(async () => (await facility(page, added.id))?.lat).toBe(moved.lat);
      await until(() => covered(page)).toBe(shown(atGazakh));

      await page.keyboard.press('Control+Z');
      await until(async () => (await facility(page, added.id))?.lat).toBe(added.lat);
      await until(() => covered(page)).toBe(shown(added.percent));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the year slider shows each year’s figures and the facilities’ states in it', async () => {
    const { page, errors } = await open(390);
    try {
      await setYear(page, 2019);
      expect(await covered(page)).toBe(shown(cliCoverage(plan, 2019)));
      expect(await page.locator('#national-title').textContent()).toBe('Nation, 2019');
      // The new branch opens in 2026: planned (white, dashed) in 2019.
      expect(await page.locator(`.facility[data-id="${added.id}"]`).getAttribute('class')).toContain(
        'facility-planned',
      );
      await setYear(page, 2026);
      expect(await page.locator(`.facility[data-id="${added.id}"]`).getAttribute('class')).toContain('facility-open');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the map by mean travel time: each unit in the class of its minutes from `dostplan distances`, dark grey where nothing is reachable', async () => {
    const { page, errors } = await open(1400);
    try {
      await setYear(page, 2026);
      await page.locator('#measure').selectOption('travel-time');
      await until(() => page.locator('body').getAttribute('data-measure')).toBe('travel-time');
      expect(await page.locator('#legend').textContent()).toContain(TRAVEL_TIME_SCALE.title);
      // The session's plan: the original with the added branch (written by hand in by-hand.yaml).
      const r = cli(['distances', join(dir, 'by-hand.yaml'), '--year', '2026', '--by', 'region', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const groups: { id: string; any: { population: number; unserved: number; mean_min: number | null } }[] =
        JSON.parse(r.stdout).groups;
      const expected = Object.fromEntries(
        groups
          .filter((g) => g.any.population > 0)
          .map((g) => [
            g.id,
            g.any.unserved >= g.any.population ? CONTEXT.unreachable : classColor(TRAVEL_TIME_SCALE, g.any.mean_min),
          ]),
      );
      const fills = Object.fromEntries(
        await page
          .locator('svg.map path.unit')
          .evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('fill')])),
      );
      for (const [id, colour] of Object.entries(expected))
        if (id in fills) expect([id, fills[id]]).toEqual([id, colour]);
      // Nakhchivan has no open facility in 2026 and cannot be reached across Armenia.
      expect(fills['AZ-SAR']).toBe(CONTEXT.unreachable);
      expect(Object.keys(expected).filter((id) => id in fills).length).toBeGreaterThan(60);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the travel-time surface and the gap map: the bands of /api/surface in the class colours, a circle per cluster of /api/gaps', async () => {
    const { page, errors } = await open(1400);
    try {
      await setYear(page, 2026);
      await page.locator('#measure').selectOption('surface');
      await until(() => page.locator('body').getAttribute('data-measure')).toBe('surface');
      // Cumulative bands at the class edges and one reaching every reachable cell, widest first.
      const bands = await page
        .locator('svg.map path.land-band')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-max-min'), e.getAttribute('fill'), e.getAttribute('d')!.length > 0]),
        );
      const edges = [1440, 60, 45, 30, 20, 10];
      const from = [60, 45, 30, 20, 10, 0];
      expect(bands).toEqual(edges.map((m, i) => [String(m), classColor(TRAVEL_TIME_SCALE, from[i]!), true]));
      // Nakhchivan reaches no open facility in 2026: its unit stays dark grey under the surface.
      const sar = page.locator('svg.map path.unit[data-id="AZ-SAR"]');
      expect(await sar.getAttribute('fill')).toBe(CONTEXT.unreachable);
      await page.locator('#measure').selectOption('gaps');
      await until(() => page.locator('body').getAttribute('data-measure')).toBe('gaps');
      expect(await page.locator('#legend').textContent()).toContain(GAPS_SCALE.title);
      const gaps = await api<{ features: unknown[] }>(page, '/api/gaps?year=2026');
      expect(gaps.features.length).toBeGreaterThan(10);
      expect(await page.locator('svg.map circle.unserved').count()).toBe(gaps.features.length);
      expect(await page.locator('svg.map path.land-band').count()).toBe(6);
      // Another year: the layer follows the slider.
      await setYear(page, 2030);
      const later = await api<{ features: unknown[] }>(page, '/api/gaps?year=2030');
      await until(() => page.locator('svg.map circle.unserved').count()).toBe(later.features.length);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-gaps.png') });
      await page.locator('#measure').selectOption('coverage');
      await until(() => page.locator('svg.map path.land-band').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Suggest sites shows the optimizer’s candidates; adding one gives the coverage of the plan with a center there', async () => {
    const { page, errors } = await open(1400);
    try {
      await setYear(page, 2026);
      expect(await covered(page)).toBe(shown(added.percent));
      await page.locator('#suggest-k').fill('2');
      await page.locator('#suggest-kind').selectOption('center');
      await page.locator('#suggest-run').click();
      await until(() => page.locator('#suggest-list li').count(), 60_000).toBe(2);
      expect(await page.locator('svg.map .candidate').count()).toBe(2);
      // The same question asked of the API gives the same sites (the optimizer is deterministic).
      const answer = await page.evaluate(() =>
        fetch('/api/suggest', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ k: 2, year: 2026, kind: 'center' }),
        }).then((r) => r.json()),
      );
      const first = answer.candidates[0] as { lat: number; lon: number; gain_people: number };
      expect(first.gain_people).toBeGreaterThan(0);
      expect(await page.locator('#suggest-list li').first().textContent()).toContain(first.lat.toFixed(3));
      const rev = await revision(page);
      await page.locator('#suggest-list button.accept').first().click();
      await until(() => revision(page)).toBeGreaterThan(rev);
      const state = await api<State>(page, '/api/state');
      const center = state.plan.facilities.find((f) => f.lat === first.lat && f.lon === first.lon)!;
      expect(center.kind).toBe('center');
      expect(await page.locator('#suggest-list li').count()).toBe(0);
      const file = join(dir, 'suggested-by-hand.yaml');
      const branch = {
        id: 'T-AGA',
        lat: added.lat,
        lon: added.lon,
        opens: '2026-01-01',
        region: added.region,
        center: added.center,
      };
      const site = { id: 'T-SITE', lat: center.lat, lon: center.lon, opens: '2026-01-01', region: center.region };
      writeFileSync(file, withFacility(withBranch(original, branch), 'center', site));
      const expected = cliCoverage(file, 2026);
      expect(expected).toBeGreaterThan(added.percent);
      await until(() => covered(page)).toBe(shown(expected));
      await page.screenshot({ path: join(ARTIFACTS, 'studio-suggested.png') });
      // Taken back, for the tests after this one.
      await page.locator('#undo').click();
      await until(() => covered(page)).toBe(shown(added.percent));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the facility form re-dates and closes: Guba a year late, Tartar closed mid-2026, each = coverage of that plan file', async () => {
    const { page, errors } = await open(1400);
    try {
      await setYear(page, 2026);
      expect(await covered(page)).toBe(shown(added.percent));
      const branch = {
        id: 'T-AGA',
        lat: added.lat,
        lon: added.lon,
        opens: '2026-01-01',
        region: added.region,
        center: added.center,
      };
      const session = withBranch(original, branch);
      const expectFile = async (name: string, text: string) => {
        expect(text).not.toBe(session);
        writeFileSync(join(dir, name), text);
        await until(() => covered(page)).toBe(shown(cliCoverage(join(dir, name), 2026)));
      };

      await page.locator('#facility-select').selectOption('GUB');
      expect(await page.locator('#f-opens').inputValue()).toBe('2026');
      await page.locator('#f-opens').fill('2027');
      await page.locator('#f-dates').click();
      await until(async () => String((await facility(page, 'GUB'))?.opens)).toBe('2027');
      await expectFile('guba-late.yaml', session.replace(/(- id: GUB\n(?:.*\n)*?\s+opens: )2026/, '$12027'));
      expect(await page.locator('.facility[data-id="GUB"]').getAttribute('class')).toContain(
        'facility-under_construction',
      );
      await page.locator('#undo').click();
      await until(() => covered(page)).toBe(shown(added.percent));

      // Typed coordinates move a facility as a drag does (the keyboard's way to move one).
      await page.locator('#facility-select').selectOption('B-QAZ');
      await page.locator('#f-lat').fill('41.05');
      await page.locator('#f-lon').fill('45.3');
      await page.locator('#f-move').click();
      await until(async () => {
        const f = await facility(page, 'B-QAZ');
        return [f?.lat, f?.lon];
      }).toEqual([41.05, 45.3]);
      await page.locator('#undo').click();
      await until(async () => (await facility(page, 'B-QAZ'))?.lat).toBe(41.0925);

      await page.locator('#facility-select').selectOption('B-TAR');
      await page.locator('#f-close-date').fill('2026-06-30');
      await page.locator('#f-close').click();
      await until(async () => String((await facility(page, 'B-TAR'))?.closes)).toBe('2026-06-30');
      await expectFile(
        'tartar-closed.yaml',
        session.replace(/(- id: B-TAR\n(?:.*\n)*?\s+opens: 2026-01-22\n)/, '$1    closes: 2026-06-30\n'),
      );
      expect(await page.locator('.facility[data-id="B-TAR"]').getAttribute('class')).toContain('facility-closed');
      await page.locator('#undo').click();
      await until(() => covered(page)).toBe(shown(added.percent));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Save scenario writes a scenario beside the plan that passes validate --strict and timeline', async () => {
    const { page, errors } = await open(1400);
    try {
      await page.locator('#save-scenario').click();
      await until(() => page.locator('#status').textContent()).toMatch(/^Saved /);
      const saved = (await page.locator('#status').textContent())!.replace(/^Saved /, '').replace(/( \(.*\))?\.$/, '');
      const scenario = saved.startsWith('/') ? saved : join(dir, 'dost.scenario.yaml');
      const text = readFileSync(scenario, 'utf8');
      expect(text).toContain('Aghstafa early branch');
      const v = cli(['validate', '--strict', scenario]);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      const t = cli(['timeline', scenario, '--format', 'json']);
      expect(t.code, t.stderr).toBe(0);
      const y2026 = JSON.parse(t.stdout).years.find((y: { year: number }) => y.year === 2026);
      expect(y2026.opened).toContain(added.id);
      // The figures of the scenario are the page's.
      expect(cliCoverage(scenario, 2026)).toBe(added.percent);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Save plan, after a confirmation, writes the edits into the plan file with its comments kept', async () => {
    const { page, errors } = await open(1400);
    try {
      await page.locator('#save-plan').click();
      expect(await page.locator('#confirm-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      // Cancel writes nothing.
      await page.locator('#confirm-cancel').click();
      expect(readFileSync(plan, 'utf8')).toBe(original);
      await page.locator('#save-plan').click();
      await page.locator('#confirm-ok').click();
      await until(() => page.locator('#status').textContent()).toMatch(/^Saved /);
      const text = readFileSync(plan, 'utf8');
      expect(text).toContain('Aghstafa early branch');
      // The comments of the file are still there.
      expect(text.split('\n').slice(0, 4)).toEqual(original.split('\n').slice(0, 4));
      expect(text).toContain('# The 47 branches of the Aug 2021 statement');
      const v = cli(['validate', '--strict', plan]);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(cliCoverage(plan, 2026)).toBe(added.percent);
      await setYear(page, 2026);
      await until(() => covered(page)).toBe(shown(added.percent));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('editing the plan file on disk updates the page; an invalid file shows file:line:col and keeps the last state', async () => {
    const { page, errors } = await open(1400);
    try {
      // Back to the plan as on disk, so the page's figures are the file's.
      while (await page.locator('#undo').isEnabled()) {
        const rev = await revision(page);
        await page.locator('#undo').click();
        await until(() => revision(page)).toBeGreaterThan(rev);
      }
      await setYear(page, 2026);
      expect(await covered(page)).toBe(shown(cliCoverage(plan, 2026)));
      const good = await covered(page);

      const rev = await revision(page);
      writeFileSync(plan, original.replace('years: { from: 2019, to: 2030 }', 'years: { from: 2019, to: 2030'));
      await until(() => page.locator('#diagnostics').isVisible(), 20_000).toBe(true);
      expect(await page.locator('#diagnostics-list').textContent()).toMatch(/dost\.yaml:\d+:\d+/);
      expect(await covered(page)).toBe(good);
      expect(await revision(page)).toBeGreaterThanOrEqual(rev);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-diagnostics.png') });

      // Aghstafa's branch a year early, in the file: the page follows it.
      const earlier = original.replace(/(- id: B-AGA\n(?:.*\n)*?\s+opens: )2027/, (_, head: string) => `${head}2026`);
      expect(earlier).not.toBe(original);
      writeFileSync(plan, earlier);
      await until(() => page.locator('#diagnostics').isVisible(), 20_000).toBe(false);
      const expected = cliCoverage(plan, 2026);
      expect(shown(expected)).not.toBe(good);
      await until(() => covered(page), 20_000).toBe(shown(expected));
      // Console errors: none but the 4xx/5xx of nothing.
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      writeFileSync(plan, original);
    }
  });

  it('works from the keyboard: Tab reaches every control, Enter adds a facility, Ctrl-Z takes it back', async () => {
    const { page, errors } = await open(1400);
    try {
      const reached = new Set<string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.id ?? '');
        if (id) reached.add(id);
      }
      const controls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input, select')]
          .filter((e) => !e.closest('dialog, [hidden]') && !(e as HTMLButtonElement).disabled)
          .map((e) => e.id),
      );
      expect(controls.length).toBeGreaterThan(10);
      expect(controls.filter((id) => !reached.has(id))).toEqual([]);
      // The focused control is outlined.
      await page.locator('#add').focus();
      const outline = await page.locator('#add').evaluate((e) => getComputedStyle(e).outlineStyle);
      expect(outline).not.toBe('none');

      // Space and Enter press buttons: zoom in, then back to the whole country.
      const whole = await page.locator('svg.map').getAttribute('viewBox');
      await page.locator('#zoom-in').focus();
      await page.keyboard.press('Space');
      expect(await page.locator('svg.map').getAttribute('viewBox')).not.toBe(whole);
      await page.locator('#zoom-reset').focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('svg.map').getAttribute('viewBox')).toBe(whole);

      const count = (await api<State>(page, '/api/state')).plan.facilities.length;
      await page.locator('#add').focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('#add-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      await page.keyboard.type('40.5');
      await page.keyboard.press('Tab');
      await page.keyboard.type('48.2');
      await page.locator('#add-name').focus();
      await page.keyboard.type('Keyboard branch');
      const rev = await revision(page);
      await page.keyboard.press('Enter');
      await until(() => revision(page)).toBeGreaterThan(rev);
      const state = await api<State>(page, '/api/state');
      expect(state.plan.facilities.length).toBe(count + 1);
      const f = state.plan.facilities.find((g) => g.name === 'Keyboard branch')!;
      expect([f.lat, f.lon]).toEqual([40.5, 48.2]);

      await page.locator('#year').focus();
      await page.keyboard.press('Control+Z');
      await until(async () => (await api<State>(page, '/api/state')).plan.facilities.length).toBe(count);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a name full of HTML stays text: in the list, the details and the tooltip, and nothing runs', async () => {
    const { page, errors } = await open(1400);
    try {
      const name = '<img src=x onerror="window.pwned=1"><b>Bold</b> & "quoted"';
      const rev = await revision(page);
      await page.locator('#add').click();
      await page.locator('#add-lat').fill('40.6');
      await page.locator('#add-lon').fill('47.5');
      await page.locator('#add-name').fill(name);
      await page.locator('#add-submit').click();
      await until(() => revision(page)).toBeGreaterThan(rev);
      const f = (await api<State>(page, '/api/state')).plan.facilities.find((g) => g.name === name)!;
      expect(f).toBeDefined();
      expect(await page.locator('#facility-select option:checked').textContent()).toBe(`${name} (${f.id})`);
      expect(await page.locator('#facility-figures dd').first().textContent()).toBe(name);
      const [x, y] = await screenPoint(page, f);
      await page.mouse.move(x, y);
      await until(() => page.locator('#tooltip strong').textContent()).toBe(`${name} (${f.id})`);
      expect(await page.locator('img, b').count()).toBe(0);
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      await page.locator('#undo').click();
      await expect
        .poll(async () => (await api<State>(page, '/api/state')).plan.facilities.some((g) => g.name === name))
        .toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('1,000 rapid moves from two tabs leave one state that both tabs show, with the server’s memory flat', async () => {
    const a = await open(1400);
    const b = await open(390);
    try {
      // Each tab moves its own branch back and forth 500 times, ending on the second spot.
      const spots = {
        'B-AGA': [AGHSTAFA, { lat: 41.16, lon: 45.4 }],
        'B-QAZ': [GAZAKH, { lat: 41.13, lon: 45.33 }],
      };
      const rss = () =>
        Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${served.child.pid}/status`, 'utf8'))![1]) * 1024;
      const burst = (page: Page, id: keyof typeof spots, n: number) =>
        page.evaluate(
          async ({ id, spots, n }) => {
            for (let i = 0; i < n; i++) {
              const at = spots[i % 2]!;
              const res = await fetch('/api/edit', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ op: 'move', id, lat: at.lat, lon: at.lon }),
              });
              if (!res.ok) throw new Error(`edit ${i}: ${res.status} ${await res.text()}`);
            }
          },
          { id, spots: spots[id], n },
        );
      await Promise.all([burst(a.page, 'B-AGA', 50), burst(b.page, 'B-QAZ', 50)]);
      const before = rss();
      await Promise.all([burst(a.page, 'B-AGA', 500), burst(b.page, 'B-QAZ', 500)]);
      const state = await api<State>(a.page, '/api/state');
      const at = (id: string) => state.plan.facilities.find((f) => f.id === id)!;
      expect([at('B-AGA').lat, at('B-AGA').lon]).toEqual([41.16, 45.4]);
      expect([at('B-QAZ').lat, at('B-QAZ').lon]).toEqual([41.13, 45.33]);
      // Both tabs catch up with the last revision and show the same figures: those of the plan file
      // with the two branches where the last moves put them.
      const file = join(dir, 'soak-by-hand.yaml');
      writeFileSync(
        file,
        original
          .replace(/(- id: B-AGA\n(?:.*\n)*?\s+location: )\{[^}]*\}/, '$1{ lat: 41.16, lon: 45.4 }')
          .replace(/(- id: B-QAZ\n(?:.*\n)*?\s+location: )\{[^}]*\}/, '$1{ lat: 41.13, lon: 45.33 }'),
      );
      const year = Number(await a.page.locator('body').getAttribute('data-year'));
      const expected = shown(cliCoverage(file, year));
      for (const { page } of [a, b]) {
        await until(() => revision(page), 30_000).toBe(state.revision);
        await until(() => covered(page), 30_000).toBe(expected);
      }
      // A thousand undoable edits cost the server little: no leak per edit or per event.
      expect(rss() - before).toBeLessThan(64 * 1024 * 1024);
      expect([...a.errors, ...b.errors]).toEqual([]);
    } finally {
      await a.page.close();
      await b.page.close();
    }
  }, 300_000);

  it('Ctrl-C stops the server cleanly; the open page says it lost the server instead of failing silently', async () => {
    const { page, errors } = await open(1400);
    try {
      const exited = new Promise<number | null>((r) => served.child.once('exit', (code) => r(code)));
      served.child.kill('SIGINT');
      expect(await exited).toBe(0);
      await until(() => page.locator('#status').textContent(), 20_000).toContain('lost');
      expect(await page.locator('#status').getAttribute('class')).toContain('error');
      // The browser's own retry messages are all it logs.
      expect(
        errors.filter((e) => !/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(e)),
      ).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
