/**
 * The travel-time surface as a GeoTIFF (render/tiff-writer.ts): one band of Float32 minutes,
 * georeferenced in EPSG:4326 (WGS 84 longitude/latitude) by a tie point at the top-left corner of
 * the top-left cell and the cell size in degrees (PixelIsArea), so GDAL and QGIS place every cell
 * where the travel model measured it.
 *
 * Values: minutes to the nearest open facility; NODATA (-9999, in the GDAL_NODATA tag) outside the
 * country; UNREACHABLE (-1) for land cells no open facility can be reached from (another side of
 * a border, beyond the road network's off-road limit, or no facility open).
 *
 * How the figures were made (render/provenance.ts) goes in the tags gdalinfo lists: the
 * ImageDescription says what the values are and carries the provenance lines, Software the tool,
 * and each provenance field is a GDAL metadata item (`made_with`, `plan`, `year`, …, `source_1`, …).
 */
import type { Surface } from '../analysis/surface.js';
import { type Provenance, provenanceLines } from './provenance.js';
import { float32GeoTiff } from './tiff-writer.js';

export const NODATA = -9999;
export const UNREACHABLE = -1;

const VALUES =
  `minutes to the nearest open facility; ${UNREACHABLE} where none can be reached; ` +
  `${NODATA} (nodata) outside the country`;

/** The provenance as GDAL metadata items, one per field and per source. */
function metadataItems(p: Provenance): [string, string][] {
  const fields = (['plan', 'year', 'population', 'distance_model', 'standards'] as const).flatMap(
    (k): [string, string][] => (p[k] ? [[k, p[k]]] : []),
  );
  return [
    ['values', VALUES],
    ['made_with', p.tool],
    ...fields,
    ...p.sources.map((s, i): [string, string] => [`source_${i + 1}`, s]),
  ];
}

/** The surface as GeoTIFF bytes, with how it was made when the run says. */
export function surfaceGeoTiff(surface: Surface, provenance?: Provenance): Uint8Array {
  const { grid, index } = surface.cells;
  const values = new Float32Array(grid.cols * grid.rows);
  for (let k = 0; k < values.length; k++) {
    const i = index[k]!;
    const m = i < 0 ? NODATA : surface.minutes[i]!;
    values[k] = Number.isFinite(m) ? m : UNREACHABLE;
  }
  return float32GeoTiff({
    width: grid.cols,
    height: grid.rows,
    values,
    west: grid.west,
    north: grid.north,
    dLon: grid.dLon,
    dLat: grid.dLat,
    nodata: NODATA,
    ...(provenance
      ? {
          description: [`Travel time surface: ${VALUES}.`, ...provenanceLines(provenance)].join('\n'),
          software: provenance.tool,
          metadata: metadataItems(provenance),
        }
      : {}),
  });
}
