/**
 * Excel workbooks wherever a CSV is accepted (load/table/xlsx-table.ts over load/zip.ts), on
 * workbooks made here (tests/xlsx-writer.ts): the chosen sheet, numbers kept as numbers, text
 * read as the CSV reader reads it, positions as sheet/row/column, and the zip-bomb caps.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { embedded } from '../src/load/dataset-loader.js';
import { loadPointColumns } from '../src/load/population-file.js';
import { RunContext } from '../src/run/run-context.js';
import { columnName, readXlsxTable } from '../src/load/table/xlsx-table.js';
import { ZipArchive } from '../src/load/zip.js';
import { cli } from './helpers.js';
import { xlsx, zip } from './xlsx-writer.js';

const run = new RunContext();
const country = embedded();
const DIR = mkdtempSync(join(tmpdir(), 'dostplan-xlsx-'));
const save = (name: string, bytes: Buffer) => {
  const p = join(DIR, name);
  writeFileSync(p, bytes);
  return p;
};

// Two sheets: notes first, the points second (from row 3: a title row and a blank row above).
const book = xlsx([
  { name: 'Notes', rows: [['Population by settlement, 2024'], ['Source: a survey']] },
  {
    name: 'Points',
    firstRow: 3,
    rows: [
      ['Y', 'X', 'People', 'Code', 'Settlement'],
      [40.6828, 46.3606, 1200, 'AZ-GA', 'Gəncə'],
      ['40,9925', '45,6284', { formula: 'B1*2', value: 300 }, 'AZ-TOV', { inline: 'Tovuz' }],
      [38.7543, 48.8506, '1.450', 'AZ-LAN', 'Lənkəran'],
    ],
  },
]);
const bookPath = save('survey.xlsx', book);
const MAP = { lat: 'Y', lon: 'X', population: 'People', region: 'Code', name: 'Settlement' };

describe('reading a sheet', () => {
  it('the first sheet by default; a named one with --sheet; rows keep their sheet numbers', () => {
    const first = readXlsxTable(book, 'b.xlsx');
    expect(first.header).toEqual(['Population by settlement, 2024']);
    const t = readXlsxTable(book, 'b.xlsx', 'Points');
    expect(t.header).toEqual(['Y', 'X', 'People', 'Code', 'Settlement']);
    expect(t.rows[0]).toEqual([40.6828, 46.3606, 1200, 'AZ-GA', 'Gəncə']);
    expect(t.rows[1]).toEqual(['40,9925', '45,6284', 300, 'AZ-TOV', 'Tovuz']);
    expect(t.headerAt).toBe("b.xlsx: sheet 'Points', row 3");
    expect(t.where(2, 2)).toBe("b.xlsx: sheet 'Points', row 6, column C");
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
  });

  it('points from the sheet: 1200 + 300 + 1450 = 2,950 people (text 1.450 settled by the decimal commas)', () => {
    const c = loadPointColumns(run, bookPath, country.regions, { population: true, sheet: 'Points', columns: MAP });
    expect([...c.population]).toEqual([1200, 300, 1450]);
    expect([...c.lat]).toEqual([40.6828, 40.9925, 38.7543]);
    expect(Array.from(c.unit, (u) => c.units[u])).toEqual(['AZ-GA', 'AZ-TOV', 'AZ-LAN']);
    expect(c.names).toEqual(['Gəncə', 'Tovuz', 'Lənkəran']);
  });

  it('through --population and --sheet: 2,950 people; the same as the CSV of the same rows', () => {
    const r = cli([
      'coverage',
      '--population',
      bookPath,
      '--sheet',
      'Points',
      '--columns',
      'lat=Y,lon=X,population=People,region=Code',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).population).toBe(2950);
    expect(r.stderr).toContain('(Excel workbook)');
  });

  it('H3 cells in a sheet', () => {
    const p = save(
      'h3.xlsx',
      xlsx([
        {
          name: 'Kontur',
          rows: [
            ['h3', 'population'],
            ['882c0c4d95fffff', 40],
            ['882c0cc00dfffff', 2],
          ],
        },
      ]),
    );
    const r = cli(['coverage', '--population', p, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).population).toBe(42);
  });
});

describe('bad workbooks: exit 1 or 2, a position, what to do, no stack trace', () => {
  const run = (p: string, ...more: string[]) => cli(['coverage', '--population', p, ...more]);

  it('a sheet that is not there: its sheets listed, exit 2', () => {
    const r = run(bookPath, '--sheet', 'Pointz');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no sheet named 'Pointz'; its sheets are 'Notes', 'Points'");
  });

  it('a bad cell at sheet, row and column, its value not echoed', () => {
    const p = save(
      'bad.xlsx',
      xlsx([
        {
          name: 'S',
          rows: [
            ['lat', 'lon', 'population'],
            [40.6, 46.3, 5],
            [40.6, 'east', 7],
          ],
        },
      ]),
    );
    const r = run(p);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${p}: sheet 'S', row 3, column B: lon must be a number within ±180`);
    expect(r.stderr).not.toContain('east');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a missing column: the sheet's columns and the likely mapping", () => {
    const r = run(bookPath, '--sheet', 'Points');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "sheet 'Points', row 3: missing column 'lat', missing column 'lon', missing column 'population'; the file's columns are Y, X, People, Code, Settlement; if that is Y for lat, X for lon, People for population, add --columns lat=Y,lon=X,population=People",
    );
  });

  it('a truncated workbook, and a ZIP that is no workbook', () => {
    const cut = run(save('cut.xlsx', book.subarray(0, book.length - 30)));
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/not a ZIP archive|damaged/);
    const other = run(save('other.xlsx', zip([['readme.txt', Buffer.from('hello')]])));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'other.xlsx: a ZIP archive that is not an Excel workbook, not a table dostplan reads; unpack it',
    );
    for (const r of [cut, other]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // Files of another kind, named by what they are (load/table/file-kind.ts), exit 2 wherever a
  // table is read: population points, H3 CSV, candidate sites and `import`.
  it('an .xls, an .ods, a .docx, a PDF or an image: what it is and how to save it, exit 2', () => {
    const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('=cmd|x')]);
    const ods = zip([
      ['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')],
      ['content.xml', Buffer.from('<office:document-content/>')],
    ]);
    const docx = zip([['word/document.xml', Buffer.from('<w:document/>')]]);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const cases: [string, Buffer, string, string][] = [
      [
        'list.xls',
        ole2,
        'an old-format Office file (Excel 97–2003 .xls, or .doc)',
        'save it as Excel Workbook (.xlsx)',
      ],
      ['list.ods', ods, 'an OpenDocument spreadsheet (.ods)', 'LibreOffice: File › Save As'],
      ['list.docx', docx, 'a Word document (.docx)', 'export the table'],
      ['list.pdf', pdf, 'a PDF document', 'export the table'],
      ['list.csv', png, 'a PNG image', 'export the table'],
    ];
    for (const [name, bytes, kind, fix] of cases) {
      const p = save(name, bytes);
      for (const args of [
        ['coverage', '--population', p],
        ['optimize', '--candidates', p, '-k', '1'],
        ['import', p],
      ]) {
        const r = cli(args);
        expect(r.code, `${args[0]} ${name}`).toBe(2);
        expect(r.stderr).toContain(`${p}: ${kind}, not a table dostplan reads; `);
        expect(r.stderr).toContain(fix);
        expect(r.stderr).not.toMatch(/\n\s+at |cmd|Catalog|NUL/);
      }
    }
  });

  it('a zip bomb stops at the cap, also when the directory lies about the size', () => {
    const big = Buffer.alloc(64 * 1024, 0x41);
    const bomb = zip([['xl/workbook.xml', big]]);
    expect(bomb.length).toBeLessThan(1024);
    expect(() => new ZipArchive(bomb, 'b.xlsx', 10_000).read('xl/workbook.xml')).toThrow(
      'b.xlsx: unpacks to more than 10000 bytes; is this the right file?',
    );
    // The directory says 10 bytes; zlib's cap holds anyway.
    const lying = Buffer.from(bomb);
    const dir = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, dir + 24);
    expect(() => new ZipArchive(lying, 'b.xlsx', 10_000).read('xl/workbook.xml')).toThrow(/unpacks to more than/);
    // Within the cap the same entry reads whole.
    expect(new ZipArchive(bomb, 'b.xlsx').read('xl/workbook.xml').length).toBe(big.length);
    expect(deflateRawSync(big).length).toBeLessThan(1024);
  });
});
