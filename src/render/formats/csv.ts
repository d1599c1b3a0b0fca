/** CSV (RFC 4180) for spreadsheets. */
import { coverageCsv } from '../coverage.js';
import { distancesCsv, worstCsv } from '../distances.js';
import { suggestCsv } from '../optimize.js';
import { capacityCsv } from '../capacity.js';
import { capacitySitesCsv } from '../capacity-sites.js';
import type { Format } from '../outputs.js';
import { regionsCsv } from '../regions.js';
import { gapsCsv } from '../gaps.js';
import { timelineCsv } from '../timeline.js';

export const csvFormat: Format = {
  coverage: (o) => coverageCsv(o.result),
  // With --worst N the CSV is the worst-served places (one table per file, as spreadsheets expect).
  distances: (r) => (r.worst.length ? worstCsv(r) : distancesCsv(r)),
  timeline: (o) => timelineCsv(o.timeline),
  suggestion: (o) => suggestCsv(o.result),
  regions: (o) => regionsCsv(o.dataset, o.capital),
  capacity: capacityCsv,
  capacitySites: (o) => capacitySitesCsv(o.result),
  gaps: (o) => gapsCsv(o.result),
};
