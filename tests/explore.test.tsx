import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { exploreData } from '../src/analysis/explore-data.js';
import { resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { App, bar } from '../src/render/explore/app.js';
import { cli, ROOT } from './helpers.js';

const { regions, points } = embedded();
const plan = loadPlan(join(ROOT, 'plans', 'dost.yaml')).plan!;
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
  it('sorts the unit table with s and lists the selected unit’s facilities', async () => {
    const { lastFrame, stdin, unmount } = render(<App data={data} />);
    await tick();
    expect(lastFrame()).toContain('sort: coverage');
    stdin.write('s');
    await tick();
    expect(lastFrame()).toContain('sort: population');
    // By population, Baku comes first and its five centers are listed.
    expect(lastFrame()).toMatch(/Facilities in Baku:/);
    expect(lastFrame()).toContain('BAK-1');
    stdin.write(ARROW.down);
    await tick();
    expect(lastFrame()).toMatch(/Facilities in Absheron:/);
    unmount();
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
