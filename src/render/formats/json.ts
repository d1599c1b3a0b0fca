/** JSON for programs: the result objects as they are (2-space indented, stable key order). */
import { tally } from '../diagnostics.js';
import { orderYaml, suggestYaml } from '../optimize.js';
import { capacitySitesYaml } from '../capacity-sites.js';
import type { Format } from '../outputs.js';
import { gapsJson } from '../gaps.js';

const json = (x: unknown) => JSON.stringify(x, null, 2);

export const jsonFormat: Format = {
  validation: ({ diagnostics, files, unreadable = 0 }) =>
    json({ ...tally(diagnostics), files, unreadable, diagnostics }),
  coverage: (o) => json(o.result),
  distances: json,
  timeline: (o) => json(o.timeline),
  comparison: json,
  diff: json,
  suggestion: (o) => json({ ...o.result, yaml: suggestYaml(o.result, o.changes, o.base) }),
  order: (o) => json({ ...o.result, yaml: orderYaml(o.result, o.changes, o.base) }),
  graph: json,
  regions: (o) => json(o.dataset),
  capacity: json,
  capacitySites: (o) => json({ ...o.result, yaml: capacitySitesYaml(o) }),
  gaps: (o) => gapsJson(o.result),
};
