// OR-Library p-median instances pmed1–pmed40 (Beasley 1990) through the whole CLI, one process per
// instance (`dostplan optimize --graph pmedN.txt --format json`): the answer beside the published
// optimum (the search never reads it: the CLI prints it only beside the answer), whether the
// Lagrangian bound proves the answer optimal or how far the bound is, and the wall and CPU time of
// the whole command. Only pmed1 and pmed5 are shipped (see bench/orlib/README.md); the folder
// can also be named with DOSTPLAN_ORLIB.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PMED_OPTIMA } from '../dist/load/orlib.js';
import { goal, ROOT, runCli } from './lib.js';

const dir = process.env.DOSTPLAN_ORLIB ?? join(ROOT, 'bench', 'orlib');
const found = Object.keys(PMED_OPTIMA)
  .map(Number)
  .filter((n) => existsSync(join(dir, `pmed${n}.txt`)));
console.log('OR-Library p-median (pmed1–pmed40), whole CLI per instance');
if (found.length === 0) {
  console.log(`  no pmedN.txt in ${dir} (see bench/orlib/README.md); skipped`);
} else {
  const rows = [['instance', 'n', 'p', 'optimum', 'answer', 'proven / gap to bound', 'wall ms', 'cpu ms']];
  let atOptimum = 0,
    proven = 0,
    slowest = 0;
  for (const n of found) {
    const r = runCli(['optimize', '--graph', join(dir, `pmed${n}.txt`), '--format', 'json']);
    const out = r.code === 0 ? JSON.parse(r.stdout) : undefined;
    const q = out?.quality;
    if (out?.objective === PMED_OPTIMA[n]) atOptimum++;
    if (q?.status === 'proven optimal') proven++;
    slowest = Math.max(slowest, r.ms);
    rows.push([
      `pmed${n}`,
      String(out?.n ?? ''),
      String(out?.p ?? ''),
      String(PMED_OPTIMA[n]),
      out ? String(out.objective) : `exit ${r.code}`,
      !q
        ? ''
        : q.status === 'proven optimal'
          ? 'proven'
          : q.bound === undefined
            ? 'no bound'
            : `${q.gap_percent.toFixed(2)}% (bound ${q.bound})`,
      r.ms.toFixed(0),
      r.cpuMs.toFixed(0),
    ]);
  }
  const width = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows)
    console.log(
      `  ${row.map((cell, c) => (c === 0 || c === 5 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join('  ')}`,
    );
  goal(
    `OR-Library, ${found.length} instances`,
    `${atOptimum} at the published optimum, ${proven} proven optimal by the bound; slowest ${(slowest / 1000).toFixed(2)} s wall`,
    'all at the optimum, each ≤ 3 s',
    atOptimum === found.length && slowest <= 3000,
  );
}
