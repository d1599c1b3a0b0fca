/**
 * Unit polygons for data/units.topojson: the geoBoundaries gbOpen AZE ADM2 topology with each
 * feature mapped to its ISO 3166-2:AZ code (data/inputs/geoboundaries-codes.csv). Features that
 * share a code (Shusha city + rayon, the two "Lankaran District" pieces) are merged along their
 * shared arcs, so neighbouring units still share exact borders. Arcs and quantisation are kept as
 * published; only the geometries are rewritten.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import { mergeArcs } from 'topojson-client';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { EARTH_RADIUS_KM } from '../geo/geodesic.js';
import { UNITS_OBJECT } from '../geo/unit-locator.js';
import { readCsv } from './csv.js';

export const GEOBOUNDARIES_FILE = 'geoBoundaries-AZE-ADM2_simplified.topojson';
const SOURCE_OBJECT = 'AZE-ADM2-54616110';

/**
 * Corrections to the published arcs, each documented in data/SOURCES.md. Naftalan city's ring (arc
 * 64, also the hole it leaves in Goranboy) lies about 7 km south of the town: it is moved so that
 * its centroid falls on the GeoNames position of Naftalan (40.5082 N, 46.8203 E). The shift is in
 * the topology's quantised units (0.000183° lon, 0.000142° lat).
 */
export const ARC_CORRECTIONS: { arc: number; dx: number; dy: number; why: string }[] = [
  { arc: 64, dx: 105, dy: 432, why: 'Naftalan city ring moved 1.9 km east and 6.8 km north onto the town' },
];

type Part =
  | TopoPolygon<{ shapeID: string; shapeName: string }>
  | TopoMultiPolygon<{ shapeID: string; shapeName: string }>;

/** Builds the units topology; `names` gives each ISO code its English name (regions.csv). */
export function buildUnitTopology(inputs: string, names: Map<string, string>): Topology {
  const source = JSON.parse(readFileSync(join(inputs, GEOBOUNDARIES_FILE), 'utf8')) as Topology;
  const codes = new Map(readCsv(join(inputs, 'geoboundaries-codes.csv')).map((r) => [r.shape_id!, r.code!]));
  const parts = (source.objects[SOURCE_OBJECT] as GeometryCollection).geometries as Part[];
  const byCode = new Map<string, Part[]>();
  for (const g of parts) {
    const code = codes.get(g.properties!.shapeID);
    if (!code)
      throw new Error(
        `geoBoundaries feature ${g.properties!.shapeID} (${g.properties!.shapeName}) has no ISO code ` +
          `in geoboundaries-codes.csv`,
      );
    if (!names.has(code)) throw new Error(`geoboundaries-codes.csv: ${code} is not in regions.csv`);
    byCode.set(code, [...(byCode.get(code) ?? []), g]);
  }
  const geometries = [...byCode.keys()].sort().map((code) => {
    const own = byCode.get(code)!;
    const shape = own.length === 1 ? { type: own[0]!.type, arcs: own[0]!.arcs } : mergeArcs(source, own);
    return { type: shape.type, arcs: shape.arcs, id: code, properties: { name: names.get(code)! } } as
      | TopoPolygon
      | TopoMultiPolygon;
  });
  return {
    type: 'Topology',
    transform: source.transform!,
    objects: { [UNITS_OBJECT]: { type: 'GeometryCollection', geometries } },
    arcs: corrected(source.arcs),
  };
}

function corrected(arcs: Topology['arcs']): Topology['arcs'] {
  const out = arcs.map((a) => a.map((p) => [...p]));
  // Arcs are delta-encoded: moving the first position moves the whole arc.
  for (const c of ARC_CORRECTIONS) out[c.arc]![0] = [out[c.arc]![0]![0]! + c.dx, out[c.arc]![0]![1]! + c.dy];
  return out;
}

/** Area in km² on the sphere of a GeoJSON polygon (RFC 7946 winding, as topojson-client returns it). */
export function areaKm2(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): number {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let steradians = 0;
  for (const coordinates of polys) {
    const sr = geoArea({ type: 'Polygon', coordinates });
    // d3-geo measures the region to the left of the exterior ring (clockwise); an RFC 7946
    // counter-clockwise ring reads as "the globe minus the polygon", so take the complement.
    steradians += sr > 2 * Math.PI ? 4 * Math.PI - sr : sr;
  }
  return steradians * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}
