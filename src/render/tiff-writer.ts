/**
 * A small GeoTIFF writer for one band of Float32 values in EPSG:4326: baseline TIFF 6.0
 * (little-endian, uncompressed, strips of about 64 KB) with the GeoTIFF 1.0 tags that place it —
 * ModelPixelScale, ModelTiepoint and a GeoKeyDirectory of GTModelType = geographic, GTRasterType =
 * PixelIsArea, GeographicType = 4326 (WGS 84), angular unit degree — and GDAL's nodata tag.
 * What the values are and how they were made go in the tags GDAL reads back (`gdalinfo`):
 * ImageDescription and Software (TIFFTAG_IMAGEDESCRIPTION, TIFFTAG_SOFTWARE) and GDAL_METADATA
 * items; text is written as UTF-8.
 *
 * Why not geotiff's writeArrayBuffer: it encodes each value through a fresh ArrayBuffer and
 * DataView, six seconds for the 3 million cells of a 250 m national grid; this writes the same
 * bytes in a few tens of milliseconds. tests/surface.test.ts reads the result back with geotiff.
 */

export interface GeoTiffRaster {
  width: number;
  height: number;
  /** Row-major, the northern row first. */
  values: Float32Array;
  /** Longitude of the west edge and latitude of the north edge of the top-left cell. */
  west: number;
  north: number;
  /** Cell size in degrees. */
  dLon: number;
  dLat: number;
  nodata: number;
  /** TIFFTAG_IMAGEDESCRIPTION: what the file is and how it was made. */
  description?: string;
  /** TIFFTAG_SOFTWARE. */
  software?: string;
  /** GDAL metadata items (name, value), in the dataset's default domain. */
  metadata?: [string, string][];
}

const SHORT = 3,
  LONG = 4,
  ASCII = 2,
  DOUBLE = 12;
const SIZE: Record<number, number> = { [SHORT]: 2, [LONG]: 4, [ASCII]: 1, [DOUBLE]: 8 };

interface Entry {
  tag: number;
  type: number;
  /** Numbers, or the bytes of an ASCII value (NUL included). */
  values: number[] | Uint8Array;
}

/** An ASCII-typed value: the text as UTF-8 (GDAL reads it so), ending in NUL. */
const text = (s: string): Uint8Array => new TextEncoder().encode(`${s}\0`);

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GDAL's own metadata tag: <GDALMetadata><Item name="…">…</Item>…</GDALMetadata>. */
function gdalMetadata(items: [string, string][]): string {
  const lines = items.map(([k, v]) => `  <Item name="${xml(k)}">${xml(v)}</Item>`);
  return `<GDALMetadata>\n${lines.join('\n')}\n</GDALMetadata>\n`;
}

export function float32GeoTiff(r: GeoTiffRaster): Uint8Array {
  const rowBytes = r.width * 4;
  const rowsPerStrip = Math.max(1, Math.min(r.height, Math.floor(65536 / rowBytes)));
  const strips = Math.ceil(r.height / rowsPerStrip);
  const stripBytes = Array.from(
    { length: strips },
    (_, s) => Math.min(rowsPerStrip, r.height - s * rowsPerStrip) * rowBytes,
  );
  const entries: Entry[] = [
    { tag: 256, type: LONG, values: [r.width] }, // ImageWidth
    { tag: 257, type: LONG, values: [r.height] }, // ImageLength
    { tag: 258, type: SHORT, values: [32] }, // BitsPerSample
    { tag: 259, type: SHORT, values: [1] }, // Compression: none
    { tag: 262, type: SHORT, values: [1] }, // PhotometricInterpretation: BlackIsZero
    ...(r.description ? [{ tag: 270, type: ASCII, values: text(r.description) }] : []), // ImageDescription
    { tag: 273, type: LONG, values: new Array<number>(strips).fill(0) }, // StripOffsets (set below)
    { tag: 277, type: SHORT, values: [1] }, // SamplesPerPixel
    { tag: 278, type: LONG, values: [rowsPerStrip] }, // RowsPerStrip
    { tag: 279, type: LONG, values: stripBytes }, // StripByteCounts
    { tag: 284, type: SHORT, values: [1] }, // PlanarConfiguration: chunky
    ...(r.software ? [{ tag: 305, type: ASCII, values: text(r.software) }] : []), // Software
    { tag: 339, type: SHORT, values: [3] }, // SampleFormat: IEEE floating point
    { tag: 33550, type: DOUBLE, values: [r.dLon, r.dLat, 0] }, // ModelPixelScale
    { tag: 33922, type: DOUBLE, values: [0, 0, 0, r.west, r.north, 0] }, // ModelTiepoint: raster (0,0) = (west, north)
    // GeoKeyDirectory: version 1.1.0, 4 keys: GTModelType 2 (geographic), GTRasterType 1 (PixelIsArea),
    // GeographicType 4326, GeogAngularUnits 9102 (degree).
    { tag: 34735, type: SHORT, values: [1, 1, 0, 4, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326, 2054, 0, 1, 9102] },
    ...(r.metadata?.length ? [{ tag: 42112, type: ASCII, values: text(gdalMetadata(r.metadata)) }] : []),
    { tag: 42113, type: ASCII, values: text(String(r.nodata)) }, // GDAL_NODATA
  ];
  const ifdBytes = 2 + 12 * entries.length + 4;
  const extra = entries.map((e) => {
    const n = SIZE[e.type]! * e.values.length;
    return n > 4 ? n + (n & 1) : 0; // values that do not fit in the entry go after the IFD, word-aligned
  });
  const dataStart = 8 + ifdBytes + extra.reduce((a, b) => a + b, 0);
  const stripOffsets = entries.find((e) => e.tag === 273)!.values as number[];
  for (let s = 0, at = dataStart; s < strips; at += stripBytes[s]!, s++) stripOffsets[s] = at;
  const out = new Uint8Array(dataStart + rowBytes * r.height);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]); // "II", 42: little-endian TIFF
  view.setUint32(4, 8, true); // the IFD follows the header
  view.setUint16(8, entries.length, true);
  let far = 8 + ifdBytes;
  entries.forEach((e, i) => {
    const at = 10 + 12 * i;
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, e.values.length, true);
    let where = at + 8;
    if (extra[i]! > 0) {
      view.setUint32(at + 8, far, true);
      where = far;
      far += extra[i]!;
    }
    writeValues(view, where, e);
  });
  view.setUint32(10 + 12 * entries.length, 0, true); // no next IFD
  for (let k = 0; k < r.values.length; k++) view.setFloat32(dataStart + 4 * k, r.values[k]!, true);
  return out;
}

function writeValues(view: DataView, at: number, e: Entry): void {
  if (e.values instanceof Uint8Array) {
    new Uint8Array(view.buffer, at, e.values.length).set(e.values);
    return;
  }
  e.values.forEach((v, k) => {
    if (e.type === SHORT) view.setUint16(at + 2 * k, v, true);
    else if (e.type === LONG) view.setUint32(at + 4 * k, v, true);
    else view.setFloat64(at + 8 * k, v, true);
  });
}
