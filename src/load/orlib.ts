/**
 * OR-Library p-median instances (Beasley 1990, pmed1–pmed40): a graph given as
 * "n edges p" then one "i j cost" line per edge (1-based, undirected). When an edge is listed
 * twice the last cost counts, as the OR-Library notes prescribe. Distances are shortest paths
 * (Floyd–Warshall, fine up to the 900 vertices of pmed40).
 */
import type { GraphInput } from '../analysis/optimize/graph.js';
import { UserError } from '../errors.js';
import { decodeText, readUserFile } from './text-input.js';

/** Reads a pmed file; a file named like pmedN carries its published optimum. */
export function readGraph(path: string): GraphInput {
  const decoded = decodeText(readUserFile(path));
  if (!decoded.ok) throw new UserError(`${path}:${decoded.line}:${decoded.column}: ${decoded.message}`, 1);
  const g = parseOrLib(decoded.text, path);
  const known = Object.entries(PMED_OPTIMA).find(([n]) => new RegExp(`pmed${n}\\b`).test(path))?.[1];
  return { file: path, ...g, ...(known !== undefined ? { known } : {}) };
}

export interface GraphInstance {
  n: number;
  p: number;
  /** n×n shortest-path distances, row-major. */
  dist: Float64Array;
}

export function parseOrLib(text: string, file: string): GraphInstance {
  const nums = text.trim().split(/\s+/).map(Number);
  const [n, m, p] = nums;
  if (!n || !m || !p || nums.some((x) => !Number.isFinite(x))) throw new UserError(`${file}:1:1: expected "n edges p" then "i j cost" lines (OR-Library pmed format)`, 1);
  if (nums.length < 3 + 3 * m) throw new UserError(`${file}: header says ${m} edges, found ${Math.floor((nums.length - 3) / 3)}`, 1);
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < m; e++) {
    const a = nums[3 + 3 * e]! - 1, b = nums[4 + 3 * e]! - 1, c = nums[5 + 3 * e]!;
    if (a < 0 || b < 0 || a >= n || b >= n) throw new UserError(`${file}: edge ${e + 1} names a vertex outside 1..${n}`, 1);
    if (a === b) continue;
    d[a * n + b] = c;
    d[b * n + a] = c;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k]!;
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const v = dik + d[k * n + j]!;
        if (v < d[i * n + j]!) d[i * n + j] = v;
      }
    }
  }
  return { n, p, dist: d };
}

/** Published optimal objective values of pmed1–pmed40 (OR-Library, pmedinfo). */
export const PMED_OPTIMA: Record<number, number> = {
  1: 5819, 2: 4093, 3: 4250, 4: 3034, 5: 1355, 6: 7824, 7: 5631, 8: 4445, 9: 2734, 10: 1255,
  11: 7696, 12: 6634, 13: 4374, 14: 2968, 15: 1729, 16: 8162, 17: 6999, 18: 4809, 19: 2845, 20: 1789,
  21: 9138, 22: 8579, 23: 4619, 24: 2961, 25: 1828, 26: 9917, 27: 8307, 28: 4498, 29: 3033, 30: 1989,
  31: 10086, 32: 9297, 33: 4700, 34: 3013, 35: 10400, 36: 9934, 37: 5057, 38: 11060, 39: 9423, 40: 5128,
};
