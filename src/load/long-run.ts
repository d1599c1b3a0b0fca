/**
 * How eagerly V8 optimises, by how long a run will be.
 *
 * V8 hands a function to its optimising compiler (TurboFan) once it has run about 67,000 bytecodes'
 * worth (its "interrupt budget"). In a default command of a few hundred milliseconds that means
 * dozens of compiles of code that is nearly done: about 500 ms of background CPU for the default
 * `timeline`, competing for the second core of a 2-core machine with the run itself. So the
 * launcher (src/cli/launch.cts) starts with a raised budget, under which short runs finish
 * in V8's quick tiers, and a run that turns out to be large (a population file, a road network, an
 * input of several megabytes) returns to V8's default, under which its hot loops over a million
 * points are optimised early (a 1 M-point timeline ran 15 % slower under the raised budget).
 *
 * The launcher must raise it before the bundle is compiled: V8 accepts a code cache only under the
 * flags it was made with, and the build's warm-up run goes through the same launcher.
 */
import { setFlagsFromString } from 'node:v8';

/** Node 20's V8 default (`node --v8-options`: --interrupt-budget=67584). */
const V8_DEFAULT_BUDGET = 67_584;

/** Inputs larger than this make a run "long". */
export const LONG_RUN_BYTES = 4 * 2 ** 20;

/**
 * V8 back to its default pace: from here on it optimises hot loops early. Harmless when the budget
 * was never raised. The CLI's run context calls it once, when the run turns out long.
 */
export function restoreV8Budget(): void {
  setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
}
