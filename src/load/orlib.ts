/**
 * OR-Library p-median instances (Beasley 1990, pmed1–pmed40): a graph given as
 * "n edges p" then one "i j cost" line per edge (1-based, undirected). When an edge is listed
 * twice the last cost counts, as the OR-Library notes prescribe. Distances are shortest paths:
 * one Dijkstra per vertex (see shortestPaths), where Floyd–Warshall's n³ took 1–2 s.
 */
import type { GraphInput } from '../analysis/optimize/graph.js';
import { graphParts } from '../analysis/optimize/instance.js';
import { InputError } from '../errors.js';
import { plainAmount, type Said, said } from '../model/said.js';
import type { RunContext } from '../run/run-context.js';
import { decimalNumber } from './number-format.js';
import { readUserText } from './text-input.js';

/** Reads a pmed file; a file named like pmedN carries its published optimum. */
export function readGraph(run: RunContext, path: string): GraphInput {
  const g = parseOrLib(readUserText(run, path), path);
  const known = Object.entries(PMED_OPTIMA).find(([n]) => new RegExp(`pmed${n}\\b`).test(path))?.[1];
  return { file: path, ...g, ...(known !== undefined ? { known } : {}) };
}

export interface GraphInstance {
  n: number;
  p: number;
  /** n×n shortest-path distances, row-major. */
  dist: Float64Array;
}

/** The p-median search keeps an n × n matrix (and a sorted copy): 1,000 vertices is 16 MB. */
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
      [...l.matchAll(/\S+/g)].map((m) => ({
        value: decimalNumber(m[0]),
        text: m[0],
        line: i + 1,
        column: m.index + 1,
      })),
    )
    .filter((l) => l.length > 0);
}

export function parseOrLib(text: string, file: string): GraphInstance {
  const fail = (t: { line: number; column: number }, message: Said) =>
    new InputError(`${file}:${t.line}:${t.column}`, message, 1);
  const lines = tokens(text);
  const header = lines[0];
  if (header?.length !== 3) {
    const at = header?.[0] ?? { line: 1, column: 1 };
    throw fail(at, said('read.orlib.header'));
  }
  const [nT, mT, pT] = header as [Token, Token, Token];
  const whole = (t: Token, what: Said, min: number, max: number) => {
    if (!Number.isInteger(t.value) || t.value < min || t.value > max) {
      throw fail(t, said('read.orlib.whole', { what, min, max: plainAmount(max) }));
    }
    return t.value;
  };
  const n = whole(nT, said('read.orlib.n'), 1, MAX_GRAPH_VERTICES);
  const m = whole(mT, said('read.orlib.m'), 1, 10 * n * n);
  const p = whole(pT, said('read.orlib.p'), 1, n);
  const edges = lines.slice(1);
  if (edges.length !== m) {
    const at = edges.length > m ? edges[m]![0]! : { line: (edges.at(-1)?.[0]?.line ?? 1) + 1, column: 1 };
    throw fail(at, said('read.orlib.edge_count', { m, lines: edges.length }));
  }
  // Adjacency as given (a repeated edge keeps its last cost), then one Dijkstra per vertex.
  const cost = new Map<number, number>();
  for (const line of edges) {
    if (line.length !== 3) throw fail(line[0]!, said('read.orlib.edge_line', { n: line.length }));
    const a = whole(line[0]!, said('read.orlib.vertex'), 1, n) - 1,
      b = whole(line[1]!, said('read.orlib.vertex'), 1, n) - 1;
    const c = line[2]!;
    if (!Number.isFinite(c.value) || c.value < 0) {
      throw fail(c, said('read.orlib.cost'));
    }
    if (a === b) continue;
    cost.set(Math.min(a, b) * n + Math.max(a, b), c.value);
  }
  const d = shortestPaths(n, cost);
  // A disconnected graph is solvable when every part can get a median of its own: distances across
  // parts are infinite (no vertex is served from another part). With fewer medians than parts some
  // vertex has no median it can reach: refused at p.
  const parts = graphParts(d, n).count;
  if (p < parts) {
    const vertex = d.subarray(0, n).indexOf(Infinity) + 1;
    throw fail(pT, said('read.orlib.disconnected', { p, parts, vertex }));
  }
  return { n, p, dist: d };
}

/**
 * All-pairs shortest paths, n × n row-major (Infinity where unreachable), over the undirected edges
 * `cost` (key min·n + max): Dijkstra from every vertex. With whole-number costs up to C, and a
 * longest possible path ((n − 1)·C) short beside the edges, the vertices wait in C + 1 buckets by
 * distance (Dial's algorithm: no heap, a bucket per distance, each read once): on pmed40 (900
 * vertices, costs 1–100) 0.06 s instead of the binary heap's 0.42 s. Otherwise the heap; both give
 * the same matrix (tests/orlib-paths.test.ts).
 */
export function shortestPaths(n: number, cost: Map<number, number>): Float64Array {
  const g = adjacency(n, cost);
  let C = 0,
    whole = true;
  for (const c of cost.values()) {
    C = Math.max(C, c);
    if (!Number.isInteger(c)) whole = false;
  }
  // Dial scans every distance up to a vertex's farthest: at most (n − 1)·C buckets per source.
  return whole && (n - 1) * C <= 32 * (g.to.length + n) ? bucketPaths(n, g, C) : heapPaths(n, g);
}

interface Adjacency {
  /** Vertex v's arcs are [first[v], first[v + 1]) of `to` and `len`. */
  first: Int32Array;
  to: Int32Array;
  len: Float64Array;
}

export function adjacency(n: number, cost: Map<number, number>): Adjacency {
  const first = new Int32Array(n + 1);
  for (const key of cost.keys()) {
    first[Math.floor(key / n) + 1]!++;
    first[(key % n) + 1]!++;
  }
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
  const fill = first.slice(0, n);
  const to = new Int32Array(first[n]!),
    len = new Float64Array(first[n]!);
  for (const [key, c] of cost) {
    const a = Math.floor(key / n),
      b = key % n;
    to[fill[a]!] = b;
    len[fill[a]!++] = c;
    to[fill[b]!] = a;
    len[fill[b]!++] = c;
  }
  return { first, to, len };
}

/**
 * Dial's algorithm from every vertex: whole-number arc lengths 0…C, so every vertex waiting to be
 * settled is at most C beyond the current distance, and C + 1 buckets used in a circle hold them
 * (linked lists of entries in typed arrays; a vertex whose distance drops is entered again, and
 * its stale entry skipped).
 */
export function bucketPaths(n: number, { first, to, len }: Adjacency, C: number): Float64Array {
  const d = new Float64Array(n * n).fill(Infinity);
  const B = C + 1;
  const head = new Int32Array(B).fill(-1);
  // An entry per distance drop: at most one per arc, plus the source.
  const vertex = new Int32Array(to.length + 1),
    next = new Int32Array(to.length + 1);
  for (let s = 0; s < n; s++) {
    const row = d.subarray(s * n, s * n + n);
    row[s] = 0;
    vertex[0] = s;
    next[0] = -1;
    head[0] = 0;
    let entries = 1,
      waiting = 1;
    for (let dist = 0; waiting > 0; dist++) {
      const b = dist % B;
      while (head[b]! >= 0) {
        const e = head[b]!;
        head[b] = next[e]!;
        waiting--;
        const u = vertex[e]!;
        if (row[u] !== dist) continue; // entered again nearer, and settled then
        for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
          const v = to[a]!,
            dv = dist + len[a]!;
          if (dv >= row[v]!) continue;
          row[v] = dv;
          const bv = dv % B;
          vertex[entries] = v;
          next[entries] = head[bv]!;
          head[bv] = entries++;
          waiting++;
        }
      }
    }
  }
  return d;
}

/**
 * Dijkstra from every vertex with an indexed binary heap of the vertices (decrease-key in place,
 * so it never holds more than n entries).
 */
export function heapPaths(n: number, { first, to, len }: Adjacency): Float64Array {
  const d = new Float64Array(n * n).fill(Infinity);
  const heap = new Int32Array(n); // vertices, ordered by their distance in `row`
  const at = new Int32Array(n); // each vertex's heap position; -1 absent, -2 settled
  for (let s = 0; s < n; s++) {
    const row = d.subarray(s * n, s * n + n);
    at.fill(-1);
    row[s] = 0;
    heap[0] = s;
    at[s] = 0;
    let size = 1;
    while (size > 0) {
      const u = heap[0]!,
        du = row[u]!;
      at[u] = -2;
      // Pop: move the last vertex down from the root.
      const last = heap[--size]!,
        dl = row[last]!;
      if (size > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && row[heap[c + 1]!]! < row[heap[c]!]!) c++;
          if (row[heap[c]!]! >= dl) break;
          heap[i] = heap[c]!;
          at[heap[i]!] = i;
          i = c;
        }
        heap[i] = last;
        at[last] = i;
      }
      for (let e: number = first[u]!, end = first[u + 1]!; e < end; e++) {
        const v = to[e]!,
          dv = du + len[e]!;
        if (at[v] === -2 || dv >= row[v]!) continue;
        row[v] = dv;
        // Insert or decrease: sift v up from its place (a new vertex starts at the end).
        let i = at[v] === -1 ? size++ : at[v]!;
        while (i > 0) {
          const up = (i - 1) >> 1;
          if (row[heap[up]!]! <= dv) break;
          heap[i] = heap[up]!;
          at[heap[i]!] = i;
          i = up;
        }
        heap[i] = v;
        at[v] = i;
      }
    }
  }
  return d;
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
