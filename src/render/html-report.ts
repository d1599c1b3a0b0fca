/**
 * One self-contained HTML file for people: map, rollout chart, tables. No scripts, fonts or
 * stylesheets from the network; it opens offline, fits a phone (390 px: wide tables scroll in
 * their own box, legends are HTML text) and prints on A4 landscape.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CapacityResult } from '../analysis/capacity.js';
import type { GapLayer } from '../analysis/gaps.js';
import type { ReportData } from '../analysis/report.js';
import type { MapLayers } from '../model/map-layers.js';
import { htmlMapLegend } from './map-legend.js';
import { MEASURES, type MeasureId } from './palette.js';
import { mapSvg } from './svg-map.js';
import { legendSymbol, timelineLegend, timelineSvg } from './svg-timeline.js';
import { targetLine, waiverLine } from './timeline.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { localScale } from './legend-text.js';
import { basisText, modelText, nearestYearNote } from './words.js';
import type { PopulationSource } from '../model/population-source.js';
import { populationSection } from './population-source.js';
import { type Provenance, provenanceLines, readableProvenance } from './provenance.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function table(headers: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: string, v: string, i: number) =>
    `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${esc(v)}</${tag}>`;
  return `<div class="scroll"><table><thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** The report with what the map is drawn on and which measure it shows. */
export type ReportInput = ReportData & {
  outline: Polygon | MultiPolygon;
  layers: MapLayers;
  measure: MeasureId;
  capital?: { code: string; name: string };
  /** The gap map's layers (measure `gaps`). */
  gaps?: GapLayer;
};

/** The map alone, legend included, for slides (`report --map-only`); `metadata`: how it was made. */
export function mapOnlySvg(r: ReportInput, metadata?: readonly string[], L: Locale = ENGLISH): string {
  return reportMap(r, true, metadata, L);
}

/** The report's map; `legend`: drawn inside the SVG (standalone) or left to the page's HTML legend. */
function reportMap(r: ReportInput, legend: boolean, metadata: readonly string[] | undefined, L: Locale): string {
  const { outline, layers, units, facilities, year, measure, capital, gaps } = r;
  const title = L.lang === 'en' ? r.mapTitle : `${L.planName(r.timeline.plan)}, ${year}`;
  return mapSvg({
    locale: L,
    outline,
    layers,
    units,
    facilities,
    year,
    title,
    measure,
    capital,
    legend,
    ...(gaps ? { gaps } : {}),
    ...(metadata ? { metadata } : {}),
  });
}

const CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 16px; max-width: 1040px; }
body { color: #222; line-height: 1.4; }
h1 { font-size: 1.5em; margin: 0.2em 0; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ddd; break-after: avoid; }
h3 { font-size: 0.95em; margin: 0 0 2px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
/* A header may wrap (Azerbaijani's "yönəldildikdən sonra" is long): a table then fits a 1400 px page and A4. */
th { white-space: normal; vertical-align: bottom; }
.summary { font-size: 1.1em; background: #f4f8fb; padding: 10px 14px; border-radius: 6px; }
.met { color: #00634a; } .missed { color: #9c3d00; }
figure { margin: 1em 0; break-inside: avoid; }
figure > svg { display: block; width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 32px; font-size: 14px; margin-top: 8px; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: 6px; min-height: 20px; }
.legend .unit { margin: 0 0 4px; color: #555; font-size: 13px; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 4px 20px; list-style: none; padding: 0; margin: 6px 0 0; }
.chart-legend { font-size: 14px; }
.chart-legend li { display: flex; align-items: center; gap: 6px; }
.swatch { flex: none; }
footer { margin-top: 2em; color: #555; font-size: 0.85em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { padding: 10px; } h1 { font-size: 1.25em; } .summary { font-size: 1em; }
  /* On a phone the map shows the whole country (pinch to zoom; its legend is HTML text below);
     the chart keeps legible axes and pans inside its own box. */
  figure.chart { overflow-x: auto; }
  figure.chart > svg { width: 600px; max-width: none; }
}
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .summary { background: none; border: 1px solid #999; }
  .scroll { overflow: visible; }
  /* Page 1: title, summary, then the map with its legend beside it. */
  .map-block { display: flex; gap: 6mm; align-items: flex-start; }
  .map-block figure { margin: 0; flex: 1 1 auto; min-width: 0; }
  .map-block .legend { flex-direction: column; flex: none; width: 52mm; font-size: 9pt; }
  .legend .unit { font-size: 8pt; }
  figure.map > svg { max-height: 128mm; width: auto; max-width: 100%; }
  p { margin: 0.4em 0; }
  figure.chart > svg { max-height: 110mm; width: auto; max-width: 100%; }
  h2 { break-before: auto; }
  section { break-inside: avoid; }
  tr { break-inside: avoid; }
}
`;

/** Columns 1–5 hold numbers (right-aligned). */
const NUM5 = [1, 2, 3, 4, 5];

function capacitySection(c: CapacityResult, year: number, L: Locale): string {
  const n = (x: number) => L.int(x);
  const rows = c.facilities.map((f) => [
    f.id,
    L.place(f.id, f.name),
    n(f.population),
    n(Math.round(f.visits_per_day)),
    f.capacity === null ? '–' : n(Math.round(f.capacity)),
    f.utilization_pct === null ? '–' : L.pct(f.utilization_pct),
    !f.queue
      ? ''
      : f.queue.mean_wait_min === null
        ? L.t('report.grows')
        : L.t('common.minutes', { n: L.num(f.queue.mean_wait_min, 1) }),
    f.capacitated ? n(f.capacitated.unserved) : '',
  ]);
  const k = c.capacitated;
  const over = k
    ? L.t('report.capacity_overflow', {
        unserved: n(k.unserved),
        overflow: n(k.overflow),
        km: L.num(k.overflow_mean_extra_km ?? 0, decimalsOf(k.overflow_mean_extra_km ?? 0)),
      })
    : '';
  const summary = L.t('report.capacity_summary', {
    visits: n(Math.round(c.visits_per_day)),
    per_resident: L.num(c.demand.visits_per_resident_year, decimalsOf(c.demand.visits_per_resident_year)),
    days: c.demand.working_days,
    capacity: n(Math.round(c.capacity_per_day)),
    overloaded: c.overloaded,
    facilities: c.facilities.length,
    catchment: L.lang === 'en' ? c.catchment : L.t(`common.catchment.${c.catchment}`),
  });
  const headers = [
    L.t('common.id'),
    L.t('common.facility'),
    L.t('common.people'),
    L.t('report.visits_day'),
    L.t('report.capacity'),
    L.t('report.utilization'),
    L.t('report.wait'),
    L.t('report.no_room'),
  ];
  return `<h2>${esc(L.t('report.capacity_heading', { year }))}</h2>
<p id="capacity-summary">${summary}${esc(over)}</p>
${table(headers, rows, [2, 3, 4, 5, 6, 7])}`;
}

/** As many decimals as a plan's figure has (up to 3): 0.2 → "0.2" / "0,2", 245 → "245". */
const decimalsOf = (x: number) => Math.min(3, (String(x).split('.')[1] ?? '').length);

/**
 * The page. `about`: a user's population file (its section comes before the footer) and how the
 * figures were made (the footer: version, plan, year, sources and their licences).
 */
export function htmlReport(
  r: ReportInput,
  about: { population?: PopulationSource; provenance?: Provenance; local?: Provenance; locale?: Locale } = {},
): string {
  const L = about.locale ?? ENGLISH;
  const n = (x: number) => L.int(x);
  const dash = (x: number | null, digits: number) => (x === null ? '–' : L.num(x, digits));
  const c = r.coverage;
  const scale = localScale(MEASURES[r.measure], L);
  const econRows = c.groups.map((g) => [
    L.place(g.id, g.name),
    n(g.population),
    L.pct(g.distance!.percent),
    L.pct(g.assignment!.percent),
  ]);
  const distRows = r.distances.groups.map((g) => [
    L.place(g.id, g.name),
    dash(g.any.mean_km, 1),
    dash(g.any.mean_min, 0),
    dash(g.any.p90_km, 1),
    dash(g.any.max_km, 1),
    n(g.any.unserved),
  ]);
  const worstRows = r.distances.worst.map((w) => [
    L.placeText(w.name),
    w.region,
    n(w.population),
    w.km < 0 ? '–' : L.num(w.km, 1),
    w.min < 0 ? '–' : L.num(w.min, 0),
    w.facility ? `${L.place(w.facility.id, w.facility.name)} (${w.facility.id})` : L.t('report.none_on_side'),
  ]);
  const states = [...new Set(r.facilities.map((f) => f.state))];
  const title =
    L.lang === 'en' ? r.title : L.t('report.title', { plan: L.planName(r.timeline.plan), year: L.yearOrd(r.year) });
  const provenance = readableProvenance(about);
  const chartLegend = timelineLegend(r.timeline, L)
    .map(
      (e) =>
        `<li><svg class="swatch" width="16" height="12" viewBox="0 0 16 12" ` +
        `aria-hidden="true">${legendSymbol(e, 0, 0)}</svg>${esc(e.label)}</li>`,
    )
    .join('');
  const map = reportMap(r, false, undefined, L);
  const summary = L.t('report.summary', {
    year: L.yearOrd(r.year),
    note: esc(nearestYearNote(r.year, c.population_year, L)),
    distance: L.pct(c.distance!.percent),
    population: n(c.population),
    assignment: L.pct(c.assignment!.percent),
  });
  const model = L.t('report.model', {
    model: esc(modelText(c.model, L)),
    center: esc(L.threshold(r.standards.center)),
    branch: esc(L.threshold(r.standards.branch)),
  });
  const measure = L.lang === 'en' ? scale.title.toLowerCase() : scale.title;
  return `<!doctype html>
<html lang="${L.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="summary" id="summary">${summary}</p>
<p>${model}</p>
<p id="population-basis">${esc(L.t('report.counted', { basis: basisText(c.population_basis, L) }))}</p>
<section>
<h2>${esc(L.t('report.map_heading', { year: r.year, measure }))}</h2>
<div class="map-block"><figure class="map">${map}</figure>
${htmlMapLegend(scale, states, L)}</div>
</section>
<section>
<h2>${esc(L.t('report.rollout'))}</h2>
<figure class="chart">${timelineSvg(r.timeline, { legend: false, locale: L })}
<ul class="chart-legend" id="chart-legend">${chartLegend}</ul></figure>
<ul>${r.timeline.targets.map((t) => `<li class="${t.met ? 'met' : 'missed'}">${esc(targetLine(t, L))}</li>`).join('')}</ul>
${r.timeline.waivers.length ? `<p>${esc(L.t('report.waivers'))}</p><ul id="waivers">${r.timeline.waivers.map((w) => `<li>${esc(waiverLine(w, L))}</li>`).join('')}</ul>` : ''}
${table(
  [
    L.t('common.year'),
    L.t('common.centers'),
    L.t('common.branches'),
    L.t('common.by_distance'),
    L.t('common.by_assignment'),
    L.t('common.with_online'),
    L.t('common.mean_km'),
  ],
  r.timeline.years.map((y) => [
    String(y.year),
    String(y.centers),
    String(y.branches),
    L.pct(y.coverage.distance.percent),
    L.pct(y.coverage.assignment.percent),
    L.pct(y.coverage.with_online.percent),
    dash(y.mean_km, 1),
  ]),
  [1, 2, 3, 4, 5, 6],
)}
</section>
<section>
<h2>${esc(L.t('report.coverage_heading', { year: r.year }))}</h2>
${table([L.t('common.economic_region'), L.t('common.population'), L.t('common.by_distance'), L.t('common.by_assignment')], econRows, [1, 2, 3])}
</section>
<section>
<h2>${esc(L.t('report.travel_heading', { year: r.year }))}</h2>
${table(
  [
    L.t('common.economic_region'),
    L.t('common.mean_km'),
    L.t('common.mean_min'),
    L.t('common.p90_km'),
    L.t('common.max_km'),
    L.t('report.no_facility_side'),
  ],
  distRows,
  NUM5,
)}
</section>
${r.capacity ? `<section>${capacitySection(r.capacity, r.year, L)}</section>` : ''}
<section>
<h2>${esc(L.t('report.worst_heading', { year: r.year }))}</h2>
${table([L.t('common.place'), L.t('common.unit'), L.t('common.population'), L.t('common.km'), L.t('common.min'), L.t('report.nearest_facility')], worstRows, [2, 3, 4])}
</section>
${about.population ? populationHtml(about.population, L) : ''}<footer>${provenance ? `${provenanceLines(provenance, L).map(esc).join('<br>\n')}<br>\n` : `${esc(L.t('report.made_with'))}\n`}${esc(L.t('report.colours'))}</footer>
</body>
</html>
`;
}

/** What a user's population file gave, as a section of the page (before its footer). */
export function populationHtml(s: PopulationSource, L: Locale = ENGLISH): string {
  const title = L.t('closing.population_source');
  const body = populationSection(s, false, L).replace(`\n${title}\n\n`, '');
  return `<h2 id="population-source">${esc(title)}</h2>\n<pre>${esc(body)}</pre>\n`;
}
