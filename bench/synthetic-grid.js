// A synthetic national population raster for the benchmarks: Azerbaijan's bounding box as an
// EPSG:4326 GeoTIFF (band 1 Float32, nodata -99999, as WorldPop ships it), people around each
// unit's administrative centre in proportion to its official population, most cells empty.
// Deterministic, so every run measures the same workload. Written as national rasters are
// distributed: 256 × 256 tiles, each deflate-compressed, so the reader decodes tile rows.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const BBOX = { west: 44.75, east: 50.65, south: 38.35, north: 41.95 };
export const NODATA = -99999;

/**
 * Writes the raster with about `cells` cells (people in about half the cells near each seat, or
 * with `everywhere` in every land cell within 40 km of one) and returns its size and the populated cells
 * (lat, lon, population), so a baseline can be fed the very same people as points.
 */
export function writeSyntheticGrid(file, cells, regions, o = { everywhere: false }) {
  const aspect = (BBOX.east - BBOX.west) / (BBOX.north - BBOX.south);
  const height = Math.round(Math.sqrt(cells / aspect));
  const width = Math.round(cells / height);
  const dx = (BBOX.east - BBOX.west) / width,
    dy = (BBOX.north - BBOX.south) / height;
  const values = new Float32Array(width * height).fill(NODATA);
  let seed = 4242;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const units = regions.dataset.regions.filter((r) => r.kind !== 'autonomous_republic' && !r.included_in);
  // Land cells start empty (0) around every seat out to 40 km, so nodata marks the far sea and foreign land.
  for (const u of units) {
    const pop = u.population[String(regions.dataset.base_year)] || 5000;
    const radiusKm = 8 + Math.sqrt(pop) / 40; // Baku ~ 30 km, a small rayon ~ 14 km
    const land = 40;
    const kmX = 111.32 * Math.cos((u.admin_center.lat * Math.PI) / 180),
      kmY = 110.57;
    const r0 = Math.max(0, Math.floor((BBOX.north - u.admin_center.lat - land / kmY) / dy)),
      r1 = Math.min(height - 1, Math.ceil((BBOX.north - u.admin_center.lat + land / kmY) / dy));
    const c0 = Math.max(0, Math.floor((u.admin_center.lon - land / kmX - BBOX.west) / dx)),
      c1 = Math.min(width - 1, Math.ceil((u.admin_center.lon + land / kmX - BBOX.west) / dx));
    // Weights first (exp decay from the seat, a random half of the cells settled), then scaled to the unit's population.
    let sum = 0;
    const idx = [],
      w = [];
    for (let r = r0; r <= r1; r++) {
      const lat = BBOX.north - (r + 0.5) * dy;
      for (let c = c0; c <= c1; c++) {
        const lon = BBOX.west + (c + 0.5) * dx;
        const d = Math.hypot((lat - u.admin_center.lat) * kmY, (lon - u.admin_center.lon) * kmX);
        const k = r * width + c;
        if (d > land) continue;
        if (values[k] === NODATA) values[k] = 0;
        // A 100 m grid is mostly empty (people in settlements: half the cells near a seat); a
        // 1 km grid has someone in almost every land cell (o.everywhere).
        if (!o.everywhere && (d > radiusKm || rnd() < 0.5)) continue;
        const wt = Math.exp(-d / (radiusKm / 4)) + 0.02;
        idx.push(k);
        w.push(wt);
        sum += wt;
      }
    }
    for (let j = 0; j < idx.length; j++) values[idx[j]] += (pop * w[j]) / sum;
  }
  writeFileSync(file, tiledGeoTiff(values, width, height, { dx, dy, west: BBOX.west, north: BBOX.north }));
  const populated = [];
  for (let k = 0; k < values.length; k++) {
    if (values[k] > 0) {
      const r = Math.floor(k / width),
        c = k % width;
      populated.push({ lat: BBOX.north - (r + 0.5) * dy, lon: BBOX.west + (c + 0.5) * dx, population: values[k] });
    }
  }
  return { width, height, cellKm: dy * 110.57, populated };
}

/**
 * A little-endian tiled GeoTIFF: Float32 band 1, deflate (8) per 256 × 256 tile, EPSG:4326
 * (GeoKeyDirectory: GTModelType 2, GTRasterType 1 = PixelIsArea, GeographicType 4326), GDAL_NODATA.
 */
function tiledGeoTiff(values, width, height, g) {
  const T = 256;
  const across = Math.ceil(width / T),
    down = Math.ceil(height / T);
  const tiles = [];
  const tile = new Float32Array(T * T);
  for (let ty = 0; ty < down; ty++) {
    for (let tx = 0; tx < across; tx++) {
      tile.fill(NODATA);
      for (let r = 0; r < T && ty * T + r < height; r++) {
        const from = (ty * T + r) * width + tx * T;
        tile.set(values.subarray(from, from + Math.min(T, width - tx * T)), r * T);
      }
      tiles.push(deflateSync(Buffer.from(tile.buffer.slice(0))));
    }
  }
  const nodata = Buffer.from(`${NODATA}\0`, 'latin1');
  const doubles = (a) => Buffer.from(Float64Array.from(a).buffer);
  const shorts = (a) => Buffer.from(Uint16Array.from(a).buffer);
  const longs = (a) => Buffer.from(Uint32Array.from(a).buffer);
  // Tags: [tag, type (3 SHORT, 4 LONG, 2 ASCII, 12 DOUBLE), count, value or data buffer].
  const n = tiles.length;
  const entries = [
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 1, 32],
    [259, 3, 1, 8],
    [262, 3, 1, 1],
    [277, 3, 1, 1],
    [284, 3, 1, 1],
    [322, 3, 1, T],
    [323, 3, 1, T],
    [324, 4, n, null],
    [325, 4, n, longs(tiles.map((t) => t.length))],
    [339, 3, 1, 3],
    [33550, 12, 3, doubles([g.dx, g.dy, 0])],
    [33922, 12, 6, doubles([0, 0, 0, g.west, g.north, 0])],
    [34735, 3, 16, shorts([1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326])],
    [42113, 2, nodata.length, nodata],
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  let offset = 8 + ifdSize;
  const extra = [];
  const place = (buf) => {
    const at = offset;
    extra.push(buf);
    offset += buf.length + (buf.length % 2);
    if (buf.length % 2) extra.push(Buffer.alloc(1));
    return at;
  };
  const ifd = Buffer.alloc(ifdSize);
  ifd.writeUInt16LE(entries.length, 0);
  let tileOffsetsEntry = -1;
  entries.forEach(([tag, type, count, value], i) => {
    const e = 2 + i * 12;
    ifd.writeUInt16LE(tag, e);
    ifd.writeUInt16LE(type, e + 2);
    ifd.writeUInt32LE(count, e + 4);
    if (tag === 324) tileOffsetsEntry = e + 8;
    else if (Buffer.isBuffer(value)) {
      if (value.length <= 4) value.copy(ifd, e + 8);
      else ifd.writeUInt32LE(place(value), e + 8);
    } else if (type === 3) ifd.writeUInt16LE(value, e + 8);
    else ifd.writeUInt32LE(value, e + 8);
  });
  // Tile offsets: the array, then the tiles themselves.
  const offsetsAt = offset;
  offset += 4 * n;
  const tileOffsets = tiles.map((t) => {
    const at = offset;
    offset += t.length;
    return at;
  });
  ifd.writeUInt32LE(n === 1 ? tileOffsets[0] : offsetsAt, tileOffsetsEntry);
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  return Buffer.concat([header, ifd, ...extra, longs(tileOffsets), ...tiles]);
}
