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
import { describeBasis } from '../analysis/demand.js';
import type { PopulationSource } from '../model/population-source.js';
import { populationSection } from './population-source.js';
import { type Provenance, provenanceLines } from './provenance.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => x.toLocaleString('en-US');
const pc = (x: number) => `${x.toFixed(1)}%`;

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
export function mapOnlySvg(r: ReportInput, metadata?: readonly string[]): string {
  return reportMap(r, true, metadata);
}

/** The report's map; `legend`: drawn inside the SVG (standalone) or left to the page's HTML legend. */
function reportMap(r: ReportInput, legend: boolean, metadata?: readonly string[]): string {
  const { outline, layers, units, facilities, year, mapTitle: title, measure, capital, gaps } = r;
  return mapSvg({
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

function capacitySection(c: CapacityResult, year: number): string {
  const rows = c.facilities.map((f) => [
    f.id,
    f.name,
    n(f.population),
    n(Math.round(f.visits_per_day)),
    f.capacity === null ? '–' : n(Math.round(f.capacity)),
    f.utilization_pct === null ? '–' : pc(f.utilization_pct),
    !f.queue ? '' : f.queue.mean_wait_min === null ? 'grows' : `${f.queue.mean_wait_min.toFixed(1)} min`,
    f.capacitated ? n(f.capacitated.unserved) : '',
  ]);
  const k = c.capacitated;
  const over = k
    ? ` With overflow to the next-nearest facility with room, ${n(k.unserved)} people cannot be ` +
      `served within capacity and ${n(k.overflow)} travel ${k.overflow_mean_extra_km ?? 0} km further on average.`
    : '';
  return `<h2>Capacity, ${year}</h2>
<p id="capacity-summary">${n(Math.round(c.visits_per_day))} visits a day expected (${c.demand.visits_per_resident_year} a resident a year over ${c.demand.working_days} days) against ${n(Math.round(c.capacity_per_day))} capacity; <strong>${c.overloaded}</strong> of ${c.facilities.length} open facilities above 100 % (catchments: ${c.catchment}).${esc(over)}</p>
${table(['id', 'facility', 'people', 'visits/day', 'capacity', 'utilization', 'wait (M/M/c)', 'no room'], rows, [2, 3, 4, 5, 6, 7])}`;
}

/**
 * The page. `about`: a user's population file (its section comes before the footer) and how the
 * figures were made (the footer: version, plan, year, sources and their licences).
 */
export function htmlReport(
  r: ReportInput,
  about: { population?: PopulationSource; provenance?: Provenance } = {},
): string {
  const c = r.coverage;
  const scale = MEASURES[r.measure];
  const popNote =
    c.population_year === r.year ? '' : ` (population of 1 January ${c.population_year}, the nearest year with data)`;
  const econRows = c.groups.map((g) => [g.name, n(g.population), pc(g.distance!.percent), pc(g.assignment!.percent)]);
  const distRows = r.distances.groups.map((g) => [
    g.name,
    g.any.mean_km === null ? '–' : g.any.mean_km.toFixed(1),
    g.any.mean_min === null ? '–' : g.any.mean_min.toFixed(0),
    g.any.p90_km === null ? '–' : g.any.p90_km.toFixed(1),
    g.any.max_km === null ? '–' : g.any.max_km.toFixed(1),
    n(g.any.unserved),
  ]);
  const worstRows = r.distances.worst.map((w) => [
    w.name,
    w.region,
    n(w.population),
    w.km < 0 ? '–' : w.km.toFixed(1),
    w.min < 0 ? '–' : w.min.toFixed(0),
    w.facility ? `${w.facility.name} (${w.facility.id})` : 'none on their side',
  ]);
  const states = [...new Set(r.facilities.map((f) => f.state))];
  const chartLegend = timelineLegend(r.timeline)
    .map(
      (e) =>
        `<li><svg class="swatch" width="16" height="12" viewBox="0 0 16 12" ` +
        `aria-hidden="true">${legendSymbol(e, 0, 0)}</svg>${esc(e.label)}</li>`,
    )
    .join('');
  const map = reportMap(r, false);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(r.title)}</h1>
<p class="summary" id="summary">In ${r.year}${esc(popNote)}, <strong>${pc(c.distance!.percent)}</strong>
of ${n(c.population)} people live within the standard of an open center or branch; <strong>${pc(c.assignment!.percent)}</strong> live in a unit assigned to one.</p>
<p>Distance model: ${esc(c.model.description)}.
Standards: center ${esc(r.standards.center)}; branch ${esc(r.standards.branch)}.</p>
<p id="population-basis">Counted: ${esc(describeBasis(c.population_basis))}.</p>
<section>
<h2>Map, ${r.year}: ${esc(scale.title.toLowerCase())}</h2>
<div class="map-block"><figure class="map">${map}</figure>
${htmlMapLegend(scale, states)}</div>
</section>
<section>
<h2>Rollout</h2>
<figure class="chart">${timelineSvg(r.timeline, { legend: false })}
<ul class="chart-legend" id="chart-legend">${chartLegend}</ul></figure>
<ul>${r.timeline.targets.map((t) => `<li class="${t.met ? 'met' : 'missed'}">${esc(targetLine(t))}</li>`).join('')}</ul>
${r.timeline.waivers.length ? `<p>Warnings the plan accepts, with its reasons:</p><ul id="waivers">${r.timeline.waivers.map((w) => `<li>${esc(waiverLine(w))}</li>`).join('')}</ul>` : ''}
${table(
  ['year', 'centers', 'branches', 'by distance', 'by assignment', 'with online', 'mean km'],
  r.timeline.years.map((y) => [
    String(y.year),
    String(y.centers),
    String(y.branches),
    pc(y.coverage.distance.percent),
    pc(y.coverage.assignment.percent),
    pc(y.coverage.with_online.percent),
    y.mean_km === null ? '–' : y.mean_km.toFixed(1),
  ]),
  [1, 2, 3, 4, 5, 6],
)}
</section>
<section>
<h2>Coverage by economic region, ${r.year}</h2>
${table(['economic region', 'population', 'by distance', 'by assignment'], econRows, [1, 2, 3])}
</section>
<section>
<h2>Travel to the nearest open center or branch, ${r.year}</h2>
${table(['economic region', 'mean km', 'mean min', 'p90 km', 'max km', 'no facility on their side'], distRows, NUM5)}
</section>
${r.capacity ? `<section>${capacitySection(r.capacity, r.year)}</section>` : ''}
<section>
<h2>Worst-served places, ${r.year}</h2>
${table(['place', 'unit', 'population', 'km', 'min', 'nearest facility'], worstRows, [2, 3, 4])}
</section>
${about.population ? populationHtml(about.population) : ''}<footer>${about.provenance ? `${provenanceLines(about.provenance).map(esc).join('<br>\n')}<br>\n` : 'Made with dostplan.\n'}Colours: Okabe–Ito and ColorBrewer (colour-blind safe, fixed classes). See data/SOURCES.md for the method and its limits.</footer>
</body>
</html>
`;
}

/** What a user's population file gave, as a section of the page (before its footer). */
export function populationHtml(s: PopulationSource): string {
  const body = populationSection(s, false).replace(/^\nPopulation source\n\n/, '');
  return `<h2 id="population-source">Population source</h2>\n<pre>${esc(body)}</pre>\n`;
}
