/**
 * The unit lookup for user population files: the embedded unit polygons (data/units.topojson),
 * behind the banded point-in-polygon index. A city counted within its rayon (Lankaran, Yevlakh,
 * Shaki: `included_in` in data/regions.json) gives its people to the rayon, as the official
 * figures do, so that --scale-to official compares like with like.
 */
import { polygonLookup, type UnitLookup } from '../../geo/unit-lookup.js';
import { embedded, unitLocator } from '../dataset-loader.js';

export function defaultLookup(): UnitLookup {
  const { regions } = embedded();
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
