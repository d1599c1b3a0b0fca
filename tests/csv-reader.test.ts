import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvOptions, csvObjects, readCsv } from '../src/load/csv-reader.js';
import type { Delimiter } from '../src/load/csv-dialect.js';
import { readCsvTable } from '../src/load/table/csv-table.js';
import { UserError } from '../src/errors.js';
import { readPointsCsv } from '../src/load/population/points-csv.js';

// The one CSV reader (src/load/csv-reader.ts) against csv-parse, the exact reference, on the same
// texts: both give the same records, or both refuse the file.

type Outcome = { records: string[][]; lines: number[] } | 'refused';

function ours(text: string, o: CsvOptions & { delimiter: Delimiter }): Outcome {
  try {
    const r = readCsv(text, 'f.csv', o);
    return { records: r.records, lines: r.lines };
  } catch (e) {
    if (e instanceof UserError) return 'refused';
    throw e;
  }
}

/** csv-parse with the options that say what ours does; `lines` is where each record ends. */
function reference(text: string, o: CsvOptions & { delimiter: Delimiter }): Outcome {
  const lines: number[] = [];
  try {
    const records = parse(text, {
      delimiter: o.delimiter,
      bom: true,
      trim: o.trim ?? true,
      skip_empty_lines: true,
      relax_column_count: !o.sameWidth,
      on_record: (record: string[], context: { lines: number }) => {
        lines.push(context.lines);
        return record;
      },
    }) as string[][];
    return { records, lines };
  } catch {
    return 'refused';
  }
}

function agree(text: string, o: CsvOptions & { delimiter: Delimiter }): Outcome {
  const a = ours(text, o);
  const b = reference(text, o);
  if (a === 'refused' || b === 'refused') {
    expect({ text, o, ours: a === 'refused' ? a : 'read' }).toEqual({ text, o, ours: b === 'refused' ? b : 'read' });
    return a;
  }
  expect({ text, o, records: a.records }).toEqual({ text, o, records: b.records });
  // Lines agree up to the first line break inside quotes (after one, csv-parse gives a record's last
  // line, ours its first, and in a file of CR line ends csv-parse counts a quoted CRLF as two).
  const plain = a.records.findIndex((r) => r.some((f) => /[\r\n]/.test(f)));
  const upTo = plain < 0 ? a.records.length : plain;
  expect({ text: JSON.stringify(text), lines: a.lines.slice(0, upTo) }).toEqual({
    text: JSON.stringify(text),
    lines: b.lines.slice(0, upTo),
  });
  return a;
}

/** Mulberry32: the same files on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENDINGS = ['\n', '\r\n', '\r'];
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** A generated file: fields with quotes, separators, line breaks, blanks and empty cells. */
function generate(rnd: () => number, trim: boolean): { text: string; delimiter: Delimiter } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const delimiter = pick(DELIMITERS);
  const eol = pick(ENDINGS);
  const width = 1 + Math.floor(rnd() * 4);
  const count = Math.floor(rnd() * 5);
  const pieces = ['a', 'Bakı', '12', '3,5', ' ', '\t', '"', delimiter, '\n', '\r\n', '#', '\u00a0', 'x y', ''];
  const field = (): string => {
    let v = '';
    const n = Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) v += pick(pieces);
    const special = /["\r\n]/.test(v) || v.includes(delimiter) || /^[ \t]|[ \t]$/.test(v) || rnd() < 0.2;
    // Blanks outside the quotes are not part of the field when trimming.
    const pad = () => (trim && rnd() < 0.3 ? pick([' ', '  ', '\t']).replace(delimiter, ' ') : '');
    if (special || (!trim && v.trim() !== v)) return `${pad()}"${v.replaceAll('"', '""')}"${pad()}`;
    return `${pad()}${v}${pad()}`;
  };
  const lines: string[] = [];
  for (let r = 0; r < count; r++) {
    if (rnd() < 0.15) lines.push(trim ? pick(['', ' ', '  ']) : '');
    const w = rnd() < 0.9 ? width : 1 + Math.floor(rnd() * 4);
    lines.push(Array.from({ length: w }, field).join(delimiter));
  }
  let text = lines.join(eol);
  if (rnd() < 0.5) text += eol;
  if (rnd() < 0.2) text = `\ufeff${text}`;
  return { text, delimiter };
}

describe('the CSV reader agrees with csv-parse', () => {
  it('on the degenerate files first: empty, blank lines, a BOM alone, one field, one row, no final line break', () => {
    const cases = [
      '',
      '\n',
      '\r\n\r\n',
      '   \n\t\n',
      '\ufeff',
      '\ufeffa',
      'a',
      'a\n',
      '""',
      '"",""\n',
      ',',
      'a,b',
      'a,b\r\n1,2',
      'a,b\n1,2\n',
      'a,b\r1,2\r',
      '# only a comment line\n',
      '#a,b\n#1,2\n',
      'a,"b ""quoted"" c",d\n',
      'a,"two\nlines",c\n1,2,3\n',
      ' "padded" , x ,\t"y"\t\n',
      'a,b\n1\n',
      'a,b\n1,2,3\n',
    ];
    for (const text of cases)
      for (const trim of [true, false])
        for (const sameWidth of [true, false]) agree(text, { delimiter: ',', trim, sameWidth });
    expect(ours('', { delimiter: ',' })).toEqual({ records: [], lines: [] });
    expect(ours('a,b\n1\n', { delimiter: ',', sameWidth: true })).toBe('refused');
  });

  it('on broken files: both refuse an unclosed quote, text after a closing quote, a quote inside a field', () => {
    for (const text of ['a,"b\n', '"a"b,c\n', 'a"b,c\n', 'a,b\n1,"2\n3,4\n', '"a" x\n'])
      for (const trim of [true, false]) expect(agree(text, { delimiter: ',', trim })).toBe('refused');
  });

  it('on 3,000 generated files (quotes, doubled quotes, separators and line breaks inside quotes, CRLF, CR, BOM, empty cells, blank lines)', () => {
    const rnd = random(24);
    let records = 0,
      refused = 0;
    for (let k = 0; k < 3000; k++) {
      const trim = rnd() < 0.6;
      const { text, delimiter } = generate(rnd, trim);
      const sameWidth = rnd() < 0.5;
      const r = agree(text, { delimiter, trim, sameWidth });
      if (r === 'refused') refused++;
      else records += r.records.length;
    }
    // The files are real work: thousands of records read, and some refused (rows of other widths).
    expect(records).toBeGreaterThan(3000);
    expect(refused).toBeGreaterThan(50);
  });

  it('reads the first line of a record that spans lines, and tells where a row is too wide', () => {
    const r = readCsv('id,note\n1,"two\r\nlines"\n2,x\n', 'f.csv');
    expect(r.records).toEqual([
      ['id', 'note'],
      ['1', 'two\r\nlines'],
      ['2', 'x'],
    ]);
    expect(r.lines).toEqual([1, 2, 4]);
    expect(() => readCsvTable('id,name\n1,a\n2,b,c\n', 'f.csv')).toThrow(
      /^f\.csv:3:5: this row has 3 field\(s\) where the header has 2/,
    );
    expect(() => readCsv('a\n"open\n', 'f.csv')).toThrow(/^f\.csv:2:1: a quote that is never closed/);
  });

  it('keeps the data folder fields as they are and fills short rows (csvObjects)', () => {
    expect(csvObjects('\ufeffid, name\nA, x \nB\n', 'd.csv', { delimiter: ',', trim: false })).toEqual([
      { id: 'A', ' name': ' x ' },
      { id: 'B', ' name': '' },
    ]);
  });

  it('refuses a table longer than its limit before reading on', () => {
    expect(() => readCsv('h\n1\n2\n3\n', 'f.csv', { maxRecords: 3 })).toThrow(
      /^f\.csv: more than 2 rows; split the file/,
    );
  });

  it('under the points reader too: 500 generated point files read as csv-parse + Number() read them', () => {
    const rnd = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    let places = 0;
    for (let k = 0; k < 500; k++) {
      const delimiter = pick(DELIMITERS);
      const eol = pick(ENDINGS);
      const blank = () => pick(['', '', ' ', '  ', delimiter === '\t' ? ' ' : '\t']);
      const cell = (v: string) =>
        rnd() < 0.3 ? `${blank()}"${v.replaceAll('"', '""')}"${blank()}` : `${blank()}${v}${blank()}`;
      // The header unpadded: tabs around its names would outvote the separator it is detected by.
      const lines = [['lat', 'lon', 'population', 'region', 'name'].join(delimiter)];
      for (let r = 0, n = Math.floor(rnd() * 6) + 1; r < n; r++) {
        if (rnd() < 0.1) lines.push(blank());
        const lat = (38 + rnd() * 3).toFixed(Math.floor(rnd() * 7));
        const lon = (45 + rnd() * 5).toFixed(Math.floor(rnd() * 7));
        const people = pick(['0', '12', '1500', '0.5', '73.25']);
        const region = pick(['AZ-GA', 'AZ-BA', '']);
        const name = pick(['Gəncə', 'a "b" c', 'x, y', 'x; y', '']);
        const quotedName =
          /["\n]/.test(name) || name.includes(delimiter) ? `"${name.replaceAll('"', '""')}"` : cell(name);
        lines.push([cell(lat), cell(lon), cell(people), cell(region), quotedName].join(delimiter));
      }
      let text = lines.join(eol) + (rnd() < 0.5 ? eol : '');
      if (rnd() < 0.2) text = `\ufeff${text}`;
      const [, ...rows] = parse(text, { delimiter, bom: true, trim: true, skip_empty_lines: true }) as string[][];
      const got = readPointsCsv(text, 'f.csv', true);
      expect({ text: JSON.stringify(text), count: got.count }).toEqual({
        text: JSON.stringify(text),
        count: rows.length,
      });
      rows.forEach((r, i) => {
        expect([got.lat[i], got.lon[i], got.population[i]]).toEqual([Number(r[0]), Number(r[1]), Number(r[2])]);
        expect(got.region[i]! < 0 ? '' : got.regionCodes[got.region[i]!]).toBe(r[3]);
        expect(got.names![i]).toBe(r[4]);
      });
      places += rows.length;
    }
    expect(places).toBeGreaterThan(1500);
  });
});

// A cell's place is its line and character column (1-based), where its value starts: the opening
// quote, or the first character after blanks. Columns count characters (code points): ə is one,
// and so is 𝑥 (two UTF-16 units); a byte-order mark is none.
describe('cell places: line and character column', () => {
  const placeOf = (text: string, record: number, field: number, o: CsvOptions = {}) =>
    readCsv(text, 'f.csv', o).place(record, field);

  it('counts characters, not UTF-16 units or fields, after quoted cells, a BOM and CRLF', () => {
    const text = '\ufeffname,lat,lon,population\r\n"Ağdam, ə",40.4,49.8,100\r\nə𝑥ə,  40.5 ,49.9, x\r\n';
    expect(placeOf(text, 0, 0)).toEqual({ line: 1, column: 1 });
    expect(placeOf(text, 0, 3)).toEqual({ line: 1, column: 14 });
    expect(placeOf(text, 1, 0)).toEqual({ line: 2, column: 1 });
    expect(placeOf(text, 1, 1)).toEqual({ line: 2, column: 12 });
    expect(placeOf(text, 1, 3)).toEqual({ line: 2, column: 22 });
    // ə𝑥ə is three characters (four UTF-16 units); blanks before a value are not the cell.
    expect(placeOf(text, 2, 1)).toEqual({ line: 3, column: 7 });
    expect(placeOf(text, 2, 2)).toEqual({ line: 3, column: 13 });
    expect(placeOf(text, 2, 3)).toEqual({ line: 3, column: 19 });
  });

  it('places a cell after a quoted field that spans lines on its own line', () => {
    const text = 'id,note,lat\n1,"two\r\nlines",40.1\n2,"a\rb",x\n';
    expect(placeOf(text, 1, 1)).toEqual({ line: 2, column: 3 });
    expect(placeOf(text, 1, 2)).toEqual({ line: 3, column: 8 });
    expect(placeOf(text, 2, 2)).toEqual({ line: 5, column: 4 });
  });

  it('places a field the row lacks where the row ends, and a separator by the header (semicolons, tabs)', () => {
    expect(placeOf('a;b;c\n1;2\n', 1, 2)).toEqual({ line: 2, column: 4 });
    expect(placeOf('a\tb\tc\n1\t\tə\n', 1, 2)).toEqual({ line: 2, column: 4 });
    expect(placeOf('a,b\n1, \n', 1, 1, { trim: false })).toEqual({ line: 2, column: 3 });
  });

  it('on 2,000 generated files, every place is where that cell starts in the text', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const letters = ['a', 'ə', '𝑥', 'Ş', '1', ' ', ',', '"', '\n', '\r\n', 'z'];
    let checked = 0;
    for (let f = 0; f < 2000; f++) {
      const delimiter = rnd() < 0.7 ? ',' : ';';
      const eol = rnd() < 0.5 ? '\n' : '\r\n';
      const width = 1 + Math.floor(rnd() * 4);
      const expected: { record: number; field: number; first: string }[] = [];
      const rows: string[] = [];
      for (let r = 0; r < 1 + rnd() * 5; r++) {
        const cells: string[] = [];
        for (let k = 0; k < width; k++) {
          const value = Array.from({ length: Math.floor(rnd() * 4) }, () => letters[Math.floor(rnd() * 11)]!).join('');
          const quote = /[,;"\r\n ]/.test(value) || rnd() < 0.2;
          const pad = rnd() < 0.2 ? ' ' : '';
          const cell = quote ? `"${value.replace(/"/g, '""')}"` : value;
          if (cell !== '') expected.push({ record: r, field: k, first: cell[0] === '"' ? '"' : Array.from(cell)[0]! });
          cells.push(pad + cell);
        }
        rows.push(cells.join(delimiter));
      }
      const text = (rnd() < 0.2 ? '\ufeff' : '') + rows.join(eol) + eol;
      let parsed: ReturnType<typeof readCsv>;
      try {
        parsed = readCsv(text, 'f.csv', { delimiter });
      } catch {
        continue; // a row of blanks only is no record: the numbering below would be off
      }
      if (parsed.records.length !== rows.length) continue;
      const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
      for (const e of expected) {
        const { line, column } = parsed.place(e.record, e.field);
        expect({ text: JSON.stringify(text), ...e, at: Array.from(lines[line - 1]!)[column - 1] }).toEqual({
          text: JSON.stringify(text),
          ...e,
          at: e.first,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
