/**
 * OR-Library p-median instances (Beasley 1990, pmed1–pmed40): a graph given as
 * "n edges p" then one "i j cost" line per edge (1-based, undirected). When an edge is listed
 * twice the last cost counts, as the OR-Library notes prescribe. Distances are shortest paths
 * (Floyd–Warshall, fine up to the 900 vertices of pmed40).
 */
import type { GraphInput } from '../analysis/optimize/graph.js';
import { UserError } from '../errors.js';
import { readUserText } from './text-input.js';

/** Reads a pmed file; a file named like pmedN carries its published optimum. */
export function readGraph(path: string): GraphInput {
  const g = parseOrLib(readUserText(path), path);
  const known = Object.entries(PMED_OPTIMA).find(([n]) => new RegExp(`pmed${n}\\b`).test(path))?.[1];
  return { file: path, ...g, ...(known !== undefined ? { known } : {}) };
}

export interface GraphInstance {
  n: number;
  p: number;
  /** n×n shortest-path distances, row-major. */
  dist: Float64Array;
}

/** Floyd–Warshall is n³: 900 vertices (pmed40) take about a second; 2,000 would take ten. */
export const MAX_GRAPH_VERTICES = 1000;

interface Token {
  value: number;
  text: string;
  line: number;
  column: number;
}

/** Every whitespace-separated token with its line and column, so a bad number is reported where it is. */
function tokens(text: string): Token[][] {
  return text
    .split('\n')
    .map((l, i) =>
      [...l.matchAll(/\S+/g)].map((m) => ({ value: Number(m[0]), text: m[0], line: i + 1, column: m.index + 1 })),
    )
    .filter((l) => l.length > 0);
}

export function parseOrLib(text: string, file: string): GraphInstance {
  const fail = (t: { line: number; column: number }, message: string) =>
    new UserError(`${file}:${t.line}:${t.column}: ${message}`, 1);
  const lines = tokens(text);
  const header = lines[0];
  if (header?.length !== 3) {
    const at = header?.[0] ?? { line: 1, column: 1 };
    throw fail(at, 'expected a header "n edges p" then one "i j cost" line per edge (OR-Library pmed format)');
  }
  const [nT, mT, pT] = header as [Token, Token, Token];
  const whole = (t: Token, what: string, min: number, max: number) => {
    if (!Number.isInteger(t.value) || t.value < min || t.value > max) {
      throw fail(t, `${what} must be a whole number from ${min} to ${max}, not ${t.text}`);
    }
    return t.value;
  };
  const n = whole(nT, 'n (vertices)', 1, MAX_GRAPH_VERTICES);
  const m = whole(mT, 'the edge count', 1, 10 * n * n);
  const p = whole(pT, 'p (medians)', 1, n);
  const edges = lines.slice(1);
  if (edges.length !== m) {
    const at = edges.length > m ? edges[m]![0]! : { line: (edges.at(-1)?.[0]?.line ?? 1) + 1, column: 1 };
    throw fail(at, `the header says ${m} edges, the file has ${edges.length} edge lines`);
  }
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (const line of edges) {
    if (line.length !== 3) throw fail(line[0]!, `expected "i j cost" (3 numbers), found ${line.length}`);
    const a = whole(line[0]!, 'a vertex', 1, n) - 1,
      b = whole(line[1]!, 'a vertex', 1, n) - 1;
    const cost = line[2]!;
    if (!Number.isFinite(cost.value) || cost.value < 0) {
      throw fail(cost, `an edge cost must be a number ≥ 0, not ${cost.text}`);
    }
    if (a === b) continue;
    d[a * n + b] = cost.value;
    d[b * n + a] = cost.value;
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
  // A disconnected graph has no finite p-median objective unless every part gets a median; refuse it.
  const unreachable = d.subarray(0, n).indexOf(Infinity);
  if (unreachable >= 0) {
    throw fail(
      { line: 1, column: 1 },
      `the graph is disconnected: vertex ${unreachable + 1} cannot be reached from vertex 1`,
    );
  }
  return { n, p, dist: d };
}

/** Published optimal objective values of pmed1–pmed40 (OR-Library, pmedinfo). */
export const PMED_OPTIMA: Record<number, number> = {
  1: 5819,
  2: 4093,
  3: 4250,
  4: 3034,
  5: 1355,
  6: 7824,
  7: 5631,
  8: 4445,
  9: 2734,
  10: 1255,
  11: 7696,
  12: 6634,
  13: 4374,
  14: 2968,
  15: 1729,
  16: 8162,
  17: 6999,
  18: 4809,
  19: 2845,
  20: 1789,
  21: 9138,
  22: 8579,
  23: 4619,
  24: 2961,
  25: 1828,
  26: 9917,
  27: 8307,
  28: 4498,
  29: 3033,
  30: 1989,
  31: 10086,
  32: 9297,
  33: 4700,
  34: 3013,
  35: 10400,
  36: 9934,
  37: 5057,
  38: 11060,
  39: 9423,
  40: 5128,
};
