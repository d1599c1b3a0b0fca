/** Plain-text tables for people at a terminal. */
import { coverageText } from '../coverage.js';
import { renderDiagnostics } from '../diagnostics.js';
import { diffText } from '../diff.js';
import { distancesText } from '../distances.js';
import { graphText, orderText, orderYaml, suggestText, suggestYaml } from '../optimize.js';
import { capacityText } from '../capacity.js';
import { capacitySitesText, capacitySitesYaml } from '../capacity-sites.js';
import type { Format } from '../outputs.js';
import { withClosingSections } from './closing-sections.js';
import { regionsText } from '../regions.js';
import { surfaceText } from '../surface.js';
import { gapsText } from '../gaps.js';
import { comparisonText, timelineText } from '../timeline.js';

export const textFormat: Format = withClosingSections(
  {
    validation: (o, ctx) =>
      renderDiagnostics(o.diagnostics, o.files, 'text', ctx.style, o.unreadable, process.env, ctx.locale),
    coverage: (o, ctx) => coverageText(o.result, ctx.locale),
    distances: (r, ctx) => distancesText(r, ctx.locale),
    timeline: (o, ctx) => timelineText(o.timeline, o.names, ctx.locale),
    comparison: (o, ctx) => comparisonText(o.a, o.b, false, ctx.locale),
    diff: (p, ctx) => diffText(p, ctx.locale),
    suggestion: (o, ctx) => suggestText(o.result, suggestYaml(o.result, o.changes, o.base, ctx.locale), ctx.locale),
    order: (o, ctx) => orderText(o.result, orderYaml(o.result, o.changes, o.base, ctx.locale), false, ctx.locale),
    graph: (r, ctx) => graphText(r, ctx.locale),
    regions: (o, ctx) => regionsText(o.dataset, o.capital, ctx.locale),
    capacity: (r, ctx) => capacityText(r, ctx.locale),
    capacitySites: (o, ctx) => capacitySitesText(o.result, capacitySitesYaml(o, ctx.locale), ctx.locale),
    surface: (o, ctx) => surfaceText(o, ctx.locale),
    gaps: (o, ctx) => gapsText(o.result, o.top, ctx.locale),
  },
  false,
);
