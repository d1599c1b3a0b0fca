/**
 * A headless Chromium for the report's browser test, on a fresh machine with Node alone.
 *
 * The browser comes from npm: @sparticuz/chromium ships a headless Chromium build inside the
 * package (brotli-compressed; unpacked to the temp folder on first use), so `npm install` is all a
 * machine needs. The binary links against NSS (libnss3, libnspr4), which a bare Debian lacks; the
 * package ships those too (bin/al2023.tar.br), and we point the browser at them only when the
 * system's own are missing. CHROMIUM_PATH (non-empty) still overrides everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Sparticuz from '@sparticuz/chromium';
import { type Browser, chromium } from 'playwright-core';

export interface BrowserSetup {
  executablePath: string;
  args: string[];
  /** Extra environment for the browser process (LD_LIBRARY_PATH when the bundled NSS is used). */
  env?: Record<string, string>;
  source: 'CHROMIUM_PATH' | '@sparticuz/chromium';
}

/**
 * Sparticuz's flags are tuned for one page per Lambda run: --single-process ends the browser when
 * its first page closes, which breaks tests that open several pages in one browser.
 */
const sparticuzArgs = () => Sparticuz.args.filter((a) => a !== '--single-process');

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function browserSetup(env: NodeJS.ProcessEnv = process.env): Promise<BrowserSetup> {
  const override = env.CHROMIUM_PATH;
  if (override) return { executablePath: override, args: COMMON_ARGS, source: 'CHROMIUM_PATH' };
  const executablePath = await Sparticuz.executablePath();
  const missing = missingLibraries(executablePath);
  if (missing.length === 0)
    return { executablePath, args: [...sparticuzArgs(), ...COMMON_ARGS], source: '@sparticuz/chromium' };
  const libDir = bundledLibraries();
  const ld = [libDir, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath,
    args: [...sparticuzArgs(), ...COMMON_ARGS],
    env: { ...stringEnv(env), LD_LIBRARY_PATH: ld },
    source: '@sparticuz/chromium',
  };
}

/** A headless Chromium for playwright-core, set up as above. */
export async function launchChromium(): Promise<Browser> {
  const setup = await browserSetup();
  return chromium.launch({
    executablePath: setup.executablePath,
    args: setup.args,
    headless: true,
    ...(setup.env ? { env: setup.env } : {}),
  });
}

/** Shared libraries the dynamic linker cannot find for `binary` (all of them when ldd itself is missing). */
export function missingLibraries(binary: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const r = spawnSync('ldd', [binary], { encoding: 'utf8', env });
  if (r.error || r.status !== 0) return ['(ldd unavailable)'];
  return r.stdout
    .split('\n')
    .filter((l) => /not found/.test(l))
    .map((l) => l.trim().split(/\s/)[0]!);
}

/** Unpacks the NSS libraries that ship inside @sparticuz/chromium (a brotli tarball) once; returns their folder. */
export function bundledLibraries(): string {
  const out = join(tmpdir(), 'dostplan-chromium-libs');
  if (existsSync(join(out, 'lib', 'libnss3.so'))) return join(out, 'lib');
  // The package exports only its entry point (build/cjs/index.cjs); bin/ sits two folders up.
  const pkg = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
  const tar = brotliDecompressSync(readFileSync(join(pkg, 'bin', 'al2023.tar.br')));
  for (const entry of tarEntries(tar)) {
    const target = join(out, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data, { mode: entry.mode });
  }
  return join(out, 'lib');
}

/** Regular files of a POSIX (ustar) tar archive: 512-byte header blocks, data padded to 512. */
function* tarEntries(tar: Buffer): Generator<{ name: string; mode: number; data: Buffer }> {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return;
    const field = (from: number, len: number) =>
      header
        .subarray(from, from + len)
        .toString('latin1')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const data = tar.subarray(at + 512, at + 512 + size);
    if ((type === '0' || type === '') && !name.includes('..'))
      yield { name, mode: parseInt(field(100, 8).trim() || '644', 8), data };
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The pairs of map labels (their on-screen boxes, by id) that overlap on a page `width` px wide;
 * the boxes shrink a little first, for the sub-pixel antialiasing at their edges.
 */
export function overlappingLabels(
  boxes: { left: number; right: number; top: number; bottom: number }[],
  ids: string[],
  width: number,
): string[] {
  const shrink = 0.15 * (width / 1040);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i]!,
        q = boxes[j]!;
      if (
        p.left + shrink < q.right - shrink &&
        q.left + shrink < p.right - shrink &&
        p.top + shrink < q.bottom - shrink &&
        q.top + shrink < p.bottom - shrink
      )
        pairs.push(`${ids[i]} and ${ids[j]}`);
    }
  return pairs;
}
