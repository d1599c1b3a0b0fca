/**
 * The output formats and what each can render. `--format` choices and their help text come from
 * here; adding a format is one file in render/formats/ plus one line below.
 */
import { UserError } from '../errors.js';
import { said } from '../model/said.js';
import { csvFormat } from './formats/csv.js';
import { geojsonFormat } from './formats/geojson.js';
import { githubFormat } from './formats/github.js';
import { htmlFormat } from './formats/html.js';
import { jsonFormat } from './formats/json.js';
import { mdFormat } from './formats/md.js';
import { svgFormat } from './formats/svg.js';
import { textFormat } from './formats/text.js';
import { xlsxFormat } from './formats/xlsx.js';
import { yamlFormat } from './formats/yaml.js';
import type { Format, OutputKind, Outputs, RenderContext, Rendered } from './outputs.js';

const FORMATS = {
  text: textFormat,
  json: jsonFormat,
  csv: csvFormat,
  md: mdFormat,
  geojson: geojsonFormat,
  svg: svgFormat,
  yaml: yamlFormat,
  github: githubFormat,
  html: htmlFormat,
  xlsx: xlsxFormat,
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

/** The formats that can render a kind of result, in the registry's order. */
export function formatsFor(kind: OutputKind): FormatName[] {
  return (Object.keys(FORMATS) as FormatName[]).filter((f) => FORMATS[f][kind] !== undefined);
}

export function render<K extends OutputKind>(
  kind: K,
  format: string,
  output: Outputs[K],
  ctx: RenderContext,
): Rendered {
  const renderer = (FORMATS as Record<string, Format>)[format]?.[kind];
  if (!renderer) throw new UserError(said('refuse.format_not_here', { format, formats: formatsFor(kind).join(', ') }));
  return renderer(output, ctx);
}
