/**
 * Text and Markdown results end with what the figures rest on: what a user's population file gave
 * (render/population-source.ts), then how the figures were made (render/provenance.ts), so that
 * a table copied out of a terminal or a pull request keeps its sources and licences.
 */
import type { Format, OutputKind, Renderer, RenderContext } from '../outputs.js';
import { populationSection } from '../population-source.js';
import { mdText } from '../markdown-text.js';
import { type Provenance, provenanceLines } from '../provenance.js';

function provenanceSection(p: Provenance, markdown: boolean): string {
  const lines = provenanceLines(p);
  return markdown
    ? ['', '**How the figures were made**', '', ...lines.map((l) => `- ${mdText(l)}`), ''].join('\n')
    : ['', 'How the figures were made', '', ...lines.map((l) => `  ${l}`), ''].join('\n');
}

export function withClosingSections(format: Format, markdown: boolean): Format {
  const entries = Object.entries(format).map(([kind, render]) => [
    kind,
    (output: never, ctx: RenderContext) => {
      let text = (render as Renderer<OutputKind>)(output, ctx) as string;
      if (ctx.population) text = text.replace(/\n*$/, '\n') + populationSection(ctx.population, markdown);
      if (ctx.provenance) text = text.replace(/\n*$/, '\n') + provenanceSection(ctx.provenance, markdown);
      return text;
    },
  ]);
  return Object.fromEntries(entries) as Format;
}
