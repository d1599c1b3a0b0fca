/** The rollout for people (text with a Gantt-style chart, Markdown) and spreadsheets (CSV). */
import type { TargetCheck, Timeline } from '../analysis/timeline.js';
import { mdText } from './markdown-text.js';
import { oneLine } from './printable.js';
import { type DataTable, dataTable, markdownTable, textTable, type Column } from './table.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { MISSED_REASON_ID, TARGET_LABEL_ID } from '../model/local-names.js';
import { basisText, modelText } from './words.js';

const signed = (x: number, L: Locale) => (x > 0 ? `+${L.num(x, 1)}` : x === 0 ? '0' : L.num(x, 1));

const yearColumns = (L: Locale): Column[] => [
  { header: L.t('common.year') },
  { header: L.t('common.centers'), align: 'right' },
  { header: L.t('common.branches'), align: 'right' },
  { header: L.t('common.by_distance'), align: 'right' },
  { header: L.t('timeline.gain'), align: 'right' },
  { header: L.t('common.by_assignment'), align: 'right' },
  { header: L.t('common.with_online'), align: 'right' },
  { header: L.t('common.mean_km'), align: 'right' },
  { header: L.t('timeline.over_100'), align: 'right' },
  { header: L.t('timeline.opened') },
];

/** Facilities above capacity, e.g. "3 (BAK-1 195%)": the count and the worst. */
export function overloadText(y: Timeline['years'][number], L: Locale = ENGLISH): string {
  const o = y.capacity.overloaded;
  return o.length === 0 ? '0' : `${o.length} (${o[0]!.id} ${L.pct(o[0]!.utilization_pct, 0)})`;
}

function yearRows(t: Timeline, L: Locale): string[][] {
  return t.years.map((y) => [
    String(y.year),
    String(y.centers),
    String(y.branches),
    L.pct(y.coverage.distance.percent),
    signed(y.gain.distance_points, L),
    L.pct(y.coverage.assignment.percent),
    L.pct(y.coverage.with_online.percent),
    y.mean_km === null ? '–' : L.num(y.mean_km, 1),
    overloadText(y, L),
    [...y.opened, ...y.closed.map((c) => `-${c}`)].join(' '),
  ]);
}

export function targetLine(t: TargetCheck, L: Locale = ENGLISH): string {
  const part = (what: 'centers' | 'branches', c: TargetCheck['centers']) =>
    c ? `${L.t(`common.${what}`)} ${c.actual}/${c.target}${c.met ? '' : L.t('target.short', { n: c.shortfall })}` : '';
  const counts = [part('centers', t.centers), part('branches', t.branches)].filter(Boolean).join(', ');
  const shown = t.open_earlier.slice(0, 8).map((f) => `${f.id} (${L.planDate(f.opens)})`);
  if (t.open_earlier.length > shown.length) shown.push(L.t('target.more', { n: t.open_earlier.length - shown.length }));
  const earlier = shown.length ? L.t('target.earlier', { list: shown.join(', ') }) : '';
  return L.t('target.line', {
    mark: L.t(t.met ? 'target.met' : 'target.missed'),
    by: L.planDate(t.by),
    label: t.label ? ` — ${oneLine(L.place(TARGET_LABEL_ID, t.label))}` : '',
    counts,
    earlier,
    note: t.note ? `; ${noteText(t.note, L)}` : '',
    ack: acknowledgement(t, L),
  });
}

/**
 * A note the analysis wrote in English (analysis/timeline.ts), said again in `L`'s language: the
 * plan short of facilities for a target, a branch opening before its center.
 */
export function noteText(note: string, L: Locale = ENGLISH): string {
  if (L.lang === 'en') return note;
  return note
    .split('; ')
    .map((n) => {
      const short = /^the plan has (\d+) (centers|branches) in all: (\d+) more must be added$/.exec(n);
      if (short)
        return L.t('timeline.note_short', {
          n: short[1]!,
          kind: L.t(`common.${short[2] as 'centers'}`),
          more: short[3]!,
        });
      const early = /^branch (\S+) opens \(([^)]*)\) before its center (\S+) \(([^)]*)\)$/.exec(n);
      if (early)
        return L.t('timeline.note_early', {
          branch: early[1]!,
          opens: early[2]!,
          center: early[3]!,
          center_opens: early[4]!,
        });
      return n;
    })
    .join('; ');
}

/** What the plan records about a missed target, and whether this miss is the one it records. */
function acknowledgement(t: TargetCheck, L: Locale): string {
  const a = t.acknowledged;
  if (!a) return '';
  if (t.met) return L.t('target.met_recorded_missed');
  const recorded = [
    a.centers !== undefined ? L.t('common.n_centers', { n: a.centers }) : '',
    a.branches !== undefined ? L.t('common.n_branches', { n: a.branches }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const reason = oneLine(L.place(MISSED_REASON_ID, a.reason));
  return a.covers ? L.t('target.acknowledged', { reason }) : L.t('target.new_miss', { recorded, reason });
}

/** A warning the plan accepts for one facility, with its reason. */
export function waiverLine(w: Timeline['waivers'][number], L: Locale = ENGLISH): string {
  return L.t('target.waiver', { id: w.id, code: w.code, reason: oneLine(w.reason) });
}

/** ✅ met, ☑️ missed as the plan records it, ❌ missed. */
const targetMark = (t: TargetCheck) => (t.met ? '✅' : t.acknowledged?.covers ? '☑️' : '❌');

/** One row per facility, one column per year: · planned, A announced for that year but not open, █ open. */
export function gantt(t: Timeline, L: Locale = ENGLISH): string {
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
  return [header, ...rows, `${''.padEnd(width)}  ${L.t('timeline.gantt_key')}`].join('\n');
}

/** Open centers/branches per economic region and year ("c/b"), the regional view of the rollout. */
function regionalCounts(
  t: Timeline,
  table: (c: Column[], r: string[][]) => string,
  names: Map<string, string>,
  L: Locale,
): string {
  const ids = Object.keys(t.years[0]?.by_economic_region ?? {});
  const cols: Column[] = [
    { header: L.t('common.economic_region') },
    ...t.years.map((y) => ({ header: `'${String(y.year).slice(2)}`, align: 'right' as const })),
  ];
  const rows = ids.map((id) => [
    L.place(id, names.get(id) ?? id),
    ...t.years.map((y) => `${y.by_economic_region[id]!.centers}/${y.by_economic_region[id]!.branches}`),
  ]);
  return table(cols, rows);
}

function header(t: Timeline, L: Locale): string[] {
  return [
    L.t('timeline.header', {
      plan: L.planName(t.plan),
      from: t.years[0]?.year ?? '',
      to: t.years[t.years.length - 1]?.year ?? '',
      model: modelText(t.model, L),
      basis: basisText(t.population_basis, L),
    }),
  ];
}

export function timelineText(t: Timeline, names: Map<string, string> = new Map(), L: Locale = ENGLISH): string {
  return [
    ...header(t, L),
    '',
    textTable(yearColumns(L), yearRows(t, L)),
    '',
    `${L.t('timeline.targets')}:`,
    ...t.targets.map((x) => `  ${targetLine(x, L)}`),
    ...(t.waivers.length ? ['', `${L.t('timeline.waived')}:`, ...t.waivers.map((w) => `  ${waiverLine(w, L)}`)] : []),
    '',
    `${L.t('timeline.by_region')}:`,
    regionalCounts(t, textTable, names, L),
    ...(t.notes.length ? ['', `${L.t('timeline.notes')}:`, ...t.notes.map((n) => `  ${noteText(n, L)}`)] : []),
    '',
    gantt(t, L),
  ].join('\n');
}

export function timelineMarkdown(t: Timeline, names: Map<string, string> = new Map(), L: Locale = ENGLISH): string {
  const mark = new RegExp(`^(${L.t('target.met').trim()}|${L.t('target.missed').trim()})\\s*`);
  return [
    `### ${mdText(header(t, L)[0]!)}`,
    '',
    markdownTable(yearColumns(L), yearRows(t, L)),
    '',
    `**${L.t('timeline.targets')}**`,
    '',
    ...t.targets.map((x) => `- ${targetMark(x)} ${mdText(targetLine(x, L).replace(mark, ''))}`),
    ...(t.waivers.length
      ? ['', `**${L.t('timeline.waived')}**`, '', ...t.waivers.map((w) => `- ${mdText(waiverLine(w, L))}`)]
      : []),
    '',
    `**${L.t('timeline.by_region')}**`,
    '',
    regionalCounts(t, markdownTable, names, L),
    ...(t.notes.length
      ? ['', `**${L.t('timeline.notes')}**`, '', ...t.notes.map((n) => `- ${mdText(noteText(n, L))}`)]
      : []),
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
export function comparisonText(a: Timeline, b: Timeline, markdown = false, L: Locale = ENGLISH): string {
  const [centers, branches, coverage] = [L.t('common.centers'), L.t('common.branches'), L.t('timeline.coverage')];
  const cols: Column[] = [
    { header: L.t('common.year') },
    { header: `${centers} A`, align: 'right' },
    { header: `${centers} B`, align: 'right' },
    { header: `${branches} A`, align: 'right' },
    { header: `${branches} B`, align: 'right' },
    { header: `${coverage} A`, align: 'right' },
    { header: `${coverage} B`, align: 'right' },
    { header: L.t('timeline.people_b_a'), align: 'right' },
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
      cell(ya, (y) => L.pct(y.coverage.distance.percent)),
      cell(yb, (y) => L.pct(y.coverage.distance.percent)),
      ya && yb ? L.int(yb.coverage.distance.covered - ya.coverage.distance.covered) : '–',
    ];
  });
  const table = markdown ? markdownTable(cols, rows) : textTable(cols, rows);
  // Markdown: the plans' names and target labels are text; a line break in a label would start a block.
  const line = markdown ? mdText : (s: string) => s;
  const target = (x: Timeline['targets'][number]) =>
    markdown ? `- ${mdText(targetLine(x, L))}` : `  ${targetLine(x, L)}`;
  return [
    line(`A: ${L.planName(a.plan)}`),
    ...(markdown ? [''] : []),
    line(`B: ${L.planName(b.plan)}`),
    '',
    table,
    '',
    `${L.t('timeline.targets')} (A):`,
    ...a.targets.map(target),
    `${L.t('timeline.targets')} (B):`,
    ...b.targets.map(target),
  ].join('\n');
}
