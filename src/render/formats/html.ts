/** One self-contained HTML page; its footer says how the figures were made. */
import { htmlReport } from '../html-report.js';
import type { Format } from '../outputs.js';

export const htmlFormat: Format = {
  report: (r, ctx) => htmlReport(r, ctx),
};
