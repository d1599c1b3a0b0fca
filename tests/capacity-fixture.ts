// The hand-worked capacity fixture (worked out in tests/capacity.test.ts), shared by the capacity tests.
import { join } from 'node:path';
import type { Demand } from '../src/analysis/demand.js';
import { resolveSettings } from '../src/analysis/network.js';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPlan } from '../src/load/plan-loader.js';
import { loadPopulationFile } from '../src/load/population-file.js';
import { FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

export const { regions } = embedded();
export const plan = loadPlan(run, join(FIXTURES, 'valid', 'capacity.yaml')).plan!;
export const demand: Demand = {
  points: loadPopulationFile(run, join(FIXTURES, 'capacity-population.csv'), regions),
  scaled: false,
};
export const settings = resolveSettings(plan);
