/**
 * The refusals of the commands, renderers and analyses, and commander's own errors, in the run's
 * language (issue 27): under --lang az each bad command line below is refused in Azerbaijani with
 * the same exit code, and without --lang it prints, to the byte, the English it printed before
 * (the texts here were taken from main before the change). The English-word heuristic of
 * tests/language.test.ts finds no English sentence left in an Azerbaijani refusal.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { gridOver } from '../src/analysis/surface-grid.js';
import { commanderText, languageAsked } from '../src/cli/commander-text.js';
import { UserError } from '../src/errors.js';
import { Locale } from '../src/model/locale.js';
import { said } from '../src/model/said.js';
// From dist/: vitest does not transform the .cts module main.ts imports (npm test builds first).
import { main } from '../dist/cli/main.js';
import { RunContext } from '../dist/run/run-context.js';
import { englishLeft } from './english-words.js';
import { cli, FIXTURES } from './helpers.js';

const B = join(FIXTURES, 'budget');
const HELP_EN = '(run dostplan --help for usage)\n';
const HELP_AZ = '(istifadə qaydası üçün: dostplan --help)\n';

interface Case {
  args: string[];
  code: number;
  en: string;
  az: string;
  /** The run reads a population file first, and says so (the population summary before the refusal, in the run's language too). */
  notes?: true;
  /** The user's words the refusal quotes besides the command line's (a name in a file). */
  values?: string[];
}

/** Commander's refusal of a flag's value, in English and in Azerbaijani. */
const badValue = (args: string[], flag: string, value: string, en: string, az: string): Case => ({
  args,
  code: 2,
  en: `error: option '${flag}' argument '${value}' is invalid. ${en}\n${HELP_EN}`,
  az: `xəta: '${flag}' parametrinin '${value}' dəyəri yanlışdır: ${az}\n${HELP_AZ}`,
});

const budget = ['--population', join(B, 'population.csv')];

/** A refusal of ours: one message line, `dostplan: ` first. */
const refused = (args: string[], code: number, en: string, az: string): Case => ({
  args,
  code,
  en: `dostplan: ${en}\n`,
  az: `dostplan: ${az}\n`,
});

/** timeline with a --delay it cannot apply. */
const delay = (spec: string, en: string, az: string) =>
  refused(['timeline', '--delay', spec], 2, `--delay ${spec}: ${en}`, `--delay ${spec}: ${az}`);

/** coverage of the fixture plan written with --out to a place that cannot take it. */
const outTo = (target: string, en: string, az: string) =>
  refused(['coverage', 'plan.yaml', '--out', target], 2, en, az);

const CASES: Case[] = [
  // commander's own errors
  {
    args: ['coverage', '--fromat', 'text'],
    code: 2,
    en: `error: unknown option '--fromat'\n(Did you mean --format?)\n${HELP_EN}`,
    az: `xəta: naməlum parametr '--fromat'\n(Bəlkə --format nəzərdə tutulub?)\n${HELP_AZ}`,
  },
  {
    args: ['covrage'],
    code: 2,
    en: `error: unknown command 'covrage'\n(Did you mean coverage?)\n${HELP_EN}`,
    az: `xəta: naməlum əmr 'covrage'\n(Bəlkə coverage nəzərdə tutulub?)\n${HELP_AZ}`,
  },
  {
    args: ['coverage', '--out'],
    code: 2,
    en: `error: option '-o, --out <file>' argument missing\n${HELP_EN}`,
    az: `xəta: '-o, --out <file>' parametrinin dəyəri verilməyib\n${HELP_AZ}`,
  },
  {
    args: ['import'],
    code: 2,
    en: `error: missing required argument 'list'\n${HELP_EN}`,
    az: `xəta: tələb olunan 'list' arqumenti verilməyib\n${HELP_AZ}`,
  },
  {
    args: ['coverage', 'a', 'b'],
    code: 2,
    en: `error: too many arguments for 'coverage'. Expected 1 argument but got 2.\n${HELP_EN}`,
    az: `xəta: 'coverage' üçün arqument çoxdur: 1 arqument gözlənilir, 2 verilib.\n${HELP_AZ}`,
  },
  badValue(
    ['coverage', '--lang', 'xx'],
    '--lang <lang>',
    'xx',
    'Allowed choices are en, az.',
    'mümkün dəyərlər: en, az.',
  ),
  // a flag's value refused by our parsers
  badValue(
    ['coverage', '--format', 'bogus'],
    '-f, --format <format>',
    'bogus',
    'expected one of text, json, csv, md, geojson, xlsx',
    'bunlardan biri gözlənilir: text, json, csv, md, geojson, xlsx',
  ),
  badValue(
    ['coverage', '--year', '3000'],
    '-y, --year <year>',
    '3000',
    'expected a year from 1900 to 2100, such as 2025',
    '1900 ilə 2100 arasında il gözlənilir, məsələn, 2025',
  ),
  badValue(['optimize', '-k', '0'], '-k, --sites <k>', '0', 'expected a whole number ≥ 1', 'tam ədəd gözlənilir (≥ 1)'),
  badValue(
    ['surface', '--cell-km', '50'],
    '--cell-km <km>',
    '50',
    'expected a number from 0.1 to 10',
    '0,1 ilə 10 arasında ədəd gözlənilir',
  ),
  badValue(
    ['coverage', '--within-km', '0'],
    '--within-km <km>',
    '0',
    'expected a number above 0 and at most 2000',
    '0 ilə 2000 arasında ədəd gözlənilir (0 daxil deyil, 2000 daxildir)',
  ),
  badValue(
    ['import', 'dup.csv', '--as-of', '2025-13-01'],
    '--as-of <date>',
    '2025-13-01',
    'expected a day as YYYY-MM-DD',
    'gün YYYY-MM-DD şəklində gözlənilir',
  ),
  badValue(
    ['optimize', '--budget-years', '101'],
    '--budget-years <n>',
    '101',
    'expected a whole number of years from 0 to 100',
    '0 ilə 100 arasında tam illər sayı gözlənilir',
  ),
  badValue(
    ['surface', '--bands', '60,30'],
    '--bands <minutes>',
    '60,30',
    'expected up to 12 ascending minutes from 1 to 1440, separated by commas, such as 15,30,60',
    'vergüllə ayrılmış, artan sıra ilə ən çoxu 12 dəqiqə həddi gözlənilir, hər biri 1 ilə 1440 arasında, məsələn, 15,30,60',
  ),
  badValue(
    ['serve', '--port', '70000'],
    '-p, --port <port>',
    '70000',
    'expected a port from 0 (any free port) to 65535',
    '0 (istənilən boş port) ilə 65535 arasında port nömrəsi gözlənilir',
  ),
  // flags that do not go together
  refused(
    ['coverage', '--bom'],
    2,
    '--bom goes with --format csv (Excel reads UTF-8 CSV right only with it)',
    '--bom yalnız --format csv ilə işlədilir (Excel UTF-8 CSV faylını yalnız onunla düz oxuyur)',
  ),
  refused(
    ['surface', '--per-facility'],
    2,
    '--per-facility and --catchments are GeoJSON outputs: add --format geojson',
    '--per-facility və --catchments GeoJSON nəticələridir: --format geojson əlavə edin',
  ),
  refused(
    ['surface', '--per-facility', '--catchments', '--format', 'geojson'],
    2,
    'choose one of --per-facility and --catchments',
    '--per-facility və --catchments parametrlərindən yalnız birini seçin',
  ),
  refused(
    ['serve', '--out', 'x'],
    2,
    'serve writes no result file: save from the page (a scenario, or the plan)',
    'dostplan serve nəticə faylı yazmır: ssenarini və ya planı səhifədən saxlayın',
  ),
  refused(
    ['serve', '--host', '0.0.0.0'],
    2,
    '--host 0.0.0.0: dostplan serve listens on loopback only (127.0.0.1, ::1, localhost); ' +
      'the plan and its folder must not be reachable from the network',
    '--host 0.0.0.0: dostplan serve yalnız lokal ünvanda (127.0.0.1, ::1, localhost) işləyir; ' +
      'plan və onun qovluğu şəbəkədən əlçatan olmamalıdır',
  ),
  {
    args: ['optimize', join(B, 'plan.yaml'), ...budget, '--budget-azn-per-year', '1000'],
    code: 2,
    notes: true,
    en: 'dostplan: --budget-azn-per-year works with --model order; for sites, use --budget-azn\n',
    az: 'dostplan: --budget-azn-per-year yalnız `--model order` ilə işlədilir; yerlər üçün --budget-azn yazın\n',
  },
  {
    args: ['optimize', join(B, 'plan.yaml'), ...budget, '--candidates', join(B, 'candidates.csv')].concat([
      '--budget-azn',
      '10000000',
      '--model',
      'pmedian',
    ]),
    code: 2,
    notes: true,
    en: 'dostplan: --budget-azn works with --model mclp (and order: --budget-azn-per-year), not pmedian\n',
    az: 'dostplan: --budget-azn yalnız --model mclp ilə işlədilir (`order` üçün: --budget-azn-per-year), pmedian ilə yox\n',
  },
  // what the run was asked to do and cannot
  delay('GAN+6', 'expected ID=+Nm or ID=+Ny (e.g. GAN=+6m)', 'ID=+Nm və ya ID=+Ny şəklində yazın (məsələn, GAN=+6m)'),
  delay('GAN=+300y', 'at most 200 years either way', 'hər iki istiqamətdə ən çoxu 200 il'),
  delay(
    'GANX=+6m',
    "no facility with id 'GANX'; did you mean 'GAN'?",
    "'GANX' id-li xidmət obyekti yoxdur; bəlkə 'GAN' nəzərdə tutulub?",
  ),
  delay('QQQQQQQ=+6m', "no facility with id 'QQQQQQQ'", "'QQQQQQQ' id-li xidmət obyekti yoxdur"),
  {
    args: ['optimize', join(B, 'plan.yaml'), ...budget, '--candidates', 'nocost.csv', '--budget-azn', '10000000'],
    code: 1,
    notes: true,
    values: ['s1 at P1'],
    en:
      'dostplan: nocost.csv:3:24: s1 at P1 has no build_cost; --budget-azn needs one for every candidate ' +
      '(add a build_cost column in manat, or leave the site out)\n',
    az:
      'dostplan: nocost.csv:3:24: s1 at P1 üçün `build_cost` yoxdur; --budget-azn hər namizəd yer üçün onu tələb edir ' +
      '(manatla `build_cost` sütunu əlavə edin və ya bu yeri çıxarın)\n',
  },
  {
    args: ['optimize', 'order.yaml', ...budget, '--model', 'order', '--budget-azn-per-year', '5e6'],
    code: 1,
    notes: true,
    en:
      'dostplan: D has no build_cost; --budget-azn-per-year needs one for every facility not open at the end of 2024 ' +
      '(add build_cost: in manat to the plan, or to a scenario over it)\n',
    az:
      'dostplan: D üçün `build_cost` yoxdur; --budget-azn-per-year 31 dekabr 2024 tarixinə fəaliyyətdə olmayan hər ' +
      'xidmət obyekti üçün onu tələb edir (manatla `build_cost:` dəyərini plana və ya onun üzərində qurulan ' +
      'ssenariyə əlavə edin)\n',
  },
  refused(
    ['import', 'dup.csv'],
    1,
    'dup.csv:3:1: id A is also the id on line 2; give each facility its own id',
    'dup.csv:3:1: A id-si artıq sətir 2 üçün verilib; hər xidmət obyektinə ayrıca id verin',
  ),
  refused(
    ['import', 'abroad.csv'],
    1,
    'abroad.csv:2:12: stands outside the country (lat 46.3, lon 40.6) and has no region; ' +
      'check the coordinates (lat and lon swapped?) or fill in the region column',
    'abroad.csv:2:12: ölkədən kənarda yerləşir (en 46,3, uzunluq 40,6) və inzibati vahidi ' +
      'göstərilməyib; koordinatları yoxlayın (en və uzunluq yerini dəyişib?) və ya `region` sütununu doldurun',
  ),
  refused(
    ['import', 'branch.csv'],
    1,
    'branch.csv:2:1: a branch with no center, and the list has no centers; ' +
      "fill in its parent center's id (a center column)",
    'branch.csv:2:1: filialın mərkəzi göstərilməyib, siyahıda isə mərkəz yoxdur; ' +
      'onun ana mərkəzinin id-sini yazın (`center` sütunu)',
  ),
  // what --strict fails on, and what a command tells the person running
  {
    args: ['timeline', '--strict', '--delay', 'KRB=+1y'],
    code: 1,
    en:
      "dostplan: note: with --delay, L-SHUSHA: branch opens (2024-06) before its center 'KRB' (2024-08-07)\n" +
      'dostplan: 1 target missed (and 1 acknowledged in the plan)\n',
    az:
      "dostplan: qeyd: --delay ilə, L-SHUSHA: filial öz mərkəzindən ('KRB', 2024-08-07) əvvəl açılır (2024-06)\n" +
      'dostplan: 1 hədəfə çatılmayıb (və planda səbəbi ilə qeyd olunmuş daha 1 hədəf)\n',
  },
  {
    args: [
      'capacity',
      join(FIXTURES, 'valid', 'capacity.yaml'),
      '--population',
      join(FIXTURES, 'capacity-population.csv'),
    ].concat(['--year', '2025', '--strict']),
    code: 1,
    notes: true,
    en: 'dostplan: 1 facility is above 100 % in 2025: C 120%\n',
    az: 'dostplan: 2025: 1 xidmət obyektinin yüklənməsi 100\u00a0%-dən çoxdur: C 120\u00a0%\n',
  },
  refused(
    ['coverage', '--year', '2100'],
    0,
    "note: 2100 is outside the plan's years 2019–2030",
    'qeyd: 2100 planın illərindən (2019–2030) kənardadır',
  ),
  {
    args: ['import', join(FIXTURES, 'inputs', 'facilities.csv'), '--as-of', '2026-01-01'],
    code: 0,
    notes: true,
    en: 'dostplan: imported 3 center(s) and 2 branch(es); 5 with guessed values marked "# guessed:"; check them, then run dostplan validate\n',
    az:
      'dostplan: 3 mərkəz və 2 filial idxal olundu; 5 obyektin təxmin edilmiş dəyərləri "# guessed:" ilə işarələnib; ' +
      'onları yoxlayın, sonra dostplan validate işlədin\n',
  },
  // outputs that cannot be written
  outTo('dir', '--out dir is a directory; name a file in it', '--out dir qovluqdur; onun içində fayl adı göstərin'),
  outTo(
    'plan.yaml',
    '--out plan.yaml is one of the inputs; refusing to overwrite it',
    '--out plan.yaml giriş fayllarından biridir; onun üzərinə yazılmır',
  ),
  outTo(
    'hard.yaml',
    '--out hard.yaml is the input plan.yaml; refusing to overwrite it',
    '--out hard.yaml plan.yaml giriş faylıdır; onun üzərinə yazılmır',
  ),
  outTo(
    'dangling.txt',
    '--out dangling.txt is a symbolic link to nowhere; refusing to write through it',
    '--out dangling.txt heç yerə aparmayan simvolik keçiddir; onun vasitəsilə yazılmır',
  ),
  outTo(
    ' ',
    '--out needs a file name (or leave it out to write to stdout)',
    '--out üçün fayl adı lazımdır (və ya nəticəni standart çıxışa yazmaq üçün --out verməyin)',
  ),
];

/** What the refusal says itself: without the user's own words (flags, commands, values, file names, a site's name). */
function ours(text: string, c: Case): string {
  const given = [...c.args, ...(c.values ?? [])].sort((x, y) => y.length - x.length);
  let t = text.replace(/(?<![\w-])--?[a-z][a-z-]*/g, ' ').replace(/\b(coverage|serve)\b/g, ' ');
  for (const g of given) t = t.split(g).join(' ');
  return t;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dostplan-refusals-'));
  mkdirSync(join(dir, 'dir'));
  writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(B, 'plan.yaml')));
  linkSync(join(dir, 'plan.yaml'), join(dir, 'hard.yaml'));
  symlinkSync('nowhere/x.txt', join(dir, 'dangling.txt'));
  const header = 'id,name,kind,lat,lon,region,opens,status\n';
  writeFileSync(
    join(dir, 'dup.csv'),
    `${header}A,a,center,40.6,46.3,AZ-GA,2021,open\nA,b,center,40.7,46.3,AZ-GA,2021,open\n`,
  );
  writeFileSync(join(dir, 'abroad.csv'), `${header}A,a,center,46.3,40.6,,2021,open\n`);
  writeFileSync(join(dir, 'branch.csv'), `${header}B,b,branch,40.6,46.3,AZ-GA,2021,open\n`);
  // The fixture's candidates with s1's build cost left blank.
  const candidates = readFileSync(join(B, 'candidates.csv'), 'utf8');
  writeFileSync(join(dir, 'nocost.csv'), candidates.replace('s1 at P1,3000000,', 's1 at P1,,'));
  const order = readFileSync(join(B, 'order-plan.yaml'), 'utf8');
  writeFileSync(join(dir, 'order.yaml'), order.replace('    build_cost: 4000000\n', ''));
});

describe('a refusal under --lang az is Azerbaijani, its exit code and the English unchanged', () => {
  it.each(CASES.map((c) => [c.args.join(' '), c] as const))('%s', (_, c) => {
    const en = cli(c.args, { cwd: dir });
    expect(en.code).toBe(c.code);
    if (c.notes) expect(en.stderr.endsWith(c.en)).toBe(true);
    else expect(en.stderr).toBe(c.en);

    const az = cli(['--lang', 'az', ...c.args], { cwd: dir });
    expect(az.code).toBe(c.code);
    if (c.notes) expect(az.stderr.endsWith(c.az)).toBe(true);
    else expect(az.stderr).toBe(c.az);
    expect(englishLeft(ours(az.stderr, c))).toEqual([]);
  });
});

describe("commander's errors said again in the asked language", () => {
  const az = new Locale('az');
  it('reads --lang before commander does, in both spellings, the last valid one winning', () => {
    expect(languageAsked(['coverage', '--lang', 'az'])).toBe('az');
    expect(languageAsked(['--lang=az', 'coverage'])).toBe('az');
    expect(languageAsked(['--lang', 'az', 'coverage', '--lang', 'en'])).toBe('en');
    expect(languageAsked(['--lang', 'az', '--lang', 'xx'])).toBe('az');
    expect(languageAsked(['coverage', '--', '--lang', 'az'])).toBeUndefined();
  });
  it('says a list of suggestions, and leaves a text it does not know as commander wrote it', () => {
    expect(commanderText("error: unknown option '--o'\n(Did you mean one of --out, --on?)\n", az)).toBe(
      "xəta: naməlum parametr '--o'\n(Bəlkə bunlardan biri nəzərdə tutulub: --out, --on?)\n",
    );
    expect(commanderText("error: unknown option '--o'\n", new Locale('en'))).toBe("error: unknown option '--o'\n");
    expect(commanderText('error: something new\n', az)).toBe('error: something new\n');
  });
});

describe('refusals no command line reaches on a test machine', () => {
  it('a result that cannot reach stdout, a disk full, a format a result has not, a binary result', () => {
    const az = new Locale('az');
    const say = (s: Parameters<Locale['say']>[0]) => az.say(s);
    const full = new UserError(said('refuse.stdout_full', { reason: 'ENOSPC' }));
    expect(full.message).toBe(
      'cannot write the result to standard output: ENOSPC (the disk is full; the output is incomplete)',
    );
    expect(full.text(say)).toBe(
      'nəticəni standart çıxışa yazmaq mümkün olmadı: ENOSPC (disk doludur; nəticə yarımçıqdır)',
    );
    const binary = new UserError(said('refuse.binary_to_terminal', { what: said('refuse.a_geotiff') }));
    expect(binary.message).toBe('A GeoTIFF is binary: write it to a file with --out FILE');
    expect(binary.text(say)).toBe('GeoTIFF rastr ikili (binar) məlumatdır: onu --out FAYL ilə fayla yazın');
    for (const e of [full, binary]) expect(englishLeft(e.text(say))).toEqual([]);
  });
  it('a grid too large: 4448 rows of 0.1 km over 4° of latitude by 5963 columns over 7° of longitude at 40° N', () => {
    let refused: unknown;
    try {
      gridOver([44, 38, 51, 42], 0.1);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(UserError);
    const e = refused as UserError;
    expect(e.message).toBe(
      'a 0.1 km grid over the country has 26523424 cells, more than the 20000000 a run may hold; choose a larger --cell-km',
    );
    expect(e.text((s) => new Locale('az').say(s))).toBe(
      'ölkə üzərində 0,1 km-lik şəbəkədə 26523424 xana var, bir icranın saxlaya biləcəyi 20000000 xanadan çox; ' +
        'daha böyük --cell-km seçin',
    );
  });
});

describe('an internal error in the run language', () => {
  afterEach(() => vi.restoreAllMocks());
  /** A run whose first message fails with a plain Error: a bug, as the CLI sees one. */
  async function crash(lang: string[]): Promise<[number, string]> {
    let written = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      written += String(s);
      return true;
    });
    const run = new RunContext({
      message: () => {
        throw new Error('boom');
      },
    });
    const code = await main(['node', 'dostplan', ...lang, 'coverage', join(B, 'plan.yaml'), ...budget], run);
    return [code, written];
  }
  it('is exit 70 with the framing in Azerbaijani, the reason as the program gave it', async () => {
    expect(await crash([])).toEqual([
      70,
      'dostplan: internal error: boom\nPlease report this with the command you ran.\n',
    ]);
    expect(await crash(['--lang', 'az'])).toEqual([
      70,
      'dostplan: daxili xəta: boom\nZəhmət olmasa, bu barədə işlətdiyiniz əmrlə birlikdə məlumat verin.\n',
    ]);
  });
});
