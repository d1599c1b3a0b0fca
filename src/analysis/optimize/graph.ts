/** Solving an OR-Library p-median graph instance (pmed format): heuristic, optionally exact. */
import { amount, type Said, said } from '../../model/said.js';
import { EXACT_LIMITS, pmedianExact } from './exact.js';
import { matrixInstance } from './instance.js';
import { pmedian } from './pmedian.js';
import { PMEDIAN_BOUND, qualityOf, type Quality } from './quality.js';

/** What a graph answer is a solution of: the model, who the demand is, how distance is measured. */
export const GRAPH_BASIS = {
  model: 'p-median: minimise the sum of distances from every vertex to its nearest median',
  population: 'every vertex is one unit of demand (weight 1) and a candidate site',
  travel: 'shortest paths over the graph edges (a repeated edge keeps its last cost)',
};

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
  model: string;
  population: string;
  travel: string;
  objective: number;
  /** Proven optimal, or a lower bound and the gap to it. */
  quality: Quality;
  greedy: number;
  swaps: number;
  /** 1-based vertex numbers, as in the file. */
  sites: number[];
  exact?: number;
  published_optimum?: number;
  /** Gap of the answer to the published optimum, in % (printed beside it; the search never reads it). */
  gap_percent?: number;
  /** Why a requested exact solution is missing (JSON writes it in English). */
  note?: Said;
}

export async function solveGraph(g: GraphInput, exact: boolean): Promise<GraphResult> {
  const inst = matrixInstance(g.dist, g.n);
  const r = pmedian(inst, g.p);
  const e = exact ? await pmedianExact(inst, g.p) : undefined;
  return {
    file: g.file,
    n: g.n,
    p: g.p,
    ...GRAPH_BASIS,
    objective: r.objective,
    quality: qualityOf(r.objective, r.lowerBound, PMEDIAN_BOUND),
    greedy: r.greedyObjective,
    swaps: r.swaps,
    sites: r.sites.map((s) => s + 1),
    ...(e ? { exact: e.objective } : {}),
    ...(exact && !e
      ? { note: said('note.opt.graph_too_large', { n: g.n, limit: amount(EXACT_LIMITS.pmedianVariables) }) }
      : {}),
    ...(g.known !== undefined
      ? { published_optimum: g.known, gap_percent: Math.round(((r.objective - g.known) / g.known) * 10000) / 100 }
      : {}),
  };
}
