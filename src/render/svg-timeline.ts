/**
 * A self-contained SVG chart of the rollout: open centers and branches per year as bars (left
 * axis, "facilities open at year end"), coverage as lines (right axis, "% of population"),
 * targets as markers at their year (▲ met, ✕ missed) listed in the legend. Target labels are
 * placed where no coverage line crosses them; colours from render/palette.ts (Okabe–Ito).
 */
import type { Timeline } from '../analysis/timeline.js';
import { SERIES } from './palette.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { textWidth, type Rect } from './label-placement.js';
import { el, esc, openTag, svgMetadata, tip } from './svg-element.js';

const W = 760,
  L = 64,
  R = 64,
  T = 40,
  PLOT_H = 284;
const f = (x: number) => x.toFixed(1);

export interface LegendEntry {
  kind: 'bar' | 'line' | 'met' | 'missed';
  color: string;
  dash?: string;
  label: string;
}

/** What the chart's legend lists (the HTML report draws it as HTML). */
export function timelineLegend(t: Timeline, L: Locale = ENGLISH): LegendEntry[] {
  const entries: LegendEntry[] = [
    { kind: 'bar', color: SERIES.centers, label: L.t('chart.centers_open') },
    { kind: 'bar', color: SERIES.branches, label: L.t('chart.branches_open') },
    { kind: 'line', color: SERIES.distance, label: L.t('chart.by_distance') },
    { kind: 'line', color: SERIES.assignment, dash: '6 3', label: L.t('chart.by_assignment') },
    { kind: 'line', color: SERIES.online, dash: '2 3', label: L.t('chart.online') },
  ];
  if (t.targets.some((g) => g.met)) entries.push({ kind: 'met', color: SERIES.met, label: L.t('chart.target_met') });
  if (t.targets.some((g) => !g.met))
    entries.push({ kind: 'missed', color: SERIES.missed, label: L.t('chart.target_missed') });
  return entries;
}

/** A legend entry's symbol, drawn in a 16 × 12 box at (x, y). */
export function legendSymbol(e: LegendEntry, x: number, y: number): string {
  if (e.kind === 'bar') return `<rect x="${x + 2}" y="${y + 1}" width="12" height="10" fill="${e.color}"/>`;
  if (e.kind === 'line') {
    return el('line', {
      x1: x,
      x2: x + 16,
      y1: y + 6,
      y2: y + 6,
      stroke: e.color,
      'stroke-width': 2.5,
      'stroke-dasharray': e.dash,
    });
  }
  return targetMark(e.kind === 'met', x + 8, y + 6);
}

function targetMark(met: boolean, x: number, y: number): string {
  if (met) {
    const d = `M${f(x - 6)},${f(y + 5)} L${f(x)},${f(y - 6)} L${f(x + 6)},${f(y + 5)} Z`;
    return el('path', { d, fill: SERIES.met, stroke: '#000', 'stroke-width': 0.8 });
  }
  const d = `M${f(x - 5)},${f(y - 5)} L${f(x + 5)},${f(y + 5)} M${f(x + 5)},${f(y - 5)} L${f(x - 5)},${f(y + 5)}`;
  return el('path', { d, stroke: SERIES.missed, 'stroke-width': 3 });
}

/** Does the segment (x1,y1)–(x2,y2) pass through the rectangle? (Liang–Barsky clip.) */
function crosses(r: Rect, x1: number, y1: number, x2: number, y2: number): boolean {
  let t0 = 0,
    t1 = 1;
  const dx = x2 - x1,
    dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - r.x],
    [dx, r.x + r.w - x1],
    [-dy, y1 - r.y],
    [dy, r.y + r.h - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** `metadata`: how the figures were made, for a standalone chart (render/provenance.ts). */
export function timelineSvg(
  t: Timeline,
  opts: { legend?: boolean; metadata?: readonly string[]; locale?: Locale } = {},
): string {
  const legend = opts.legend ?? true;
  const Lc = opts.locale ?? ENGLISH;
  const entries = timelineLegend(t, Lc);
  const plan = Lc.planName(t.plan);
  const chartTitle = Lc.t('chart.title', { plan });
  const legendRows = legend ? Math.ceil(entries.length / 3) : 0;
  const B = 44 + legendRows * 18;
  const H = T + PLOT_H + B;
  const years = t.years.map((y) => y.year);
  const n = Math.max(1, years.length);
  const slot = (W - L - R) / n;
  const x = (i: number) => L + slot * (i + 0.5);
  const maxCount = Math.max(
    1,
    ...t.years.map((y) => y.centers + y.branches),
    ...t.targets.map((g) => (g.centers?.target ?? 0) + (g.branches?.target ?? 0)),
  );
  const step = niceStep(maxCount / 5);
  const top = Math.ceil(maxCount / step) * step;
  const yCount = (c: number) => T + PLOT_H - (PLOT_H * c) / top;
  const yPct = (p: number) => T + PLOT_H - (PLOT_H * p) / 100;
  const out: string[] = [];
  const font = { 'font-family': 'system-ui, sans-serif', 'font-size': 12 };
  const size = { viewBox: `0 0 ${W} ${H}`, width: W, height: H };
  out.push(openTag('svg', { xmlns: 'http://www.w3.org/2000/svg', id: 'rollout', ...size, ...font }));
  if (opts.metadata) out.push(svgMetadata(opts.metadata));
  out.push(`<title>${esc(chartTitle)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L}" y="22" font-size="15" font-weight="bold">${esc(chartTitle)}</text>`);
  // Grid and axes: counts on the left, coverage % on the right, each with its title.
  const base = T + PLOT_H;
  for (let p = 0; p <= 100; p += 25) {
    out.push(`<line x1="${L}" y1="${f(yPct(p))}" x2="${W - R}" y2="${f(yPct(p))}" stroke="#e6e6e6"/>`);
    out.push(`<text class="tick-right" x="${W - R + 6}" y="${f(yPct(p) + 4)}">${Lc.pct(p, 0)}</text>`);
  }
  for (let c = 0; c <= top; c += step)
    out.push(`<text class="tick-left" x="${L - 6}" y="${f(yCount(c) + 4)}" text-anchor="end">${c}</text>`);
  out.push(`<line x1="${L}" y1="${base}" x2="${W - R}" y2="${base}" stroke="#333"/>`);
  for (const ax of [L, W - R]) out.push(el('line', { x1: ax, y1: T, x2: ax, y2: base, stroke: '#333' }));
  const mid = T + PLOT_H / 2;
  const title = (side: string, x: number, y: number, turn: number, text: string) =>
    el(
      'text',
      {
        class: `axis-title ${side}`,
        x,
        y,
        transform: turn ? `rotate(${turn} ${x} ${f(y)})` : undefined,
        'text-anchor': 'middle',
      },
      text,
    );
  out.push(title('left', 16, mid, -90, Lc.t('chart.axis_left')));
  out.push(title('right', W - 14, mid, 90, Lc.t('chart.axis_right')));
  out.push(title('bottom', (L + W - R) / 2, base + 34, 0, Lc.t('chart.axis_bottom')));
  t.years.forEach((y, i) => {
    const bw = slot * 0.35;
    const bar = (cls: 'centers' | 'branches', left: number, n: number) =>
      el(
        'rect',
        { class: cls, x: left, y: yCount(n), width: bw, height: base - yCount(n), fill: SERIES[cls] },
        tip(`${y.year}: ${Lc.t(`common.n_${cls}`, { n })}`),
      );
    out.push(bar('centers', x(i) - bw, y.centers));
    out.push(bar('branches', x(i), y.branches));
    out.push(`<text x="${f(x(i))}" y="${base + 16}" text-anchor="middle">${y.year}</text>`);
  });
  const series: [string, string, string, (y: Timeline['years'][number]) => number][] = [
    ['distance', SERIES.distance, '', (y) => y.coverage.distance.percent],
    ['assignment', SERIES.assignment, '6 3', (y) => y.coverage.assignment.percent],
    ['online', SERIES.online, '2 3', (y) => y.coverage.with_online.percent],
  ];
  const segments: [number, number, number, number][] = [];
  for (const [cls, color, dash, pick] of series) {
    const pts = t.years.map((y, i) => [x(i), yPct(pick(y))] as const);
    for (let i = 1; i < pts.length; i++) segments.push([pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1]]);
    const points = pts.map(([a, b]) => `${f(a)},${f(b)}`).join(' ');
    const stroke = { stroke: color, 'stroke-width': 2.5, 'stroke-dasharray': dash || undefined };
    out.push(el('polyline', { class: cls, fill: 'none', ...stroke, points }));
  }
  // Targets: a marker at the number of facilities due; the label where no line crosses it.
  const marks: Rect[] = [];
  const requests = t.targets.flatMap((g) => {
    const i = years.indexOf(Number(g.by.slice(0, 4)));
    if (i < 0) return [];
    const total = (g.centers?.target ?? 0) + (g.branches?.target ?? 0);
    marks.push({ x: x(i) - 7, y: yCount(total) - 7, w: 14, h: 14 });
    const state = g.met ? 'met' : 'missed';
    const stateText = Lc.t(`common.${state}`);
    out.push(
      el(
        'g',
        { class: `target ${state}` },
        targetMark(g.met, x(i), yCount(total)) +
          tip(Lc.t('chart.target_tip', { by: Lc.planDate(g.by), state: stateText })),
      ),
    );
    const what = [
      g.centers ? Lc.t('common.n_centers', { n: g.centers.target }) : '',
      g.branches ? Lc.t('common.n_branches', { n: g.branches.target }) : '',
    ]
      .filter(Boolean)
      .join(' + ');
    const text = Lc.t('chart.target_label', { what, by: Lc.planDate(g.by), state: stateText });
    return [{ text, x: x(i), y: yCount(total), met: g.met }];
  });
  const blockers = (r: Rect) => segments.some(([a, b, c, d]) => crosses(r, a, b, c, d));
  const bars: Rect[] = t.years.flatMap((y, i) => {
    const bw = slot * 0.35;
    return [
      { x: x(i) - bw, y: yCount(y.centers), w: bw, h: base - yCount(y.centers) },
      { x: x(i), y: yCount(y.branches), w: bw, h: base - yCount(y.branches) },
    ];
  });
  const placed: Rect[] = [];
  const overlaps = (r: Rect, list: Rect[]) =>
    list.some((q) => r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h);
  for (const q of requests) {
    // Nearest free spot up or down the target's year, text left of, centred on or right of the marker:
    // free means no coverage line passes through the text, no bar, marker or other label under it.
    const w = textWidth(q.text, 11) + 4,
      h = 15;
    let spot: { r: Rect; anchor: 'start' | 'middle' | 'end' } | undefined;
    for (let k = 0; k <= 2 * PLOT_H && !spot; k += 4) {
      const dy = (k % 8 === 0 ? -1 : 1) * (10 + Math.floor(k / 8) * 4);
      const top = q.y + dy - h / 2;
      for (const anchor of ['middle', 'end', 'start'] as const) {
        const left = anchor === 'middle' ? q.x - w / 2 : anchor === 'end' ? q.x - w : q.x;
        const r = { x: left, y: top, w, h };
        if (r.x < L || r.x + r.w > W - R || r.y < T || r.y + r.h > base) continue;
        if (blockers(r) || overlaps(r, bars) || overlaps(r, marks) || overlaps(r, placed)) continue;
        spot = { r, anchor };
        break;
      }
    }
    // Nowhere free inside the plot: above it, under the title.
    spot ??= { r: { x: q.x - w / 2, y: T - h - 2, w, h }, anchor: 'middle' };
    placed.push(spot.r);
    const tx = spot.anchor === 'middle' ? q.x : spot.anchor === 'end' ? spot.r.x + spot.r.w - 2 : spot.r.x + 2;
    const ty = spot.r.y + 11;
    const near = spot.r.y + spot.r.h < q.y ? spot.r.y + spot.r.h : spot.r.y;
    if (Math.abs(near - q.y) > 9) {
      const from = q.y + (near < q.y ? -7 : 7);
      out.push(
        el('line', { class: 'leader', x1: q.x, y1: from, x2: q.x, y2: near, stroke: '#666', 'stroke-width': 0.8 }),
      );
    }
    const cls = `target-label${blockers(spot.r) ? ' crossed' : ''}`;
    const fill = q.met ? '#00634a' : '#9c3d00';
    out.push(el('text', { class: cls, x: tx, y: ty, 'text-anchor': spot.anchor, 'font-size': 11, fill }, esc(q.text)));
  }
  if (legend) {
    entries.forEach((e, k) => {
      const lx = L + (k % 3) * 215,
        ly = base + 44 + Math.floor(k / 3) * 18;
      const text = el('text', { x: lx + 22, y: ly + 10 }, esc(e.label));
      out.push(el('g', { class: 'legend-entry' }, legendSymbol(e, lx, ly) + text));
    });
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
}
