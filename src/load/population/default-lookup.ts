/**
 * The unit lookup for user population files. Where the country's data folder has unit polygons
 * (profile.files.units; Azerbaijan: data/units.topojson), those, behind the banded
 * point-in-polygon index; a city counted within its rayon (`included_in` in regions.json:
 * Lankaran, Yevlakh, Shaki) gives its people to the rayon, as the official figures do, so that
 * --scale-to official compares like with like. Without polygons: the country outline, then the
 * nearest administrative centre.
 */
import { polygonLookup, seatLookup, type UnitLookup } from '../../geo/unit-lookup.js';
import type { CountryData } from '../dataset-loader.js';

export function defaultLookup(country: CountryData): UnitLookup {
  const { regions, units } = country;
  if (!units) return seatLookup(country.outline.geometry, regions);
  const lookup = polygonLookup(units.codes.map((code) => ({ code, geometry: units.geometry(code)! })));
  const parent = (code: string | undefined) =>
    code === undefined ? undefined : (regions.byCode.get(code)?.included_in ?? code);
  return {
    method: `unit polygons (${country.profile.files.units ?? 'the country profile'})`,
    locate: (lat, lon) => parent(lookup.locate(lat, lon)),
    locateRow: (lat, lon, from, to, out) => {
      lookup.locateRow!(lat, lon, from, to, out);
      for (let k = 0; k < to - from; k++) out[k] = parent(out[k]);
    },
  };
}
