/** A plan diff as a pull-request comment (Markdown), for the terminal (text); JSON is the PlanDiff itself. */
import { describeBasis } from '../analysis/demand.js';
import type { FacilityChange, PlanDiff } from '../analysis/diff.js';
import { mdText } from './markdown-text.js';
import { markdownTable, textTable, type Column } from './table.js';

const d = (a: number, b: number, digits = 1) => (b === a ? '=' : `${b > a ? '+' : ''}${(b - a).toFixed(digits)}`);
const km = (x: number | null) => (x === null ? '–' : x.toFixed(1));
/** Longer facility lists fold away in a pull-request comment. */
const FOLD_AFTER = 10;

const show = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** The change in words, from the from/to fields. */
export function changeDetail(c: FacilityChange): string {
  const f = c.fields;
  switch (c.change) {
    case 'added':
      return `${show(f.region?.to)}, opens ${show(f.opens?.to)}`;
    case 'removed':
      return `${show(f.region?.from)}, was to open ${show(f.opens?.from)}`;
    case 'moved':
      return `${c.moved_km!.toFixed(1)} km${f.region ? `, ${show(f.region.from)} → ${show(f.region.to)}` : ''}`;
    default:
      return Object.entries(f)
        .map(([k, v]) => `${k} ${show(v!.from)} → ${show(v!.to)}`)
        .join('; ');
  }
}

function parts(p: PlanDiff, table: (c: Column[], r: string[][]) => string, md: boolean): string[] {
  // Plan text (names, ids, labels, file names in the model) is escaped in Markdown; our own markup is not.
  const t = md ? mdText : (s: string) => s;
  const changed = p.years.filter(
    (y) =>
      y.centers.from !== y.centers.to ||
      y.branches.from !== y.branches.to ||
      y.distance_percent.from !== y.distance_percent.to ||
      y.assignment_percent.from !== y.assignment_percent.to,
  );
  const yearCols: Column[] = [
    { header: 'year' },
    { header: 'centers', align: 'right' },
    { header: 'branches', align: 'right' },
    { header: 'by distance', align: 'right' },
    { header: 'Δ points', align: 'right' },
    { header: 'by assignment', align: 'right' },
    { header: 'mean km', align: 'right' },
  ];
  const yearRows = changed.map((y) => [
    String(y.year),
    `${y.centers.from} → ${y.centers.to}`,
    `${y.branches.from} → ${y.branches.to}`,
    `${y.distance_percent.from.toFixed(1)}% → ${y.distance_percent.to.toFixed(1)}%`,
    d(y.distance_percent.from, y.distance_percent.to),
    `${y.assignment_percent.from.toFixed(1)}% → ${y.assignment_percent.to.toFixed(1)}%`,
    `${km(y.mean_km.from)} → ${km(y.mean_km.to)}`,
  ]);
  const met = (x: boolean | null) => (x === null ? '—' : x ? (md ? '✅ met' : 'met') : md ? '❌ missed' : 'missed');
  const targetsChanged = p.targets.filter((t) => t.met.from !== t.met.to);
  const bold = (s: string) => (md ? `**${s}**` : s);
  const n = p.facilities.length;
  const people = (c: FacilityChange) =>
    c.people === null ? '–' : `${c.people.toLocaleString('en-US')} (${c.impact_year})`;
  const facilityTable = table(
    [
      { header: 'change' },
      { header: 'id' },
      { header: 'kind' },
      { header: 'name' },
      { header: 'detail' },
      { header: 'people whose coverage changes', align: 'right' },
    ],
    // Cells are markdownTable's to escape (every table's, not only this one).
    p.facilities.map((f) => [f.change, f.id, f.kind, f.name, changeDetail(f), people(f)]),
  );
  const facilities =
    n === 0
      ? ['none']
      : md && n > FOLD_AFTER
        ? [
            `<details><summary>${n} facility changes, most people affected first</summary>`,
            '',
            facilityTable,
            '',
            '</details>',
          ]
        : [facilityTable];
  const model =
    p.model.from === p.model.to
      ? `Distance model: ${t(p.model.from)}.`
      : `Distance model: A ${t(p.model.from)}; B ${t(p.model.to)}.`;
  return [
    model,
    '',
    `${bold('Facilities')} (${n} change${n === 1 ? '' : 's'}, most people affected first: people ` +
      `within the standard in one plan and not the other, plan B with only that change undone)`,
    '',
    ...facilities,
    ...(p.serves_moves.length
      ? [
          '',
          `${bold('Dated serves changes')} (reassign: a unit served by another facility from a date on)`,
          '',
          ...p.serves_moves.map(
            (m) =>
              `${md ? '- ' : '  '}${m.change}: ${m.unit} to ${m.to} from ${m.effective ?? '?'}` +
              `${m.from === null ? ` (when ${m.to} opens)` : ''}`,
          ),
        ]
      : []),
    '',
    `${bold('Effect by year')} (years with a difference)`,
    '',
    changed.length ? table(yearCols, yearRows) : 'no difference in counts or coverage',
    '',
    bold('Targets'),
    '',
    ...(p.targets.length
      ? p.targets.map(
          (g) =>
            `${md ? '- ' : '  '}by ${t(g.by)}${g.label ? ` (${t(g.label)})` : ''}: ${met(g.met.from)} → ${met(g.met.to)}`,
        )
      : ['none']),
    ...(targetsChanged.length ? [] : ['', 'No target changes status.']),
  ];
}

export function diffMarkdown(p: PlanDiff): string {
  return [
    `### Plan diff: ${mdText(p.plans.from)} → ${mdText(p.plans.to)}`,
    '',
    `Coverage counted on the ${describeBasis(p.population_basis)}.`,
    '',
    ...parts(p, markdownTable, true),
  ].join('\n');
}

export function diffText(p: PlanDiff): string {
  return [
    `Plan diff: ${p.plans.from} → ${p.plans.to}`,
    `Coverage counted on the ${describeBasis(p.population_basis)}.`,
    '',
    ...parts(p, textTable, false),
  ].join('\n');
}
