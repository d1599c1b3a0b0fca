/**
 * Exact solutions with the HiGHS MILP solver (npm `highs`, WebAssembly: no native build, no
 * network), for instances small enough to solve in seconds. They measure the heuristics' gap.
 */
import { highs, type HighsSolution } from './highs.js';
import type { CoverInstance } from './mclp.js';
import type { Instance } from './instance.js';

export const EXACT_LIMITS = { mclpVariables: 6000, pmedianVariables: 25000 };

function chosen(sol: HighsSolution): number[] {
  return Object.entries(sol.Columns)
    .filter(([name, c]) => name.startsWith('y') && c.Primal > 0.5)
    .map(([name]) => Number(name.slice(1)))
    .sort((a, b) => a - b);
}

/**
 * A covering MILP as LP text: max Σ w_i z_i  s.t.  z_i ≤ Σ_{j covers i} y_j (`by`: the sites
 * covering each point), one more constraint `row` on the sites, the sites `ys` binary.
 */
export function coverLp(w: ArrayLike<number>, by: Map<number, number[]>, row: string, ys: string[]): string {
  const pts = [...by.keys()].sort((a, b) => a - b);
  const lines = ['Maximize', ` obj: ${pts.map((i) => `${w[i]} z${i}`).join(' + ') || '0 y0'}`, 'Subject To'];
  for (const i of pts)
    lines.push(
      ` c${i}: z${i} - ${by
        .get(i)!
        .map((j) => `y${j}`)
        .join(' - ')} <= 0`,
    );
  lines.push(row, 'Bounds', ...pts.map((i) => ` 0 <= z${i} <= 1`), 'Binary', ` ${ys.join(' ')}`, 'End');
  return lines.join('\n');
}

/** max Σ w_i z_i  s.t.  z_i ≤ Σ_{j covers i} y_j,  Σ y_j = k. Only points some candidate covers appear. */
export async function mclpExact(
  inst: CoverInstance,
  k: number,
): Promise<{ sites: number[]; covered: number } | undefined> {
  const by = new Map<number, number[]>();
  inst.cover.forEach((list, j) =>
    list.forEach((i) => !inst.covered[i] && (by.get(i) ?? by.set(i, []).get(i)!).push(j)),
  );
  if (by.size + inst.cover.length > EXACT_LIMITS.mclpVariables) return undefined;
  const ys = inst.cover.map((_, j) => `y${j}`);
  const lp = coverLp(inst.w, by, ` k: ${ys.join(' + ')} = ${k}`, ys);
  const sol = (await highs()).solve(lp);
  if (sol.Status !== 'Optimal') return undefined;
  let base = 0;
  inst.covered.forEach((c, i) => c && (base += inst.w[i]!));
  return { sites: chosen(sol), covered: sol.ObjectiveValue + base };
}

/**
 * min Σ w_i d_ij x_ij + Σ w_i f_i z_i  s.t.  Σ_j x_ij + z_i = 1,  x_ij ≤ y_j,  Σ y_j = k.
 * Without fixed facilities (z absent) every pair is a variable. With them, point i may stay with
 * its nearest fixed facility (z_i, distance f_i), and only the pairs that beat f_i are variables,
 * which keeps the MILP small on a real plan. Exact only when the instance lists every pair
 * (`complete`: at most K candidates); otherwise it is not attempted.
 */
export async function pmedianExact(
  inst: Instance,
  k: number,
): Promise<{ sites: number[]; objective: number } | undefined> {
  const n = inst.w.length,
    m = inst.m;
  const hasFixed = inst.fixed.some(Number.isFinite);
  if (!inst.complete) return undefined;
  const pairs: [number, number][][] = Array.from({ length: n }, () => []);
  if (hasFixed) {
    inst.reverse.forEach((r, j) =>
      r.points.forEach((i, t) => r.d[t]! < inst.fixed[i]! && pairs[i]!.push([j, r.d[t]!])),
    );
  } else {
    // Every pair, but those no path joins (a disconnected graph): such a point is served in its own part.
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        const d = inst.dist(i, j);
        if (Number.isFinite(d)) pairs[i]!.push([j, d]);
      }
  }
  const variables = pairs.reduce((a, p) => a + p.length, 0) + m + n;
  if (variables > EXACT_LIMITS.pmedianVariables) return undefined;
  // Points with nothing better than their fixed facility are a constant of the objective.
  let constant = 0;
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (pairs[i]!.length) free.push(i);
    else if (Number.isFinite(inst.fixed[i]!)) constant += inst.w[i]! * inst.fixed[i]!;
  }
  const stay = (i: number) => Number.isFinite(inst.fixed[i]!);
  const lines = ['Minimize', ' obj:'];
  for (const i of free) {
    for (const [j, d] of pairs[i]!) lines.push(` + ${inst.w[i]! * d} x${i}_${j}`);
    if (stay(i)) lines.push(` + ${inst.w[i]! * inst.fixed[i]!} z${i}`);
  }
  if (free.length === 0) lines.push(' 0 y0');
  lines.push('Subject To');
  for (const i of free)
    lines.push(` a${i}: ${[...pairs[i]!.map(([j]) => `x${i}_${j}`), ...(stay(i) ? [`z${i}`] : [])].join(' + ')} = 1`);
  for (const i of free) for (const [j] of pairs[i]!) lines.push(` l${i}_${j}: x${i}_${j} - y${j} <= 0`);
  const ys = Array.from({ length: m }, (_, j) => `y${j}`);
  lines.push(` k: ${ys.join(' + ')} = ${k}`, 'Binary', ` ${ys.join(' ')}`, 'End');
  const sol = (await highs()).solve(lines.join('\n'));
  if (sol.Status !== 'Optimal') return undefined;
  return { sites: chosen(sol), objective: sol.ObjectiveValue + constant };
}
