/**
 * The road network a command uses, if any: --roads FILE (with --roads-profile), else the plan's
 * `distance_model: { roads: FILE }`. The graph is built from the file (load/roads/osm-reader.ts
 * into travel/roads/graph.ts) or taken from the cache (load/roads/cache.ts) on later runs; a
 * network is read once per process (diff and --compare ask twice). Its notes (dropped road
 * islands, places beyond the off-road limit) go to stderr as they become known, and into JSON
 * results.
 */
import { relative } from 'node:path';
import { InputError, UserError } from '../../errors.js';
import type { Plan } from '../../model/plan.js';
import { type Said, said } from '../../model/said.js';
import { GraphBuilder, type RoadGraph } from '../../travel/roads/graph.js';
import type { Profile } from '../../travel/roads/profile.js';
import { RoadModel } from '../../travel/roads/road-model.js';
import type { RunContext } from '../../run/run-context.js';
import { noteInput } from '../text-input.js';
import { cacheKey, cachePath, fileHash, readGraphCache, writeGraphCache } from './cache.js';
import { type NetworkOptions, readNetwork, sniffFormat } from './osm-reader.js';
import { loadProfile, type TravelMode } from './road-profile.js';
import { dbfBeside } from './shapefile-reader.js';

export interface LoadOptions {
  profileFile?: string;
  /** The built-in profile the override applies to (default: car). */
  mode?: TravelMode;
  /** A shapefile's or GeoPackage's road class field (--roads-class-field; default highway, else fclass). */
  classField?: string;
  /** A GeoPackage's line layer (--roads-layer; default: its only one, or the one named *roads*). */
  layer?: string;
  /** Skip the cache (read and write); for tests and the bench's baseline. */
  noCache?: boolean;
  /** Told each note (dropped islands, unreachable places) once, as it becomes known. */
  onNote?: (note: Said) => void;
  /** Called before a graph is built from the input (a cache miss: the slow path). */
  onBuild?: () => void;
}

export interface LoadReport {
  fromCache: boolean;
  cacheFile?: string;
  /** Why the cache could not be written, if it could not (the run goes on). */
  cacheError?: string;
}

/**
 * Reads (or takes from the cache) the graph for `file` and returns the model. Asynchronous for
 * the GeoPackage reader's sake (load/sqlite.ts); every other format is read synchronously.
 */
export async function loadRoadModel(
  run: RunContext,
  file: string,
  o: LoadOptions = {},
): Promise<{ model: RoadModel; report: LoadReport }> {
  sniffFormat(file); // a missing file, a directory or another kind of file: a clear message first
  noteInput(run, file); // read for its hash even when the graph comes from the cache
  const profile = loadProfile(run, o.profileFile, o.mode);
  const display = relative(process.cwd(), file) || file;
  const key = o.noCache ? '' : cacheKey(networkHash(file, o), profile);
  const path = o.noCache ? undefined : cachePath(key);
  const cached = path ? readGraphCache(path, key) : undefined;
  if (cached && 'graph' in cached)
    return {
      model: new RoadModel(cached.graph, profile, display, o.onNote),
      report: { fromCache: true, cacheFile: path },
    };
  if (cached && 'bad' in cached) o.onNote?.(said('note.roads.cache_unused', { path: path!, reason: cached.bad }));
  o.onBuild?.();
  const graph = await buildGraph(run, file, profile, { classField: o.classField, layer: o.layer });
  const report: LoadReport = { fromCache: false };
  if (path) {
    try {
      writeGraphCache(path, key, graph);
      report.cacheFile = path;
    } catch (e) {
      report.cacheError = `${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
  return { model: new RoadModel(graph, profile, display, o.onNote), report };
}

export async function buildGraph(
  run: RunContext,
  file: string,
  profile: Profile,
  o: NetworkOptions = {},
): Promise<RoadGraph> {
  const builder = new GraphBuilder(profile);
  const format = await readNetwork(run, file, builder, o);
  const graph = builder.build(format);
  // Segments, not edges: a lone ring road has one junction and no edge between junctions, yet
  // places on it reach each other along its one chain.
  if (graph.meta.segments === 0) {
    throw new InputError(
      file,
      said(profile.mode === 'foot' ? 'read.roads.none_for_walker' : 'read.roads.none_for_car', {
        profile: profile.name,
      }),
      1,
    );
  }
  return graph;
}

export interface RoadFlags {
  roads?: string;
  roadsProfile?: string;
  /** Drive or walk over the network (default: the plan's distance_model.mode, else car). */
  mode?: TravelMode;
  /** --roads-class-field: the shapefile or GeoPackage attribute holding the road class. */
  roadsClassField?: string;
  /** --roads-layer: the GeoPackage layer of the roads. */
  roadsLayer?: string;
}

/**
 * The cache's input hash: the file's, and for a .shp its .dbf's, the class field and the layer
 * too (they decide the roads and their classes).
 */
function networkHash(file: string, o: NetworkOptions): string {
  const dbf = dbfBeside(file);
  const hash = fileHash(file);
  return dbf || o.classField || o.layer
    ? `${hash}+${dbf ? fileHash(dbf) : ''}+${o.classField ?? ''}${o.layer ? `+${o.layer}` : ''}`
    : hash;
}

/**
 * The road model for this plan and flags, or undefined when neither names a network (another
 * model of load/travel-models.ts applies). Read once per run; its notes are the run's messages.
 */
export async function roadModelFor(run: RunContext, plan: Plan, flags: RoadFlags): Promise<RoadModel | undefined> {
  const file = flags.roads ?? plan.distance_model?.roads;
  if (!file) {
    if (flags.mode) throw new UserError(said('read.roads.mode_without_roads'));
    if (flags.roadsClassField || flags.roadsLayer) throw new UserError(said('read.roads.options_without_roads'));
    return undefined;
  }
  run.expectLong(); // routing over a road network
  const planMode = plan.distance_model?.mode ?? 'car';
  const mode = flags.mode ?? planMode;
  // The plan's profile override was written for the plan's network and mode, not for another.
  const ownProfile = !flags.roads && mode === planMode;
  const profile = flags.roadsProfile ?? (ownProfile ? plan.distance_model?.roads_profile : undefined);
  const note = (s: Said) => run.note(s);
  const { roadsClassField: classField, roadsLayer: layer } = flags;
  // The promise is remembered: diff and --compare ask twice, and read the file once.
  return run.remember(`roads\0${file}\0${profile ?? ''}\0${mode}\0${classField ?? ''}\0${layer ?? ''}`, async () => {
    const r = await loadRoadModel(run, file, {
      profileFile: profile,
      mode,
      ...(classField ? { classField } : {}),
      ...(layer ? { layer } : {}),
      onNote: note,
      onBuild: () => note(said('note.roads.reading', { file })),
    });
    if (r.report.cacheError) note(said('note.roads.cache_unwritten', { reason: r.report.cacheError, file }));
    return r.model;
  });
}
