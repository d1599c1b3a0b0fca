/**
 * One self-contained HTML file for people: map, rollout chart, tables. No scripts, fonts or
 * stylesheets from the network; it opens offline and prints.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ReportData } from '../analysis/report.js';
import { mapSvg } from './svg-map.js';
import { timelineSvg } from './svg-timeline.js';
import { targetLine } from './timeline.js';
import { describeBasis } from '../analysis/demand.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => x.toLocaleString('en-US');
const pc = (x: number) => `${x.toFixed(1)}%`;

function table(headers: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: string, v: string, i: number) => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${esc(v)}</${tag}>`;
  return `<table><thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The report with the country outline the map is drawn on. */
export type ReportInput = ReportData & { outline: Polygon | MultiPolygon };

export function htmlReport(r: ReportInput): string {
  const c = r.coverage;
  const popNote = c.population_year === r.year ? '' : ` (population of 1 January ${c.population_year}, the nearest year with data)`;
  const econRows = c.groups.map((g) => [g.name, n(g.population), pc(g.distance!.percent), pc(g.assignment!.percent)]);
  const distRows = r.distances.groups.map((g) => [g.name, g.any.mean_km === null ? '–' : g.any.mean_km.toFixed(1), g.any.p90_km === null ? '–' : g.any.p90_km.toFixed(1), g.any.max_km === null ? '–' : g.any.max_km.toFixed(1), n(g.any.unserved)]);
  const worstRows = r.distances.worst.map((w) => [w.name, w.region, n(w.population), w.km < 0 ? '–' : w.km.toFixed(1), w.min < 0 ? '–' : w.min.toFixed(0), w.facility ? `${w.facility.name} (${w.facility.id})` : 'none on their side']);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 24px auto; max-width: 900px; color: #222; line-height: 1.4; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary { font-size: 1.1em; background: #f4f8fb; padding: 10px 14px; border-radius: 6px; }
.met { color: #1e8449; } .missed { color: #c0392b; }
figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
footer { margin-top: 2em; color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<h1>${esc(r.title)}</h1>
<p class="summary" id="summary">In ${r.year}${esc(popNote)}, <strong>${pc(c.distance!.percent)}</strong> of ${n(c.population)} people live within the standard of an open center or branch; <strong>${pc(c.assignment!.percent)}</strong> live in a unit assigned to one.</p>
<p>Distance model: ${esc(c.model.description)}. Standards: center ${esc(r.standards.center)}; branch ${esc(r.standards.branch)}.</p>
<p id="population-basis">Counted: ${esc(describeBasis(c.population_basis))}.</p>
<h2>Map, ${r.year}</h2>
<figure>${mapSvg({ outline: r.outline, units: r.units, facilities: r.facilities, year: r.year, title: r.mapTitle })}</figure>
<h2>Rollout</h2>
<figure>${timelineSvg(r.timeline)}</figure>
<ul>${r.timeline.targets.map((t) => `<li class="${t.met ? 'met' : 'missed'}">${esc(targetLine(t))}</li>`).join('')}</ul>
${table(['year', 'centers', 'branches', 'by distance', 'by assignment', 'with online', 'mean km'], r.timeline.years.map((y) => [String(y.year), String(y.centers), String(y.branches), pc(y.coverage.distance.percent), pc(y.coverage.assignment.percent), pc(y.coverage.with_online.percent), y.mean_km === null ? '–' : y.mean_km.toFixed(1)]), [1, 2, 3, 4, 5, 6])}
<h2>Coverage by economic region, ${r.year}</h2>
${table(['economic region', 'population', 'by distance', 'by assignment'], econRows, [1, 2, 3])}
<h2>Distance to the nearest center or branch, ${r.year}</h2>
${table(['economic region', 'mean km', 'p90 km', 'max km', 'no facility on their side'], distRows, [1, 2, 3, 4])}
<h2>Worst-served places, ${r.year}</h2>
${table(['place', 'unit', 'population', 'km', 'min', 'nearest facility'], worstRows, [2, 3, 4])}
<footer>Made with dostplan. Population: State Statistical Committee of Azerbaijan; settlements: GeoNames (CC BY 4.0); outline: Natural Earth. Units are drawn at their administrative centre (no boundaries are shipped). See data/SOURCES.md for the method and its limits.</footer>
</body>
</html>
`;
}
