/** Solving an OR-Library p-median graph instance (pmed format): heuristic, optionally exact. */
import { EXACT_LIMITS, pmedianExact } from './exact.js';
import { matrixInstance } from './instance.js';
import { pmedian } from './pmedian.js';

export interface GraphInput {
  file: string;
  n: number;
  p: number;
  dist: Float64Array;
  /** The published optimum, when the file is a known OR-Library instance. */
  known?: number;
}

export interface GraphResult {
  file: string;
  n: number;
  p: number;
  objective: number;
  greedy: number;
  swaps: number;
  /** 1-based vertex numbers, as in the file. */
  sites: number[];
  exact?: number;
  published_optimum?: number;
  /** Gap of the heuristic to the published optimum, in %. */
  gap_percent?: number;
  /** Why a requested exact solution is missing. */
  note?: string;
}

export async function solveGraph(g: GraphInput, exact: boolean): Promise<GraphResult> {
  const inst = matrixInstance(g.dist, g.n);
  const r = pmedian(inst, g.p);
  const e = exact ? await pmedianExact(inst, g.p) : undefined;
  const limit = EXACT_LIMITS.pmedianVariables.toLocaleString('en-US');
  return {
    file: g.file,
    n: g.n,
    p: g.p,
    objective: r.objective,
    greedy: r.greedyObjective,
    swaps: r.swaps,
    sites: r.sites.map((s) => s + 1),
    ...(e ? { exact: e.objective } : {}),
    ...(exact && !e ? { note: `exact solution skipped: the MILP for n=${g.n} has more than ${limit} variables` } : {}),
    ...(g.known !== undefined
      ? { published_optimum: g.known, gap_percent: Math.round(((r.objective - g.known) / g.known) * 10000) / 100 }
      : {}),
  };
}
