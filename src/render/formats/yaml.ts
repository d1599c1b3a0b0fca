/** YAML plan fragments, ready to paste into a plan file. */
import { orderYaml, suggestYaml } from '../optimize.js';
import { capacitySitesYaml } from '../capacity-sites.js';
import type { Format } from '../outputs.js';

export const yamlFormat: Format = {
  suggestion: (o) => suggestYaml(o.result, o.changes, o.base),
  capacitySites: capacitySitesYaml,
  order: (o) => orderYaml(o.result, o.changes, o.base),
};
