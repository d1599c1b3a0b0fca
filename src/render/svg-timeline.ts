/**
 * A self-contained SVG chart of the rollout: open centers and branches per year as bars (left
 * axis, "facilities open at year end"), coverage as lines (right axis, "% of population"),
 * targets as markers at their year (▲ met, ✕ missed) listed in the legend. Target labels are
 * placed where no coverage line crosses them; colours from render/palette.ts (Okabe–Ito).
 */
import type { Timeline } from '../analysis/timeline.js';
import { SERIES } from './palette.js';
import { textWidth, type Rect } from './label-placement.js';

const W = 760,
  L = 64,
  R = 64,
  T = 40,
  PLOT_H = 284;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number) => x.toFixed(1);

export interface LegendEntry {
  kind: 'bar' | 'line' | 'met' | 'missed';
  color: string;
  dash?: string;
  label: string;
}

/** What the chart's legend lists (the HTML report draws it as HTML). */
export function timelineLegend(t: Timeline): LegendEntry[] {
  const entries: LegendEntry[] = [
    { kind: 'bar', color: SERIES.centers, label: 'centers open' },
    { kind: 'bar', color: SERIES.branches, label: 'branches open' },
    { kind: 'line', color: SERIES.distance, label: 'covered by distance (%)' },
    { kind: 'line', color: SERIES.assignment, dash: '6 3', label: 'covered by assignment (%)' },
    { kind: 'line', color: SERIES.online, dash: '2 3', label: 'with online services (%)' },
  ];
  if (t.targets.some((g) => g.met))
    entries.push({ kind: 'met', color: SERIES.met, label: 'target met (facilities due)' });
  if (t.targets.some((g) => !g.met))
    entries.push({ kind: 'missed', color: SERIES.missed, label: 'target missed (facilities due)' });
  return entries;
}

/** A legend entry's symbol, drawn in a 16 × 12 box at (x, y). */
export function legendSymbol(e: LegendEntry, x: number, y: number): string {
  if (e.kind === 'bar') return `<rect x="${x + 2}" y="${y + 1}" width="12" height="10" fill="${e.color}"/>`;
  if (e.kind === 'line')
    return `<line x1="${x}" x2="${x + 16}" y1="${y + 6}" y2="${y + 6}" stroke="${e.color}" stroke-width="2.5"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>`;
  return targetMark(e.kind === 'met', x + 8, y + 6);
}

function targetMark(met: boolean, x: number, y: number): string {
  return met
    ? `<path d="M${f(x - 6)},${f(y + 5)} L${f(x)},${f(y - 6)} L${f(x + 6)},${f(y + 5)} Z" fill="${SERIES.met}" stroke="#000" stroke-width="0.8"/>`
    : `<path d="M${f(x - 5)},${f(y - 5)} L${f(x + 5)},${f(y + 5)} M${f(x + 5)},${f(y - 5)} L${f(x - 5)},${f(y + 5)}" stroke="${SERIES.missed}" stroke-width="3"/>`;
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

export function timelineSvg(t: Timeline, opts: { legend?: boolean } = {}): string {
  const legend = opts.legend ?? true;
  const entries = timelineLegend(t);
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
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="rollout" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`,
  );
  out.push(`<title>${esc(`Rollout of ${t.plan}`)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L}" y="22" font-size="15" font-weight="bold">${esc(`Rollout of ${t.plan}`)}</text>`);
  // Grid and axes: counts on the left, coverage % on the right, each with its title.
  const base = T + PLOT_H;
  for (let p = 0; p <= 100; p += 25) {
    out.push(`<line x1="${L}" y1="${f(yPct(p))}" x2="${W - R}" y2="${f(yPct(p))}" stroke="#e6e6e6"/>`);
    out.push(`<text class="tick-right" x="${W - R + 6}" y="${f(yPct(p) + 4)}">${p}%</text>`);
  }
  for (let c = 0; c <= top; c += step)
    out.push(`<text class="tick-left" x="${L - 6}" y="${f(yCount(c) + 4)}" text-anchor="end">${c}</text>`);
  out.push(`<line x1="${L}" y1="${base}" x2="${W - R}" y2="${base}" stroke="#333"/>`);
  out.push(
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${base}" stroke="#333"/><line x1="${W - R}" y1="${T}" x2="${W - R}" y2="${base}" stroke="#333"/>`,
  );
  const mid = f(T + PLOT_H / 2);
  out.push(
    `<text class="axis-title left" x="16" y="${mid}" transform="rotate(-90 16 ${mid})" text-anchor="middle">facilities open at year end</text>`,
  );
  out.push(
    `<text class="axis-title right" x="${W - 14}" y="${mid}" transform="rotate(90 ${W - 14} ${mid})" text-anchor="middle">population covered (%)</text>`,
  );
  out.push(
    `<text class="axis-title bottom" x="${f((L + W - R) / 2)}" y="${base + 34}" text-anchor="middle">year (situation on 31 December)</text>`,
  );
  t.years.forEach((y, i) => {
    const bw = slot * 0.35;
    out.push(
      `<rect class="centers" x="${f(x(i) - bw)}" y="${f(yCount(y.centers))}" width="${f(bw)}" height="${f(base - yCount(y.centers))}" fill="${SERIES.centers}"><title>${y.year}: ${y.centers} centers</title></rect>`,
    );
    out.push(
      `<rect class="branches" x="${f(x(i))}" y="${f(yCount(y.branches))}" width="${f(bw)}" height="${f(base - yCount(y.branches))}" fill="${SERIES.branches}"><title>${y.year}: ${y.branches} branches</title></rect>`,
    );
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
    out.push(
      `<polyline class="${cls}" fill="none" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${pts.map(([a, b]) => `${f(a)},${f(b)}`).join(' ')}"/>`,
    );
  }
  // Targets: a marker at the number of facilities due; the label where no line crosses it.
  const marks: Rect[] = [];
  const requests = t.targets.flatMap((g) => {
    const i = years.indexOf(Number(g.by.slice(0, 4)));
    if (i < 0) return [];
    const total = (g.centers?.target ?? 0) + (g.branches?.target ?? 0);
    marks.push({ x: x(i) - 7, y: yCount(total) - 7, w: 14, h: 14 });
    out.push(
      `<g class="target ${g.met ? 'met' : 'missed'}">${targetMark(g.met, x(i), yCount(total))}<title>${esc(`target by ${g.by}: ${g.met ? 'met' : 'missed'}`)}</title></g>`,
    );
    const what = [g.centers ? `${g.centers.target} centers` : '', g.branches ? `${g.branches.target} branches` : '']
      .filter(Boolean)
      .join(' + ');
    return [{ text: `${what} by ${g.by}: ${g.met ? 'met' : 'missed'}`, x: x(i), y: yCount(total), met: g.met }];
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
    if (Math.abs(near - q.y) > 9)
      out.push(
        `<line class="leader" x1="${f(q.x)}" y1="${f(q.y + (near < q.y ? -7 : 7))}" x2="${f(q.x)}" y2="${f(near)}" stroke="#666" stroke-width="0.8"/>`,
      );
    out.push(
      `<text class="target-label${blockers(spot.r) ? ' crossed' : ''}" x="${f(tx)}" y="${f(ty)}" text-anchor="${spot.anchor}" font-size="11" fill="${q.met ? '#00634a' : '#9c3d00'}">${esc(q.text)}</text>`,
    );
  }
  if (legend) {
    entries.forEach((e, k) => {
      const lx = L + (k % 3) * 215,
        ly = base + 44 + Math.floor(k / 3) * 18;
      out.push(
        `<g class="legend-entry">${legendSymbol(e, lx, ly)}<text x="${lx + 22}" y="${ly + 10}">${esc(e.label)}</text></g>`,
      );
    });
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
}
