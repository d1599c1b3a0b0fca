// Runs the built CLI in this process and reports, on fd 3, its wall and CPU time and peak memory: the
// benchmarks measure the whole command (reading inputs included), not only the engine.
// Usage: node bench/cli-run.js <dostplan args…>   (stdout/stderr are the command's own)
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const t0 = performance.now();
const code = await main([process.argv[0], 'dostplan', ...process.argv.slice(2)]);
const ms = performance.now() - t0;
const { user, system } = process.cpuUsage();
// CPU time beside the wall time: on a shared machine the wall time waits for other jobs too.
const cpuMs = (user + system) / 1000;
writeSync(3, `${JSON.stringify({ code, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
