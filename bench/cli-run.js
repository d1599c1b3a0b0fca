// Runs the built CLI in this process, the way bin/dostplan.cjs does (src/cli/launch.cts), and reports
// on fd 3 its wall time since the process started (Node's own start-up and loading the CLI
// included), its CPU time and its peak memory: the benchmarks measure the whole command, not only
// the engine.
// Usage: node bench/cli-run.js <dostplan args…>   (stdout/stderr are the command's own)
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const { launch } = createRequire(import.meta.url)('../dist/cli/launch.cjs');

const code = await launch([process.argv[0], 'dostplan', ...process.argv.slice(2)]);
const ms = performance.now(); // since the process started
const { user, system } = process.cpuUsage();
// CPU time beside the wall time: on a shared machine the wall time waits for other jobs too.
const cpuMs = (user + system) / 1000;
writeSync(3, `${JSON.stringify({ code, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
