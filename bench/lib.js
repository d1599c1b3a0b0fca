// Shared by the benchmark scripts: deterministic random numbers, timing, goal lines, CLI runs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A seeded LCG, so every run measures the same workload. */
export function random(seed = 12345) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** "figure   goal: … met|MISSED" — every goal line of the bench has this shape. */
export function goal(label, figure, target, met) {
  console.log(`  ${label}: ${figure}   goal: ${target}   ${met ? 'met' : 'MISSED'}`);
  return met;
}

/** Runs `node bench/cli-run.js args` and returns the command's wall ms and peak RSS (MB). */
export function runCli(args, opts = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'cli-run.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  const stats = JSON.parse(r.output[3] || '{}');
  return { ...stats, stdout: r.stdout, stderr: r.stderr };
}

/** Wall ms of a whole process (start-up included). */
export function runProcess(args) {
  const t0 = performance.now();
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  return performance.now() - t0;
}
