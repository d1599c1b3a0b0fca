/**
 * /api/map: the units the page draws, from the country's data folder (no tiles, no network):
 * a GeoJSON FeatureCollection (RFC 7946, lon/lat WGS84) of the unit polygons with their codes,
 * names and latest population, and as foreign members (RFC 7946 §6.1) the neighbouring countries,
 * the Caspian's label point and the settlements' Azerbaijani names where GeoNames spells them
 * otherwise (the gap list's `settlement`, said in the page's language).
 */
import type { Feature } from 'geojson';
import type { PlanContext } from '../load/plan-context.js';
import { loadMapLayers } from '../load/map-layers.js';
import type { RunContext } from '../run/run-context.js';

export function mapOf(run: RunContext, ctx: PlanContext): unknown {
  const { regions, dir } = ctx.country;
  const layers = loadMapLayers(run, dir);
  const resident = ctx.demand.basis !== 'registered';
  const population = (code: string): number | null => {
    const r = regions.byCode.get(code);
    const series = (resident ? r?.resident : undefined) ?? r?.population;
    if (!series) return null;
    const years = Object.keys(series).sort();
    return years.length ? (series as Record<string, number>)[years.at(-1)!]! : null;
  };
  const features = (layers.units?.features ?? []).map((f): Feature => {
    const code = String(f.id);
    const r = regions.byCode.get(code);
    return {
      type: 'Feature',
      id: code,
      geometry: f.geometry,
      properties: {
        id: code,
        name: r?.name_en ?? (f.properties as { name?: string } | null)?.name ?? code,
        name_az: r?.name_az ?? null,
        economic_region: r?.economic_region ?? null,
        population: population(code),
      },
    };
  });
  const context = layers.context?.features ?? [];
  return {
    type: 'FeatureCollection',
    features,
    neighbours: context.filter((f) => f.properties.kind !== 'water'),
    caspian: context.find((f) => f.properties.kind === 'water') ?? null,
    settlements_az: regions.dataset.settlements_az ?? {},
  };
}
