// The engine part of a timeline, in a process of its own (the bench's generated inputs would
// otherwise sit in its heap): reads the plan and population, then times the nearest-facility
// index over the points and the years of openings. Prints {buildMs, engineMs, cpuMs} as JSON.
// Usage: node bench/engine-part.js PLAN POPULATION
import { performance } from 'node:perf_hooks';
import { pointColumns } from '../dist/analysis/demand.js';
import { Network } from '../dist/analysis/network.js';
import { planYears } from '../dist/analysis/schedule.js';
import { loadCountry } from '../dist/load/dataset-loader.js';
import { loadDemand, loadValidPlan, planSettings } from '../dist/load/plan-context.js';
import { RunContext } from '../dist/run/run-context.js';

const run = new RunContext();

const [planFile, populationFile] = process.argv.slice(2);
const country = loadCountry(run);
const plan = loadValidPlan(run, planFile, country);
const demand = await loadDemand(run, country, populationFile, plan);
const settings = await planSettings(run, plan, {});
const c0 = process.cpuUsage();
const t0 = performance.now();
const net = new Network(plan, pointColumns(demand), country.regions, settings.travel);
const buildMs = performance.now() - t0;
for (const year of planYears(plan)) net.advanceTo(year);
const engineMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ buildMs, engineMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
