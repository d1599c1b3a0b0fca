/**
 * How a result's figures were made, as data: the tool and its version, the plan, the year, the
 * population (year, basis, or the user's file), the distance model, the standards and the data
 * sources with their licences. Every format carries it its own way (docs/output-formats.md): text
 * and Markdown in their headers, CSV as `#` comment lines before the header (the comment prefix
 * of the W3C model for tabular data), JSON and GeoJSON as a `provenance` member (RFC 7946 §6.1
 * foreign member), SVG in `<metadata>`, HTML in the footer, YAML as comments, a workbook on a
 * sheet of its own.
 */
import { ENGLISH, type Locale } from '../model/locale.js';
import { oneLine } from './printable.js';

export interface Provenance {
  /** "dostplan 0.1.0" */
  tool: string;
  /** The plan's name, or another input (an OR-Library graph). */
  plan?: string;
  /** The year (or years) the figures are for. */
  year?: string;
  /** "1 January 2030 official figures, resident basis", or the user's file. */
  population?: string;
  distance_model?: string;
  standards?: string;
  /** Where the data come from, with licences and attributions. */
  sources: string[];
}

const LABELS = ['tool', 'plan', 'year', 'population', 'distance_model', 'standards'] as const;

/** Label and value pairs, in order; one per source. Values are single lines. Labels in `L`'s language. */
export function provenancePairs(p: Provenance, L: Locale = ENGLISH): [string, string][] {
  return [
    ...LABELS.flatMap((key): [string, string][] => (p[key] ? [[L.t(`provenance.${key}`), oneLine(p[key])]] : [])),
    ...p.sources.map((s): [string, string] => [L.t('provenance.source'), oneLine(s)]),
  ];
}

/** "label: value" lines. */
export const provenanceLines = (p: Provenance, L: Locale = ENGLISH): string[] =>
  provenancePairs(p, L).map(([k, v]) => `${k}: ${v}`);

/** What people read of a result's provenance: in the run's language when the command made it so. */
export const readableProvenance = (about: { provenance?: Provenance; local?: Provenance }): Provenance | undefined =>
  about.local ?? about.provenance;
