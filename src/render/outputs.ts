/**
 * The results commands hand to the renderers, one type per kind of result. A format (a file in
 * render/formats/) renders some of these kinds; render/registry.ts lists the formats.
 */
import type { CapacityResult } from '../analysis/capacity.js';
import type { CoverageMap, CoverageResult } from '../analysis/coverage.js';
import type { CapacitySitesResult } from '../analysis/optimize/capacity-sites.js';
import type { PlanDiff } from '../analysis/diff.js';
import type { DistancesResult } from '../analysis/distances.js';
import type { GraphResult } from '../analysis/optimize/graph.js';
import type { OrderChanges, OrderResult } from '../analysis/optimize/rollout-order.js';
import type { NewSiteUnits, PlanChanges, SuggestResult } from '../analysis/optimize/suggest.js';
import type { Timeline } from '../analysis/timeline.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Dataset } from '../model/dataset.js';
import type { ReportInput } from './html-report.js';
import type { SurfaceOutput } from './surface.js';
import type { PopulationSource } from '../model/population-source.js';
import type { Provenance } from './provenance.js';
import type { GapsResult } from '../analysis/gaps.js';
import type { Style } from './style.js';
import type { LocalNames } from '../model/local-names.js';
import type { Locale } from '../model/locale.js';

export interface Outputs {
  /** `unreadable`: files named that could not be read at all (their errors went to stderr). */
  validation: { diagnostics: Diagnostic[]; files: number; unreadable?: number };
  coverage: { result: CoverageResult; map: () => CoverageMap };
  distances: DistancesResult;
  /** `names`: the display name of each economic region (or the country's grouping). */
  timeline: { timeline: Timeline; names: Map<string, string> };
  comparison: { a: Timeline; b: Timeline };
  diff: PlanDiff;
  /** `base`: the plan's path as the scenario names it in `extends:`. */
  suggestion: { result: SuggestResult; changes: PlanChanges; base: string };
  capacity: CapacityResult;
  /** `units`: what the new sites serve; `base`: as in suggestion. */
  capacitySites: { result: CapacitySitesResult; units: NewSiteUnits; base: string };
  order: { result: OrderResult; changes: OrderChanges; base: string };
  graph: GraphResult;
  regions: { dataset: Dataset; capital?: string };
  report: ReportInput;
  surface: SurfaceOutput;
  gaps: { result: GapsResult; top: number };
}

export type OutputKind = keyof Outputs;

/** What the figures rest on, beside the result: every format says it its own way. */
export interface About {
  /** A user's population file: what was read, left out and scaled. */
  population?: PopulationSource;
  /** How the figures were made (absent for results without figures: validation). */
  provenance?: Provenance;
  /** The same in the run's language, for people (JSON, CSV and GeoJSON keep `provenance`, in English). */
  local?: Provenance;
  /** Place names in Azerbaijani (units, economic regions, districts, the plan's facilities). */
  names?: LocalNames;
}

/** What a renderer may know about where its text goes, and what the figures rest on. */
export interface RenderContext extends About {
  style: Style;
  /** The run's language for what people read (default: English). */
  locale?: Locale;
}

/** Text, or bytes for a binary format (xlsx), possibly once a library has finished. */
export type Rendered = string | Uint8Array | Promise<Uint8Array>;

export type Renderer<K extends OutputKind> = (output: Outputs[K], ctx: RenderContext) => Rendered;

/** A format: a renderer for each kind of result it supports. */
export type Format = { [K in OutputKind]?: Renderer<K> };
