/** Markdown for pull-request comments and wikis. */
import { coverageMarkdown } from '../coverage.js';
import { diffMarkdown } from '../diff.js';
import { distancesMarkdown } from '../distances.js';
import { orderText, orderYaml, suggestMarkdown, suggestYaml } from '../optimize.js';
import { capacityMarkdown } from '../capacity.js';
import { capacitySitesMarkdown, capacitySitesYaml } from '../capacity-sites.js';
import type { Format } from '../outputs.js';
import { withClosingSections } from './closing-sections.js';
import { comparisonText, timelineMarkdown } from '../timeline.js';

export const mdFormat: Format = withClosingSections(
  {
    coverage: (o, ctx) => coverageMarkdown(o.result, ctx.locale),
    distances: (r, ctx) => distancesMarkdown(r, ctx.locale),
    timeline: (o, ctx) => timelineMarkdown(o.timeline, o.names, ctx.locale),
    comparison: (o, ctx) => comparisonText(o.a, o.b, true, ctx.locale),
    diff: (p, ctx) => diffMarkdown(p, ctx.locale),
    suggestion: (o, ctx) => suggestMarkdown(o.result, suggestYaml(o.result, o.changes, o.base, ctx.locale), ctx.locale),
    order: (o, ctx) => orderText(o.result, orderYaml(o.result, o.changes, o.base, ctx.locale), true, ctx.locale),
    capacity: (r, ctx) => capacityMarkdown(r, ctx.locale),
    capacitySites: (o, ctx) => capacitySitesMarkdown(o.result, capacitySitesYaml(o, ctx.locale), ctx.locale),
  },
  true,
);
