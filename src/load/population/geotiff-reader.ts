/**
 * Population rasters (WorldPop, GHS-POP, Meta HRSL): band 1 of a GeoTIFF, read block row by
 * block row (a strip or a row of tiles at a time) so that a national 100 m raster never sits in
 * memory whole. Only populated cells are kept, as cell centres reprojected to WGS84.
 */
import { fromFile, type GeoTIFFImage } from 'geotiff';
import { InputError } from '../../errors.js';
import { said } from '../../model/said.js';
import { tiffReason } from '../library-reasons.js';
import { MAX_POINT_POPULATION } from './points-csv.js';
import { PopulationTable, type ReadStats } from './population-table.js';
import { rasterCrs, type RasterCrs } from './raster-crs.js';
import { tiffStructureProblem } from './tiff-structure.js';

export interface RasterInfo {
  width: number;
  height: number;
  /** The cells read: the part of the raster around the country (all of it when no clip was given). */
  window: { x0: number; y0: number; x1: number; y1: number };
  crs: string;
  /** Cell size in the raster's units (degrees or metres). */
  resolution: [number, number];
  nodata: number | null;
}

/** Rows per read: one block row, but at least 256 rows so that many thin strips are read together. */
const MIN_ROWS = 256;

/**
 * Limits checked on the header, before anything is allocated (a 300-byte file can declare any
 * size). A block (tile or strip) is decoded whole, so it is at most 64 MiB; the cells read (the
 * window over the country) at most 2^30, a 30 m raster of a country twice Azerbaijan's size; and
 * one read at most 2^24 cells (128 MB as Float64), fewer rows per read when rows are wide.
 */
export const RASTER_LIMITS = { blockBytes: 64 * 2 ** 20, windowCells: 2 ** 30, readCells: 2 ** 24 } as const;

/** A WGS84 box: west, south, east, north in degrees. */
export type LonLatBox = [number, number, number, number];

/**
 * Reads band 1. With `clip`, only the cells over that box are read: a continental or global raster
 * (WorldPop's global mosaic is 43,200 × 18,720 cells at 1 km) costs what the country's part costs.
 */
export async function readGeoTiff(
  path: string,
  clip?: LonLatBox,
): Promise<{ table: PopulationTable; stats: ReadStats; info: RasterInfo }> {
  // geotiff.js would believe a header declaring a billion values or cells: looked at first.
  const problem = tiffStructureProblem(path);
  if (problem) throw new InputError(path, said('read.tiff.unreadable', { why: problem }), 1);
  let image: GeoTIFFImage;
  try {
    image = await (await fromFile(path)).getImage(0);
  } catch (e) {
    throw new InputError(path, said('read.tiff.unreadable', { why: tiffReason(e) }), 1);
  }
  const width = image.getWidth(),
    height = image.getHeight();
  let keys: ReturnType<GeoTIFFImage['getGeoKeys']>;
  try {
    keys = image.getGeoKeys() ?? {};
  } catch {
    throw new InputError(path, said('read.tiff.unreadable', { why: said('read.tiff.geokeys') }), 1);
  }
  const crs = rasterCrs(keys);
  if ('error' in crs) throw new InputError(path, crs.error, 1);
  let origin: number[], res: number[];
  try {
    origin = image.getOrigin();
    res = image.getResolution();
  } catch {
    throw new InputError(path, said('read.tiff.no_georeferencing'), 1);
  }
  // PixelIsPoint rasters put the tie point on the first cell's centre, PixelIsArea on its corner.
  const half = keys.GTRasterTypeGeoKey === 2 ? 0 : 0.5;
  const nodataRaw = image.getGDALNoData();
  const nodata = nodataRaw === null || nodataRaw === undefined ? null : Number(nodataRaw);
  const window = clip ? clipWindow(clip, crs, origin, res, width, height) : { x0: 0, y0: 0, x1: width, y1: height };
  const w = window.x1 - window.x0;
  checkSize(path, image, w, window.y1 - window.y0);
  const table = new PopulationTable(1 << 16);
  const stats: ReadStats = { cells: w * (window.y1 - window.y0), nodata: 0, empty: 0, populated: 0 };
  const step = Math.max(
    1,
    Math.min(Math.max(MIN_ROWS, image.getTileHeight()), Math.floor(RASTER_LIMITS.readCells / w)),
  );
  const isNoData = noDataTest(nodata, image.getSampleFormat(0) === 3 && image.getBitsPerSample(0) === 32);
  for (let y0 = window.y0; y0 < window.y1; y0 += step) {
    const y1 = Math.min(window.y1, y0 + step);
    let band: ArrayLike<number>;
    try {
      const rasters = (await image.readRasters({
        window: [window.x0, y0, window.x1, y1],
        samples: [0],
        interleave: false,
      })) as unknown as ArrayLike<number>[];
      band = rasters[0]!;
    } catch (e) {
      throw new InputError(path, said('read.tiff.rows', { from: y0, to: y1 - 1, why: tiffReason(e) }), 1);
    }
    const bad = keepPopulated(band, w, window.x0, y0, { origin, res, half, crs, isNoData }, table, stats);
    if (bad)
      throw new InputError(
        path,
        said('read.tiff.population', { x: bad.x, y: bad.y, max: MAX_POINT_POPULATION.toExponential() }),
        1,
      );
  }
  return {
    table,
    stats,
    info: { width, height, window, crs: crs.name, resolution: [Math.abs(res[0]!), Math.abs(res[1]!)], nodata },
  };
}

/** Refuses, before any pixel is read, a raster whose blocks or window pass RASTER_LIMITS. */
function checkSize(path: string, image: GeoTIFFImage, w: number, h: number): void {
  const bytes = (image.getBitsPerSample(0) / 8) * (image.getTileWidth() * image.getTileHeight());
  const samples = image.planarConfiguration === 2 ? 1 : image.getSamplesPerPixel();
  const block = bytes * samples;
  const mb = (n: number) => Math.ceil(n / 2 ** 20);
  if (!(block <= RASTER_LIMITS.blockBytes))
    throw new InputError(
      path,
      said('read.tiff.block_too_big', {
        width: image.getTileWidth(),
        height: image.getTileHeight(),
        mb: mb(block),
        max: mb(RASTER_LIMITS.blockBytes),
      }),
      1,
    );
  if (!(w * h <= RASTER_LIMITS.windowCells))
    throw new InputError(
      path,
      said('read.tiff.window_too_big', { width: w, height: h, max: RASTER_LIMITS.windowCells }),
      1,
    );
}

/** Float32 rasters store nodata rounded to float32 (-3.4e38 is not exactly -3.4028234663852886e38). */
function noDataTest(nodata: number | null, float32: boolean): (v: number) => boolean {
  if (nodata === null) return (v) => !(v >= 0);
  if (Number.isNaN(nodata)) return (v) => !(v >= 0);
  const nd = float32 ? Math.fround(nodata) : nodata;
  // Negative values are nodata too: a population count cannot be below zero.
  return (v) => v === nd || !(v >= 0);
}

interface Geo {
  origin: number[];
  res: number[];
  half: number;
  crs: RasterCrs;
  isNoData: (v: number) => boolean;
}

/**
 * The cells over a lon/lat box, found by taking points along its edges and through it into the
 * raster's CRS (a box in degrees is curved in Mollweide), one cell of margin on each side.
 */
function clipWindow(
  box: LonLatBox,
  crs: RasterCrs,
  origin: number[],
  res: number[],
  width: number,
  height: number,
): RasterInfo['window'] {
  const [west, south, east, north] = box;
  const [ox, oy] = origin as [number, number];
  const [rx, ry] = res as [number, number];
  let minC = Infinity,
    maxC = -Infinity,
    minR = Infinity,
    maxR = -Infinity;
  const xy: [number, number] = [0, 0];
  const N = 32;
  for (let i = 0; i <= N; i++)
    for (let j = 0; j <= N; j++) {
      if (!crs.fromLonLat(west + ((east - west) * i) / N, south + ((north - south) * j) / N, xy)) continue;
      const c = (xy[0] - ox) / rx,
        r = (xy[1] - oy) / ry;
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, c);
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
    }
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  const x0 = clamp(Math.floor(minC) - 1, width),
    x1 = clamp(Math.ceil(maxC) + 1, width),
    y0 = clamp(Math.floor(minR) - 1, height),
    y1 = clamp(Math.ceil(maxR) + 1, height);
  // No overlap at all: an empty window (the caller reports that no cell lies in the country).
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 0, y1: 0 };
}

function keepPopulated(
  band: ArrayLike<number>,
  width: number,
  x0: number,
  y0: number,
  g: Geo,
  table: PopulationTable,
  stats: ReadStats,
): { x: number; y: number } | undefined {
  const out: [number, number] = [0, 0];
  const [ox, oy] = g.origin as [number, number];
  const [rx, ry] = g.res as [number, number];
  for (let k = 0; k < band.length; k++) {
    const v = band[k]!;
    if (g.isNoData(v)) {
      stats.nodata++;
      continue;
    }
    if (v === 0) {
      stats.empty++;
      continue;
    }
    const col = k % width,
      row = y0 + (k - col) / width;
    // +Infinity, or more people than the world in one cell: a broken file, not a count to sum.
    if (!(v <= MAX_POINT_POPULATION)) return { x: x0 + col, y: row };
    if (!g.crs.toLonLat(ox + (x0 + col + g.half) * rx, oy + (row + g.half) * ry, out)) {
      stats.nodata++;
      continue;
    }
    stats.populated++;
    table.push(out[1], out[0], v);
  }
  return undefined;
}
