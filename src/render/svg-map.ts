/**
 * The network map as SVG (d3-geo, conic conformal projection fitted to the country): a choropleth
 * of one measure per unit on the unit polygons, the neighbouring countries and the sea in context
 * colours, facilities by status (colour) and kind (square: center, circle: branch), center names
 * placed without collisions, a larger-scale inset of the capital, and a scale bar. Colours come
 * from render/palette.ts. Without unit polygons (another country's data folder) units fall back
 * to circles at their seats.
 */
import {
  geoBounds,
  geoConicConformal,
  geoContains,
  geoPath,
  type GeoConicProjection,
  type GeoProjection,
} from 'd3-geo';
import type { Feature, MultiPoint, MultiPolygon, Polygon } from 'geojson';
import type { GapLayer } from '../analysis/gaps.js';
import type { FacilityState, ReportUnit } from '../analysis/report.js';
import type { MapLayers } from '../model/map-layers.js';
import type { Facility } from '../model/plan.js';
import {
  classColor,
  CONTEXT,
  legendEntries,
  MEASURES,
  type MeasureId,
  type MeasureScale,
  STATUS_STYLE,
  UNREACHABLE_LABEL,
  UNSERVED,
} from './palette.js';
import { type PlacedLabel, placeLabels, type Rect } from './label-placement.js';
import { conicFor, rewind } from './map-projection.js';
import { type Attrs, el, esc, openTag, svgMetadata, tip } from './svg-element.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { localScale, stateWord, unreachableLabel } from './legend-text.js';
import { letters } from './label-placement.js';
import { compareText } from '../model/compare-text.js';

export { rewind };

export interface MapInput {
  outline: Polygon | MultiPolygon;
  layers: MapLayers;
  units: ReportUnit[];
  facilities: (Facility & { state: FacilityState })[];
  year: number;
  title: string;
  measure: MeasureId;
  /** The unit drawn again at a larger scale (the capital), with its name. */
  capital?: { code: string; name: string };
  /** Draw the legend inside the SVG (the standalone map); the HTML report draws its own. */
  legend: boolean;
  /** How the figures were made, for the standalone map (render/provenance.ts). */
  metadata?: readonly string[];
  /** The gap map (measure `gaps`): the travel-time surface under the unit outlines, unserved people on top. */
  gaps?: GapLayer;
  /** The language of the map's words and names (default: English). */
  locale?: Locale;
}

export const MAP_W = 960;
export const MAP_H = 620;
/** Main map area and the right-hand panel (inset on top, legend below). */
const MAIN: Rect = { x: 8, y: 36, w: 690, h: 576 };
const INSET: Rect = { x: 708, y: 36, w: 244, h: 250 };
const LEGEND_Y = 300;

const LABEL_FONT = 11;

/** The value a unit shows for a measure (null: no data). */
export function unitValue(u: ReportUnit, measure: MeasureId): number | null {
  return measure === 'coverage' ? u.percent : measure === 'utilization' ? u.utilization_pct : u.mean_min;
}

/**
 * A unit's colour: no data where nobody lives, the unreachable class where nobody can reach an
 * open facility (on every measure: 0 % coverage or "no trip" would hide why), else its class.
 */
export function unitFill(u: ReportUnit, scale: MeasureScale, measure: MeasureId): string {
  if (u.population <= 0) return CONTEXT.noData;
  if (u.unreachable >= u.population) return CONTEXT.unreachable;
  return classColor(scale, unitValue(u, measure));
}

/** "Baku DOST Center No. 1 (Yasamal)" → "Baku No. 1 (Yasamal)": words every center shares say nothing on a map. */
export function shortNames(names: string[]): Map<string, string> {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const count = new Map<string, number>();
  for (const n of names) for (const w of new Set(words(n))) count.set(w, (count.get(w) ?? 0) + 1);
  const common = new Set([...count].filter(([, c]) => names.length >= 3 && c >= 0.8 * names.length).map(([w]) => w));
  return new Map(
    names.map((n) => [
      n,
      words(n)
        .filter((w) => !common.has(w))
        .join(' ') || n,
    ]),
  );
}

function unitTip(u: ReportUnit, year: number, L: Locale): string {
  const coverage = u.percent === null ? L.t('map.nobody') : L.t('map.within', { share: L.pct(u.percent) });
  const trip = u.mean_min === null ? '' : L.t('map.trip', { min: L.num(u.mean_min, 0), km: L.num(u.mean_km!, 1) });
  const none = u.unreachable > 0 ? L.t('map.unreachable', { n: L.int(u.unreachable) }) : '';
  const use = u.utilization_pct === null ? '' : L.t('map.use', { pct: L.pct(u.utilization_pct, 0) });
  return L.t('map.tip_unit', {
    name: u.name,
    code: u.code,
    year,
    population: L.int(u.population),
    coverage,
    trip,
    none,
    use,
  });
}

function facilityTip(f: Facility & { state: FacilityState }, year: number, L: Locale): string {
  const kind = L.t(`common.${f.kind}`);
  return L.t('map.tip_facility', {
    name: f.name,
    id: f.id,
    kind,
    state: stateWord(f.state, L),
    year: L.yearOrd(year),
    opens: L.planDate(String(f.opens)),
  });
}

/** The map's names in its language: units, facilities and the capital (the data's and the plan's name_az). */
function localised(m: MapInput, L: Locale): MapInput {
  if (L.lang === 'en') return m;
  return {
    ...m,
    units: m.units.map((u) => ({ ...u, name: L.place(u.code, u.name) })),
    facilities: m.facilities.map((f) => ({ ...f, name: L.place(f.id, f.name) })),
    ...(m.capital ? { capital: { ...m.capital, name: L.unitName(m.capital.code) ?? m.capital.name } } : {}),
    ...(m.gaps
      ? {
          gaps: {
            ...m.gaps,
            clusters: m.gaps.clusters.map((c) =>
              c.facility ? { ...c, facility: { ...c.facility, name: L.place(c.facility.id, c.facility.name) } } : c,
            ),
          },
        }
      : {}),
  };
}

/** A facility marker: a square for a center, a circle for a branch; colour and dash from the status. */
export function marker(
  kind: Facility['kind'],
  state: FacilityState,
  x: number,
  y: number,
  size: number,
  attrs: Attrs = {},
  inner?: string,
): string {
  const s = STATUS_STYLE[state];
  const geom =
    kind === 'center' ? { x: x - size / 2, y: y - size / 2, width: size, height: size } : { cx: x, cy: y, r: size / 2 };
  const width = kind === 'center' ? 1.4 : 1;
  const style = { fill: s.fill, stroke: s.stroke, 'stroke-width': width, 'stroke-dasharray': s.dash };
  return el(kind === 'center' ? 'rect' : 'circle', { ...attrs, ...geom, ...style }, inner);
}

/** A scale bar of a round length near 110 px, measured along the parallel at (lon, lat). */
function scaleBar(projection: GeoProjection, lon: number, lat: number, x: number, y: number): string {
  const [ax, ay] = projection([lon, lat])!;
  const [bx, by] = projection([lon + 100 / (111.32 * Math.cos((lat * Math.PI) / 180)), lat])!;
  const pxPer100 = Math.hypot(bx - ax, by - ay);
  const km = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].reduce(
    (best, k) => (Math.abs((k * pxPer100) / 100 - 110) < Math.abs((best * pxPer100) / 100 - 110) ? k : best),
    1,
  );
  const w = (km * pxPer100) / 100;
  const parts = [
    el('rect', { x, y, width: w / 2, height: 4, fill: '#333' }),
    el('rect', { x: x + w / 2, y, width: w / 2, height: 4, fill: '#fff', stroke: '#333', 'stroke-width': 0.8 }),
    el('text', { x, y: y - 3 }, '0'),
    el('text', { x: x + w, y: y - 3, 'text-anchor': 'middle' }, `${km} km`),
  ];
  return el('g', { class: 'scale-bar', 'font-size': 10 }, parts.join(''));
}

/** A white outline behind label text, so names stay readable over any fill. */
const halo: Attrs = { 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 3, 'stroke-linejoin': 'round' };

/** A label (and its leader line) from the label placer. */
function labelSvg(l: PlacedLabel, attrs: Attrs = {}): string {
  const [x1, y1, x2, y2] = l.leader ?? [];
  const leader = l.leader ? el('line', { x1, y1, x2, y2, stroke: '#333', 'stroke-width': 0.7 }) : '';
  const text = { class: 'center-label', 'data-id': l.id, x: l.tx, y: l.ty, 'text-anchor': l.anchor, ...attrs, ...halo };
  return leader + el('text', text, esc(l.text));
}

export function mapSvg(input: MapInput): string {
  const L = input.locale ?? ENGLISH;
  const m = { ...localised(input, L), layers: rewindLayers(input.layers) };
  const scale = localScale(MEASURES[m.measure], L);
  const outline = rewind(m.outline);
  const frameOf = conicFor(outline);
  const projection = frameOf().fitExtent(
    [
      [MAIN.x + 8, MAIN.y + 8],
      [MAIN.x + MAIN.w - 8, MAIN.y + MAIN.h - 30],
    ],
    outline,
  );
  // Paths are cut a little outside their panel (d3 clipping): nothing off the page is written out.
  const cut = (r: Rect): [[number, number], [number, number]] => [
    [r.x - 5, r.y - 5],
    [r.x + r.w + 5, r.y + r.h + 5],
  ];
  const path = geoPath(
    geoConicConformal()
      .parallels((projection as GeoConicProjection).parallels())
      .rotate(projection.rotate())
      .scale(projection.scale())
      .translate(projection.translate())
      .clipExtent(cut(MAIN)),
  ).digits(1);
  const byCode = new Map(m.units.map((u) => [u.code, u]));
  const polys = m.layers.units?.features ?? [];
  const capitalUnit = m.capital ? polys.find((f) => String(f.id) === m.capital!.code) : undefined;
  const capitalFeature = capitalUnit
    ? insetArea(
        capitalUnit,
        m.facilities.filter((f) => f.region === m.capital!.code),
      )
    : undefined;

  // The inset: the capital's facilities at a larger scale, and its frame on the main map.
  const inset = capitalFeature
    ? frameOf().fitExtent(
        [
          [INSET.x + 10, INSET.y + 22],
          [INSET.x + INSET.w - 10, INSET.y + INSET.h - 24],
        ],
        capitalFeature,
      )
    : undefined;
  const insetPath =
    inset &&
    geoPath(
      geoConicConformal()
        .parallels((inset as GeoConicProjection).parallels())
        .rotate(inset.rotate())
        .scale(inset.scale())
        .translate(inset.translate())
        .clipExtent(cut(INSET)),
    ).digits(1);
  const frame = capitalFeature ? path.bounds(capitalFeature) : undefined;
  const inFrame = (x: number, y: number) =>
    frame !== undefined && x >= frame[0][0] - 4 && x <= frame[1][0] + 4 && y >= frame[0][1] - 4 && y <= frame[1][1] + 4;

  const out: string[] = [];
  const label = `${m.title}: ${scale.title}`;
  const box = (r: Rect) => ({ x: r.x, y: r.y, width: r.w, height: r.h });
  out.push(
    openTag('svg', {
      xmlns: 'http://www.w3.org/2000/svg',
      id: 'map',
      viewBox: `0 0 ${MAP_W} ${MAP_H}`,
      width: MAP_W,
      height: MAP_H,
      'font-family': 'system-ui, sans-serif',
      'font-size': LABEL_FONT,
      role: 'img',
      'aria-label': label,
    }),
  );
  if (m.metadata) out.push(svgMetadata(m.metadata));
  out.push(tip(label));
  const clip = (id: string, r: Rect) => el('clipPath', { id }, el('rect', box(r)));
  out.push(el('defs', {}, clip('map-main', MAIN) + clip('map-inset', INSET)));
  out.push(el('rect', { width: MAP_W, height: MAP_H, fill: '#fff' }));
  out.push(el('text', { x: MAIN.x, y: 24, 'font-size': 16, 'font-weight': 'bold' }, esc(m.title)));
  const subtitle = esc(`${scale.title} (${scale.unit})`);
  out.push(el('text', { x: MAP_W - 8, y: 24, 'font-size': 12, 'text-anchor': 'end', fill: '#444' }, subtitle));

  // Main map.
  out.push(`<g class="main" clip-path="url(#map-main)">`);
  // Water shows where no country is drawn; without a context layer we know no better than "elsewhere".
  const around = m.layers.context ? CONTEXT.water : CONTEXT.land;
  out.push(el('rect', { ...box(MAIN), fill: around }));
  out.push(...contextLayer(m, path, 'country'));
  out.push(`<path class="home" d="${path(outline) ?? ''}" fill="${CONTEXT.home}" stroke="none"/>`);
  if (m.gaps) out.push(...gapSurface(m.gaps, path, scale));
  out.push(...unitLayer(m, path, projection, scale, byCode, 'unit'));
  out.push(`<path class="outline" d="${path(outline) ?? ''}" fill="none" stroke="#444" stroke-width="1"/>`);
  if (m.gaps) out.push(...unservedCircles(m.gaps, projection, L));
  const frameBox = frame && {
    x: frame[0][0] - 4,
    y: frame[0][1] - 4,
    w: frame[1][0] - frame[0][0] + 8,
    h: frame[1][1] - frame[0][1] + 8,
  };
  if (frameBox) {
    const style = { fill: 'none', stroke: '#333', 'stroke-width': 1, 'stroke-dasharray': '3 2' };
    out.push(el('rect', { class: 'inset-frame', ...box(frameBox), ...style }));
  }
  const mainFacilities = sortFacilities(m.facilities);
  for (const f of mainFacilities) {
    const [x, y] = projection([f.location.lon, f.location.lat])!;
    out.push(
      marker(
        f.kind,
        f.state,
        x,
        y,
        f.kind === 'center' ? 9 : 6,
        { class: `facility ${f.kind} ${f.state}`, 'data-id': f.id },
        tip(facilityTip(f, m.year, L)),
      ),
    );
  }
  out.push('</g>');

  // Labels: context names, then center names (outside the inset frame) avoiding markers and each other.
  const names = shortNames(m.facilities.filter((f) => f.kind === 'center').map((f) => f.name));
  const obstacles: Rect[] = [];
  for (const f of m.facilities) {
    const [x, y] = projection([f.location.lon, f.location.lat])!;
    const s = f.kind === 'center' ? 10 : 6;
    obstacles.push({ x: x - s / 2, y: y - s / 2, w: s, h: s });
  }
  if (frameBox) obstacles.push(frameBox);
  const scaleAt = { x: MAIN.x + 14, y: MAIN.y + MAIN.h - 16 };
  obstacles.push({ x: scaleAt.x - 4, y: scaleAt.y - 16, w: 130, h: 24 });
  const mainCenters = mainFacilities
    .filter((f) => f.kind === 'center')
    .map((f) => ({ f, p: projection([f.location.lon, f.location.lat])! }))
    .filter(({ p }) => !inFrame(p[0], p[1]));
  const insetCenters = mainFacilities
    .filter((f) => f.kind === 'center')
    .filter((f) => {
      const p = projection([f.location.lon, f.location.lat])!;
      return inFrame(p[0], p[1]);
    });
  const placed = placeLabels(
    mainCenters.map(({ f, p }) => ({ id: f.id, text: names.get(f.name)!, x: p[0], y: p[1], r: 6 })),
    obstacles,
    MAIN,
    LABEL_FONT,
  );
  out.push(...contextLabels(m, projection, [...obstacles, ...placed.map((l) => l.box)], L));
  out.push(`<g class="center-labels" font-size="${LABEL_FONT}" font-weight="600">`);
  for (const l of placed) out.push(labelSvg(l));
  out.push('</g>');
  const [[w0, s0], [e0, n0]] = geoBounds(outline);
  out.push(scaleBar(projection, (w0 + e0) / 2, (s0 + n0) / 2, scaleAt.x, scaleAt.y));

  // The inset.
  if (inset && capitalFeature) {
    const ip = insetPath!;
    out.push(`<g class="inset" clip-path="url(#map-inset)">`);
    out.push(el('rect', { ...box(INSET), fill: CONTEXT.water }));
    out.push(`<path d="${ip(outline) ?? ''}" fill="${CONTEXT.home}"/>`);
    out.push(...unitLayer(m, ip, inset, scale, byCode, 'inset-unit'));
    out.push(`<path d="${ip(capitalUnit!) ?? ''}" fill="none" stroke="#222" stroke-width="1.4"/>`);
    const inBox = (p: [number, number]) =>
      p[0] >= INSET.x && p[0] <= INSET.x + INSET.w && p[1] >= INSET.y && p[1] <= INSET.y + INSET.h;
    const shown = mainFacilities
      .map((f) => ({ f, p: inset([f.location.lon, f.location.lat])! }))
      .filter(({ p }) => inBox(p));
    for (const { f, p } of shown)
      out.push(
        marker(
          f.kind,
          f.state,
          p[0],
          p[1],
          f.kind === 'center' ? 11 : 7,
          { class: `inset-facility ${f.kind} ${f.state}` },
          tip(facilityTip(f, m.year, L)),
        ),
      );
    const insetObstacles = shown.map(({ f, p }) => {
      const s = f.kind === 'center' ? 12 : 8;
      return { x: p[0] - s / 2, y: p[1] - s / 2, w: s, h: s };
    });
    insetObstacles.push({ x: INSET.x, y: INSET.y, w: INSET.w, h: 18 });
    const ids = new Set(insetCenters.map((f) => f.id));
    const insetLabels = placeLabels(
      shown
        .filter(({ f }) => ids.has(f.id))
        .map(({ f, p }) => ({ id: f.id, text: names.get(f.name)!, x: p[0], y: p[1], r: 7 })),
      insetObstacles,
      INSET,
      LABEL_FONT,
    );
    for (const l of insetLabels) out.push(labelSvg(l, { 'font-weight': 600 }));
    const title = esc(L.t('map.inset', { capital: m.capital!.name }));
    out.push(el('text', { x: INSET.x + 6, y: INSET.y + 14, 'font-weight': 'bold', ...halo }, title));
    const [lon, lat] = inset.invert!([INSET.x + INSET.w / 2, INSET.y + INSET.h / 2])!;
    out.push(scaleBar(inset, lon, lat, INSET.x + 8, INSET.y + INSET.h - 10));
    out.push('</g>');
    out.push(`<rect x="${INSET.x}" y="${INSET.y}" width="${INSET.w}" height="${INSET.h}" fill="none" stroke="#333"/>`);
  }
  if (m.legend) out.push(svgLegend(scale, m.facilities, INSET.x, inset ? LEGEND_Y : INSET.y, L));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * What the inset frames: the capital's facilities with 6 km around them (the city's facilities sit
 * close together; the unit itself reaches far south and out to sea). No facility there: the unit.
 */
function insetArea(
  unit: Feature<Polygon | MultiPolygon>,
  facilities: Facility[],
): Feature<Polygon | MultiPolygon | MultiPoint> {
  if (facilities.length === 0) return unit;
  const lats = facilities.map((f) => f.location.lat),
    lons = facilities.map((f) => f.location.lon);
  const pad = 6 / 111;
  const padLon = pad / Math.cos((lats[0]! * Math.PI) / 180);
  const [w, e, s, n] = [
    Math.min(...lons) - padLon,
    Math.max(...lons) + padLon,
    Math.min(...lats) - pad,
    Math.max(...lats) + pad,
  ];
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
      ],
    },
  };
}

function rewindLayers(l: MapLayers): MapLayers {
  const poly = <F extends Feature>(f: F): F =>
    f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon' ? { ...f, geometry: rewind(f.geometry) } : f;
  return {
    units: l.units ? { ...l.units, features: l.units.features.map(poly) } : null,
    context: l.context ? { ...l.context, features: l.context.features.map(poly) } : null,
  };
}

function sortFacilities<T extends Facility & { state: FacilityState }>(fs: T[]): T[] {
  // Branches under centers; planned under open, so the open network reads on top.
  const rank = { planned: 0, closed: 1, under_construction: 2, open: 3 };
  return [...fs].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'branch' ? -1 : 1) ||
      rank[a.state] - rank[b.state] ||
      compareText(a.id, b.id),
  );
}

function contextLayer(m: MapInput, path: ReturnType<typeof geoPath>, cls: string): string[] {
  return (m.layers.context?.features ?? [])
    .filter((f) => f.geometry.type !== 'Point')
    .map((f) =>
      el('path', { class: cls, d: path(f) ?? '', fill: CONTEXT.land, stroke: CONTEXT.border, 'stroke-width': 0.8 }),
    );
}

function unitLayer(
  m: MapInput,
  path: ReturnType<typeof geoPath>,
  projection: GeoProjection,
  scale: MeasureScale,
  byCode: Map<string, ReportUnit>,
  cls: string,
): string[] {
  const out: string[] = [];
  const polys = m.layers.units?.features;
  if (polys) {
    for (const f of [...polys].sort((a, b) => compareText(String(a.id), String(b.id)))) {
      const u = byCode.get(String(f.id));
      if (!u) continue;
      // On the gap map the units are outlines over the surface.
      const fill = m.gaps ? 'none' : unitFill(u, scale, m.measure);
      const d = path(f);
      if (!d) continue; // wholly outside this panel
      const attrs = { class: cls, 'data-code': u.code, d, fill, stroke: '#fff', 'stroke-width': 0.6 };
      out.push(el('path', attrs, tip(unitTip(u, m.year, m.locale ?? ENGLISH))));
    }
    return out;
  }
  // No polygons shipped: a circle per unit at its seat, area ∝ population.
  const maxPop = Math.max(1, ...m.units.map((u) => u.population));
  for (const u of [...m.units].sort((a, b) => b.population - a.population || compareText(a.code, b.code))) {
    if (u.population <= 0) continue;
    const [x, y] = projection([u.lon, u.lat])!;
    const r = 3 + 22 * Math.sqrt(u.population / maxPop);
    const fill = unitFill(u, scale, m.measure);
    out.push(
      el(
        'circle',
        { class: cls, 'data-code': u.code, cx: x, cy: y, r, fill, stroke: '#fff' },
        tip(unitTip(u, m.year, m.locale ?? ENGLISH)),
      ),
    );
  }
  return out;
}

/**
 * The surface in its classes: the cells no facility reaches in the unreachable grey, every reachable
 * cell in the last class's colour, then each smaller band on top (band i holds the minutes above
 * band i − 1's limit).
 */
function gapSurface(g: GapLayer, path: ReturnType<typeof geoPath>, scale: MeasureScale): string[] {
  const out: string[] = [];
  const none = path(rewind({ type: 'MultiPolygon', coordinates: g.unreachable }));
  if (none) out.push(el('path', { class: 'gap-unreachable', d: none, fill: CONTEXT.unreachable }));
  for (let i = g.bands.length - 1; i >= 0; i--) {
    const b = g.bands[i]!;
    const fill = classColor(scale, i === 0 ? 0 : g.bands[i - 1]!.max_min);
    const d = path(rewind({ type: 'MultiPolygon', coordinates: b.polygons }));
    if (d) out.push(el('path', { class: 'gap-band', 'data-max-min': b.max_min, d, fill }));
  }
  return out;
}

/** People beyond every standard: a circle per cluster, area ∝ people, the largest underneath. */
function unservedCircles(g: GapLayer, projection: GeoProjection, L: Locale): string[] {
  const max = Math.max(1, ...g.clusters.map((c) => c.people));
  const out = [`<g class="unserved" fill="${UNSERVED.fill}" fill-opacity="0.8" stroke="${UNSERVED.stroke}">`];
  for (const c of g.clusters) {
    const [x, y] = projection([c.lon, c.lat])!;
    const r = 1 + 11 * Math.sqrt(c.people / max);
    const near = c.facility
      ? L.t('map.gap_near', { name: c.facility.name, min: L.num(c.mean_min ?? Number.NaN, 0) })
      : '';
    const text = L.t('map.gap_tip', { people: L.int(c.people), place: L.placeText(c.settlement), near });
    out.push(el('circle', { cx: x, cy: y, r, 'stroke-width': 0.5 }, tip(text)));
  }
  out.push('</g>');
  return out;
}

/** Names of neighbours (at the visible part's centroid, if it falls inside that part) and of water. */
function contextLabels(m: MapInput, projection: GeoProjection, taken: Rect[], L: Locale): string[] {
  const out: string[] = [];
  const overlaps = (r: Rect) =>
    taken.some((t) => r.x < t.x + t.w && t.x < r.x + r.w && r.y < t.y + t.h && t.y < r.y + r.h);
  const clipped = geoConicConformal()
    .parallels((projection as GeoConicProjection).parallels())
    .rotate(projection.rotate())
    .scale(projection.scale())
    .translate(projection.translate())
    .clipExtent([
      [MAIN.x + 20, MAIN.y + 20],
      [MAIN.x + MAIN.w - 20, MAIN.y + MAIN.h - 40],
    ]);
  const cpath = geoPath(clipped);
  for (const f of m.layers.context?.features ?? []) {
    const water = f.geometry.type === 'Point';
    let x: number, y: number;
    if (water) [x, y] = projection(f.geometry.coordinates as [number, number])!;
    else {
      if (cpath.area(f) < 2500) continue;
      [x, y] = cpath.centroid(f);
      const ll = projection.invert!([x, y]);
      if (!ll || !geoContains(f, ll)) continue;
    }
    const name = contextName(f.properties.name, L);
    const text = water ? name : L.upper(name);
    const w = letters(text) * (water ? 6.2 : 6.6);
    const box = { x: x - w / 2, y: y - 10, w, h: 13 };
    if (box.x < MAIN.x || box.x + box.w > MAIN.x + MAIN.w || box.y < MAIN.y || overlaps(box)) continue;
    taken.push(box);
    const style = water
      ? { class: 'water-label', 'font-style': 'italic', 'font-size': 13, fill: '#3a6f96' }
      : { class: 'country-label', fill: '#8a8a85', 'letter-spacing': 1 };
    out.push(el('text', { ...style, x, y, 'text-anchor': 'middle' }, esc(text)));
  }
  return out;
}

/** The legend drawn inside the standalone SVG (the HTML report renders render/map-legend.ts instead). */
function svgLegend(
  scale: MeasureScale,
  facilities: (Facility & { state: FacilityState })[],
  x: number,
  y: number,
  L: Locale,
): string {
  const out: string[] = [`<g class="legend" font-size="12">`];
  // The panel is 244 px wide: about 32 bold characters a line.
  const lines = wrap(scale.title, 32);
  lines.forEach((l, i) => out.push(`<text x="${x}" y="${y + 12 + i * 15}" font-weight="bold">${esc(l)}</text>`));
  const top = y + (lines.length - 1) * 15;
  out.push(`<text x="${x}" y="${top + 27}" fill="#444">${esc(scale.unit)}</text>`);
  let yy = top + 36;
  for (const c of legendEntries(scale, unreachableLabel(UNREACHABLE_LABEL, L))) {
    out.push(el('rect', { x, y: yy, width: 18, height: 12, fill: c.color, stroke: '#999', 'stroke-width': 0.5 }));
    out.push(el('text', { x: x + 24, y: yy + 10 }, esc(c.label)));
    yy += 16;
  }
  yy += 8;
  out.push(`<text x="${x}" y="${yy + 10}" font-weight="bold">${esc(L.t('map.facilities'))}</text>`);
  yy += 16;
  const states = (['open', 'under_construction', 'planned', 'closed'] as const).filter(
    (s) => s !== 'closed' || facilities.some((f) => f.state === 'closed'),
  );
  for (const s of states) {
    out.push(
      marker('center', s, x + 6, yy + 6, 10) +
        marker('branch', s, x + 22, yy + 6, 7) +
        `<text x="${x + 34}" y="${yy + 10}">${esc(stateWord(s, L))}</text>`,
    );
    yy += 16;
  }
  out.push(`<text x="${x}" y="${yy + 10}" fill="#444">${esc(L.t('map.kinds_svg'))}</text>`);
  out.push('</g>');
  return out.join('');
}

/** Greedy word wrap at `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const w of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + w.length <= width) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}

/** A neighbouring country's or a sea's name (context.geojson, English) in the map's language. */
function contextName(name: string, L: Locale): string {
  if (L.lang === 'en') return name;
  const key = `place.${name.toLowerCase().replace(/ /g, '_')}`;
  return key in CONTEXT_KEYS ? L.t(key as keyof typeof CONTEXT_KEYS) : name;
}

const CONTEXT_KEYS = {
  'place.armenia': 1,
  'place.georgia': 1,
  'place.iran': 1,
  'place.iraq': 1,
  'place.kazakhstan': 1,
  'place.russia': 1,
  'place.syria': 1,
  'place.turkey': 1,
  'place.turkmenistan': 1,
  'place.caspian_sea': 1,
} as const;
