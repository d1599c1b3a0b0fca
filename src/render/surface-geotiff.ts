/**
 * The travel-time surface as a GeoTIFF (written by the geotiff package's writeArrayBuffer, the
 * library that already reads population rasters here): one band of Float32 minutes, one strip,
 * uncompressed, georeferenced in EPSG:4326 (WGS 84 longitude/latitude) by a tie point at the
 * top-left corner of the top-left cell and the cell size in degrees (PixelIsArea), so GDAL and
 * QGIS place every cell where the travel model measured it.
 *
 * Values: minutes to the nearest open facility; NODATA (-9999, in the GDAL_NODATA tag) outside the
 * country; UNREACHABLE (-1) for land cells no open facility can be reached from (another side of
 * a border, beyond the road network's off-road limit, or no facility open).
 */
import { writeArrayBuffer } from 'geotiff';
import type { Surface } from '../analysis/surface.js';

export const NODATA = -9999;
export const UNREACHABLE = -1;

/** The surface as GeoTIFF bytes. */
export function surfaceGeoTiff(surface: Surface): Uint8Array {
  const { grid, index } = surface.cells;
  const values = new Float32Array(grid.cols * grid.rows);
  for (let k = 0; k < values.length; k++) {
    const i = index[k]!;
    const m = i < 0 ? NODATA : surface.minutes[i]!;
    values[k] = Number.isFinite(m) ? m : UNREACHABLE;
  }
  const buffer = writeArrayBuffer(values, {
    width: grid.cols,
    height: grid.rows,
    // Pixel scale (x, y, z) and the tie point: raster (0, 0) is the top-left corner at (west, north).
    ModelPixelScale: [grid.dLon, grid.dLat, 0],
    ModelTiepoint: [0, 0, 0, grid.west, grid.north, 0],
    GeographicTypeGeoKey: 4326,
    GeogCitationGeoKey: 'WGS 84',
    GTModelTypeGeoKey: 2, // geographic
    GTRasterTypeGeoKey: 1, // PixelIsArea
    GDAL_NODATA: `${NODATA}`,
  } as never);
  return new Uint8Array(buffer);
}
