/**
 * The map's projection and the ring winding d3-geo needs, shared by the report's SVG map
 * (render/svg-map.ts) and the studio page (src/web/, bundled for the browser): d3-geo only, no
 * Node, so the same projection draws both.
 */
import { geoArea, geoBounds, geoConicConformal, type GeoProjection } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A conic conformal projection for the country: centred on its middle meridian, standard parallels
 * at one sixth of its latitude span from either edge (the usual rule for a mid-latitude country).
 */
export function conicFor(outline: Polygon | MultiPolygon): () => GeoProjection {
  const [[w, s], [e, n]] = geoBounds(outline);
  return () =>
    geoConicConformal()
      .parallels([s + (n - s) / 6, n - (n - s) / 6])
      .rotate([-(w + e) / 2, 0]);
}

/**
 * d3-geo reads a ring's winding on the sphere: RFC 7946 GeoJSON winds exteriors the other way, and
 * d3 would take such a polygon for the whole globe minus it. Rings of polygons covering more than
 * half the sphere are reversed, so any data folder's outline draws the right way round.
 */
export function rewind<G extends Polygon | MultiPolygon>(g: G): G {
  const fix = (rings: Position[][]) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  return (
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: fix(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(fix) }
  ) as G;
}
