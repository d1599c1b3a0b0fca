/**
 * The figures beside the map (from /api/summary), the legend (the report's classes and colours,
 * render/palette.ts) and the diagnostics of a plan file that no longer reads.
 */
import {
  CONTEXT,
  classColor,
  COVERAGE_SCALE,
  type FacilityState,
  legendEntries,
  type MeasureScale,
  STATUS_STYLE,
  TRAVEL_TIME_SCALE,
} from '../render/palette.js';
import { scaleIn } from '../render/scale-words.js';
import type { Diagnostic, Distances, Facility, MapData, State, Summary } from './api.js';
import { byId, fill, h, s } from './dom.js';
import { int, LANG, num, pageWords, pct, placeName, t } from './words.js';

/** What the map shows per unit: the report's measures, with their fixed classes. */
export const MEASURE_SCALES = {
  coverage: scaleIn(COVERAGE_SCALE, pageWords),
  'travel-time': scaleIn(TRAVEL_TIME_SCALE, pageWords),
} as const;
export type Measure = keyof typeof MEASURE_SCALES;

const populationOf = (map: MapData) => new Map(map.features.map((f) => [f.properties.id, f.properties.population]));

/**
 * Each unit's fill by coverage, by the report map's rule (render/svg-map.ts unitFill): no data where
 * nobody lives, dark grey where no open facility is reachable, else its class.
 */
export function coverageFills(map: MapData, summary: Summary): Map<string, string> {
  const population = populationOf(map);
  return new Map(
    summary.units.map((u) => {
      const people = population.get(u.id) ?? 0;
      const colour =
        people <= 0 || u.covered_pct === null
          ? CONTEXT.noData
          : u.nearest_facility === null
            ? CONTEXT.unreachable
            : classColor(COVERAGE_SCALE, u.covered_pct);
      return [u.id, colour];
    }),
  );
}

/** Each unit's fill by its people's mean minutes to the nearest open facility (same rule). */
export function travelFills(distances: Distances): Map<string, string> {
  return new Map(
    distances.groups.map((g) => {
      const t = g.any;
      const colour =
        t.population <= 0
          ? CONTEXT.noData
          : t.unserved >= t.population
            ? CONTEXT.unreachable
            : classColor(TRAVEL_TIME_SCALE, t.mean_min);
      return [g.id, colour];
    }),
  );
}

export function showNational(summary: Summary): void {
  const n = summary.national;
  const row = (label: string, value: string, id: string) => [h('dt', {}, label), h('dd', { id }, value)];
  fill(
    byId('national-figures'),
    ...row(t('studio.national.covered'), pct(n.covered_pct, 2), 'national-covered'),
    ...row(t('studio.national.people'), int(n.population), 'national-population'),
    ...row(
      t('studio.national.travel'),
      n.mean_travel_min === null
        ? t('studio.national.none')
        : t('studio.national.trip', { min: num(n.mean_travel_min, 1), km: num(n.mean_km, 1) }),
      'national-travel',
    ),
  );
  byId('national-title').textContent = t('studio.national.title', { year: summary.year });
}

export function showTargets(summary: Summary): void {
  const list = byId('targets');
  if (!summary.targets.length) {
    fill(list, h('li', { class: 'none' }, t('studio.targets.none')));
    return;
  }
  fill(
    list,
    ...summary.targets.map((g) =>
      h(
        'li',
        { class: g.met ? 'met' : 'missed' },
        h('span', { class: 'verdict' }, t(g.met ? 'studio.targets.met' : 'studio.targets.missed')),
        t('studio.targets.row', { name: placeName(g), value: figure(g.value), target: figure(g.target) }),
      ),
    ),
  );
}

export function showRegions(summary: Summary): void {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('studio.regions.region')),
    h('th', { scope: 'col' }, t('studio.regions.people')),
    h('th', { scope: 'col' }, t('studio.regions.covered')),
  );
  const rows = summary.regions.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, placeName(r)),
      h('td', {}, int(r.population)),
      h('td', {}, pct(r.covered_pct)),
    ),
  );
  fill(byId('regions'), h('thead', {}, head), h('tbody', {}, ...rows));
}

/** Utilization per facility, highest first; a note when the plan gives no capacities. */
export function showCapacity(summary: Summary, facilities: Facility[]): void {
  const table = byId('capacity');
  if (!summary.capacity?.length) {
    fill(table, h('caption', {}, t('studio.capacity.none')));
    return;
  }
  const names = new Map(facilities.map((f) => [f.id, placeName(f)]));
  const rows = [...summary.capacity]
    .sort((a, b) => (b.utilization ?? -1) - (a.utilization ?? -1))
    .map((c) =>
      h(
        'tr',
        { class: (c.utilization ?? 0) > 100 ? 'over' : undefined },
        h('th', { scope: 'row' }, names.get(c.facility) ?? c.facility),
        h('td', {}, pct(c.utilization, 0)),
      ),
    );
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('studio.capacity.facility')),
    h('th', { scope: 'col' }, t('studio.capacity.use')),
  );
  fill(table, h('thead', {}, head), h('tbody', {}, ...rows));
}

export function showDiagnostics(state: State): void {
  const box = byId('diagnostics');
  const list: Diagnostic[] = state.diagnostics;
  box.hidden = !state.stale && list.length === 0;
  byId('diagnostics-title').textContent = t(state.stale ? 'studio.diagnostics.stale' : 'studio.diagnostics.notes');
  byId('diagnostics-note').textContent = state.stale ? t('studio.diagnostics.stale_note') : '';
  box.classList.toggle('stale', state.stale);
  fill(
    byId('diagnostics-list'),
    ...list.map((d) =>
      h(
        'li',
        { class: `diagnostic ${d.severity}` },
        h('code', { class: 'where' }, `${d.file}:${d.line}:${d.column}`),
        ` ${severity(d.severity)} `,
        h('code', {}, d.code),
        ` ${d.message}`,
      ),
    ),
  );
}

const swatch = (child: SVGElement, w = 20) =>
  s('svg', { class: 'swatch', width: w, height: 14, viewBox: `0 0 ${w} 14`, 'aria-hidden': 'true' }, child);

function symbol(kind: 'center' | 'branch', state: FacilityState, x: number): SVGElement {
  const st = STATUS_STYLE[state];
  const paint = { fill: st.fill, stroke: st.stroke, 'stroke-width': 1.2, 'stroke-dasharray': st.dash };
  return kind === 'center'
    ? s('rect', { x: x - 5, y: 2, width: 10, height: 10, ...paint })
    : s('circle', { cx: x, cy: 7, r: 4, ...paint });
}

/** The legend of a scale whose words are already in the page's language (scaleIn). */
export function showLegend(scale: MeasureScale): void {
  const unreachable = LANG === 'en' ? undefined : t('measure.unreachable');
  const classes = legendEntries(scale, unreachable).map((c) =>
    h('li', {}, swatch(s('rect', { x: 1, y: 1, width: 18, height: 12, fill: c.color, stroke: '#999' })), c.label),
  );
  const states = (['open', 'under_construction', 'planned', 'closed'] as const).map((st) => {
    const pair = s('g', {}, symbol('center', st, 7), symbol('branch', st, 22));
    return h('li', {}, swatch(pair, 30), stateWord(st));
  });
  fill(
    byId('legend'),
    h('div', {}, h('h3', {}, scale.title), h('p', { class: 'note' }, scale.unit), h('ul', {}, ...classes)),
    h(
      'div',
      {},
      h('h3', {}, t('studio.legend.facilities')),
      h('p', { class: 'note' }, t('map.kinds_html')),
      h('ul', {}, ...states),
    ),
  );
}

/** A facility state as a word: palette.ts's English label, or the catalogue's. */
export const stateWord = (st: FacilityState): string => (LANG === 'en' ? STATUS_STYLE[st].label : t(`status.${st}`));

/** A diagnostic's severity as a word (error, warning; anything else as it is). */
const severity = (sev: string): string =>
  LANG === 'en' ? sev : sev === 'error' ? t('validate.error') : sev === 'warning' ? t('validate.warning') : sev;

/** A target's figure: a count as a number, anything else (a share the plan wrote) as it is. */
const figure = (v: number | string): string => (typeof v === 'number' && LANG !== 'en' ? int(v) : String(v));
