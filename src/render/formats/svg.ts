/** SVG charts for slides and documents; `<metadata>` says how the figures were made. */
import { mapOnlySvg } from '../html-report.js';
import type { Format } from '../outputs.js';
import { provenanceLines } from '../provenance.js';
import { timelineSvg } from '../svg-timeline.js';

export const svgFormat: Format = {
  timeline: (o, ctx) => timelineSvg(o.timeline, ctx.provenance ? { metadata: provenanceLines(ctx.provenance) } : {}),
  report: (r, ctx) => mapOnlySvg(r, ctx.provenance && provenanceLines(ctx.provenance)),
};
