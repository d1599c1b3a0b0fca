/**
 * The separator of a CSV file, from its header line: a comma, or the semicolon that spreadsheets
 * set to Azerbaijani, Russian, Turkish or German write (their decimal mark is the comma), or a tab
 * (copied from a spreadsheet). The one that occurs most often outside quotes wins; a header with
 * none of them (a single column) is comma-separated.
 */
import { type Said, said } from '../model/said.js';

export type Delimiter = ',' | ';' | '\t';

export function delimiterOf(text: string): Delimiter {
  let comma = 0,
    semi = 0,
    tab = 0,
    quoted = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      // The header is the first line with anything on it.
      if (comma + semi + tab > 0 || text.slice(start, i).trim() !== '') break;
    } else if (c === ',') comma++;
    else if (c === ';') semi++;
    else if (c === '\t') tab++;
  }
  if (tab > comma && tab > semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

/** What a note says of a separator other than the comma: "semicolon-separated" (none for a comma). */
export function separatedBy(d: Delimiter | string): Said | undefined {
  return d === '\t' ? said('note.read.tab') : d === ';' ? said('note.read.semicolon') : undefined;
}

/** The separator's name in a message: "a comma", in the run's language. */
export function delimiterSaid(d: Delimiter | string): Said {
  return said(d === '\t' ? 'read.csv.tab' : d === ';' ? 'read.csv.semicolon' : 'read.csv.comma');
}
