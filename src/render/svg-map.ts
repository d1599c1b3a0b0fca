/**
 * An SVG map of the network: the country outline, each unit as a circle at its administrative
 * centre (area ∝ population; we ship no unit boundaries) shaded by coverage, and the facilities
 * coloured by opening year. Projection and paths by d3-geo: a conic conformal projection
 * centred on Azerbaijan, fitted to the outline.
 */
import { geoConicConformal, geoPath } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Facility } from '../model/plan.js';

export interface MapUnit {
  code: string;
  name: string;
  lat: number;
  lon: number;
  population: number;
  /** Covered share 0–100, or null when the unit has no population. */
  percent: number | null;
}

export interface MapInput {
  outline: Polygon | MultiPolygon;
  units: MapUnit[];
  facilities: (Facility & { openYear: number | null })[];
  year: number;
  title: string;
}

const W = 820, H = 520;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f1 = (x: number) => x.toFixed(1);

/** Red (uncovered) → yellow → green (covered). */
export function coverageColor(percent: number): string {
  const t = Math.max(0, Math.min(1, percent / 100));
  const r = Math.round(t < 0.5 ? 215 : 215 - (t - 0.5) * 2 * 189);
  const g = Math.round(t < 0.5 ? 48 + t * 2 * 143 : 191 - (t - 0.5) * 2 * 39);
  const b = Math.round(t < 0.5 ? 39 + t * 2 * 30 : 69 + (t - 0.5) * 2 * 11);
  return `rgb(${r},${g},${b})`;
}

const YEAR_COLORS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];

export function mapSvg(m: MapInput): string {
  const projection = geoConicConformal().parallels([39, 41]).rotate([-47.5, 0]).fitExtent([[16, 40], [W - 190, H - 16]], m.outline);
  const path = geoPath(projection);
  const xy = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];
  const years = [...new Set(m.facilities.map((f) => f.openYear).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const yearColor = (y: number | null) => (y === null ? '#bbb' : YEAR_COLORS[Math.round((years.indexOf(y) / Math.max(1, years.length - 1)) * (YEAR_COLORS.length - 1))]!);
  const maxPop = Math.max(1, ...m.units.map((u) => u.population));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" id="map" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11" role="img" aria-label="${esc(m.title)}">`);
  out.push(`<title>${esc(m.title)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#f4f8fb"/>`);
  out.push(`<path class="outline" d="${path(m.outline) ?? ''}" fill="#fff" stroke="#555" stroke-width="1"/>`);
  out.push(`<text x="16" y="24" font-size="14" font-weight="bold">${esc(m.title)}</text>`);
  for (const u of [...m.units].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))) {
    if (u.population <= 0) continue;
    const [x, y] = xy(u.lon, u.lat);
    const r = 3 + 22 * Math.sqrt(u.population / maxPop);
    const fill = u.percent === null ? '#ccc' : coverageColor(u.percent);
    out.push(`<circle class="unit" cx="${f1(x)}" cy="${f1(y)}" r="${f1(r)}" fill="${fill}" fill-opacity="0.55" stroke="${fill}"><title>${esc(`${u.name} (${u.code}): ${u.population.toLocaleString('en-US')} people, ${u.percent === null ? '–' : `${u.percent.toFixed(1)}%`} covered in ${m.year}`)}</title></circle>`);
  }
  for (const f of [...m.facilities].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'branch' ? -1 : 1))) {
    const [x, y] = xy(f.location.lon, f.location.lat);
    const color = yearColor(f.openYear);
    const tip = `<title>${esc(`${f.name} (${f.id}), ${f.kind}, ${f.openYear === null ? `opens after ${m.year}` : `open since ${f.openYear}`}`)}</title>`;
    if (f.kind === 'center') out.push(`<rect class="facility center" x="${f1(x - 5)}" y="${f1(y - 5)}" width="10" height="10" fill="${color}" stroke="#000" stroke-width="1"${f.openYear === null ? ' fill-opacity="0.25" stroke-dasharray="2 1"' : ''}>${tip}</rect>`);
    else out.push(`<circle class="facility branch" cx="${f1(x)}" cy="${f1(y)}" r="3.2" fill="${color}" stroke="#000" stroke-width="0.6"${f.openYear === null ? ' fill-opacity="0.25"' : ''}>${tip}</circle>`);
  }
  // Legend: opening years, kinds, coverage scale.
  const lx = W - 170;
  out.push(`<text x="${lx}" y="52" font-weight="bold">Open since</text>`);
  years.forEach((y, i) => out.push(`<rect x="${lx}" y="${60 + i * 16}" width="10" height="10" fill="${yearColor(y)}"/><text x="${lx + 16}" y="${69 + i * 16}">${y}</text>`));
  const ly = 72 + years.length * 16;
  out.push(`<rect x="${lx}" y="${ly}" width="10" height="10" fill="#bbb" fill-opacity="0.25" stroke="#000" stroke-dasharray="2 1"/><text x="${lx + 16}" y="${ly + 9}">after ${m.year}</text>`);
  out.push(`<rect x="${lx}" y="${ly + 22}" width="10" height="10" fill="#888" stroke="#000"/><text x="${lx + 16}" y="${ly + 31}">center</text>`);
  out.push(`<circle cx="${lx + 5}" cy="${ly + 43}" r="3.2" fill="#888" stroke="#000" stroke-width="0.6"/><text x="${lx + 16}" y="${ly + 47}">branch</text>`);
  out.push(`<text x="${lx}" y="${ly + 72}" font-weight="bold">Units: covered share</text>`);
  [0, 25, 50, 75, 100].forEach((p, i) => out.push(`<rect x="${lx + i * 28}" y="${ly + 80}" width="28" height="10" fill="${coverageColor(p)}" fill-opacity="0.7"/><text x="${lx + i * 28}" y="${ly + 102}">${p}%</text>`));
  out.push(`<text x="${lx}" y="${ly + 120}" fill="#555">circle area ∝ population</text>`);
  out.push('</svg>');
  return out.join('\n');
}
