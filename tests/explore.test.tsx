import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { exploreData } from '../src/analysis/explore-data.js';
import { resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { App, bar } from '../src/render/explore/app.js';
import { cli, ROOT } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

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
