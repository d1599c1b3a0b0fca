/**
 * The map's context layer (data/context.geojson): the countries around Azerbaijan from Natural
 * Earth 1:10m (world-atlas), clipped to a box around the country, so the report can draw the
 * neighbours in a context colour and leave the Caspian Sea (which no country polygon covers) as
 * water. Coordinates are rounded to 0.001° (~100 m): shared borders round identically, so
 * neighbours still meet without slivers.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { compareText } from '../model/compare-text.js';

/** [west, south, east, north]: wider than any view of the report map, so clip edges never show. */
export const CONTEXT_BOX = [41.5, 36.0, 53.5, 44.5] as const;

/** Names of water bodies, at a point well off the coast (checked against Natural Earth). */
const WATER_LABELS = [{ id: 'caspian', name: 'Caspian Sea', at: [49.8, 38.8] }];

type Box = readonly [number, number, number, number];

/** Sutherland–Hodgman: a ring clipped to an axis-aligned box (convex clip, so one ring out). */
export function clipRing(ring: Position[], [w, s, e, n]: Box): Position[] {
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0]! >= w, (a, b) => at(a, b, 0, w)],
    [(p) => p[0]! <= e, (a, b) => at(a, b, 0, e)],
    [(p) => p[1]! >= s, (a, b) => at(a, b, 1, s)],
    [(p) => p[1]! <= n, (a, b) => at(a, b, 1, n)],
  ];
  let out = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!,
        prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (out.length === 0) return [];
  }
  return [...out, out[0]!];
}

function at(a: Position, b: Position, axis: 0 | 1, v: number): Position {
  const t = (v - a[axis]!) / (b[axis]! - a[axis]!);
  const p: Position = [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
  p[axis] = v;
  return p;
}

const round = (ring: Position[]) => {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Number(x!.toFixed(3)), Number(y!.toFixed(3))];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

/** The countries of a world-atlas topology (not `skip`, e.g. Azerbaijan itself) clipped to the box. */
export function contextLayer(
  topology: unknown,
  skipId: string,
  box: Box = CONTEXT_BOX,
): FeatureCollection<MultiPolygon | Point> {
  const topo = topology as Parameters<typeof feature>[0] & { objects: { countries: Parameters<typeof feature>[1] } };
  const fc = feature(topo, topo.objects.countries) as unknown as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const features: Feature<MultiPolygon | Point>[] = [];
  for (const f of fc.features) {
    if (f.id === skipId || !f.geometry) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const clipped = polys
      .map((rings) => rings.map((r) => round(clipRing(r, box))).filter((r) => r.length >= 4))
      .filter((rings) => rings.length > 0);
    if (clipped.length)
      features.push({
        type: 'Feature',
        id: String(f.id),
        properties: { name: f.properties.name },
        geometry: { type: 'MultiPolygon', coordinates: clipped },
      });
  }
  features.sort((a, b) => compareText(String(a.id), String(b.id)));
  // Water has no polygon (it is what no country covers): its name goes at a point in open water.
  for (const w of WATER_LABELS)
    features.push({
      type: 'Feature',
      id: w.id,
      properties: { name: w.name, kind: 'water' },
      geometry: { type: 'Point', coordinates: w.at },
    });
  return { type: 'FeatureCollection', features };
}
