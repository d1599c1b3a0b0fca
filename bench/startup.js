// Start-up: whole-process time of the default commands against a bare `node -e 0`, in pairs (the
// two alternate, so load on the machine hits both alike); medians of 9 pairs.
import { join } from 'node:path';
import { goal, median, ROOT, runProcess } from './lib.js';

const BIN = join(ROOT, 'bin', 'dostplan.cjs');
const PAIRS = 9;
const goals = [
  ['coverage', 3],
  ['validate', 3],
  ['distances', 3],
  ['timeline', 3],
  ['schema', 2],
  ['regions', 2],
];

console.log(`start-up: whole process, median of ${PAIRS} runs paired with a bare node -e 0`);
let allMet = true;
for (const [command, limit] of goals) {
  const bare = [],
    cmd = [];
  for (let i = 0; i < PAIRS; i++) {
    bare.push(runProcess(['-e', '0']));
    cmd.push(runProcess([BIN, command]));
  }
  const ratio = median(cmd) / median(bare);
  const figure = `${median(cmd).toFixed(0)} ms vs bare node ${median(bare).toFixed(0)} ms = ${ratio.toFixed(1)}×`;
  allMet = goal(`dostplan ${command}`, figure, `≤ ${limit}× bare node`, ratio <= limit) && allMet;
}
export default allMet;
