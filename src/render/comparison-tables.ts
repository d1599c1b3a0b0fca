/**
 * The tables of the results that set two things side by side — two plans (`diff`, `timeline
 * --compare`) or two rollout orders (`optimize --model order`) — as data for CSV and workbooks
 * (render/tables.ts). Each figure of plan A and plan B gets a column of its own (`_a`, `_b`), raw
 * numbers rather than the "12.3% → 14.0%" text of the terminal, so a spreadsheet can compute on them.
 */
import { qualityText } from '../analysis/optimize/quality.js';
import type { PlanDiff } from '../analysis/diff.js';
import type { OrderResult } from '../analysis/optimize/rollout-order.js';
import type { TargetCheck, Timeline } from '../analysis/timeline.js';
import { changeDetail } from './diff.js';
import { type DataTable, dataTable } from './table.js';

const orBlank = <T>(x: T | null | undefined): T | '' => x ?? '';
const yesNo = (x: boolean | null) => (x === null ? '' : x ? 'met' : 'missed');

/** diff: every year's counts and coverage in A and B, the facility changes, the targets, the dated serves changes. */
export function diffTables(p: PlanDiff): DataTable[] {
  const years = dataTable(
    'Effect by year',
    [
      'year',
      'centers_a',
      'centers_b',
      'branches_a',
      'branches_b',
      'distance_percent_a',
      'distance_percent_b',
      'assignment_percent_a',
      'assignment_percent_b',
      'mean_km_a',
      'mean_km_b',
    ],
    p.years.map((y) => [
      y.year,
      y.centers.from,
      y.centers.to,
      y.branches.from,
      y.branches.to,
      y.distance_percent.from,
      y.distance_percent.to,
      y.assignment_percent.from,
      y.assignment_percent.to,
      orBlank(y.mean_km.from),
      orBlank(y.mean_km.to),
    ]),
  );
  const facilities = dataTable(
    'Facility changes',
    ['change', 'id', 'kind', 'name', 'detail', 'moved_km', 'people', 'impact_year'],
    p.facilities.map((f) => [
      f.change,
      f.id,
      f.kind,
      f.name,
      changeDetail(f),
      orBlank(f.moved_km),
      orBlank(f.people),
      orBlank(f.impact_year),
    ]),
  );
  const targets = dataTable(
    'Targets',
    ['by', 'label', 'a', 'b'],
    p.targets.map((t) => [t.by, t.label ?? '', yesNo(t.met.from), yesNo(t.met.to)]),
  );
  const moves = dataTable(
    'Serves changes',
    ['change', 'unit', 'to', 'from', 'effective'],
    p.serves_moves.map((m) => [m.change, m.unit, m.to, orBlank(m.from), orBlank(m.effective)]),
  );
  return [years, facilities, targets, ...(p.serves_moves.length ? [moves] : [])];
}

/** timeline --compare: one row per year of either plan (blank where a plan has none), then both plans' targets. */
export function comparisonTables(a: Timeline, b: Timeline): DataTable[] {
  const years = [...new Set([...a.years, ...b.years].map((y) => y.year))].sort((x, y) => x - y);
  const rows = years.map((year) => {
    const ya = a.years.find((y) => y.year === year);
    const yb = b.years.find((y) => y.year === year);
    return [
      year,
      orBlank(ya?.centers),
      orBlank(yb?.centers),
      orBlank(ya?.branches),
      orBlank(yb?.branches),
      orBlank(ya?.coverage.distance.covered),
      orBlank(yb?.coverage.distance.covered),
      orBlank(ya?.coverage.distance.percent),
      orBlank(yb?.coverage.distance.percent),
      ya && yb ? yb.coverage.distance.covered - ya.coverage.distance.covered : '',
    ];
  });
  const compared = dataTable(
    'Comparison',
    [
      'year',
      'centers_a',
      'centers_b',
      'branches_a',
      'branches_b',
      'distance_covered_a',
      'distance_covered_b',
      'distance_percent_a',
      'distance_percent_b',
      'people_b_minus_a',
    ],
    rows,
  );
  const target = (plan: string, t: TargetCheck) => [
    plan,
    t.by,
    t.label ?? '',
    t.met ? 'met' : 'missed',
    orBlank(t.centers?.actual),
    orBlank(t.centers?.target),
    orBlank(t.branches?.actual),
    orBlank(t.branches?.target),
  ];
  const targets = dataTable(
    'Targets',
    ['plan', 'by', 'label', 'status', 'centers', 'centers_target', 'branches', 'branches_target'],
    [...a.targets.map((t) => target('A', t)), ...b.targets.map((t) => target('B', t))],
  );
  return [compared, targets];
}

/** optimize --model order: each year's openings and coverage in the optimized order and the plan's; what never opens. */
export function orderTables(o: OrderResult): DataTable[] {
  // A money budget adds each year's spending; every row says how good the order is and what it answers.
  const m = o.money;
  const about = [qualityText(o.quality), o.problem.model, o.problem.population, o.problem.travel];
  const steps = dataTable(
    'Rollout order',
    [
      'year',
      'optimized_opens',
      'optimized_covered',
      'optimized_percent',
      'plan_opens',
      'plan_covered',
      'plan_percent',
      ...(m ? ['optimized_spent_azn', 'plan_spent_azn', 'budget_azn_per_year', 'carry_over', 'budget_covers'] : []),
      'quality',
      'model',
      'population',
      'travel',
    ],
    o.optimized.steps.map((s, i) => {
      const p = o.plan.steps[i]!;
      const spent = m ? [m.spent[i]!.optimized_azn, m.spent[i]!.plan_azn, m.azn_per_year, m.rule, m.counted] : [];
      return [
        s.year,
        s.open.join(' '),
        s.covered,
        s.percent,
        p.open.join(' '),
        p.covered,
        p.percent,
        ...spent,
        ...about,
      ];
    }),
  );
  const unscheduled = dataTable(
    'Not opened at this budget',
    ['id'],
    o.unscheduled.map((id) => [id]),
  );
  return [steps, ...(o.unscheduled.length ? [unscheduled] : [])];
}
