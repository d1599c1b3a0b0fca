/**
 * JSON for programs: the result objects as they are (2-space indented, stable key order), then
 * what they rest on: `population_source` (a user's population file) and `provenance`.
 */
import { machineDiagnostic, tally } from '../diagnostics.js';
import { orderYaml, suggestYaml } from '../optimize.js';
import { capacitySitesYaml } from '../capacity-sites.js';
import type { Format, RenderContext } from '../outputs.js';
import { gapsData } from '../gaps.js';
import { english, type Said } from '../../model/said.js';

const json = (x: object, ctx: RenderContext) =>
  JSON.stringify(
    {
      ...x,
      ...(ctx.population ? { population_source: ctx.population } : {}),
      ...(ctx.provenance ? { provenance: ctx.provenance } : {}),
    },
    null,
    2,
  );

/** A result's note (a catalogue message) in English, where programs read it. */
const noteInEnglish = (r: { note?: Said }) => (r.note ? { note: english(r.note) } : {});

export const jsonFormat: Format = {
  validation: ({ diagnostics, files, unreadable = 0 }, ctx) =>
    json({ ...tally(diagnostics), files, unreadable, diagnostics: diagnostics.map(machineDiagnostic) }, ctx),
  coverage: (o, ctx) => json(o.result, ctx),
  distances: json,
  timeline: (o, ctx) => json(o.timeline, ctx),
  comparison: json,
  diff: json,
  suggestion: (o, ctx) =>
    json({ ...o.result, ...noteInEnglish(o.result), yaml: suggestYaml(o.result, o.changes, o.base) }, ctx),
  order: (o, ctx) => json({ ...o.result, yaml: orderYaml(o.result, o.changes, o.base) }, ctx),
  graph: (o, ctx) => json({ ...o, ...noteInEnglish(o) }, ctx),
  regions: (o, ctx) => json(o.dataset, ctx),
  capacity: json,
  capacitySites: (o, ctx) => json({ ...o.result, yaml: capacitySitesYaml(o) }, ctx),
  gaps: (o, ctx) => json(gapsData(o.result), ctx),
};
