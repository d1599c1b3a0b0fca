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
import type { Diagnostic, Distances, Facility, MapData, State, Summary } from './api.js';
import { byId, fill, h, int, pct, s } from './dom.js';

/** What the map shows per unit: the report's measures, with their fixed classes. */
export const MEASURE_SCALES = { coverage: COVERAGE_SCALE, 'travel-time': TRAVEL_TIME_SCALE } as const;
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
    ...row('Covered', pct(n.covered_pct, 2), 'national-covered'),
    ...row('People', int(n.population), 'national-population'),
    ...row(
      'Mean travel',
      n.mean_travel_min === null
        ? 'no open facility'
        : `${n.mean_travel_min.toFixed(1)} min (${n.mean_km.toFixed(1)} km)`,
      'national-travel',
    ),
  );
  byId('national-title').textContent = `Nation, ${summary.year}`;
}

export function showTargets(summary: Summary): void {
  const list = byId('targets');
  if (!summary.targets.length) {
    fill(list, h('li', { class: 'none' }, 'No target falls in this year.'));
    return;
  }
  fill(
    list,
    ...summary.targets.map((t) =>
      h(
        'li',
        { class: t.met ? 'met' : 'missed' },
        h('span', { class: 'verdict' }, t.met ? 'met' : 'missed'),
        ` ${t.name}: ${String(t.value)} of ${String(t.target)}`,
      ),
    ),
  );
}

export function showRegions(summary: Summary): void {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Region'),
    h('th', { scope: 'col' }, 'People'),
    h('th', { scope: 'col' }, 'Covered'),
  );
  const rows = summary.regions.map((r) =>
    h('tr', {}, h('th', { scope: 'row' }, r.name), h('td', {}, int(r.population)), h('td', {}, pct(r.covered_pct))),
  );
  fill(byId('regions'), h('thead', {}, head), h('tbody', {}, ...rows));
}

/** Utilization per facility, highest first; a note when the plan gives no capacities. */
export function showCapacity(summary: Summary, facilities: Facility[]): void {
  const table = byId('capacity');
  if (!summary.capacity?.length) {
    fill(table, h('caption', {}, 'No capacity is known for this year’s facilities.'));
    return;
  }
  const names = new Map(facilities.map((f) => [f.id, f.name]));
  const rows = [...summary.capacity]
    .sort((a, b) => (b.utilization ?? -1) - (a.utilization ?? -1))
    .map((c) =>
      h(
        'tr',
        { class: (c.utilization ?? 0) > 100 ? 'over' : undefined },
        h('th', { scope: 'row' }, names.get(c.facility) ?? c.facility),
        h('td', {}, c.utilization === null ? '–' : `${c.utilization.toFixed(0)} %`),
      ),
    );
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Facility'), h('th', { scope: 'col' }, 'Utilization'));
  fill(table, h('thead', {}, head), h('tbody', {}, ...rows));
}

export function showDiagnostics(state: State): void {
  const box = byId('diagnostics');
  const list: Diagnostic[] = state.diagnostics;
  box.hidden = !state.stale && list.length === 0;
  byId('diagnostics-title').textContent = state.stale ? 'The plan file does not read' : 'Notes on the plan file';
  byId('diagnostics-note').textContent = state.stale
    ? 'The map shows the last state that read; fix the file and it reloads.'
    : '';
  box.classList.toggle('stale', state.stale);
  fill(
    byId('diagnostics-list'),
    ...list.map((d) =>
      h(
        'li',
        { class: `diagnostic ${d.severity}` },
        h('code', { class: 'where' }, `${d.file}:${d.line}:${d.column}`),
        ` ${d.severity} `,
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

export function showLegend(scale: MeasureScale): void {
  const classes = legendEntries(scale).map((c) =>
    h('li', {}, swatch(s('rect', { x: 1, y: 1, width: 18, height: 12, fill: c.color, stroke: '#999' })), c.label),
  );
  const states = (['open', 'under_construction', 'planned', 'closed'] as const).map((st) => {
    const pair = s('g', {}, symbol('center', st, 7), symbol('branch', st, 22));
    return h('li', {}, swatch(pair, 30), STATUS_STYLE[st].label);
  });
  fill(
    byId('legend'),
    h('div', {}, h('h3', {}, scale.title), h('p', { class: 'note' }, scale.unit), h('ul', {}, ...classes)),
    h(
      'div',
      {},
      h('h3', {}, 'Facilities'),
      h('p', { class: 'note' }, 'square: center · circle: branch'),
      h('ul', {}, ...states),
    ),
  );
}
