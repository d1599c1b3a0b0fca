/** YAML plan fragments, ready to paste into a plan file; how they were found comes first, as comments. */
import { orderYaml, suggestYaml } from '../optimize.js';
import { capacitySitesYaml } from '../capacity-sites.js';
import type { Format, RenderContext } from '../outputs.js';
import { provenanceLines } from '../provenance.js';

const withComments = (yaml: string, ctx: RenderContext) =>
  ctx.provenance ? [...provenanceLines(ctx.provenance).map((l) => `# ${l}`), yaml].join('\n') : yaml;

export const yamlFormat: Format = {
  suggestion: (o, ctx) => withComments(suggestYaml(o.result, o.changes, o.base), ctx),
  capacitySites: (r, ctx) => withComments(capacitySitesYaml(r), ctx),
  order: (o, ctx) => withComments(orderYaml(o.result, o.changes, o.base), ctx),
};
