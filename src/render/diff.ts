/** A plan diff as a pull-request comment (Markdown), for the terminal (text), or JSON. */
import { describeBasis } from '../analysis/demand.js';
import type { PlanDiff } from '../analysis/diff.js';
import { markdownTable, textTable, type Column } from './table.js';

const d = (a: number, b: number, digits = 1) => (b === a ? '=' : `${b > a ? '+' : ''}${(b - a).toFixed(digits)}`);
const km = (x: number | null) => (x === null ? '–' : x.toFixed(1));

function parts(p: PlanDiff, table: (c: Column[], r: string[][]) => string, md: boolean): string[] {
  const changed = p.years.filter((y) => y.centers[0] !== y.centers[1] || y.branches[0] !== y.branches[1] || y.distance_percent[0] !== y.distance_percent[1] || y.assignment_percent[0] !== y.assignment_percent[1]);
  const yearCols: Column[] = [{ header: 'year' }, { header: 'centers', align: 'right' }, { header: 'branches', align: 'right' }, { header: 'by distance', align: 'right' }, { header: 'Δ points', align: 'right' }, { header: 'by assignment', align: 'right' }, { header: 'mean km', align: 'right' }];
  const yearRows = changed.map((y) => [
    String(y.year), `${y.centers[0]} → ${y.centers[1]}`, `${y.branches[0]} → ${y.branches[1]}`,
    `${y.distance_percent[0].toFixed(1)}% → ${y.distance_percent[1].toFixed(1)}%`, d(y.distance_percent[0], y.distance_percent[1]),
    `${y.assignment_percent[0].toFixed(1)}% → ${y.assignment_percent[1].toFixed(1)}%`, `${km(y.mean_km[0])} → ${km(y.mean_km[1])}`,
  ]);
  const met = (x: boolean | null) => (x === null ? '—' : x ? (md ? '✅ met' : 'met') : md ? '❌ missed' : 'missed');
  const targetsChanged = p.targets.filter((t) => t.a !== t.b);
  return [
    `${md ? '**' : ''}Facilities${md ? '**' : ''} (${p.facilities.length} change${p.facilities.length === 1 ? '' : 's'})`,
    '',
    p.facilities.length ? table([{ header: 'change' }, { header: 'id' }, { header: 'kind' }, { header: 'name' }, { header: 'detail' }], p.facilities.map((f) => [f.change, f.id, f.kind, f.name, f.detail])) : 'none',
    '',
    `${md ? '**' : ''}Effect by year${md ? '**' : ''} (years with a difference)`,
    '',
    changed.length ? table(yearCols, yearRows) : 'no difference in counts or coverage',
    '',
    `${md ? '**' : ''}Targets${md ? '**' : ''}`,
    '',
    ...(p.targets.length ? p.targets.map((t) => `${md ? '- ' : '  '}by ${t.by}${t.label ? ` (${t.label})` : ''}: ${met(t.a)} → ${met(t.b)}`) : ['none']),
    ...(targetsChanged.length ? [] : ['', 'No target changes status.']),
  ];
}

export function diffMarkdown(p: PlanDiff): string {
  return [`### Plan diff: ${p.a} → ${p.b}`, '', `Coverage counted on the ${describeBasis(p.population_basis)}.`, '', ...parts(p, markdownTable, true)].join('\n');
}

export function diffText(p: PlanDiff): string {
  return [`Plan diff: ${p.a} → ${p.b}`, `Coverage counted on the ${describeBasis(p.population_basis)}.`, '', ...parts(p, textTable, false)].join('\n');
}
