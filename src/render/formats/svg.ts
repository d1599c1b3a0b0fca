/** SVG charts for slides and documents. */
import { mapOnlySvg } from '../html-report.js';
import type { Format } from '../outputs.js';
import { timelineSvg } from '../svg-timeline.js';

export const svgFormat: Format = {
  timeline: (o) => timelineSvg(o.timeline),
  report: mapOnlySvg,
};
