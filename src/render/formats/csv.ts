/**
 * CSV (RFC 4180) for spreadsheets: a result's first table (render/tables.ts). How the figures were
 * made comes first as `#` lines, the comment prefix of the W3C model for tabular data (CSVW):
 * spreadsheets show them as rows above the header, `csv-parse` (`comment: '#'`), pandas
 * (`comment='#'`) and R (`comment.char = "#"`) skip them.
 */
import type { Format, Outputs, RenderContext } from '../outputs.js';
import { provenanceLines } from '../provenance.js';
import { csvComment, csvOf } from '../table.js';
import { TABLES, type TableKind, tablesOf } from '../tables.js';

const csv =
  <K extends TableKind>(kind: K) =>
  (o: Outputs[K], ctx: RenderContext): string => {
    const table = csvOf(tablesOf(kind, o)[0]!);
    return ctx.provenance ? [...provenanceLines(ctx.provenance).map(csvComment), table].join('\n') : table;
  };

export const csvFormat: Format = Object.fromEntries(
  (Object.keys(TABLES) as TableKind[]).map((kind) => [kind, csv(kind)]),
) as Format;
