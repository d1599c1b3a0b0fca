/** SVG charts for slides and documents; `<metadata>` says how the figures were made. */
import { mapOnlySvg } from '../html-report.js';
import type { Format, RenderContext } from '../outputs.js';
import { provenanceLines, readableProvenance } from '../provenance.js';
import { timelineSvg } from '../svg-timeline.js';

/** The provenance lines for `<metadata>`, in the run's language. */
const metadata = (ctx: RenderContext) => {
  const p = readableProvenance(ctx);
  return p && provenanceLines(p, ctx.locale);
};

export const svgFormat: Format = {
  timeline: (o, ctx) => {
    const lines = metadata(ctx);
    return timelineSvg(o.timeline, {
      ...(lines ? { metadata: lines } : {}),
      ...(ctx.locale ? { locale: ctx.locale } : {}),
    });
  },
  report: (r, ctx) => mapOnlySvg(r, metadata(ctx), ctx.locale),
};
