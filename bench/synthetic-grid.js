// A synthetic national population raster for the benchmarks: Azerbaijan's bounding box as an
// EPSG:4326 GeoTIFF (band 1 Float32, nodata -99999, as WorldPop ships it), people around each
// unit's administrative centre in proportion to its official population, most cells empty.
// Deterministic, so every run measures the same workload.
import { writeFileSync } from 'node:fs';
import { writeArrayBuffer } from 'geotiff';

export const BBOX = { west: 44.75, east: 50.65, south: 38.35, north: 41.95 };
export const NODATA = -99999;

/**
 * Writes the raster with about `cells` cells and returns its size and the populated cells
 * (lat, lon, population), so a baseline can be fed the very same people as points.
 */
export function writeSyntheticGrid(file, cells, regions) {
  const aspect = (BBOX.east - BBOX.west) / (BBOX.north - BBOX.south);
  const height = Math.round(Math.sqrt(cells / aspect));
  const width = Math.round(cells / height);
  const dx = (BBOX.east - BBOX.west) / width, dy = (BBOX.north - BBOX.south) / height;
  const values = new Float32Array(width * height).fill(NODATA);
  let seed = 4242;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const units = regions.dataset.regions.filter((r) => r.kind !== 'autonomous_republic' && !r.included_in);
  // Land cells start empty (0) around every seat out to 40 km, so nodata marks the far sea and foreign land.
  for (const u of units) {
    const pop = u.population[String(regions.dataset.base_year)] || 5000;
    const radiusKm = 8 + Math.sqrt(pop) / 40; // Baku ~ 30 km, a small rayon ~ 14 km
    const land = 40;
    const kmX = 111.32 * Math.cos((u.admin_center.lat * Math.PI) / 180), kmY = 110.57;
    const r0 = Math.max(0, Math.floor((BBOX.north - u.admin_center.lat - land / kmY) / dy)), r1 = Math.min(height - 1, Math.ceil((BBOX.north - u.admin_center.lat + land / kmY) / dy));
    const c0 = Math.max(0, Math.floor((u.admin_center.lon - land / kmX - BBOX.west) / dx)), c1 = Math.min(width - 1, Math.ceil((u.admin_center.lon + land / kmX - BBOX.west) / dx));
    // Weights first (exp decay from the seat, a random half of the cells settled), then scaled to the unit's population.
    let sum = 0;
    const idx = [], w = [];
    for (let r = r0; r <= r1; r++) {
      const lat = BBOX.north - (r + 0.5) * dy;
      for (let c = c0; c <= c1; c++) {
        const lon = BBOX.west + (c + 0.5) * dx;
        const d = Math.hypot((lat - u.admin_center.lat) * kmY, (lon - u.admin_center.lon) * kmX);
        const k = r * width + c;
        if (d > land) continue;
        if (values[k] === NODATA) values[k] = 0;
        if (d > radiusKm || rnd() < 0.5) continue;
        const wt = Math.exp(-d / (radiusKm / 4)) + 0.02;
        idx.push(k);
        w.push(wt);
        sum += wt;
      }
    }
    for (let j = 0; j < idx.length; j++) values[idx[j]] += (pop * w[j]) / sum;
  }
  const buf = writeArrayBuffer(values, {
    width, height, ModelPixelScale: [dx, dy, 0], ModelTiepoint: [0, 0, 0, BBOX.west, BBOX.north, 0],
    GDAL_NODATA: String(NODATA), GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1,
  });
  writeFileSync(file, Buffer.from(buf));
  const populated = [];
  for (let k = 0; k < values.length; k++) {
    if (values[k] > 0) {
      const r = Math.floor(k / width), c = k % width;
      populated.push({ lat: BBOX.north - (r + 0.5) * dy, lon: BBOX.west + (c + 0.5) * dx, population: values[k] });
    }
  }
  return { width, height, cellKm: dy * 110.57, populated };
}
