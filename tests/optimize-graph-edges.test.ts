// Graph instances at their edges, through the whole CLI: p = 1, p = n - 1, p = n, zero-cost edges,
// an edge listed twice (the last cost counts), fractional costs, one vertex, and the graphs the
// reader refuses (disconnected, an isolated vertex). Each optimum is worked out by hand below.
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

  it.each([
    ['disconnected', '4 2 2\n1 2 5\n3 4 5\n', 'vertex 3 cannot be reached from vertex 1'],
    ['isolated', '5 3 2\n1 2 5\n2 3 5\n3 4 5\n', 'vertex 5 cannot be reached from vertex 1'],
  ])('%s: refused (exit 1) with the file, line and column, no stack trace', (name, text, reason) => {
    const r = solve(name, text);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${r.file}:1:1`);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
