// Money budgets through the whole CLI (issue 28 item 3): the guide's two worked examples, each
// beside the same question without money (a count of sites, a count of openings a year).
import { goal, runCli } from './lib.js';

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('optimize with money budgets: the guide examples (docs/guide.md#budgets-in-manat)');
const sites = ['optimize', '--kind', 'branch', '--candidates', 'plans/costs/branch-sites.csv', '--year', '2025'];
const byCount = runCli([...sites, '-k', '6']);
const byMoney = runCli([...sites, '--budget-azn', '10000000', '--format', 'json']);
const quality = byMoney.code === 0 ? JSON.parse(byMoney.stdout).quality.status : `exit ${byMoney.code}`;
goal(
  'optimize --budget-azn 10000000, 30 costed branch sites on DOST 2025',
  `${s(byMoney.ms)}, ${quality}; baseline in the same run, -k 6 on the same sites: ${s(byCount.ms)}`,
  '≤ 2 s',
  byMoney.code === 0 && byMoney.ms <= 2000,
);
const order = ['optimize', 'plans/costs/dost-costs.yaml', '--model', 'order', '--from', '2025'];
const counted = runCli([...order, '--budget', '10']);
const money = runCli([...order, '--budget-azn-per-year', '30000000', '--format', 'json']);
const proven = money.code === 0 ? JSON.parse(money.stdout).quality.status : `exit ${money.code}`;
// The default budget pays building and running; build costs only (--budget-covers build) beside it.
const build = runCli([...order, '--budget-azn-per-year', '30000000', '--budget-covers', 'build']);
goal(
  'optimize --model order --budget-azn-per-year 30000000 on the DOST plan (60 openings, 5 years; build + running costs)',
  `${s(money.ms)}, ${proven}, peak ${money.maxRssMb.toFixed(0)} MB; baselines, --budget 10 openings a year: ${s(counted.ms)}, --budget-covers build: ${s(build.ms)}`,
  '≤ 10 s',
  money.code === 0 && money.ms <= 10000,
);
