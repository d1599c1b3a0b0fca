/**
 * Names from plans and users' files reach Markdown, CSV and GitHub annotations as text: every
 * Markdown format (not only diff) is rendered here with marked (GFM) from a plan whose name, a
 * facility's name and a target label are hostile, and must show them as typed, with no heading,
 * list, link, image, HTML or emphasis of theirs; CSV cells and comment lines never start a
 * formula; annotation properties escape % CR LF : and ,.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { mdCell, mdText } from '../src/render/markdown-text.js';
import { csvComment, csvTable } from '../src/render/table.js';
import { renderDiagnostics } from '../src/render/diagnostics.js';
import { cli, FIXTURES, renderedText } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-escape-'));
const SMALL = readFileSync(join(FIXTURES, 'valid', 'small.yaml'), 'utf8');

const hostile = {
  name: '1. Evil_name_ # Heading @octocat <!-- hide',
  facility: '<img src=x onerror=alert(1)> [link](https://evil.example) **b** `c` _u_ &amp; ~s~',
  label: '- fine\n\n## Pwned www.evil.example <script>alert(1)</script> | cell\n===',
};
const plan = join(DIR, 'hostile.yaml');
writeFileSync(
  plan,
  SMALL.replace('name: Small test network', `name: ${JSON.stringify(hostile.name)}`)
    .replace('name: Goygol branch', `name: ${JSON.stringify(hostile.facility)}`)
    .replace(
      '{ by: 2025, centers: 2, branches: 2 }',
      `{ by: 2025, centers: 2, branches: 2, label: ${JSON.stringify(hostile.label)} }`,
    ),
);

const seen = (html: string) => renderedText(html).replace(/\s+/g, ' ');

describe('every Markdown output shows names as typed', () => {
  const commands: [string, string[], string[]][] = [
    // command, its arguments, the hostile texts it shows
    ['timeline', [], [hostile.name, hostile.label]],
    ['timeline --compare announced', ['--compare', 'announced'], [hostile.name, hostile.label]],
    ['capacity', [], [hostile.name, hostile.facility]],
    ['coverage', [], [hostile.name]],
    ['distances', [], [hostile.name]],
  ];
  for (const [title, args, shown] of commands)
    it(title, () => {
      const r = cli([title.split(' ')[0]!, plan, ...args, '--format', 'md']);
      expect(r.code).toBe(0);
      const html = new Marked({ gfm: true }).parse(r.stdout) as string;
      // Only our own headings (### …) and lists; none made by the names.
      expect(html.match(/<h\d/g) ?? []).toEqual(r.stdout.match(/^###? /gm)?.map(() => '<h3') ?? []);
      expect(html).not.toMatch(/<img|<a |<script|<!--|<em>u<|<strong>b<|<code>c<|<del>|<h2|<ol|<hr/);
      const text = seen(html);
      for (const s of shown) expect(text).toContain(s.replace(/\s+/g, ' '));
      // GitHub's @mention and bare-link finders see no "@octocat", "www." or "https://".
      expect(r.stdout).not.toMatch(/@octocat|www\.|https:\/\//);
    });

  it('mdText: what would start a block at a line start is escaped; numbers and ids are left alone', () => {
    const md = new Marked({ gfm: true });
    for (const s of ['# h', '## h', '- item', '+ item', '1. one', '12) twelve', '===', '---', '    code', '> quote'])
      expect(md.parse(`${mdText(s)}\n`)).toBe(`<p>${s.trim().replace('>', '&gt;')}</p>\n`);
    expect(mdText('-3.5')).toBe('-3.5');
    expect(mdText('2024.5 km')).toBe('2024.5 km');
    expect(mdText('AZ-GA, opens 2024 (10.0 km)')).toBe('AZ-GA, opens 2024 (10.0 km)');
    expect(mdCell('a | b')).toBe('a \\| b');
  });
});

describe('CSV never starts a formula', () => {
  it('cells that start with = + - @ tab or CR get an apostrophe; numbers stay numbers', () => {
    const rows = [
      ['=cmd|"/C calc"!A0', -3],
      ['+1', '-2.5'],
      ['+A1', '-A1'],
      ['@SUM(A1)', '\tx'],
      ['\r=1', 'ok'],
    ];
    expect(csvTable(['name', 'n'], rows)).toBe(
      `name,n\n"'=cmd|""/C calc""!A0",-3\n+1,-2.5\n'+A1,'-A1\n'@SUM(A1),'\tx\n"'\r=1",ok`,
    );
  });

  it('a comment line split at its commas by a spreadsheet: no piece starts a formula', () => {
    expect(csvComment('plan: x,=HYPERLINK("http://e","c"),+1,"=2')).toBe(
      `# plan: x,'=HYPERLINK("http://e",'"c"),'+1,'"=2`,
    );
    const named = join(DIR, 'formula.yaml');
    writeFileSync(named, SMALL.replace('name: Small test network', 'name: "x,=1+1,@SUM(A1)"'));
    const r = cli(['coverage', named, '--format', 'csv']);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n'))
      for (const piece of line.split(',').slice(1)) expect(piece).not.toMatch(/^[=+@]/);
    expect(r.stdout).toContain("# plan: x,'=1+1,'@SUM(A1)");
  });
});

describe('GitHub annotations', () => {
  it('escape % CR LF in the message and also : and , in the file and title', () => {
    const out = renderDiagnostics(
      [
        {
          file: 'a,b:c%d\re\nf.yaml',
          line: 3,
          column: 5,
          severity: 'error',
          code: 'x:y,z',
          message: '50% done\r\n::error::forged, a:b',
        },
      ],
      1,
      'github',
      { red: String, yellow: String, green: String, dim: String, bold: String } as never,
      0,
      {},
    );
    expect(out).toBe(
      '::error file=a%2Cb%3Ac%25d%0De%0Af.yaml,line=3,col=5,title=x%3Ay%2Cz::50%25 done%0D%0A::error::forged, a:b\n',
    );
  });
});
