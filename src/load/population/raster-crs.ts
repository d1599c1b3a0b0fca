/**
 * The coordinate reference system of a population raster, from its GeoTIFF keys, as a function
 * from the raster's (x, y) to WGS84 (lon, lat). The CRSs population grids come in:
 * - EPSG:4326 (WorldPop, Meta HRSL): x, y already are lon, lat;
 * - ESRI:54009 World Mollweide (GHS-POP): GDAL writes it as a user-defined projection (32767)
 *   whose citation names "Mollweide", since it is not an EPSG code;
 * - EPSG:3857 (web tiles) and WGS84 / UTM 326zz / 327zz, which some national grids use.
 * Reprojection goes through proj4 (the JavaScript port of PROJ).
 */
import proj4 from 'proj4';
import { type Said, said } from '../../model/said.js';

export interface RasterCrs {
  name: string;
  /** Writes WGS84 lon, lat into out; false when the point has no geographic position. */
  toLonLat(x: number, y: number, out: [number, number]): boolean;
  /** The inverse: the raster's x, y of a WGS84 lon, lat; false where the projection has none. */
  fromLonLat(lon: number, lat: number, out: [number, number]): boolean;
}

/** ESRI:54009, spelled out: proj4 knows EPSG codes only, and Mollweide is an ESRI one. */
export const MOLLWEIDE = '+proj=moll +lon_0=0 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs';

const GEOGRAPHIC: RasterCrs = {
  name: 'EPSG:4326 (WGS 84, degrees)',
  toLonLat(x, y, out) {
    out[0] = x;
    out[1] = y;
    return true;
  },
  fromLonLat(lon, lat, out) {
    out[0] = lon;
    out[1] = lat;
    return true;
  },
};

function projected(name: string, definition: string): RasterCrs {
  const conv = proj4(definition, 'EPSG:4326');
  const xy: [number, number] = [0, 0];
  return {
    name,
    toLonLat(x, y, out) {
      xy[0] = x;
      xy[1] = y;
      const r = conv.forward(xy);
      if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) return false;
      out[0] = r[0]!;
      out[1] = r[1]!;
      return true;
    },
    fromLonLat(lon, lat, out) {
      xy[0] = lon;
      xy[1] = lat;
      const r = conv.inverse(xy);
      if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) return false;
      out[0] = r[0]!;
      out[1] = r[1]!;
      return true;
    },
  };
}

export type GeoKeys = Partial<Record<string, unknown>>;

/** The CRS, or a message saying what was found and what to do. */
export function rasterCrs(keys: GeoKeys): RasterCrs | { error: Said } {
  const model = keys.GTModelTypeGeoKey;
  const pcs = keys.ProjectedCSTypeGeoKey;
  const citation = [keys.GTCitationGeoKey, keys.PCSCitationGeoKey].filter((c) => typeof c === 'string').join(' ');
  if (model === 2 || (model === undefined && pcs === undefined)) {
    const gcs = keys.GeographicTypeGeoKey;
    // Other geographic datums (ETRS89, NAD83…) differ from WGS84 by metres: harmless at 100 m cells.
    if (gcs === undefined || gcs === 4326 || typeof gcs === 'number') return GEOGRAPHIC;
  }
  if (pcs === 54009 || /mollweide/i.test(citation)) return projected('ESRI:54009 (World Mollweide)', MOLLWEIDE);
  if (pcs === 3857 || pcs === 900913) return projected('EPSG:3857 (web Mercator)', 'EPSG:3857');
  if (typeof pcs === 'number' && ((pcs > 32600 && pcs <= 32660) || (pcs > 32700 && pcs <= 32760))) {
    const zone = pcs % 100;
    return projected(
      `EPSG:${pcs} (WGS 84 / UTM zone ${zone}${pcs > 32700 ? 'S' : 'N'})`,
      `+proj=utm +zone=${zone}${pcs > 32700 ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
    );
  }
  const found =
    pcs !== undefined
      ? said('read.tiff.crs_projected', { pcs: String(pcs), citation: citation ? ` (${citation})` : '' })
      : said('read.tiff.crs_keys', { keys: JSON.stringify(keys) });
  return { error: said('read.tiff.crs_unsupported', { found }) };
}
