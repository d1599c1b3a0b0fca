/**
 * A self-contained SVG chart of the rollout: open centers and branches as bars, coverage as lines
 * (by distance, by assignment, with online), targets as markers at their year.
 */
import type { Timeline } from '../analysis/timeline.js';

const W = 760, H = 380, L = 56, R = 56, T = 40, B = 56;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number) => x.toFixed(1);

export function timelineSvg(t: Timeline): string {
  const years = t.years.map((y) => y.year);
  const n = years.length;
  const slot = (W - L - R) / n;
  const x = (i: number) => L + slot * (i + 0.5);
  const maxCount = Math.max(1, ...t.years.map((y) => y.centers + y.branches), ...t.targets.map((g) => (g.centers?.target ?? 0) + (g.branches?.target ?? 0)));
  const yCount = (c: number) => H - B - ((H - T - B) * c) / maxCount;
  const yPct = (p: number) => H - B - ((H - T - B) * p) / 100;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>${esc(`Rollout of ${t.plan}`)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L}" y="20" font-size="14" font-weight="bold">${esc(`Rollout of ${t.plan}`)}</text>`);
  // Axes: counts on the left, coverage % on the right.
  out.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/>`);
  for (let p = 0; p <= 100; p += 25) {
    out.push(`<line x1="${L}" y1="${f(yPct(p))}" x2="${W - R}" y2="${f(yPct(p))}" stroke="#eee"/>`);
    out.push(`<text x="${W - R + 6}" y="${f(yPct(p) + 4)}">${p}%</text>`);
  }
  const step = Math.max(1, Math.ceil(maxCount / 5));
  for (let c = 0; c <= maxCount; c += step) out.push(`<text x="${L - 6}" y="${f(yCount(c) + 4)}" text-anchor="end">${c}</text>`);
  out.push(`<text x="12" y="${f((T + H - B) / 2)}" transform="rotate(-90 12 ${f((T + H - B) / 2)})" text-anchor="middle">facilities open</text>`);
  t.years.forEach((y, i) => {
    const bw = slot * 0.35;
    out.push(`<rect class="centers" x="${f(x(i) - bw)}" y="${f(yCount(y.centers))}" width="${f(bw)}" height="${f(H - B - yCount(y.centers))}" fill="#1f5fa8"><title>${y.year}: ${y.centers} centers</title></rect>`);
    out.push(`<rect class="branches" x="${f(x(i))}" y="${f(yCount(y.branches))}" width="${f(bw)}" height="${f(H - B - yCount(y.branches))}" fill="#7fb2e5"><title>${y.year}: ${y.branches} branches</title></rect>`);
    out.push(`<text x="${f(x(i))}" y="${H - B + 16}" text-anchor="middle">${y.year}</text>`);
  });
  const line = (cls: string, color: string, dash: string, pick: (y: Timeline['years'][number]) => number) =>
    `<polyline class="${cls}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${t.years.map((y, i) => `${f(x(i))},${f(yPct(pick(y)))}`).join(' ')}"/>`;
  out.push(line('distance', '#c0392b', '', (y) => y.coverage.distance.percent));
  out.push(line('assignment', '#27ae60', '6 3', (y) => y.coverage.assignment.percent));
  out.push(line('online', '#8e44ad', '2 3', (y) => y.coverage.with_online.percent));
  for (const g of t.targets) {
    const i = years.indexOf(Number(g.by.slice(0, 4)));
    if (i < 0) continue;
    const total = (g.centers?.target ?? 0) + (g.branches?.target ?? 0);
    const label = [g.centers ? `${g.centers.target} centers` : '', g.branches ? `${g.branches.target} branches` : ''].filter(Boolean).join(' + ');
    out.push(`<g class="target ${g.met ? 'met' : 'missed'}"><line x1="${f(x(i) - slot / 2)}" x2="${f(x(i) + slot / 2)}" y1="${f(yCount(total))}" y2="${f(yCount(total))}" stroke="${g.met ? '#27ae60' : '#c0392b'}" stroke-width="3"/>`);
    out.push(`<text x="${f(x(i))}" y="${f(yCount(total) - 6)}" text-anchor="middle" fill="${g.met ? '#27ae60' : '#c0392b'}">${esc(`${label} by ${g.by}: ${g.met ? 'met' : 'missed'}`)}</text></g>`);
  }
  const legend: [string, string, string][] = [['#1f5fa8', 'rect', 'centers'], ['#7fb2e5', 'rect', 'branches'], ['#c0392b', 'line', 'covered by distance'], ['#27ae60', 'line', 'by assignment'], ['#8e44ad', 'line', 'with online']];
  legend.forEach(([color, kind, text], i) => {
    const lx = L + i * 130;
    out.push(kind === 'rect' ? `<rect x="${lx}" y="${H - 22}" width="12" height="10" fill="${color}"/>` : `<line x1="${lx}" x2="${lx + 12}" y1="${H - 17}" y2="${H - 17}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${lx + 16}" y="${H - 13}">${text}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
