/** The rollout for people (text with a Gantt-style chart, Markdown) and spreadsheets (CSV). */
import type { TargetCheck, Timeline } from '../analysis/timeline.js';
import { type DataTable, dataTable, int, markdownTable, textTable, type Column } from './table.js';
import { describeBasis } from '../analysis/demand.js';
import { mdText } from './markdown-text.js';

const pc = (x: number) => `${x.toFixed(1)}%`;
const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : x === 0 ? '0' : x.toFixed(1));

const yearColumns: Column[] = [
  { header: 'year' },
  { header: 'centers', align: 'right' },
  { header: 'branches', align: 'right' },
  { header: 'by distance', align: 'right' },
  { header: 'gain', align: 'right' },
  { header: 'by assignment', align: 'right' },
  { header: 'with online', align: 'right' },
  { header: 'mean km', align: 'right' },
  { header: 'over 100%', align: 'right' },
  { header: 'opened' },
];

/** Facilities above capacity, e.g. "3 (BAK-1 195%)": the count and the worst. */
export function overloadText(y: Timeline['years'][number]): string {
  const o = y.capacity.overloaded;
  return o.length === 0 ? '0' : `${o.length} (${o[0]!.id} ${o[0]!.utilization_pct.toFixed(0)}%)`;
}

function yearRows(t: Timeline): string[][] {
  return t.years.map((y) => [
    String(y.year),
    String(y.centers),
    String(y.branches),
    pc(y.coverage.distance.percent),
    signed(y.gain.distance_points),
    pc(y.coverage.assignment.percent),
    pc(y.coverage.with_online.percent),
    y.mean_km === null ? '–' : y.mean_km.toFixed(1),
    overloadText(y),
    [...y.opened, ...y.closed.map((c) => `-${c}`)].join(' '),
  ]);
}

export function targetLine(t: TargetCheck): string {
  const part = (what: string, c: TargetCheck['centers']) =>
    c ? `${what} ${c.actual}/${c.target}${c.met ? '' : ` (short by ${c.shortfall})`}` : '';
  const counts = [part('centers', t.centers), part('branches', t.branches)].filter(Boolean).join(', ');
  const shown = t.open_earlier.slice(0, 8).map((f) => `${f.id} (${f.opens})`);
  if (t.open_earlier.length > shown.length) shown.push(`and ${t.open_earlier.length - shown.length} more`);
  const earlier = shown.length ? `; to meet it, open earlier: ${shown.join(', ')}` : '';
  return (
    `${t.met ? 'MET   ' : 'MISSED'} by ${t.by}${t.label ? ` — ${t.label}` : ''}: ` +
    `${counts}${earlier}${t.note ? `; ${t.note}` : ''}${acknowledgement(t)}`
  );
}

/** What the plan records about a missed target, and whether this miss is the one it records. */
function acknowledgement(t: TargetCheck): string {
  const a = t.acknowledged;
  if (!a) return '';
  if (t.met) return `; met, though the plan records it as missed: remove its missed: entry`;
  const recorded = [
    a.centers !== undefined ? `${a.centers} centers` : '',
    a.branches !== undefined ? `${a.branches} branches` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return a.covers
    ? `; acknowledged as missed: ${a.reason}`
    : `; a new miss: fewer open than the ${recorded} the plan records as reached (${a.reason})`;
}

/** A warning the plan accepts for one facility, with its reason. */
export function waiverLine(w: Timeline['waivers'][number]): string {
  return `${w.id}: ${w.code} — ${w.reason}`;
}

/** ✅ met, ☑️ missed as the plan records it, ❌ missed. */
const targetMark = (t: TargetCheck) => (t.met ? '✅' : t.acknowledged?.covers ? '☑️' : '❌');

/** One row per facility, one column per year: · planned, A announced for that year but not open, █ open. */
export function gantt(t: Timeline): string {
  const years = t.years.map((y) => y.year);
  const width = Math.max(...t.facilities.map((f) => f.id.length));
  const header = `${''.padEnd(width)}  ${years.map((y) => String(y).slice(2)).join(' ')}`;
  const openYear = new Map<string, number>();
  const closeYear = new Map<string, number>();
  for (const y of t.years) {
    y.opened.forEach((id) => openYear.set(id, y.year));
    y.closed.forEach((id) => closeYear.set(id, y.year));
  }
  const rows = t.facilities.map((f) => {
    const o = openYear.get(f.id) ?? Infinity;
    const c = closeYear.get(f.id) ?? Infinity;
    const announced = f.announced ? Number(f.announced.slice(0, 4)) : undefined;
    const cells = years.map((y) =>
      y >= o && y < c ? '██' : announced !== undefined && y >= announced && y < o ? 'A ' : ' ·',
    );
    return `${f.id.padEnd(width)}  ${cells.join(' ')}`;
  });
  return [header, ...rows, `${''.padEnd(width)}  ██ open · not yet open  A announced but not open`].join('\n');
}

/** Open centers/branches per economic region and year ("c/b"), the regional view of the rollout. */
function regionalCounts(
  t: Timeline,
  table: (c: Column[], r: string[][]) => string,
  names: Map<string, string>,
): string {
  const ids = Object.keys(t.years[0]?.by_economic_region ?? {});
  const cols: Column[] = [
    { header: 'economic region' },
    ...t.years.map((y) => ({ header: `'${String(y.year).slice(2)}`, align: 'right' as const })),
  ];
  const rows = ids.map((id) => [
    names.get(id) ?? id,
    ...t.years.map((y) => `${y.by_economic_region[id]!.centers}/${y.by_economic_region[id]!.branches}`),
  ]);
  return table(cols, rows);
}

function header(t: Timeline): string[] {
  return [
    `Rollout of ${t.plan}, ${t.years[0]?.year}–${t.years[t.years.length - 1]?.year}. Coverage: ` +
      `people within the standard of an open center or branch (${t.model.description}); ` +
      `${describeBasis(t.population_basis)}. Over 100%: open facilities whose catchment needs more ` +
      `visits a day than their capacity (dostplan capacity).`,
  ];
}

export function timelineText(t: Timeline, names: Map<string, string> = new Map()): string {
  return [
    ...header(t),
    '',
    textTable(yearColumns, yearRows(t)),
    '',
    'Targets:',
    ...t.targets.map((x) => `  ${targetLine(x)}`),
    ...(t.waivers.length ? ['', 'Waived warnings:', ...t.waivers.map((w) => `  ${waiverLine(w)}`)] : []),
    '',
    'Open centers/branches by economic region:',
    regionalCounts(t, textTable, names),
    ...(t.notes.length ? ['', 'Notes:', ...t.notes.map((n) => `  ${n}`)] : []),
    '',
    gantt(t),
  ].join('\n');
}

export function timelineMarkdown(t: Timeline, names: Map<string, string> = new Map()): string {
  return [
    `### ${mdText(header(t)[0]!)}`,
    '',
    markdownTable(yearColumns, yearRows(t)),
    '',
    '**Targets**',
    '',
    ...t.targets.map((x) => `- ${targetMark(x)} ${mdText(targetLine(x).replace(/^(MET|MISSED)\s*/, ''))}`),
    ...(t.waivers.length ? ['', '**Waived warnings**', '', ...t.waivers.map((w) => `- ${mdText(waiverLine(w))}`)] : []),
    '',
    '**Open centers/branches by economic region**',
    '',
    regionalCounts(t, markdownTable, names),
    ...(t.notes.length ? ['', '**Notes**', '', ...t.notes.map((n) => `- ${mdText(n)}`)] : []),
  ].join('\n');
}

export function timelineTable(t: Timeline): DataTable {
  const headers = [
    'year',
    'population_year',
    'centers',
    'branches',
    'distance_covered',
    'distance_percent',
    'assignment_covered',
    'assignment_percent',
    'with_online_percent',
    'mean_km',
    'gain_distance_points',
    'visits_per_day',
    'capacity_per_day',
    'overloaded',
    'opened',
    'closed',
  ];
  return dataTable(
    'Timeline',
    headers,
    t.years.map((y) => [
      y.year,
      y.population_year,
      y.centers,
      y.branches,
      y.coverage.distance.covered,
      y.coverage.distance.percent,
      y.coverage.assignment.covered,
      y.coverage.assignment.percent,
      y.coverage.with_online.percent,
      y.mean_km ?? '',
      y.gain.distance_points,
      y.capacity.visits_per_day,
      y.capacity.capacity_per_day,
      y.capacity.overloaded.map((f) => f.id).join(' '),
      y.opened.join(' '),
      y.closed.join(' '),
    ]),
  );
}

/** Two schedules side by side (e.g. as announced vs as built). */
export function comparisonText(a: Timeline, b: Timeline, markdown = false): string {
  const cols: Column[] = [
    { header: 'year' },
    { header: 'centers A', align: 'right' },
    { header: 'centers B', align: 'right' },
    { header: 'branches A', align: 'right' },
    { header: 'branches B', align: 'right' },
    { header: 'coverage A', align: 'right' },
    { header: 'coverage B', align: 'right' },
    { header: 'people (B − A)', align: 'right' },
  ];
  // The two plans may span different years: one row per year of either, '–' where a plan has none.
  const years = [...new Set([...a.years, ...b.years].map((y) => y.year))].sort((x, y) => x - y);
  const rows = years.map((year) => {
    const ya = a.years.find((y) => y.year === year);
    const yb = b.years.find((y) => y.year === year);
    const cell = (y: typeof ya, f: (y: NonNullable<typeof ya>) => string) => (y ? f(y) : '–');
    return [
      String(year),
      cell(ya, (y) => String(y.centers)),
      cell(yb, (y) => String(y.centers)),
      cell(ya, (y) => String(y.branches)),
      cell(yb, (y) => String(y.branches)),
      cell(ya, (y) => pc(y.coverage.distance.percent)),
      cell(yb, (y) => pc(y.coverage.distance.percent)),
      ya && yb ? int(yb.coverage.distance.covered - ya.coverage.distance.covered) : '–',
    ];
  });
  const table = markdown ? markdownTable(cols, rows) : textTable(cols, rows);
  // Markdown: the plans' names and target labels are text; a line break in a label would start a block.
  const line = markdown ? mdText : (s: string) => s;
  const target = (x: Timeline['targets'][number]) => (markdown ? `- ${mdText(targetLine(x))}` : `  ${targetLine(x)}`);
  return [
    line(`A: ${a.plan}`),
    ...(markdown ? [''] : []),
    line(`B: ${b.plan}`),
    '',
    table,
    '',
    'Targets (A):',
    ...a.targets.map(target),
    'Targets (B):',
    ...b.targets.map(target),
  ].join('\n');
}
