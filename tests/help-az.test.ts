/**
 * `dostplan --help --lang az` (issue 27): the command list, dostplan's description and its global
 * options in Azerbaijani, and commander's own words around them (titles, --help and --version,
 * "(default: …)"); without --lang the help commander always wrote (tests/golden pins it). A
 * command's own options keep their English descriptions for now: only the words around them change.
 */
import { describe, expect, it } from 'vitest';
import { englishLeft } from './english-words.js';
import { cli } from './helpers.js';

/** The help without what is syntax or a name: usage lines, flags, <values>, command names. */
function prose(help: string): string {
  return help
    .replace(/^İstifadə: .*$/gm, ' ')
    .replace(/(?<![\w-])--?[a-zA-Z][\w-]*/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/^ {2}[a-z]+ /gm, ' ');
}

describe('--help in Azerbaijani', () => {
  it('lists the commands and the global options in Azerbaijani, no English sentence left', () => {
    const r = cli(['--help', '--lang', 'az']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('İstifadə: dostplan [options] [command]');
    const framing = [
      'Parametrlər:',
      'Əmrlər:',
      '  -h, --help                     əmr üzrə kömək göstərir',
      '  -V, --version                  versiya nömrəsini göstərir',
      '  help [command]                 əmr üzrə kömək göstərir',
    ];
    expect(framing.filter((line) => !lines.includes(line))).toEqual([]);
    expect(r.stdout).toContain('(mümkün\n                                 dəyərlər: "en", "az")');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'coverage [options] [plan] seçilmiş ildə xidmətlə əhatə olunan əhalinin payı, məsafəyə və/və ya xidmət ərazisinə görə',
    );
    expect(englishLeft(prose(r.stdout))).toEqual([]);
  });

  it("frames a command's help in Azerbaijani: its summary, the titles, commander's defaults", () => {
    const r = cli(['coverage', '--help', '--lang', 'az']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('İstifadə: dostplan coverage [options] [plan]');
    expect(lines).toContain('Arqumentlər:');
    expect(r.stdout).toContain('(susmaya görə: "any")');
    expect(r.stdout).not.toMatch(/^(Usage|Options|Arguments):/m);
    expect(r.stdout).not.toContain('default: "any"');
  });

  it('keeps the English help as commander writes it', () => {
    const r = cli(['coverage', '--help']);
    expect(r.stdout.split('\n')[0]).toBe('Usage: dostplan coverage [options] [plan]');
    expect(r.stdout).toContain('(default: "any")');
    expect(r.stdout).toContain('display help for command');
  });
});
