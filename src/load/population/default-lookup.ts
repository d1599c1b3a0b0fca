/**
 * The unit lookup for user population files. For the embedded country: its unit polygons
 * (data/units.topojson) behind the banded point-in-polygon index; a city counted within its rayon
 * (`included_in` in data/regions.json: Lankaran, Yevlakh, Shaki) gives its people to the rayon,
 * as the official figures do, so that --scale-to official compares like with like. A country
 * loaded with --data has no unit polygons yet: its outline, then the nearest administrative centre.
 */
import { polygonLookup, seatLookup, type UnitLookup } from '../../geo/unit-lookup.js';
import { EMBEDDED_DATA, unitLocator, type CountryData } from '../dataset-loader.js';

export function defaultLookup(country: CountryData): UnitLookup {
  const { regions } = country;
  if (country.dir !== EMBEDDED_DATA) return seatLookup(country.outline.geometry, regions);
  const polygons = unitLocator();
  const lookup = polygonLookup(polygons.codes.map((code) => ({ code, geometry: polygons.geometry(code)! })));
  return {
    method: 'unit polygons (data/units.topojson)',
    locate: (lat, lon) => {
      const code = lookup.locate(lat, lon);
      return code === undefined ? undefined : (regions.byCode.get(code)?.included_in ?? code);
    },
  };
}
