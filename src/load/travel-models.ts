/**
 * The travel-cost models a run may use, chosen as formats are (render/registry.ts): each entry
 * looks at the plan and the flags and either loads its model or declines (asynchronously if its
 * reader is: a GeoPackage road network). The first entry that
 * loads wins; the straight-line model, last, never declines. A new model (a walking profile,
 * public transport) is a TravelCostModel in travel/ and one entry here, its reader in load/.
 */
import { type SettingOverrides, straightLineOf } from '../analysis/network.js';
import type { Plan } from '../model/plan.js';
import type { RunContext } from '../run/run-context.js';
import type { TravelCostModel } from '../travel/travel-cost.js';
import { type RoadFlags, roadModelFor } from './roads/road-network.js';

/** The flags that choose and tune a travel model. */
export type TravelFlags = SettingOverrides & RoadFlags;

/** Loads the model when the plan or the flags choose it (its files recorded in the run); undefined when they do not. */
export type TravelModelSource = (
  run: RunContext,
  plan: Plan,
  flags: TravelFlags,
) => TravelCostModel | undefined | Promise<TravelCostModel | undefined>;

const TRAVEL_MODELS = {
  roads: roadModelFor,
  'straight-line': (_run, plan, flags) => straightLineOf(plan, flags),
} satisfies Record<string, TravelModelSource>;

export type TravelModelName = keyof typeof TRAVEL_MODELS;

/** The travel model for a plan and its flags: the first entry of the registry that applies. */
export async function travelModelFor(run: RunContext, plan: Plan, flags: TravelFlags): Promise<TravelCostModel> {
  for (const source of Object.values(TRAVEL_MODELS) as TravelModelSource[]) {
    const loaded = await source(run, plan, flags);
    if (loaded) return loaded;
  }
  throw new Error('the straight-line model always applies'); // unreachable: the last entry never declines
}
