/** The unit locator for user population files, from the embedded geography. */
import { seatLocator, type UnitLocator } from '../../geo/unit-locator.js';
import { embedded } from '../dataset-loader.js';

export function defaultLocator(): UnitLocator {
  const { regions, country } = embedded();
  return seatLocator(country.geometry, regions);
}
