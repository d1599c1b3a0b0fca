/** One self-contained HTML page. */
import { htmlReport } from '../html-report.js';
import type { Format } from '../outputs.js';

export const htmlFormat: Format = {
  report: htmlReport,
};
