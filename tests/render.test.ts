import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/render/progress.js';
import { styleFor } from '../src/render/style.js';
import { csvTable, markdownTable } from '../src/render/table.js';

const fakeStream = (isTTY: boolean) => {
  const out = {
    text: '',
    isTTY,
    columns: 80,
    write(s: string) {
      out.text += s;
      return true;
    },
  };
  return out;
};

describe('terminal conventions', () => {
  it('draws a progress bar only on a terminal', () => {
    const tty = fakeStream(true);
    const p = progressBar('timeline', 4, tty as unknown as NodeJS.WriteStream);
    p.tick('2021');
    p.tick('2022');
    expect(tty.text).toContain('timeline [############............] 2/4 2022');
    p.done();
    const pipe = fakeStream(false);
    progressBar('timeline', 4, pipe as unknown as NodeJS.WriteStream).tick();
    expect(pipe.text).toBe('');
  });
  it('draws on a terminal that reports 0 columns (a pty without a size) as if it had 80', () => {
    // Before: ' '.repeat(-1) in done() threw, and explore exited 70 (internal error) before its first screen.
    const tty = fakeStream(true);
    tty.columns = 0;
    const p = progressBar('explore', 4, tty as unknown as NodeJS.WriteStream);
    p.tick('2021');
    expect(() => p.done()).not.toThrow();
    expect(tty.text).toContain('explore [######..................] 1/4 2021');
    expect(tty.text.endsWith(`\r${' '.repeat(70)}\r`)).toBe(true);
  });
  it('colors only on a TTY and never with NO_COLOR', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    expect(styleFor(tty, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(styleFor(tty, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(styleFor({ isTTY: false } as NodeJS.WriteStream, {}).red('x')).toBe('x');
  });
  it('quotes CSV fields per RFC 4180 and escapes Markdown pipes', () => {
    expect(csvTable(['a', 'b'], [['x,y', 'say "hi"']])).toBe('a,b\n"x,y","say ""hi"""');
    expect(markdownTable([{ header: 'a' }], [['x|y']])).toContain('x\\|y');
  });
});

describe('CSV records (RFC 4180)', () => {
  it('reads what the CSV writer writes: quotes, doubled quotes, commas and newlines in fields, CRLF', async () => {
    const { csvObjects, DATA_CSV, readCsv } = await import('../src/load/csv-reader.js');
    const rows = [
      ['name', 'note'],
      ['Şəki, city', 'say "hi"'],
      ['two\nlines', ''],
      ['plain', 'x'],
    ];
    const text = csvTable(rows[0]!, rows.slice(1));
    expect(readCsv(text, 'f.csv', DATA_CSV).records).toEqual(rows);
    expect(readCsv(`${text.replace(/\n(?!lines)/g, '\r\n')}\r\n`, 'f.csv', DATA_CSV).records).toEqual(rows);
    expect(csvObjects('\uFEFFa,b\n1,2\n\n3\n', 'f.csv', DATA_CSV)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '' },
    ]);
    expect(() => readCsv('a\n"open', 'f.csv', DATA_CSV)).toThrow(/f\.csv:2:1: a quote that is never closed/);
  });
});
