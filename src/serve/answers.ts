/**
 * The answers of coverage, distances, timeline and capacity for a plan in a loaded context: ONE
 * code path for the CLI commands (which emit them to stdout or --out) and the server's
 * /api/coverage, /api/distances, /api/timeline and /api/capacity (which send the same text), so
 * the two can never drift (tests/serve-answers.test.ts compares them byte for byte).
 *
 * What the figures rest on (`about`) is made by the caller's `AboutOf` (cli/provenance.ts's
 * planAbout): the provenance names dostplan's version, which belongs to the CLI.
 */
import {
  capacityExact,
  capacityNow,
  resolveVisitModel,
  type Catchment,
  type VisitModel,
} from '../analysis/capacity.js';
import { coverageMap, coverageNow, type CoveredBy, type KindFilter } from '../analysis/coverage.js';
import { pointColumns, type GroupBy } from '../analysis/demand.js';
import { distancesNow } from '../analysis/distances.js';
import { Network } from '../analysis/network.js';
import { timeline } from '../analysis/timeline.js';
import type { Plan } from '../model/plan.js';
import type { PlanContext } from '../load/plan-context.js';
import { emit } from '../render/emit.js';
import { withNewline } from '../render/output.js';
import type { About, OutputKind, Outputs } from '../render/outputs.js';
import { render } from '../render/registry.js';
import { plain } from '../render/style.js';
import type { RunContext } from '../run/run-context.js';

/** What a plan's figures for `years` rest on (cli/provenance.ts's planAbout). */
export type AboutOf = (
  ctx: PlanContext,
  years: number | readonly [number, number],
  standards?: Partial<Record<'center' | 'branch', string>>,
) => About;

/** A result ready to render: its kind, the analysis' output and what it rests on. */
export interface Answer<K extends OutputKind = OutputKind> {
  kind: K;
  output: Outputs[K];
  about: About;
}

/** The network of a plan at the end of `year`, fresh (the exact path every command takes). */
function networkAt(ctx: PlanContext, year: number): Network {
  const net = new Network(ctx.plan, pointColumns(ctx.demand), ctx.country.regions, ctx.settings.travel);
  net.advanceTo(year);
  return net;
}

export interface CoverageQuery {
  year: number;
  coveredBy: CoveredBy;
  kind: KindFilter;
  by: GroupBy;
}

export function coverageAnswer(ctx: PlanContext, q: CoverageQuery, about: AboutOf): Answer<'coverage'> {
  const net = networkAt(ctx, q.year);
  const result = coverageNow(net, ctx.demand, ctx.country.regions, ctx.settings, q);
  const map = () => coverageMap(net, ctx.demand, ctx.settings, q.kind, result);
  return { kind: 'coverage', output: { result, map }, about: about(ctx, result.year, result.standards) };
}

export interface DistancesQuery {
  year: number;
  by: GroupBy;
  /** The worst-served places to list (0: none). */
  worst: number;
}

export function distancesAnswer(ctx: PlanContext, q: DistancesQuery, about: AboutOf): Answer<'distances'> {
  const net = networkAt(ctx, q.year);
  const settlements = q.worst > 0 ? ctx.country.columns('resident') : undefined;
  const result = distancesNow(net, ctx.demand, ctx.country.regions, ctx.settings, q.by, q.worst, settlements);
  return { kind: 'distances', output: result, about: about(ctx, result.year) };
}

/** The worst-served places a distances answer lists by default: all of them in GeoJSON, else none. */
export const defaultWorst = (ctx: PlanContext, format: string): number =>
  format === 'geojson' ? pointColumns(ctx.demand).count : 0;

/**
 * The rollout of `plan` (the context's plan, or the same plan with --delay applied) year by year;
 * `tick` follows the years (the CLI's progress bar).
 */
export function timelineAnswer(
  ctx: PlanContext,
  about: AboutOf,
  plan: Plan = ctx.plan,
  tick?: (year: number) => void,
): Answer<'timeline'> {
  const { regions } = ctx.country;
  const result = timeline(plan, ctx.demand, regions, ctx.settings, tick);
  const names = new Map(regions.dataset.economic_regions.map((e) => [e.id, e.name_en]));
  return { kind: 'timeline', output: { timeline: result, names }, about: about(ctx, [plan.years.from, plan.years.to]) };
}

export interface CapacityQuery {
  year: number;
  catchment?: Catchment;
  /** --visits, --working-days, --overflow-max-min: the plan's visit model overridden. */
  visits?: Partial<Pick<VisitModel, 'visitsPerResidentYear' | 'workingDays' | 'overflowMaxMin'>>;
  method: 'auto' | 'flow' | 'heuristic';
}

export async function capacityAnswer(ctx: PlanContext, q: CapacityQuery, about: AboutOf): Promise<Answer<'capacity'>> {
  const { regions } = ctx.country;
  const visitModel = resolveVisitModel(ctx.plan, q.visits ?? {});
  const net = networkAt(ctx, q.year);
  const catchment = q.catchment ?? visitModel.catchment;
  const result =
    q.method === 'auto'
      ? await capacityExact(net, ctx.demand, regions, ctx.settings, visitModel, catchment)
      : capacityNow(net, ctx.demand, regions, ctx.settings, visitModel, { catchment, method: 'flow' });
  return { kind: 'capacity', output: result, about: about(ctx, result.year) };
}

/** The CLI's way out: stdout or --out, in --format. */
export function emitAnswer(run: RunContext, a: Answer, o: { format: string; out?: string }): Promise<void> {
  return emit(run, a.kind, a.output as never, o, a.about);
}

/** The text the CLI prints for an answer in a text format (no colours: not a terminal), as the server sends it. */
export async function answerText(a: Answer, format: string): Promise<string> {
  const text = await render(a.kind, format, a.output as never, { style: plain, ...a.about });
  if (typeof text !== 'string') throw new Error(`${format} is binary`);
  return withNewline(text);
}
