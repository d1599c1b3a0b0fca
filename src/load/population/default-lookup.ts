/** The unit locator for user population files, from the embedded geography. */
import { seatLookup, type UnitLookup } from '../../geo/unit-lookup.js';
import { embedded } from '../dataset-loader.js';

export function defaultLookup(): UnitLookup {
  const { regions, country } = embedded();
  return seatLookup(country.geometry, regions);
}
