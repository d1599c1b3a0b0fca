/**
 * Point labels without collisions, greedily: each label (in the order given) tries eight positions
 * around its point, nearest first, then the same ring farther out with a leader line; the first
 * position that overlaps no marker, no placed label and stays inside the area wins. If none is
 * free the label takes the position with the least overlap, so every label is still printed.
 * Text width is estimated from the character count (no font metrics offline); the estimate is
 * generous so real glyphs fit in the reserved box.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  text: string;
  /** The anchor point and the radius of its marker. */
  x: number;
  y: number;
  r: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Text position (baseline) and anchor. */
  tx: number;
  ty: number;
  anchor: 'start' | 'middle' | 'end';
  box: Rect;
  /** x1, y1, x2, y2 of a leader line when the label sits away from its point. */
  leader?: [number, number, number, number];
}

/**
 * The letters of a text as a reader counts them: code points, without combining marks. A name
 * written decomposed ("Şəki" as S + U+0327 cedilla…) is as wide as its composed form, and a letter
 * outside the Basic Multilingual Plane is one letter, not two UTF-16 units.
 */
export const letters = (text: string): number => {
  let n = 0;
  for (const ch of text) if (!/\p{M}/u.test(ch)) n++;
  return n;
};

/** Estimated text width: 0.6 em per letter, a little more than a sans-serif average (ə, ı, ş… count as one). */
export const textWidth = (text: string, fontSize: number) => letters(text) * fontSize * 0.6;

const area = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** Directions as (dx, dy) unit steps: right, left, above, below, then the diagonals. */
const DIRS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
];

export function placeLabels(
  requests: LabelRequest[],
  obstacles: Rect[],
  bounds: Rect,
  fontSize: number,
): PlacedLabel[] {
  const taken = [...obstacles];
  const placed: PlacedLabel[] = [];
  // The box includes the white halo drawn around the text (about 1.5 px each side).
  const h = fontSize * 1.15 + 3;
  for (const q of requests) {
    const w = textWidth(q.text, fontSize) + 3;
    let best: { label: PlacedLabel; cost: number } | undefined;
    for (const gap of [3, 14, 28]) {
      for (const [dx, dy] of DIRS) {
        const label = candidate(q, dx, dy, q.r + gap, w, h, fontSize);
        if (gap > 3)
          label.leader = [
            q.x,
            q.y,
            label.box.x + (dx < 0 ? label.box.w : dx > 0 ? 0 : label.box.w / 2),
            label.box.y + (dy < 0 ? label.box.h : dy > 0 ? 0 : label.box.h / 2),
          ];
        const outside = w * h - area(label.box, bounds);
        const cost = taken.reduce((a, t) => a + area(label.box, t), 0) + outside * 10 + gap * 0.01;
        if (!best || cost < best.cost) best = { label, cost };
        if (cost < 1) break;
      }
      if (best && best.cost < 1) break;
    }
    placed.push(best!.label);
    taken.push(best!.label.box);
  }
  return placed;
}

function candidate(
  q: LabelRequest,
  dx: number,
  dy: number,
  d: number,
  w: number,
  h: number,
  fontSize: number,
): PlacedLabel {
  const diag = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
  const cx = q.x + dx * d * diag,
    cy = q.y + dy * d * diag;
  const x = dx > 0 ? cx : dx < 0 ? cx - w : cx - w / 2;
  const y = dy > 0 ? cy : dy < 0 ? cy - h : cy - h / 2;
  const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
  return {
    id: q.id,
    text: q.text,
    tx: dx > 0 ? x : dx < 0 ? x + w : x + w / 2,
    ty: y + h / 2 + fontSize * 0.35,
    anchor,
    box: { x, y, w, h },
  };
}
