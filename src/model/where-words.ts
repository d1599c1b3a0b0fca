/**
 * Positions written as words, said again in the run's language: a workbook's cell ("f.xlsx: sheet
 * 'S', row 2, column A"), a GeoPackage layer's cell, a GeoJSON feature ("features[0]"). Readers
 * write a position as English text, the form load/findings.ts parses back into file, line and
 * column; a message says it in words here, as Locale.placeText says a composed place name again.
 * A "file:line:column" has no words and stays as it is.
 */
import { type Said, type SaidParam, said } from './said.js';

/** features[3] and what follows it (.geometry.coordinates[0]): a GeoJSON feature, by its index in words. */
export const featureWords = (index: number, rest = ''): Said => said('where.feature', { index, rest });

// Lazy file parts: a file name with ": " in it is cut as findings.ts cuts it.
const SHEET = /^(.*?): sheet (.*), row (\d+)(?:, column ([A-Z]+))?$/s;
const LAYER = /^(.*?): layer (\d+) of (\d+), row (\d+), column (.*)$/s;
const FEATURE = /^(?:(.*?): )?features\[(\d+)\]((?:\.[A-Za-z_]\w*|\[\d+\])*)$/s;

/** A reader's position in words of the run's language (English: the same text). */
export function whereWords(where: string): SaidParam {
  const inFile = (file: string | undefined, w: Said): Said =>
    file === undefined ? w : said('where.in_file', { file, where: w });
  const sheet = SHEET.exec(where);
  if (sheet) {
    const [, file, name, row, column] = sheet;
    return inFile(
      file!,
      column
        ? said('where.sheet_cell', { sheet: name!, row: row!, column })
        : said('where.sheet_row', { sheet: name!, row: row! }),
    );
  }
  const layer = LAYER.exec(where);
  if (layer) {
    const [, file, n, of, row, column] = layer;
    return inFile(file!, said('where.layer_cell', { layer: n!, layers: of!, row: row!, column: column! }));
  }
  const feature = FEATURE.exec(where);
  if (feature) return inFile(feature[1], featureWords(Number(feature[2]), feature[3]));
  return where;
}
