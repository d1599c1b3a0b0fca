import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { exploreData } from '../src/analysis/explore-data.js';
import { resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { App, bar } from '../src/render/explore/app.js';
import { BIN, cli, ROOT } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';
import { Locale } from '../src/model/locale.js';
import { localNames } from '../src/model/local-names.js';
import { facilitiesOf } from '../src/model/plan.js';
import { compareAzerbaijani } from '../src/model/azerbaijani-order.js';
import { englishLeft } from './english-words.js';
import { groupName } from '../src/render/coverage.js';

const run = new RunContext();

const { regions, points } = embedded();
const plan = loadPlan(run, join(ROOT, 'plans', 'dost.yaml')).plan!;
const data = exploreData(plan, { points, scaled: true }, regions, resolveSettings(plan));
const tick = () => new Promise((r) => setTimeout(r, 20));
const ARROW = { left: '\u001b[D', right: '\u001b[C', down: '\u001b[B' };

describe('dostplan explore (ink)', () => {
  it('opens on the last year, fits 80×24', () => {
    const { lastFrame, unmount } = render(<App data={data} />);
    const frame = lastFrame()!;
    expect(frame).toContain('◀ 2030 ▶');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    unmount();
  });
  it('moves through the years with ←/→ and shows that year’s coverage', async () => {
    const { lastFrame, stdin, unmount } = render(<App data={data} />);
    await tick();
    stdin.write(ARROW.left);
    await tick();
    expect(lastFrame()).toContain('◀ 2029 ▶');
    const y2029 = data.years.find((y) => y.year === 2029)!;
    expect(lastFrame()).toContain(`${y2029.percent.toFixed(1)}%`);
    stdin.write(ARROW.right);
    stdin.write(ARROW.right);
    await tick();
    expect(lastFrame()).toContain('◀ 2030 ▶');
    unmount();
  });
  it('sorts the unit table with s, keeps the selected unit selected, lists its facilities', async () => {
    const { lastFrame, stdin, unmount } = render(<App data={data} />);
    await tick();
    expect(lastFrame()).toContain('sort: coverage');
    const last = data.years[data.years.length - 1]!.regions;
    const worst = [...last].sort((a, b) => a.percent - b.percent || a.code.localeCompare(b.code))[0]!;
    expect(lastFrame()).toContain(`Facilities in ${worst.name}:`);
    stdin.write('s');
    await tick();
    expect(lastFrame()).toContain('sort: population');
    // Still the same unit after re-sorting.
    expect(lastFrame()).toContain(`Facilities in ${worst.name}:`);
    // By population Baku is the top row, with its five centers.
    for (let i = 0; i < 80; i++) {
      stdin.write('\u001b[A');
      await new Promise((r) => setTimeout(r, 2));
    }
    await tick();
    expect(lastFrame()).toMatch(/Facilities in Baku:/);
    expect(lastFrame()).toContain('BAK-1');
    stdin.write(ARROW.down);
    await tick();
    expect(lastFrame()).toMatch(/Facilities in Absheron:/);
    unmount();
  });
  it('uses the terminal height for the unit table and says what mean km is measured to', () => {
    const unitRows = (frame: string) => frame.split('\n').filter((l) => /^AZ-[A-Z]+ /.test(l)).length;
    const small = render(<App data={data} height={24} />);
    const tall = render(<App data={data} height={40} />);
    const a = small.lastFrame()!,
      b = tall.lastFrame()!;
    expect(a.split('\n').length).toBeLessThanOrEqual(23);
    expect(b.split('\n').length).toBeLessThanOrEqual(39);
    // 16 more terminal rows, 16 more units shown.
    expect(unitRows(b) - unitRows(a)).toBe(16);
    expect(a).toContain('mean km: population-weighted, to the nearest open center or branch');
    small.unmount();
    tall.unmount();
  });
  it('q quits: later keys change nothing', async () => {
    const { lastFrame, stdin, unmount } = render(<App data={data} />);
    await tick();
    stdin.write('q');
    await tick();
    const before = lastFrame();
    stdin.write(ARROW.left);
    await tick();
    expect(lastFrame()).toBe(before);
    unmount();
  });
  it('draws bars in proportion', () => {
    expect(bar(50, 10)).toBe('█████░░░░░');
    expect(bar(100, 4)).toBe('████');
  });
  it('falls back to plain text when stdout is not a TTY', () => {
    const r = cli(['explore']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Coverage in 2030');
  });
});

describe('dostplan explore --lang az (ink)', () => {
  const NBSP = '\u00A0';
  const az = new Locale('az', localNames(regions.dataset, facilitiesOf(plan), regions.capital, plan));
  type Screen = { lastFrame(): string | undefined; stdin: { write(s: string): void } };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /**
   * Waits until every key pressed has been drawn: the screen unchanged for 200 ms (at most 10 s).
   * A fixed pause is not enough on a loaded machine.
   */
  const settle = async (r: Screen) => {
    let last = r.lastFrame();
    for (let t = 0, still = 0; t < 500 && still < 10; t++) {
      await sleep(20);
      const now = r.lastFrame();
      still = now === last ? still + 1 : 0;
      last = now;
    }
    return last!;
  };
  /** Presses a key that changes the screen and waits until it has (at most 10 s). */
  const press = async (r: Screen, key: string) => {
    const before = r.lastFrame();
    r.stdin.write(key);
    for (let t = 0; t < 500 && r.lastFrame() === before; t++) await sleep(20);
    return r.lastFrame()!;
  };
  /** ↑ until the top row is selected (one key at a time, as a person presses them). */
  const toTop = async (r: Screen) => {
    for (let i = 0; i < 90; i++) {
      r.stdin.write('\u001b[A');
      await sleep(2);
    }
    return settle(r);
  };
  /** The Azerbaijani way of an English figure: 2,363,678 → 2 363 678, 99.0% → 99,0 %. */
  const azFigure = (en: string) => en.replace(/,/g, NBSP).replace('.', ',').replace(/%$/, `${NBSP}%`);
  const lettersOf = (line: string) => [...line.normalize('NFC')].length;
  const rowOf = (frame: string, code: string) => frame.split('\n').find((l) => l.startsWith(`${code} `))!;

  it('speaks Azerbaijani: captions, headers, key hints, place names, the plan’s name', () => {
    const { lastFrame, unmount } = render(<App data={data} locale={az} />);
    const lines = lastFrame()!.split('\n');
    expect(lines[0]).toMatch(/^DOST şəbəkəsi \(əsas plan\)\s+◀ 2030 ▶ 2019 ·+● 2030 /);
    expect(lines[1]).toBe('İqtisadi rayonlar üzrə əhatə (fəaliyyətdəki mərkəz və ya filialın normasında)');
    // Economic regions by their Azerbaijani names, with Azerbaijani percentages.
    expect(lines[2]).toMatch(/^Abşeron-Xızı {9}[█░]{10} {1,3}\d{1,3}\u00A0% {2}Qarabağ /);
    const header = lines.find((l) => l.startsWith('inzibati vahid'))!;
    expect(header.split(/\s{2,}/)).toEqual(['inzibati vahid', 'əhali', 'əhatə', 'orta km', 'sıralama: əhatə']);
    expect(lines.at(-1)).toBe('←/→ il ↑/↓ vahid s sırala q çıxış ■ fəaliyyətdə □ hələ açılmayıb');
    expect(lines.at(-2)).toBe('orta km: əhaliyə görə çəkili, ən yaxın fəaliyyətdəki mərkəzə/filiala (model km)');
    unmount();
  });

  it('writes the English screen’s figures the Azerbaijani way (e.g. "72,9 %"): grouped thousands, decimal comma', async () => {
    const en = render(<App data={data} />);
    const ours = render(<App data={data} locale={az} />);
    // The country's share in 2030, from the data: one decimal, a comma, a no-break space before %.
    const total = data.years.at(-1)!.percent;
    expect(
      ours
        .lastFrame()!
        .split('\n')[0]!
        .endsWith(`2030 ${total.toFixed(1).replace('.', ',')}${NBSP}%`),
    ).toBe(true);
    // Baku's row (top by population): the English row's population, share and mean km, in Azerbaijani marks.
    for (const r of [en, ours]) {
      await settle(r);
      await press(r, 's');
      await toTop(r);
    }
    const [, pop, share, km] = rowOf(en.lastFrame()!, 'AZ-BA').split(/\s{2,}/);
    expect(pop).toMatch(/^\d{1,3}(,\d{3})+$/);
    const baku = rowOf(ours.lastFrame()!, 'AZ-BA');
    expect(baku.startsWith('AZ-BA Bakı ')).toBe(true);
    expect(baku.split(/ {2,}/).slice(1)).toEqual([azFigure(pop!), azFigure(share!), azFigure(km!)]);
    en.unmount();
    ours.unmount();
  });

  it('names the selected unit and its facilities in Azerbaijani, with Azerbaijani dates', async () => {
    const r = render(<App data={data} locale={az} />);
    await settle(r);
    await press(r, 's');
    const frame = await toTop(r);
    // BAK-1 opened on 2019-05-09 (plans/dost.yaml).
    expect(frame).toContain(
      'Bakı üzrə xidmət obyektləri:\n■ BAK-1 (mərkəz, 9 may 2019)  ■ BAK-2 (mərkəz, 24 dekabr 2019)',
    );
    r.unmount();
  });

  it('sorts by name in the Azerbaijani alphabet: Sumqayıt before Şəki, Qəbələ before Oğuz', async () => {
    const r = render(<App data={data} locale={az} />);
    await settle(r);
    for (let i = 0; i < 3; i++) await press(r, 's');
    expect(r.lastFrame()).toContain('sıralama: ad');
    let frame = await toTop(r);
    // Walk down the whole table; the codes in order of first appearance are the table's order.
    const order: string[] = [];
    for (let i = 0; i < data.years[0]!.regions.length; i++) {
      for (const m of frame.matchAll(/^(AZ-[A-Z]+) /gm)) if (!order.includes(m[1]!)) order.push(m[1]!);
      if (i < data.years[0]!.regions.length - 1) frame = await press(r, ARROW.down);
    }
    expect(order.length).toBe(data.years[0]!.regions.length);
    expect(order[0]).toBe('AZ-ABS'); // Abşeron
    expect(order.indexOf('AZ-SM')).toBeLessThan(order.indexOf('AZ-SAK')); // Sumqayıt, Şəki (English: Shaki, Sumgait)
    expect(order.indexOf('AZ-QAB')).toBeLessThan(order.indexOf('AZ-OGU')); // Qəbələ, Oğuz (English: Gabala … Oguz)
    const names = order.map((code) => groupName(code, data.years[0]!.regions.find((r) => r.code === code)!.name, az));
    expect(names).toEqual([...names].sort(compareAzerbaijani));
    r.unmount();
  });

  it('leaves no English on any screen: every sort, every year, every unit, after q; every line fits 80 letters', async () => {
    const r = render(<App data={data} locale={az} height={24} />);
    const frames = new Set<string>([await settle(r)]);
    for (let i = 0; i < 4; i++) frames.add(await press(r, 's'));
    for (let i = 1; i < data.years.length; i++) frames.add(await press(r, ARROW.left));
    // Every unit, from the top, in the first year (facilities not yet open among them).
    frames.add(await toTop(r));
    for (let i = 1; i < data.years[0]!.regions.length; i++) frames.add(await press(r, ARROW.down));
    r.stdin.write('q');
    frames.add(await settle(r));
    const text = [...frames].join('\n');
    expect(text).toContain('planlaşdırılmayıb'); // a unit without facilities was among them
    expect(text).toContain('□'); // and a facility not yet open
    expect(text).toMatch(/B-TAR \(filial, 22 yanvar 2026\)/);
    for (const sort of ['əhatə', 'əhali', 'məsafə', 'ad']) expect(text).toContain(`sıralama: ${sort}`);
    for (const frame of frames) {
      expect(englishLeft(frame)).toEqual([]);
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const l of lines) expect(lettersOf(l), l).toBeLessThanOrEqual(80);
    }
    r.unmount();
  });

  it('moves ↑/↓ in the order on screen even when keys come faster than the screen is redrawn', async () => {
    // Opens on the worst-covered unit, Lankaran (city) (0 people: counted in AZ-LAN). s s s sorts by
    // name and ↑ goes to the unit above it by name, Lankaran; before, ↑ typed in the same instant
    // moved in the previous order (by coverage, where it was already the top row) and stayed.
    for (const L of [undefined, az]) {
      const r = render(<App data={data} locale={L} />);
      await settle(r);
      r.stdin.write('s');
      r.stdin.write('s');
      r.stdin.write('s');
      r.stdin.write('\u001b[A');
      const frame = await settle(r);
      expect(frame).toContain(L ? 'sıralama: ad' : 'sort: name');
      expect(frame).toContain(L ? 'Lənkəran üzrə xidmət obyektləri:' : 'Facilities in Lankaran:');
      r.unmount();
    }
  });

  it('keeps English byte-identical when the run’s locale is English with place names', () => {
    const en = new Locale('en', localNames(regions.dataset, facilitiesOf(plan), regions.capital, plan));
    const a = render(<App data={data} />);
    const b = render(<App data={data} locale={en} />);
    expect(b.lastFrame()).toBe(a.lastFrame());
    a.unmount();
    b.unmount();
  });

  it('prints the first screen’s coverage in Azerbaijani when stdout is not a TTY', () => {
    const r = cli(['explore', '--lang', 'az']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2030-cu ildə əhatə /);
    expect(englishLeft(r.stdout)).toEqual([]);
  });

  it.skipIf(spawnSyncFails('script'))(
    'on a terminal, takes the plan’s language: az and quits on q',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dostplan-explore-'));
      const file = join(dir, 'az.yaml');
      writeFileSync(file, `extends: ${join(ROOT, 'plans', 'dost.yaml')}\nlanguage: az\n`);
      // script(1) gives the explorer a pseudo-terminal of 80 × 24; q is typed once the screen is drawn.
      const p = spawn(
        'script',
        ['-qfec', `stty cols 80 rows 24; '${process.execPath}' '${BIN}' explore '${file}'`, '/dev/null'],
        // Ink draws only the last frame when it thinks it runs in CI (CI=true, as CI runners set
        // it): the screen would come only after q, and q waits for the screen.
        { cwd: dir, env: { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' } },
      );
      // No Azerbaijani screen within 90 s (a loaded CI machine computes the 12 years slowly): end
      // script(1), which hangs up on the explorer.
      const watchdog = setTimeout(() => p.kill('SIGTERM'), 90_000);
      let out = '';
      p.stdout.on('data', (d: Buffer) => {
        const had = out.includes('çıxış');
        out += d.toString('utf8');
        if (!had && out.includes('çıxış')) setTimeout(() => p.stdin.write('q'), 300);
      });
      const code = await new Promise<number | null>((done) => p.on('exit', done));
      clearTimeout(watchdog);
      const screen = stripVTControlCharacters(out);
      expect(code).toBe(0);
      expect(screen).toContain('illər hesablanır'); // the progress bar before the first screen
      expect(screen).toContain('İqtisadi rayonlar üzrə əhatə');
      expect(screen).toMatch(/inzibati vahid\s+əhali\s+əhatə\s+orta km\s+sıralama: əhatə/);
      expect(screen).toMatch(/\d+,\d\u00A0%/);
      expect(screen).toContain('Abşeron-Xızı');
    },
    120_000,
  );
});

function spawnSyncFails(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0;
}
