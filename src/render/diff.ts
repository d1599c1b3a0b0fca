/** A plan diff as a pull-request comment (Markdown), for the terminal (text); JSON is the PlanDiff itself. */
import type { FacilityChange, PlanDiff } from '../analysis/diff.js';
import { mdText } from './markdown-text.js';
import { oneLine } from './printable.js';
import { markdownTable, textTable, type Column } from './table.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { TARGET_LABEL_ID } from '../model/local-names.js';
import { basisText, kindWord, modelDescriptionText as modelWords } from './words.js';

const d = (a: number, b: number, L: Locale) => (b === a ? '=' : `${b > a ? '+' : ''}${L.num(b - a, 1)}`);
const km = (x: number | null, L: Locale) => (x === null ? '–' : L.num(x, 1));
/** Longer facility lists fold away in a pull-request comment. */
const FOLD_AFTER = 10;

const show = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** A unit code as a name in the run's language (the diff carries codes). */
const region = (v: unknown, L: Locale) => (typeof v === 'string' ? (L.unitName(v) ?? v) : show(v));
/** A plan date: as written in English, in words in Azerbaijani. */
const date = (v: unknown, L: Locale) => (typeof v === 'string' ? L.planDate(v) : show(v));

/** A field's value in the run's language: dates, units, statuses and kinds in words. */
function value(field: keyof FacilityChange['fields'], v: unknown, L: Locale): string {
  if (L.lang === 'en' || v === null || v === undefined) return show(v);
  if (field === 'opens' || field === 'closes') return date(v, L);
  if (field === 'region') return region(v, L);
  if (field === 'status' && typeof v === 'string' && STATUSES.has(v)) return L.t(`status.${v as 'open'}`);
  if (field === 'kind' && (v === 'center' || v === 'branch')) return kindWord(v, L);
  if (field === 'serves' && Array.isArray(v)) return `[${v.map((u) => region(u, L)).join(', ')}]`;
  if (typeof v === 'number') return L.num(v, Number.isInteger(v) ? 0 : 4);
  return show(v);
}
const STATUSES = new Set(['open', 'under_construction', 'planned', 'closed']);

/** The change in words, from the from/to fields. */
export function changeDetail(c: FacilityChange, L: Locale = ENGLISH): string {
  const f = c.fields;
  switch (c.change) {
    case 'added':
      return L.t('diff.detail_added', { region: region(f.region?.to, L), opens: date(f.opens?.to, L) });
    case 'removed':
      return L.t('diff.detail_removed', { region: region(f.region?.from, L), opens: date(f.opens?.from, L) });
    case 'moved':
      return `${L.num(c.moved_km!, 1)} km${f.region ? `, ${region(f.region.from, L)} → ${region(f.region.to, L)}` : ''}`;
    default:
      return Object.entries(f)
        .map(([k, v]) => {
          const field = k as keyof FacilityChange['fields'];
          return `${L.t(`diff.field.${field}`)} ${value(field, v!.from, L)} → ${value(field, v!.to, L)}`;
        })
        .join('; ');
  }
}

function parts(p: PlanDiff, table: (c: Column[], r: string[][]) => string, md: boolean, L: Locale): string[] {
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
    { header: L.t('common.year') },
    { header: L.t('common.centers'), align: 'right' },
    { header: L.t('common.branches'), align: 'right' },
    { header: L.t('common.by_distance'), align: 'right' },
    { header: L.t('diff.delta_points'), align: 'right' },
    { header: L.t('common.by_assignment'), align: 'right' },
    { header: L.t('common.mean_km'), align: 'right' },
  ];
  const yearRows = changed.map((y) => [
    String(y.year),
    `${y.centers.from} → ${y.centers.to}`,
    `${y.branches.from} → ${y.branches.to}`,
    `${L.pct(y.distance_percent.from)} → ${L.pct(y.distance_percent.to)}`,
    d(y.distance_percent.from, y.distance_percent.to, L),
    `${L.pct(y.assignment_percent.from)} → ${L.pct(y.assignment_percent.to)}`,
    `${km(y.mean_km.from, L)} → ${km(y.mean_km.to, L)}`,
  ]);
  const met = (x: boolean | null) =>
    x === null ? '—' : `${md ? (x ? '✅ ' : '❌ ') : ''}${L.t(x ? 'common.met' : 'common.missed')}`;
  const targetsChanged = p.targets.filter((t) => t.met.from !== t.met.to);
  const bold = (s: string) => (md ? `**${s}**` : s);
  const n = p.facilities.length;
  const people = (c: FacilityChange) => (c.people === null ? '–' : `${L.int(c.people)} (${c.impact_year})`);
  const facilityTable = table(
    [
      { header: L.t('diff.col_change') },
      { header: L.t('common.id') },
      { header: L.t('diff.col_kind') },
      { header: L.t('common.name') },
      { header: L.t('diff.col_detail') },
      { header: L.t('diff.col_people'), align: 'right' },
    ],
    // Cells are markdownTable's to escape (every table's, not only this one).
    p.facilities.map((f) => [
      L.t(`diff.change.${f.change}`),
      f.id,
      kindWord(f.kind, L),
      L.place(f.id, f.name),
      changeDetail(f, L),
      people(f),
    ]),
  );
  const facilities =
    n === 0
      ? [L.t('common.none')]
      : md && n > FOLD_AFTER
        ? [`<details><summary>${L.t('diff.folded', { n })}</summary>`, '', facilityTable, '', '</details>']
        : [facilityTable];
  const model =
    p.model.from === p.model.to
      ? L.t('diff.model', { model: t(modelWords(p.model.from, L)) })
      : L.t('diff.model_two', { a: t(modelWords(p.model.from, L)), b: t(modelWords(p.model.to, L)) });
  return [
    model,
    '',
    `${bold(L.t('diff.facilities'))} ${L.t(n === 1 ? 'diff.facilities_note_one' : 'diff.facilities_note_many', { n })}`,
    '',
    ...facilities,
    ...(p.serves_moves.length
      ? [
          '',
          `${bold(L.t('diff.serves'))} ${L.t('diff.serves_note')}`,
          '',
          ...p.serves_moves.map(
            (m) =>
              `${md ? '- ' : '  '}${L.t('diff.serves_line', {
                change: L.t(`diff.change.${m.change}`),
                unit: L.place(m.unit, m.unit),
                to: m.to,
                effective: m.effective === null ? '?' : L.planDate(m.effective),
              })}` + `${m.from === null ? L.t('diff.serves_when', { to: m.to }) : ''}`,
          ),
        ]
      : []),
    '',
    `${bold(L.t('diff.effect'))} ${L.t('diff.effect_note')}`,
    '',
    changed.length ? table(yearCols, yearRows) : L.t('diff.no_difference'),
    '',
    bold(L.t('timeline.targets')),
    '',
    ...(p.targets.length
      ? p.targets.map(
          (g) =>
            `${md ? '- ' : '  '}${L.t('diff.target_line', {
              by: t(L.planDate(g.by)),
              label: g.label ? ` (${t(oneLine(L.place(TARGET_LABEL_ID, g.label)))})` : '',
              from: met(g.met.from),
              to: met(g.met.to),
            })}`,
        )
      : [L.t('common.none')]),
    ...(targetsChanged.length ? [] : ['', L.t('diff.no_target_change')]),
  ];
}

export function diffMarkdown(p: PlanDiff, L: Locale = ENGLISH): string {
  return [
    `### ${L.t('diff.title', { from: mdText(L.planName(p.plans.from)), to: mdText(L.planName(p.plans.to)) })}`,
    '',
    L.t('diff.basis', { basis: basisText(p.population_basis, L) }),
    '',
    ...parts(p, markdownTable, true, L),
  ].join('\n');
}

export function diffText(p: PlanDiff, L: Locale = ENGLISH): string {
  return [
    L.t('diff.title', { from: L.planName(p.plans.from), to: L.planName(p.plans.to) }),
    L.t('diff.basis', { basis: basisText(p.population_basis, L) }),
    '',
    ...parts(p, textTable, false, L),
  ].join('\n');
}
