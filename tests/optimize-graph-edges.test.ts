// Graph instances at their edges, through the whole CLI: p = 1, p = n - 1, p = n, zero-cost edges,
// an edge listed twice (the last cost counts), fractional costs, one vertex, graphs in separate
// parts (solved when each part can have a median, refused when p is fewer than the parts). Each
// optimum is worked out by hand below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-graph-edges-'));
const solve = (name: string, text: string) => {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, text);
  const r = cli(['optimize', '--graph', file, '--format', 'json']);
  return { ...r, file, out: r.code === 0 ? JSON.parse(r.stdout) : undefined };
};

describe('optimize --graph at the edges', () => {
  // A path 1 -5- 2 -5- 3 -5- 4 (and 2 -7- 3 where said).
  it.each([
    // p = 1: a middle vertex, 5 + 0 + 5 + 10.
    ['p1', '4 3 1\n1 2 5\n2 3 5\n3 4 5\n', 20, [[2], [3]]],
    // p = n - 1: leave out an end (its edge costs 5, the middle one 7).
    [
      'p-n-1',
      '4 3 3\n1 2 5\n2 3 7\n3 4 5\n',
      5,
      [
        [1, 3, 4],
        [2, 3, 4],
        [1, 2, 3],
        [1, 2, 4],
      ],
    ],
    // p = n: every vertex its own median.
    ['p-n', '4 3 4\n1 2 5\n2 3 5\n3 4 5\n', 0, [[1, 2, 3, 4]]],
    // Zero-cost edges 1-2-3: any of them serves all three for free, vertex 4 is 5 away from 3.
    ['zeros', '4 3 1\n1 2 0\n2 3 0\n3 4 5\n', 5, [[1], [2], [3]]],
    // 1-2 listed three times: the last cost (4) counts; 2-3 costs 1; median 2: 4 + 0 + 1.
    ['repeated', '3 4 1\n1 2 9\n2 3 1\n1 2 1\n2 1 4\n', 5, [[2]]],
    // Fractional costs 0.5, 1.25, 2.5: vertex 2 (0.5 + 1.25 + 3.75) or 3 (1.75 + 1.25 + 2.5).
    ['fractions', '4 3 1\n1 2 0.5\n2 3 1.25\n3 4 2.5\n', 5.5, [[2], [3]]],
    // One vertex (its self-loop ignored).
    ['one', '1 1 1\n1 1 3\n', 0, [[1]]],
  ])('%s: the optimum worked out by hand, proven optimal', (name, text, objective, answers) => {
    const r = solve(name, text);
    expect(r.code).toBe(0);
    expect(r.out.objective).toBe(objective);
    expect(answers.map((a) => JSON.stringify(a))).toContain(JSON.stringify([...r.out.sites].sort((a, b) => a - b)));
    expect(r.out.quality.status).toBe('proven optimal');
  });

  // A graph in parts: no vertex is served from another part (the distance is infinite), so each
  // part needs a median of its own; with at least as many medians as parts it is solved.
  it.each([
    // 1 -5- 2 and 3 -5- 4, p = 2: a median in each part, 5 + 5.
    [
      'two parts',
      '4 2 2\n1 2 5\n3 4 5\n',
      10,
      [
        [1, 3],
        [1, 4],
        [2, 3],
        [2, 4],
      ],
    ],
    // The path 1 -5- 2 -5- 3 -5- 4 and vertex 5 alone, p = 2: 5 is its own median (0), the path's
    // middle serves it (5 + 0 + 5 + 10).
    [
      'isolated vertex',
      '5 3 2\n1 2 5\n2 3 5\n3 4 5\n',
      20,
      [
        [2, 5],
        [3, 5],
      ],
    ],
    // 1 -1- 2 -1- 3 and 4 -2- 5 -9- 6, p = 3: the second median goes where it saves most. One in
    // the first part (2: 1 + 0 + 1) and two in the second (4 or 5 with 6: 2) make 4; two in the
    // first (1) leave the second 2 + 0 + 9 = 11, so 12.
    [
      'medians where they save most',
      '6 4 3\n1 2 1\n2 3 1\n4 5 2\n5 6 9\n',
      4,
      [
        [2, 4, 6],
        [2, 5, 6],
      ],
    ],
    // p = n: every vertex its own median, whatever the parts.
    ['parts, p = n', '4 2 4\n1 2 5\n3 4 5\n', 0, [[1, 2, 3, 4]]],
  ])(
    '%s: solved, the optimum worked out by hand, proven optimal (and HiGHS agrees)',
    (name, text, objective, answers) => {
      const r = solve(name, text);
      expect(r.code).toBe(0);
      expect(r.out.objective).toBe(objective);
      expect(answers.map((a) => JSON.stringify(a))).toContain(JSON.stringify([...r.out.sites].sort((a, b) => a - b)));
      expect(r.out.quality.status).toBe('proven optimal');
      const exact = cli(['optimize', '--graph', r.file, '--exact', '--format', 'json']);
      expect(JSON.parse(exact.stdout).exact).toBe(objective);
    },
  );

  it.each([
    ['fewer medians than parts', '4 2 1\n1 2 5\n3 4 5\n', 2, 3],
    ['an isolated vertex, p = 1', '5 3 1\n1 2 5\n2 3 5\n3 4 5\n', 2, 5],
    ['three parts, p = 2', '6 3 2\n1 2 5\n3 4 5\n5 6 1\n', 3, 3],
  ])('%s: refused (exit 1) at p, saying how many parts there are, no stack trace', (name, text, parts, vertex) => {
    const r = solve(name, text);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const p = text.split(' ')[2]!.split('\n')[0];
    expect(r.stderr).toBe(
      `dostplan: ${r.file}:1:${text.indexOf(' ', text.indexOf(' ') + 1) + 2}: p = ${p} is too few for a graph in ${parts} separate parts (vertex ${vertex} cannot be reached from vertex 1): each part needs a median of its own, so p must be at least ${parts}\n`,
    );
  });
});
