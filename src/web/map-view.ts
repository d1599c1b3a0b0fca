/**
 * The studio's map: SVG drawn from /api/map with d3-geo in the report's projection
 * (render/map-projection.ts): the sea, the neighbours, the units coloured by the caller, the
 * facilities by kind (square: center, circle: branch) and state (render/palette.ts), and the
 * suggested sites. Pointer input: click the map to pick a spot, drag a facility to move it, click
 * it to select it, drag the background to pan, the wheel or the +/− buttons to zoom.
 */
import { geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { rewind } from '../render/map-projection.js';
import { CONTEXT, type FacilityState, STATUS_STYLE } from '../render/palette.js';
import type { Candidate, Facility, MapData } from './api.js';
import { s } from './dom.js';
import { LANG, t } from './words.js';
import { MAP_H as H, MAP_W as W, mapProjection, rewound } from './projection.js';

/** Marker sizes in screen pixels, whatever the zoom and the width of the page. */
const PX = { center: 13, branch: 10, candidate: 14, stroke: 1.3 };
/** A pointer that moved less than this (px) clicked rather than dragged. */
const CLICK_PX = 4;

export type Hover = { kind: 'unit' | 'facility' | 'candidate' | 'gap'; id: string } | null;

export interface MapEvents {
  /** A click on the map away from any facility: a spot to add one. */
  pick(lat: number, lon: number): void;
  select(id: string): void;
  move(id: string, lat: number, lon: number): void;
  hover(what: Hover, clientX: number, clientY: number): void;
}

export type ShownFacility = Facility & { state: FacilityState };

interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly projection: GeoProjection;
  private readonly path: GeoPath;
  private readonly units = new Map<string, SVGPathElement>();
  private readonly facilityLayer = s('g', { class: 'facilities' });
  private readonly candidateLayer = s('g', { class: 'candidates' });
  /** The land layers (surface, gaps) over the units; the pointer passes through to the units. */
  private readonly landLayer = s('g', { class: 'land', 'pointer-events': 'none' });
  private readonly markers = new Map<string, SVGGElement>();
  private facilities: ShownFacility[] = [];
  private candidates: Candidate[] = [];
  private selected: string | null = null;
  private view: ViewBox = { x: 0, y: 0, w: W, h: H };

  constructor(
    host: HTMLElement,
    map: MapData,
    private readonly on: MapEvents,
  ) {
    const units = rewound(map);
    this.projection = mapProjection(units);
    this.path = geoPath(this.projection).digits(1);
    this.svg = s('svg', {
      class: 'map',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': t('studio.map_label'),
    });
    this.svg.append(s('rect', { class: 'sea', x: -W, y: -H, width: 3 * W, height: 3 * H, fill: CONTEXT.water }));
    const context = s('g', { class: 'context' });
    for (const f of map.neighbours ?? []) {
      const d = this.path(rewind(f.geometry));
      if (d) context.append(s('path', { d, fill: CONTEXT.land, stroke: CONTEXT.border, 'stroke-width': 0.8 }));
    }
    const sea = map.caspian;
    if (sea?.geometry.type === 'Point') {
      const at = this.projection(sea.geometry.coordinates as [number, number]);
      const name = LANG === 'en' ? sea.properties.name : t('place.caspian_sea');
      if (at) context.append(s('text', { class: 'water-label', x: at[0], y: at[1] }, name));
    } else if (sea) {
      const d = this.path(rewind(sea.geometry as Polygon | MultiPolygon));
      if (d) context.prepend(s('path', { d, fill: CONTEXT.water }));
    }
    const unitLayer = s('g', { class: 'units' });
    for (const f of units.features) {
      const p = s('path', { class: 'unit', d: this.path(f) ?? '', fill: CONTEXT.noData, 'data-id': f.properties.id });
      this.units.set(f.properties.id, p);
      unitLayer.append(p);
    }
    this.svg.append(context, unitLayer, this.landLayer, this.candidateLayer, this.facilityLayer);
    host.append(this.svg);
    this.listen();
    new ResizeObserver(() => this.restyle()).observe(this.svg);
  }

  /** The units' fill colours (id → colour). */
  colour(fills: Map<string, string>): void {
    for (const [id, p] of this.units) p.setAttribute('fill', fills.get(id) ?? CONTEXT.noData);
  }

  /** Draws a land layer over the units (nothing: the units alone). */
  showLand(nodes: SVGElement[]): void {
    this.landLayer.replaceChildren(...nodes);
  }

  /** SVG path data of a GeoJSON (RFC 7946) polygon in the map's projection. */
  pathOf(g: Polygon | MultiPolygon): string | null {
    return this.path(rewind(g));
  }

  /** A point in the map's projection. */
  project(lon: number, lat: number): [number, number] | null {
    return this.projection([lon, lat]);
  }

  showFacilities(list: ShownFacility[], selected: string | null): void {
    this.facilities = list;
    this.selected = selected;
    // Planned under open, branches under centers: the open network reads on top.
    const rank = { planned: 0, closed: 1, under_construction: 2, open: 3 };
    const order = [...list].sort(
      (a, b) => rank[a.state] - rank[b.state] || Number(a.kind === 'center') - Number(b.kind === 'center'),
    );
    this.markers.clear();
    this.facilityLayer.replaceChildren(
      ...order.map((f) => {
        const g = this.marker(f);
        this.markers.set(f.id, g);
        return g;
      }),
    );
  }

  showCandidates(list: Candidate[]): void {
    this.candidates = list;
    const k = this.pxScale();
    this.candidateLayer.replaceChildren(
      ...list.map((c, i) => {
        const [x, y] = this.projection([c.lon, c.lat]) ?? [NaN, NaN];
        const r = (PX.candidate / 2) * k;
        return s(
          'g',
          { class: 'candidate', 'data-index': i, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
          s('circle', { r, fill: '#ffffff', stroke: STATUS_STYLE.under_construction.fill, 'stroke-width': 2.5 * k }),
          s('text', { class: 'candidate-label', y: r * 0.45, 'font-size': r * 1.3 }, String(i + 1)),
        );
      }),
    );
  }

  /** Zoom by a factor around a point of the viewBox (the middle when none is given). */
  zoom(factor: number, at?: [number, number]): void {
    const v = this.view;
    const [cx, cy] = at ?? [v.x + v.w / 2, v.y + v.h / 2];
    const w = Math.min(W, Math.max(W / 24, v.w / factor));
    const h = (w * H) / W;
    this.setView({ x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * h) / v.h, w, h });
  }

  resetZoom(): void {
    this.setView({ x: 0, y: 0, w: W, h: H });
  }

  /**
   * Screen pixels → viewBox units at the current zoom and width; on a narrow map (a phone) markers
   * shrink with it down to half size, or they would cover the country.
   */
  private pxScale(): number {
    const width = this.svg.clientWidth || W;
    return (this.view.w / width) * Math.min(1, Math.max(0.5, width / 800));
  }

  private setView(v: ViewBox): void {
    // Keep some of the map in sight.
    v.x = Math.min(W - v.w / 4, Math.max(-v.w * 0.75, v.x));
    v.y = Math.min(H - v.h / 4, Math.max(-v.h * 0.75, v.y));
    this.view = v;
    this.svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map((n) => String(Number(n.toFixed(2)))).join(' '));
    this.restyle();
  }

  /** Marker sizes follow the zoom and the width of the page. */
  private restyle(): void {
    this.showFacilities(this.facilities, this.selected);
    this.showCandidates(this.candidates);
    this.svg.querySelector('.units')?.setAttribute('stroke-width', String(0.6 * this.pxScale()));
  }

  private marker(f: ShownFacility): SVGGElement {
    const k = this.pxScale();
    const style = STATUS_STYLE[f.state];
    const size = (f.kind === 'center' ? PX.center : PX.branch) * k;
    const paint = {
      fill: style.fill,
      stroke: style.stroke,
      'stroke-width': PX.stroke * k,
      'stroke-dasharray': style.dash
        ? style.dash
            .split(' ')
            .map((n) => Number(n) * k * 1.5)
            .join(' ')
        : undefined,
    };
    const shape =
      f.kind === 'center'
        ? s('rect', { x: -size / 2, y: -size / 2, width: size, height: size, ...paint })
        : s('circle', { r: size / 2, ...paint });
    const [x, y] = this.projection([f.lon, f.lat]) ?? [NaN, NaN];
    const g = s(
      'g',
      {
        class: `facility facility-${f.state}${f.id === this.selected ? ' selected' : ''}`,
        'data-id': f.id,
        transform: `translate(${x.toFixed(2)},${y.toFixed(2)})`,
      },
      f.id === this.selected ? s('circle', { class: 'halo', r: size * 0.95, 'stroke-width': 2.5 * k }) : null,
      shape,
    );
    return g;
  }

  /** Client coordinates → viewBox coordinates. */
  private local(clientX: number, clientY: number): [number, number] {
    const ctm = this.svg.getScreenCTM();
    if (!ctm) return [clientX, clientY];
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return [p.x, p.y];
  }

  private lonLat(clientX: number, clientY: number): [number, number] | null {
    const p = this.projection.invert?.(this.local(clientX, clientY));
    return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
  }

  private target(e: Event): Hover {
    const node = e.target as Element | null;
    const f = node?.closest?.('.facility');
    if (f) return { kind: 'facility', id: f.getAttribute('data-id') ?? '' };
    const c = node?.closest?.('.candidate');
    if (c) return { kind: 'candidate', id: c.getAttribute('data-index') ?? '' };
    const gap = node?.closest?.('.unserved');
    if (gap) return { kind: 'gap', id: gap.getAttribute('data-index') ?? '' };
    const u = node?.closest?.('.unit');
    return u ? { kind: 'unit', id: u.getAttribute('data-id') ?? '' } : null;
  }

  private listen(): void {
    let drag: {
      id: string | null;
      pointer: number;
      x0: number;
      y0: number;
      view: ViewBox;
      moved: boolean;
      down: Hover;
    } | null = null;
    const svg = this.svg;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const t = this.target(e);
      drag = {
        id: t?.kind === 'facility' ? t.id : null,
        pointer: e.pointerId,
        x0: e.clientX,
        y0: e.clientY,
        view: { ...this.view },
        moved: false,
        down: t,
      };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag || drag.pointer !== e.pointerId) {
        this.on.hover(this.target(e), e.clientX, e.clientY);
        return;
      }
      const dx = e.clientX - drag.x0;
      const dy = e.clientY - drag.y0;
      if (!drag.moved && Math.hypot(dx, dy) < CLICK_PX) return;
      drag.moved = true;
      this.on.hover(null, 0, 0);
      if (drag.id !== null) {
        const [x, y] = this.local(e.clientX, e.clientY);
        this.markers.get(drag.id)?.setAttribute('transform', `translate(${x.toFixed(2)},${y.toFixed(2)})`);
        svg.classList.add('dragging');
      } else {
        const k = drag.view.w / (svg.clientWidth || W);
        this.setView({ ...drag.view, x: drag.view.x - dx * k, y: drag.view.y - dy * k });
      }
    });
    const end = (e: PointerEvent, cancelled: boolean) => {
      if (!drag || drag.pointer !== e.pointerId) return;
      const d = drag;
      drag = null;
      svg.classList.remove('dragging');
      if (cancelled) return this.showFacilities(this.facilities, this.selected);
      const at = this.lonLat(e.clientX, e.clientY);
      if (d.id !== null && d.moved) {
        if (at) this.on.move(d.id, at[1], at[0]);
        else this.showFacilities(this.facilities, this.selected);
      } else if (d.id !== null) this.on.select(d.id);
      else if (!d.moved && at && d.down?.kind !== 'candidate') this.on.pick(at[1], at[0]);
    };
    svg.addEventListener('pointerup', (e) => end(e, false));
    svg.addEventListener('pointercancel', (e) => end(e, true));
    svg.addEventListener('pointerleave', () => this.on.hover(null, 0, 0));
    svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        this.zoom(e.deltaY < 0 ? 1.25 : 0.8, this.local(e.clientX, e.clientY));
      },
      { passive: false },
    );
  }

  /** Where a facility is drawn, in client coordinates (for tests and the keyboard tooltip). */
  clientPoint(lat: number, lon: number): [number, number] | null {
    const p = this.projection([lon, lat]);
    const ctm = this.svg.getScreenCTM();
    if (!p || !ctm) return null;
    const q = new DOMPoint(p[0], p[1]).matrixTransform(ctm);
    return [q.x, q.y];
  }
}
