/**
 * --help in Azerbaijani (issue 27): `dostplan --help --lang az` and every command's own help —
 * its usage line, summary, arguments and options, with commander's words around them (titles,
 * `[options]`, --help and --version, "(default: …)") — leave no English sentence behind, keep
 * commander's 80 columns, and list the same flags, arguments and values as the English help.
 * Without --lang the help is the one commander always wrote (tests/golden pins `dostplan --help`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { helpAz } from '../src/model/messages/help-az.js';
import { helpEn } from '../src/model/messages/help-en.js';
import { englishLeft } from './english-words.js';
import { cli } from './helpers.js';

/** The commands `dostplan --help` lists (every one, so a new command is checked too). */
function commandsListed(help: string): string[] {
  const list = help.slice(help.indexOf('\nCommands:\n'));
  return [...list.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

interface Item {
  term: string;
  text: string;
}

/**
 * A help's sections (Arguments, Options…), each a list of items: the term (flags, an argument's
 * name) and its description with commander's wrapping undone.
 */
function sections(help: string): Item[][] {
  const found: Item[][] = [];
  for (const line of help.split('\n')) {
    if (/^\S.*:$/.test(line)) found.push([]);
    const section = found.at(-1);
    const item = /^ {2}(\S(?:\S| (?! ))*)(?: {2,}(.*))?$/.exec(line);
    if (section && item) section.push({ term: item[1]!, text: item[2] ?? '' });
    else if (section?.length && /^ {3,}\S/.test(line)) section.at(-1)!.text += ` ${line.trim()}`;
  }
  return found;
}

/** A value of a list of choices: `a | b (what b means) | c`. */
const CHOICE = /[\w+.-]+(?= \([^()]*\) \|| \|)|(?<=\| )[\w+.-]+/g;

/** The values a description names as the command line takes them: `a | b (…) | c`, commander's "quoted" ones. */
function valuesNamed(text: string): string[] {
  const around = text.match(CHOICE) ?? [];
  const quoted = text.match(/"[^"]*"/g) ?? [];
  return [...new Set([...around, ...quoted])].sort();
}

/** What a person reads as prose in a help: the descriptions, without flags, `<values>` and the values named. */
function prose(help: string): string {
  const texts = sections(help).flatMap((items) => items.map((i) => i.text));
  const description = help.split('\n\n')[1] ?? '';
  return [description, ...texts]
    .join('\n')
    .replace(CHOICE, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/(?<![\w-])--?[a-zA-Z][\w-]*/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}

const width = (line: string) => [...line].length;

const help: Record<string, { en: string; az: string; azByHelpCommand: string }> = {};
let commands: string[] = [];

beforeAll(() => {
  commands = commandsListed(cli(['--help']).stdout);
  for (const name of commands) {
    help[name] = {
      en: cli([name, '--help']).stdout,
      az: cli([name, '--help', '--lang', 'az']).stdout,
      azByHelpCommand: cli(['help', name, '--lang', 'az']).stdout,
    };
  }
}, 240_000);

describe("every command's --help in Azerbaijani", () => {
  it('finds the 15 commands in the command list', () => {
    expect(commands).toEqual([
      'validate',
      'coverage',
      'distances',
      'timeline',
      'capacity',
      'diff',
      'explore',
      'optimize',
      'report',
      'surface',
      'gaps',
      'import',
      'serve',
      'schema',
      'regions',
    ]);
  });

  it('leaves no English word in any description, and no commander word in English', () => {
    const leaks = Object.fromEntries(commands.map((name) => [name, englishLeft(prose(help[name]!.az))]));
    expect(leaks).toEqual(Object.fromEntries(commands.map((name) => [name, []])));
    for (const name of commands) {
      const az = help[name]!.az;
      expect(az.split('\n')[0]).toMatch(new RegExp(`^İstifadə: dostplan ${name} \\[parametrlər\\]( |$)`));
      expect(az).not.toMatch(/\[options\]|\(default|default:|choices:|^(Usage|Options|Arguments):/m);
    }
  });

  it('the check finds English: a description left in English is caught', () => {
    const leaked = help.coverage!.az.replace(
      'il (susmaya görə: planın son ili)',
      "year (default: the plan's last year)",
    );
    expect(englishLeft(prose(leaked)).join(' ')).toContain('year');
    expect(englishLeft(prose(help.coverage!.en)).length).toBeGreaterThan(10);
  });

  it('keeps within 80 columns, wrapped as commander wraps it (English too)', () => {
    for (const name of commands) {
      for (const text of [help[name]!.az, help[name]!.en]) {
        expect(text.split('\n').filter((line) => width(line) > 80)).toEqual([]);
      }
    }
    // commander wrapped the descriptions, not we: a long one continues under its column.
    expect(help.optimize!.az).toMatch(/^ {2}--model <model> +mclp \(maksimal əhatə\) \| pmedian/m);
    expect(help.optimize!.az).toMatch(/^ {33}setcover \(tam əhatə\)/m);
  });

  it('lists the same arguments and options, in the same order, as the English help', () => {
    for (const name of commands) {
      const [en, az] = [sections(help[name]!.en), sections(help[name]!.az)];
      expect(az.map((items) => items.map((i) => i.term))).toEqual(en.map((items) => items.map((i) => i.term)));
      expect(az.flat().every((item) => item.text.length > 0)).toBe(true);
    }
    const coverage = sections(help.coverage!.az).flat();
    expect(coverage.map((i) => i.term)).toContain('--covered-by <rule>');
    expect(coverage.length).toBeGreaterThan(20);
  });

  it('names the same values as the English help: choices, defaults, formats', () => {
    for (const name of commands) {
      const [en, az] = [sections(help[name]!.en).flat(), sections(help[name]!.az).flat()];
      const values = (items: Item[]) => items.map((i) => `${i.term}: ${valuesNamed(i.text).join(' ')}`);
      expect(values(az)).toEqual(values(en));
    }
    const coveredBy = sections(help.coverage!.az)
      .flat()
      .find((i) => i.term === '--covered-by <rule>')!;
    expect(valuesNamed(coveredBy.text)).toEqual(['"distance"', 'assignment', 'both', 'distance']);
  });

  it("uses every help message of help-en.ts / help-az.ts in some command's help (none left over)", () => {
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const [en, az] = [
      commands.map((c) => flat(help[c]!.en)).join('\n'),
      commands.map((c) => flat(help[c]!.az)).join('\n'),
    ];
    // A message is found by its words up to its first placeholder (those are filled in).
    const unused = (messages: Record<string, string>, text: string) =>
      Object.entries(messages)
        .filter(([key]) => !key.startsWith('help.layout.'))
        .filter(([, message]) => !text.includes(flat(message.split('{')[0]!)))
        .map(([key]) => key);
    expect(unused(helpEn, en)).toEqual([]);
    expect(unused(helpAz, az)).toEqual([]);
  });

  it('gives the same help through `dostplan help CMD --lang az`', () => {
    for (const name of commands) expect(help[name]!.azByHelpCommand).toBe(help[name]!.az);
  });

  it('writes what a planner reads for coverage in Azerbaijani', () => {
    const lines = help.coverage!.az.split('\n');
    expect(lines[0]).toBe('İstifadə: dostplan coverage [parametrlər] [plan]');
    expect(lines).toContain('Arqumentlər:');
    expect(lines).toContain('  plan                         plan faylı (susmaya görə: daxili DOST planı)');
    expect(lines).toContain('  -y, --year <year>            il (susmaya görə: planın son ili)');
    expect(help.coverage!.az).toContain('(susmaya görə: "any")');
    const said = (name: string, term: string, lang: 'en' | 'az' = 'az') =>
      sections(help[name]![lang])
        .flat()
        .find((i) => i.term === term)?.text;
    // The plan's own default, then commander's; a number written with the decimal comma.
    expect(said('surface', '--cell-km <km>')).toBe('şəbəkə xanasının ölçüsü, 0,1–10 km (susmaya görə: 1)');
    expect(said('surface', '--cell-km <km>', 'en')).toBe('grid cell size, 0.1 to 10 km (default 1) (default: 1)');
    expect(said('regions', '-o, --out <file>')).toBe('nəticəni standart çıxış yerinə fayla yazır (atomar şəkildə)');
    expect(said('capacity', '--basis <rule>')).toBe('--catchment parametrinin əvvəlki adı');
  });
});

describe('--help in Azerbaijani: the command list and help shown on an error', () => {
  it('lists the commands and the global options in Azerbaijani, no English sentence left', () => {
    const r = cli(['--help', '--lang', 'az']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('İstifadə: dostplan [parametrlər] [əmr]');
    const framing = [
      'Parametrlər:',
      'Əmrlər:',
      '  -h, --help                         əmr üzrə kömək göstərir',
      '  -V, --version                      versiya nömrəsini göstərir',
      '  help [əmr]                         əmr üzrə kömək göstərir',
    ];
    expect(framing.filter((line) => !lines.includes(line))).toEqual([]);
    expect(r.stdout).toContain('(mümkün dəyərlər: "en", "az")');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'coverage [parametrlər] [plan] seçilmiş ildə xidmətlə əhatə olunan əhalinin payı, məsafəyə və/və ya xidmət ərazisinə görə',
    );
    expect(englishLeft(prose(r.stdout))).toEqual([]);
    expect(r.stdout.split('\n').filter((line) => width(line) > 80)).toEqual([]);
  });

  it('shows the same Azerbaijani help when no command is given (on stderr, a usage error)', () => {
    const r = cli(['--lang', 'az']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(cli(['--help', '--lang', 'az']).stdout);
  });

  it('says a missing argument in Azerbaijani, pointing to the help, with no English around it', () => {
    const r = cli(['import', '--lang', 'az']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("xəta: tələb olunan 'list' arqumenti verilməyib\n(istifadə qaydası üçün: dostplan --help)\n");
    const en = cli(['import']);
    expect(en.stderr).toBe("error: missing required argument 'list'\n(run dostplan --help for usage)\n");
  });

  it('takes --lang before the command and as --lang=az', () => {
    const az = help.coverage!.az;
    expect(cli(['--lang', 'az', 'coverage', '--help']).stdout).toBe(az);
    expect(cli(['coverage', '--lang=az', '--help']).stdout).toBe(az);
  });

  it('keeps the English help as commander writes it', () => {
    const en = help.coverage!.en;
    expect(en.split('\n')[0]).toBe('Usage: dostplan coverage [options] [plan]');
    expect(en).toContain('(default: "any")');
    expect(en).toContain('display help for command');
    expect(en).toContain("  -y, --year <year>            year (default: the plan's last year)");
    expect(cli(['help', 'coverage']).stdout).toBe(en);
  });
});
