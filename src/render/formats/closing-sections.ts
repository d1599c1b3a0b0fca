/**
 * Text and Markdown results end with what the figures rest on: what a user's population file gave
 * (render/population-source.ts), then how the figures were made (render/provenance.ts), so that
 * a table copied out of a terminal or a pull request keeps its sources and licences.
 */
import type { Format, OutputKind, Renderer, RenderContext } from '../outputs.js';
import { populationSection } from '../population-source.js';
import { mdText } from '../markdown-text.js';
import { type Provenance, provenanceLines, readableProvenance } from '../provenance.js';
import { ENGLISH, type Locale } from '../../model/locale.js';

function provenanceSection(p: Provenance, markdown: boolean, L: Locale): string {
  const lines = provenanceLines(p, L);
  const title = L.t('closing.how_made');
  return markdown
    ? ['', `**${title}**`, '', ...lines.map((l) => `- ${mdText(l)}`), ''].join('\n')
    : ['', title, '', ...lines.map((l) => `  ${l}`), ''].join('\n');
}

export function withClosingSections(format: Format, markdown: boolean): Format {
  const entries = Object.entries(format).map(([kind, render]) => [
    kind,
    (output: never, ctx: RenderContext) => {
      let text = (render as Renderer<OutputKind>)(output, ctx) as string;
      const L = ctx.locale ?? ENGLISH;
      if (ctx.population) text = text.replace(/\n*$/, '\n') + populationSection(ctx.population, markdown, L);
      const provenance = readableProvenance(ctx);
      if (provenance) text = text.replace(/\n*$/, '\n') + provenanceSection(provenance, markdown, L);
      return text;
    },
  ]);
  return Object.fromEntries(entries) as Format;
}
