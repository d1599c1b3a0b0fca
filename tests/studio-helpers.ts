/**
 * What the studio's browser tests share (tests/studio-browser.test.ts in English,
 * tests/studio-az.test.ts in Azerbaijani): `dostplan serve` started as a child process with
 * `--port 0`, a page opened on it with its console errors and off-server requests collected, the
 * page's own projection for clicks, and the CLI's figures to compare the page with — each CLI run
 * once per plan text and year (the suite shares two cores; a run costs seconds).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MapData } from '../src/web/api.js';
import { mapProjection, rewound } from '../src/web/projection.js';
import { BIN, cli, ROOT } from './helpers.js';

export interface Served {
  child: ChildProcess;
  url: string;
  stderr: string[];
}

/** `dostplan serve PLAN --port 0 [args]`; resolves with the URL on the first line of stdout. */
export function startServe(plan: string, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', plan, '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL from dostplan serve: ${stderr.join('')}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ child, url: line.trim(), stderr });
      }
    });
    child.on('exit', (code) => reject(new Error(`dostplan serve exited ${code}: ${stderr.join('')}`)));
  });
}

/** Ctrl-C to a server still running, and wait for it to exit. */
export async function stopServe(served: Served | undefined): Promise<void> {
  if (!served || served.child.exitCode !== null || served.child.signalCode !== null) return;
  const exited = new Promise((r) => served.child.once('exit', r));
  served.child.kill('SIGINT');
  await exited;
}

const runs = new Map<string, ReturnType<typeof cli>>();

/** `dostplan ARGS` on a plan file, run once per plan text and arguments (the answer is the same). */
function cliOn(plan: string, args: string[]): ReturnType<typeof cli> {
  const key = `${createHash('sha256').update(readFileSync(plan)).digest('hex')} ${args.join(' ')}`;
  let r = runs.get(key);
  if (!r) {
    r = cli([args[0]!, plan, ...args.slice(1)]);
    runs.set(key, r);
  }
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** National coverage of a plan file in a year, as `dostplan coverage --format json` prints it. */
export const cliCoverage = (plan: string, year: number): number =>
  JSON.parse(cliOn(plan, ['coverage', '--year', String(year), '--format', 'json']).stdout).percent;

/** `dostplan coverage --lang az` on a plan file in a year: its text table. */
export const cliCoverageAz = (plan: string, year: number): string =>
  cliOn(plan, ['coverage', '--year', String(year), '--lang', 'az']).stdout;

/** The plan text with one more center or branch (the studio's add, written by hand). */
export function withFacility(
  text: string,
  kind: 'center' | 'branch',
  f: { id: string; lat: number; lon: number; opens: string; region: string; center?: string },
): string {
  const entry = [
    `  - id: ${f.id}`,
    `    name: Test ${kind} ${f.id}`,
    ...(kind === 'branch' ? [`    center: ${f.center}`] : []),
    `    region: ${f.region}`,
    `    location: { lat: ${f.lat}, lon: ${f.lon} }`,
    '    status: planned',
    `    opens: ${f.opens}`,
    '',
  ].join('\n');
  const list = text.indexOf(kind === 'branch' ? '\nbranches:' : '\ncenters:');
  const at = text.indexOf('\n  - id: ', list) + 1;
  return text.slice(0, at) + entry + text.slice(at);
}

export const withBranch = (
  text: string,
  b: { id: string; lat: number; lon: number; opens: string; region: string; center: string },
) => withFacility(text, 'branch', b);

/**
 * Polls until the value matches: the server answers edits in tens of milliseconds, but the whole
 * suite shares two cores, so the page may take seconds to catch up.
 */
export const until = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout, interval: 100 });

/** The page at a width, loaded and showing figures; console errors and requests off the server collected. */
export async function openStudio(
  browser: Browser,
  served: Served,
  width: number,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const origin = new URL(served.url).origin;
  page.on('request', (req) => !req.url().startsWith(origin) && errors.push(`request off the server: ${req.url()}`));
  await page.goto(served.url);
  await page.waitForSelector('#national-covered');
  return { page, errors };
}

/** A GET of the API from the page (its cookie carries the token). */
export const api = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate((p) => fetch(p).then((r) => r.json()), path) as Promise<T>;

export const revision = async (page: Page) => Number(await page.locator('body').getAttribute('data-revision'));

/** Where a point of the map is on the screen, by the page's own projection of /api/map. */
export async function screenPoint(page: Page, at: { lat: number; lon: number }): Promise<[number, number]> {
  const map = await api<MapData>(page, '/api/map');
  const [x, y] = mapProjection(rewound(map))([at.lon, at.lat])!;
  return page.evaluate(
    ([vx, vy]) => {
      const svg = document.querySelector<SVGSVGElement>('svg.map')!;
      const p = new DOMPoint(vx, vy).matrixTransform(svg.getScreenCTM()!);
      return [p.x, p.y] as [number, number];
    },
    [x, y] as [number, number],
  );
}

/** The page has no sideways scroll. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  return scroll > client;
}
