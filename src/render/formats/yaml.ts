/** YAML plan fragments, ready to paste into a plan file; how they were found comes first, as comments. */
import { orderYaml, suggestYaml } from '../optimize.js';
import { capacitySitesYaml } from '../capacity-sites.js';
import type { Format, RenderContext } from '../outputs.js';
import { provenanceLines, readableProvenance } from '../provenance.js';

/** How the fragment was made, as comments in the run's language, before it. */
function withComments(yaml: string, ctx: RenderContext): string {
  const p = readableProvenance(ctx);
  return p ? [...provenanceLines(p, ctx.locale).map((l) => `# ${l}`), yaml].join('\n') : yaml;
}

export const yamlFormat: Format = {
  suggestion: (o, ctx) => withComments(suggestYaml(o.result, o.changes, o.base, ctx.locale), ctx),
  capacitySites: (r, ctx) => withComments(capacitySitesYaml(r, ctx.locale), ctx),
  order: (o, ctx) => withComments(orderYaml(o.result, o.changes, o.base, ctx.locale), ctx),
};
