/**
 * The road network a command uses, if any: --roads FILE (with --roads-profile), else the plan's
 * `distance_model: { roads: FILE }`. A network is read once per process (diff and --compare ask
 * twice) and taken from the graph cache on later runs. Its notes (dropped road islands, places
 * beyond the off-road limit) go to stderr as they become known, and into JSON results.
 */
import type { Plan } from '../model/plan.js';
import { loadRoadModel, type RoadModel } from '../roads/road-model.js';
import { printable } from '../render/printable.js';
import { expectLongRun } from './long-run.js';

export interface RoadFlags {
  roads?: string;
  roadsProfile?: string;
}

const loaded = new Map<string, RoadModel>();

const note = (line: string) => process.stderr.write(`dostplan: note: ${printable(line)}\n`);

/** The road model for this plan and flags, or undefined for the straight-line model. */
export function roadModelFor(plan: Plan, flags: RoadFlags): { model: RoadModel; files: string[] } | undefined {
  const file = flags.roads ?? plan.distance_model?.roads;
  if (!file) return undefined;
  expectLongRun(); // routing over a road network
  const profile = flags.roads ? flags.roadsProfile : (flags.roadsProfile ?? plan.distance_model?.roads_profile);
  const key = `${file}\0${profile ?? ''}`;
  let model = loaded.get(key);
  if (!model) {
    const r = loadRoadModel(file, {
      profileFile: profile,
      onNote: note,
      onBuild: () => note(`reading the road network ${file} (once: later runs take it from the cache)`),
    });
    if (r.report.cacheError)
      note(`could not write the road graph cache (${r.report.cacheError}); the next run reads ${file} again`);
    model = r.model;
    loaded.set(key, model);
  }
  return { model, files: [file, ...(profile ? [profile] : [])] };
}
