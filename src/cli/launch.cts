/**
 * How bin/dostplan.cjs starts the CLI.
 *
 * The fast way is dist/cli/bundle.cjs: every module of the CLI in one CommonJS file (built by
 * src/build/bundle.ts), compiled from V8's code cache dist/cli/bundle.cache. Node 20 has no compile
 * cache for ES modules, and resolving, linking and compiling the ~200 modules a command needs cost
 * more than the command's own work (issue 17). If the cache is missing or V8 rejects it (another
 * Node version), the bundle is compiled from source: slower, same answers.
 *
 * This file and the bin are CommonJS on purpose: starting from an ES module brings up Node's ES
 * module loader (fs/promises, readline, and every stream class through `node:fs`'s ES facade),
 * about 15 ms before the first line of dostplan runs.
 *
 * The ES modules in dist/ stay the reference path, taken when no bundle was built, with
 * DOSTPLAN_NO_BUNDLE=1, and for `explore`, whose terminal UI (ink) is an ES module with top-level
 * await that CommonJS cannot load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { commandNamed } from './command-named.cjs';

export const BUNDLE = join(__dirname, 'bundle.cjs');
export const CODE_CACHE = join(__dirname, 'bundle.cache');

type Main = (argv: string[]) => Promise<number>;

/**
 * V8's interrupt budget for a run of the bundle until it turns out to be long (src/load/long-run.ts
 * says why, and restores the default). Set before compiling: the code cache holds the flags it was
 * made under. 500,000 won in paired runs of the default commands (67,584, 500,000, 1 M, 2 M).
 */
const START_BUDGET = 500_000;

/** The bundle, compiled (from the code cache when V8 accepts it) and run: its `main` and its script. */
export function loadBundle(): { main: Main; script: Script } | undefined {
  let source: string;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    // no cache yet: compile from source
  }
  setFlagsFromString(`--interrupt-budget=${START_BUDGET}`);
  // The wrapper Node puts around every CommonJS module, on the same line so stack lines stay true.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  const module = { exports: {} as { main: Main } };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
  return { main: module.exports.main, script };
}

export async function launch(argv: string[]): Promise<number> {
  const native = process.env.DOSTPLAN_NO_BUNDLE === '1' || commandNamed(argv.slice(2)) === 'explore';
  const main = (!native && loadBundle()?.main) || ((await import('./main.js')) as { main: Main }).main;
  return main(argv);
}
