/**
 * Two runs in one process (two plans, two years, a server answering requests) do not see each
 * other's state: the inputs one run read, its --bom, its messages, its road model and its notes,
 * whether it turned long. Each run here is `main(argv, run)` in this process, as a server would call it.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// From dist/: vitest does not transform the .cts module main.ts imports (npm test builds first).
import { main } from '../dist/cli/main.js';
import { RunContext } from '../dist/run/run-context.js';
import { FIXTURES, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-runs-'));
process.env.DOSTPLAN_CACHE_DIR = join(dir, 'cache');

/** One run of the command line in this process: its exit code, its messages and its context. */
async function runOnce(...args: string[]) {
  const messages: string[] = [];
  const run = new RunContext({ message: (line) => messages.push(line) });
  const code = await main(['node', 'dostplan', ...args], run);
  return { code, messages, run };
}

describe('two runs in one process', () => {
  it('keep their inputs apart: --out refuses only what its own run read', async () => {
    const plan = join(dir, 'small.yaml');
    copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), plan);
    const a = await runOnce('coverage', plan, '--format', 'json', '--out', plan);
    expect(a.code).toBe(2);
    expect(a.messages.join('\n')).toMatch(/is one of the inputs; refusing to overwrite it/);
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8'));
    // The second run read the embedded plan, not small.yaml: writing there is its right.
    const b = await runOnce('coverage', '--format', 'json', '--out', plan);
    expect(b.code).toBe(0);
    expect(JSON.parse(readFileSync(plan, 'utf8')).year).toBe(2030);
    expect(b.run.inputs.size).toBeGreaterThan(0);
  });

  it('keep --bom to the run that asked for it', async () => {
    const withBom = join(dir, 'bom.csv'),
      without = join(dir, 'plain.csv');
    expect((await runOnce('coverage', '--format', 'csv', '--bom', '--out', withBom)).code).toBe(0);
    expect((await runOnce('coverage', '--format', 'csv', '--out', without)).code).toBe(0);
    expect(readFileSync(withBom, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readFileSync(without, 'utf8').startsWith('\uFEFF')).toBe(false);
    expect(readFileSync(withBom, 'utf8').slice(1)).toBe(readFileSync(without, 'utf8'));
  });

  it("keep their messages and their length: a population file's run is long, the next is not", async () => {
    const out = join(dir, 'cov.json');
    const a = await runOnce('coverage', '--population', join(FIXTURES, 'hand-population.csv'), '--out', out);
    expect(a.code).toBe(0);
    expect(a.run.isLong).toBe(true);
    expect(a.messages.filter((m) => m.startsWith('population: ')).length).toBeGreaterThanOrEqual(2);
    const b = await runOnce('coverage', '--out', out);
    expect(b.code).toBe(0);
    expect(b.run.isLong).toBe(false);
    expect(b.messages).toEqual([]);
  });

  it('each read their own road model, and each is told its notes', async () => {
    const args = [
      'distances',
      join(FIXTURES, 'roads', 'town-plan.yaml'),
      '--roads',
      join(FIXTURES, 'roads', 'town.osm'),
      '--format',
      'json',
    ];
    const a = await runOnce(...args, '--out', join(dir, 'a.json'));
    const b = await runOnce(...args, '--out', join(dir, 'b.json'));
    expect([a.code, b.code]).toEqual([0, 0]);
    const notes = (m: string[]) => m.filter((l) => !l.startsWith('note: reading the road network'));
    expect(notes(a.messages).length).toBeGreaterThan(0);
    expect(notes(b.messages)).toEqual(notes(a.messages)); // not "already told" in the first run
    // The notes in the result are the run's own, not the first run's appended to again.
    const modelNotes = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')).model.notes;
    expect(modelNotes('b.json')).toEqual(modelNotes('a.json'));
  });

  it('read the data folder each: a second run records it as its own input', async () => {
    const a = await runOnce('coverage', '--format', 'json', '--out', join(dir, 'r1.json'));
    const b = await runOnce('coverage', '--format', 'json', '--out', join(ROOT, 'data', 'regions.json'));
    expect(a.code).toBe(0);
    expect(b.code).toBe(2); // the embedded data is an input of the second run too
    expect(b.messages.join('\n')).toMatch(/regions\.json is one of the inputs/);
  });
});
